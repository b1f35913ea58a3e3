"""One MkDocs build per language, from the configuration files at the repository's root, then the
search index over both: into a staging folder swapped into place, or, for the preview, only the
changed pages again in place (and the index of the whole site again)."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .locale import LANGUAGES
from .parallel import side_by_side
from .render import load_strings
from .search_index import index_site
from .settings import LICENSE

ROOT = Path(__file__).resolve().parent.parent


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


def repository_url(given: str | None) -> str | None:
    """The repository's address: given, or GitHub Actions' own repository."""
    if given:
        return given
    if os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        return f"{server}/{os.environ['GITHUB_REPOSITORY']}/"
    return None


def config_file(lang: str) -> Path:
    """The MkDocs configuration of a language: mkdocs.yml for the first, mkdocs.<lang>.yml for the others."""
    return ROOT / ("mkdocs.yml" if lang == LANGUAGES[0] else f"mkdocs.{lang}.yml")


def language_folder(site: Path, lang: str) -> Path:
    """Where a language's pages go in the site: the first at its root, the others in a folder each."""
    return site if lang == LANGUAGES[0] else site / lang


def language_url(site_url: str | None, lang: str) -> str | None:
    """The address of a language's pages, below the site's."""
    return None if not site_url else site_url.rstrip("/") + "/" + ("" if lang == LANGUAGES[0] else f"{lang}/")


@dataclass(frozen=True)
class LanguageBuild:
    """What one MkDocs build is given on top of its configuration file, as the mkdocs command's options."""

    lang: str
    docs_dir: Path
    site_dir: Path
    site_url: str | None
    repo_url: str | None
    dirty: bool


def licence_notice(lang: str) -> str:
    """The licence as the footer of every page states it (Material shows config.copyright as HTML)."""
    link = f'<a href="{LICENSE["path"]}" rel="license">{LICENSE["short"]}</a>'
    return load_strings()["license_notice"][lang].format(license=link)


DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs warns at the start of every dirty build, which strict mode would count as a failure."""


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def build_language(_: object, job: LanguageBuild) -> None:
    """Run one MkDocs build, printing its warnings as the mkdocs command does."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(f"%(levelname)s [{job.lang}] %(message)s"))
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
    # A filter on the logger that writes the warning: the strict mode's counter sits on "mkdocs".
    logging.getLogger(build.__module__).addFilter(_not_the_dirty_warning)
    config = load_config(
        config_file=str(config_file(job.lang)),
        docs_dir=str(job.docs_dir),
        site_dir=str(job.site_dir),
        site_url=job.site_url,
        repo_url=job.repo_url,
        copyright=licence_notice(job.lang),
    )
    build(config, dirty=job.dirty)


def build_sites(
    md_root: Path, out_dir: Path, site_url: str | None = None, repo_url: str | None = None, dirty: bool = False
) -> None:
    """Build every language from md_root/<lang>. A full build goes to a staging folder that replaces
    out_dir when every language built; a dirty one builds again, in place, only the pages whose
    Markdown is newer than their HTML."""
    repo_url = repository_url(repo_url)
    staging = out_dir.parent / f".{out_dir.name}.staging"
    jobs = [
        LanguageBuild(
            lang,
            md_root / lang,
            language_folder(out_dir, lang) if dirty else staging / lang,
            language_url(site_url, lang),
            repo_url,
            dirty,
        )
        for lang in LANGUAGES
    ]
    shutil.rmtree(staging, ignore_errors=True)
    try:
        side_by_side(build_language, jobs)
        if dirty:
            index_site(out_dir)
        else:
            first = staging / LANGUAGES[0]
            for lang in LANGUAGES[1:]:
                (staging / lang).rename(language_folder(first, lang))
            index_site(first)
            _swap(first, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, out_dir: Path) -> None:
    """Put the new site where the old one was; the old one stays until the new one is in place."""
    old = out_dir.parent / f".{out_dir.name}.previous"
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    new.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
