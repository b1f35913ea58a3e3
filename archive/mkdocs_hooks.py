"""A MkDocs hook for the preview's dirty builds, which build again only the pages whose Markdown
changed: the navigation still has every title. (The search index is Pagefind's, made afresh over the
whole built site after every build: archive/search_index.py.)"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

_nav_pages: list[Page] = []


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _nav_pages[:] = nav.pages
    return nav


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """A dirty build reads only the pages it builds again; the navigation still needs every title."""
    for page in _nav_pages:
        if page.markdown is None:
            page.read_source(config)
    return env
