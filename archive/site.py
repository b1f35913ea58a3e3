"""One MkDocs build per language into a temporary folder, then swapped into place; or, for a
preview, only the changed pages built again in place."""

from __future__ import annotations

import copy
import json
import logging
import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .cache import digest
from .locale import LANGUAGES
from .workers import parallel_map

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_CONFIG = ROOT / "mkdocs.yml"


class OutputFolderError(ValueError):
    """The output folder would overwrite the sources."""


def check_output_folder(out_dir: Path, content_dir: Path) -> None:
    """Refuse an output folder that is the repository, the content, a parent of either, or inside the content."""
    target = out_dir.resolve()
    for folder in (ROOT.resolve(), content_dir.resolve()):
        if folder.is_relative_to(target):
            raise OutputFolderError(f"refusing to build into {out_dir}: it would replace {folder}")
    if target.is_relative_to(content_dir.resolve()):
        raise OutputFolderError(f"refusing to build into {out_dir}: it is inside the content folder")


def repository_url(configured: str | None) -> str | None:
    """The repository's address: given, or GitHub Actions' own repository."""
    if configured:
        return configured
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}/"
    return None


def language_config(
    lang: str,
    docs_dir: Path,
    site_dir: Path,
    site_url: str | None,
    repo_url: str | None = None,
    content_dir: Path | None = None,
) -> dict[str, Any]:
    """mkdocs.yml with one language's settings applied and every path made absolute."""
    config = yaml.safe_load(MKDOCS_CONFIG.read_text(encoding="utf-8"))
    config = copy.deepcopy(config)
    languages: dict[str, dict[str, str]] = config["extra"]["languages"]
    settings = languages[lang]
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["site_name"] = settings["site_name"]
    config["site_description"] = settings["site_description"]
    config["theme"]["language"] = lang
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    repo_url = repository_url(repo_url or config.get("repo_url"))
    if repo_url:
        config["repo_url"] = repo_url
    else:
        config.pop("edit_uri", None)
    content_dir = (content_dir or ROOT / "content").resolve()
    config["extra"]["content_path"] = (
        content_dir.relative_to(ROOT).as_posix() if content_dir.is_relative_to(ROOT) else ""
    )
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "search" in plugin:
            plugin["search"]["lang"] = settings["search_lang"]
    if site_url:
        config["site_url"] = site_url.rstrip("/") + "/" + settings["root"]
    up = "../" * settings["root"].count("/")
    config["extra"]["lang"] = lang
    config["extra"]["site_root_url"] = site_url.rstrip("/") + "/" if site_url else ""
    config["extra"]["alternate"] = [
        {"name": other["name"], "lang": code, "link": up + other["root"], "root": other["root"]}
        for code, other in languages.items()
    ]
    return config


DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs warns at the start of every dirty build, which strict mode would count as a failure."""


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def _build_one(dirty: bool, config_path: str) -> None:
    """Run one MkDocs build (in a worker process), printing its warnings as the mkdocs command does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"%(levelname)s [{Path(config_path).stem}] %(message)s"))
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
    # A filter on the logger that writes the warning: the strict mode's counter sits on "mkdocs".
    logging.getLogger(build.__module__).addFilter(_not_the_dirty_warning)
    build(load_config(config_file=config_path), dirty=dirty)


def _language_dir(site: Path, lang: str) -> Path:
    """Where a language's pages go in the site: the first at its root, the others in a folder each."""
    return site if lang == LANGUAGES[0] else site / lang


SITE_STAMP = "site-stamp.json"
"""In the work folder: where the last site was built, and from which configuration and theme."""


def _stamp(out_dir: Path, configs: list[dict[str, Any]]) -> str:
    """What every page's HTML depends on besides its Markdown: the configuration of each language,
    the theme overrides, the hooks, and the versions of MkDocs and Material."""
    hooks = {Path(hook) for config in configs for hook in config.get("hooks", [])}
    files = [path.read_bytes() for path in [*sorted((ROOT / "overrides").rglob("*")), *sorted(hooks)] if path.is_file()]
    versions = [metadata.version(package) for package in ("mkdocs", "mkdocs-material")]
    return digest(str(out_dir.resolve()), json.dumps(configs, sort_keys=True), *versions, *files)


def build_sites(
    md_root: Path,
    out_dir: Path,
    work_dir: Path,
    site_url: str | None = None,
    repo_url: str | None = None,
    content_dir: Path | None = None,
    dirty: bool = False,
) -> bool:
    """Build every language from md_root/<lang>, then replace out_dir in one step.

    With dirty, when out_dir holds a site built from the same configuration and theme, MkDocs
    builds again, in place, only the pages whose Markdown is newer than their HTML (the search
    index is merged by the hooks). Returns whether the build was dirty."""
    configs = {
        lang: language_config(lang, md_root / lang, _language_dir(out_dir, lang), site_url, repo_url, content_dir)
        for lang in LANGUAGES
    }
    stamp_path, stamp = work_dir / SITE_STAMP, _stamp(out_dir, list(configs.values()))
    dirty = dirty and out_dir.is_dir() and stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp
    stamp_path.unlink(missing_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging"
    config_paths = []
    for lang, config in configs.items():
        if not dirty:
            config["site_dir"] = str(staging / lang)
        path = work_dir / f"mkdocs.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        config_paths.append(str(path))
    if not dirty:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        parallel_map(_build_one, config_paths, shared=dirty)
        if not dirty:
            site = staging / LANGUAGES[0]
            for lang in LANGUAGES[1:]:
                (staging / lang).rename(_language_dir(site, lang))
            _swap(site, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    stamp_path.write_text(stamp, encoding="utf-8")
    return dirty


def _swap(new: Path, out_dir: Path) -> None:
    """Put the new site where the old one was; the old one stays until the new one is in place."""
    old = out_dir.parent / f".{out_dir.name}.previous"
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    new.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
