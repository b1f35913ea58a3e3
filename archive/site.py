"""One MkDocs build per language into a temporary folder, then swapped into place."""

from __future__ import annotations

import copy
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

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


def _build_one(_: object, config_path: str) -> None:
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
    config = load_config(config_file=config_path)
    build(config)


def build_sites(
    md_root: Path,
    out_dir: Path,
    work_dir: Path,
    site_url: str | None = None,
    repo_url: str | None = None,
    content_dir: Path | None = None,
) -> None:
    """Build every language from md_root/<lang>, then replace out_dir in one step."""
    staging = out_dir.parent / f".{out_dir.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    config_paths = []
    for lang in LANGUAGES:
        config = language_config(lang, md_root / lang, staging / lang, site_url, repo_url, content_dir)
        path = work_dir / f"mkdocs.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        config_paths.append(str(path))
    try:
        parallel_map(_build_one, config_paths)
        site = staging / LANGUAGES[0]
        for lang in LANGUAGES[1:]:
            (staging / lang).rename(site / lang)
        _swap(site, out_dir)
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
