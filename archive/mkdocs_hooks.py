"""MkDocs hooks for the preview's dirty builds, which build again only the pages whose Markdown
changed: the navigation still has every title, and the search index still covers every page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


class _Build:
    """What this build saw: the search index the last build left, every page, and the pages built."""

    def __init__(self, previous: list[dict[str, Any]] | None = None) -> None:
        self.previous = previous or []
        self.pages: list[str] = []
        self.built: set[str] = set()
        self.nav_pages: list[Page] = []


_build = _Build()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _build.pages = [_location(file.url) for file in files.documentation_pages()]
    return files


def _location(url: str) -> str:
    """A page's address as the search index gives it: the home page's is empty, not "./"."""
    return "" if url == "./" else url


def _index_path(config: MkDocsConfig) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def on_pre_build(config: MkDocsConfig) -> None:
    """Keep the search index of the last build: a dirty build only indexes the pages it builds again."""
    global _build
    path = _index_path(config)
    _build = _Build(json.loads(path.read_text(encoding="utf-8"))["docs"] if path.is_file() else None)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build.nav_pages = nav.pages
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """A dirty build reads only the pages it builds again; the navigation still needs every title."""
    for page in _build.nav_pages:
        if page.markdown is None:
            page.read_source(config)
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    _build.built.add(_location(page.url))
    return context


def merged_search_docs(
    previous: list[dict[str, Any]], new: list[dict[str, Any]], pages: list[str], built: set[str]
) -> list[dict[str, Any]]:
    """The last build's entries for the pages not built again (a removed page's are dropped) with this
    build's, in the order of the pages, as a full build writes them."""
    kept = [doc for doc in previous if _page_of(doc) not in built]
    position = {page: number for number, page in enumerate(pages)}
    docs = [doc for doc in kept + new if _page_of(doc) in position]
    return sorted(docs, key=lambda doc: position[_page_of(doc)])


def _page_of(doc: dict[str, Any]) -> str:
    return doc["location"].split("#")[0]


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """After Material's search plugin wrote the index of the pages built, add those it did not build."""
    path = _index_path(config)
    if not _build.previous or not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = merged_search_docs(_build.previous, index["docs"], _build.pages, _build.built)
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
