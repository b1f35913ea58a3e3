"""MkDocs hooks: a page's edit button opens the YAML it is made from, not the generated Markdown."""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

REFERENCE_PAGES = {"people": "people.yaml", "places": "places.yaml", "series": "series.yaml"}
"""Folders of pages drawn from one reference file each."""


def edit_source(src_uri: str, content_path: str) -> str | None:
    """The repository path to edit for a generated page, or None for pages drawn from many files."""
    folder, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    if stem == "index" or not content_path:
        return None
    if folder == "conferences":
        return f"{content_path}/conferences/{stem}.yaml"
    if folder in REFERENCE_PAGES:
        return f"{content_path}/{REFERENCE_PAGES[folder]}"
    return None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    content_path = config.extra.get("content_path", "")
    for file in files.documentation_pages():
        file.edit_uri = edit_source(file.src_uri, content_path)
    return files
