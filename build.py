#!/usr/bin/env python3
"""The archive's command line: check | build | serve | new | format | edit | editor. Run with --help for the options."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from ruamel.yaml.error import YAMLError

from archive.errors import ContentError, github_annotation
from archive.layout import format_file, layout_problems
from archive.pipeline import DEFAULT_CONTENT, DEFAULT_OUT, WORK_DIR, build, load_archive
from archive.scaffold import ScaffoldError, check_answer, fields_to_fill, series_ids, write_skeleton
from archive.site import OutputFolderError


def _report(error: ContentError) -> int:
    """Print every problem for a person; in GitHub Actions also as annotations on the diff."""
    root = Path.cwd()
    for problem in error.problems:
        print(problem.describe(root), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in error.problems:
            print(github_annotation(problem, root))
    print(f"\n{len(error.problems)} problem(s) found; nothing was written.", file=sys.stderr)
    return 1


def command_check(args: argparse.Namespace) -> int:
    archive = load_archive(args.content)
    if problems := layout_problems(args.content):
        raise ContentError(problems)
    print(f"OK: {len(archive.conferences)} conferences and their references are valid.")
    return 0


def command_build(args: argparse.Namespace) -> int:
    report = build(args.content, args.out, args.site_url, args.work, args.repo_url)
    timings = ", ".join(f"{step} {seconds:.2f} s" for step, seconds in report.timings.items())
    print(f"Built {report.render.conferences} conferences into {args.out} ({timings}).")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    from mkdocs.livereload import LiveReloadServer

    from archive.preview import Preview

    url = f"http://{args.host}:{args.port}/"
    preview = Preview(args.content, Path(tempfile.mkdtemp(prefix="archive-site-")) / "site", url)

    def rebuild() -> None:
        started = time.perf_counter()
        try:
            preview.rebuild()
        except ContentError as error:
            _report(error)
            return
        print(f"Rebuilt in {time.perf_counter() - started:.2f} s; open {url}", flush=True)

    rebuild()
    server = LiveReloadServer(rebuild, args.host, args.port, str(preview.out_dir))
    root = Path(__file__).resolve().parent
    watched = [args.content, root / "templates", root / "overrides", root / "schema", *root.glob("mkdocs*.yml")]
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        server.shutdown()
    finally:
        preview.close()
        shutil.rmtree(preview.out_dir.parent, ignore_errors=True)
    return 0


NEW_QUESTIONS = {
    "date": "Ngày họp / Date (YYYY-MM-DD)",
    "series": "Chuỗi hội nghị / Series",
    "title_vi": "Tên hội nghị (tiếng Việt) / Title in Vietnamese",
    "title_en": "Tên hội nghị (tiếng Anh) / Title in English",
    "slug": "Tên ngắn trong mã hội nghị / Short name for the id (Enter: the series id)",
}


def _ask(args: argparse.Namespace, name: str) -> None:
    """Ask for one answer until it is usable; each is checked as soon as it is given."""
    options = f" [{', '.join(series_ids(args.content))}]" if name == "series" else ""
    while True:
        answer = input(f"{NEW_QUESTIONS[name]}{options}: ").strip()
        if not answer and name == "slug":
            return
        try:
            check_answer(args.content, name, answer)
        except ScaffoldError as error:
            print(f"  {error}")
            continue
        setattr(args, name, answer)
        return


def command_new(args: argparse.Namespace) -> int:
    missing = [name for name in NEW_QUESTIONS if not getattr(args, name)]
    required = [name for name in missing if name != "slug"]
    if required and not sys.stdin.isatty():
        flags = ", ".join("--" + name.replace("_", "-") for name in required)
        print(f"error: give {flags}, or run the command in a terminal to be asked", file=sys.stderr)
        return 1
    if required:
        for name in missing:
            _ask(args, name)
    path = write_skeleton(args.content, args.date, args.series, args.title_vi, args.title_en, args.slug)
    print(f"Wrote {path}.")
    required, optional = fields_to_fill()
    print("Now fill in / Hãy điền: " + ", ".join(required))
    print("And what the sources give / Và những gì nguồn cho biết: " + ", ".join(optional))
    print("Then check / Sau đó kiểm tra: python build.py check")
    return 0


def command_format(args: argparse.Namespace) -> int:
    paths = args.files or sorted(args.content.rglob("*.yaml"))
    refused = 0
    for path in paths:
        try:
            changed = format_file(path)
        except YAMLError:
            refused += 1
            print(f"{path}: not YAML, left as it is; `python build.py check` says where", file=sys.stderr)
            continue
        if changed:
            print(f"Laid out {path}.")
    return 1 if refused else 0


def command_edit(args: argparse.Namespace) -> int:
    from archive.edit_locally import local_editor

    root = args.content.resolve().parent
    with local_editor(root, args.port, args.api_port) as url:
        print(f"The editor works on {root / 'content'}: open {url} (Ctrl+C stops it).")
        print(f"Trình biên tập làm việc trên {root / 'content'}: mở {url} (Ctrl+C để dừng).")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print()
    return 0


def command_editor(args: argparse.Namespace) -> int:
    from archive.editor import write_editor

    repo = args.repo or os.environ.get("GITHUB_REPOSITORY")
    auth_url = args.auth_url or os.environ.get("EDITOR_AUTH_URL") or None
    auth_site = args.auth_site or os.environ.get("EDITOR_AUTH_SITE") or None
    out = write_editor(args.out, repo=repo, auth_url=auth_url, auth_site=auth_site)
    print(f"Wrote the editor into {out} (repository {repo or 'not set'}).")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="build.py", description=__doc__)
    commands = main.add_subparsers(dest="command")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content/)")
        return sub

    add("check", "validate the content; print every problem and exit 1 if there is any")
    build_parser = add("build", "validate, render and build the site (the default command)")
    build_parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    build_parser.add_argument(
        "--site-url", help="the address the site is published at, e.g. https://owner.github.io/repo/"
    )
    build_parser.add_argument(
        "--work", type=Path, default=WORK_DIR, help="folder for the generated Markdown (default: build/)"
    )
    build_parser.add_argument(
        "--repo-url", help="the GitHub repository, for edit links (default: GITHUB_REPOSITORY in Actions)"
    )
    serve = add("serve", "preview the site, rebuilding when content or templates change")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    new = add("new", "write a skeleton record for a new conference")
    new.add_argument("--date", help="ISO date, e.g. 2026-05-20 (asked when missing)")
    new.add_argument("--series", help="a series id from content/series.yaml (asked when missing)")
    new.add_argument("--title-vi", help="the Vietnamese title (asked when missing)")
    new.add_argument("--title-en", help="the English title (asked when missing)")
    new.add_argument("--slug", help="short ASCII name for the id (default: from the series)")
    edit = add("edit", "open the web form on this computer, saving into the content folder (Decap's local backend)")
    edit.add_argument("--port", type=int, default=8000, help="the form's port (default: 8000)")
    edit.add_argument("--api-port", type=int, default=8081, help="the local backend's port (default: 8081)")
    editor = add("editor", "write the web form for publishing, e.g. into site/admin/")
    editor.add_argument("--out", type=Path, default=DEFAULT_OUT / "admin", help="folder (default: site/admin/)")
    editor.add_argument("--repo", help="owner/name of the GitHub repository (default: GITHUB_REPOSITORY)")
    editor.add_argument("--auth-url", help="the sign-in service's address (default: EDITOR_AUTH_URL)")
    editor.add_argument("--auth-site", help="the Netlify site whose sign-in it uses (default: EDITOR_AUTH_SITE)")
    lay_out = add("format", "lay content files out the project's way (keys in the schema's order, one style)")
    lay_out.add_argument("files", nargs="*", type=Path, help="the files (default: every file in the content folder)")
    return main


COMMANDS = {
    "check": command_check,
    "build": command_build,
    "serve": command_serve,
    "new": command_new,
    "format": command_format,
    "edit": command_edit,
    "editor": command_editor,
}


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("--") and arguments[0] not in ("--help",)):
        arguments.insert(0, "build")
    args = parser().parse_args(arguments)
    try:
        return COMMANDS[args.command](args)
    except ContentError as error:
        return _report(error)
    except (OutputFolderError, ScaffoldError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"error: the MkDocs build failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
