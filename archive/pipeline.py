"""The steps in order: load, check, render, build. Nothing is written before the content passes."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path

from .history import last_changes
from .incremental import Memory
from .model import Archive, build_archive
from .records import load_content
from .render import RenderReport, Site, render_site
from .site import ROOT, build_sites, check_output_folder, repository_url
from .social_cards import draw_cards
from .validate import check

DEFAULT_CONTENT = ROOT / "content"
DEFAULT_OUT = ROOT / "site"
WORK_DIR = ROOT / "build"
"""Where the rendered Markdown goes, one folder per language under md/: all that a build leaves there."""


def load_archive(content_dir: Path = DEFAULT_CONTENT, memory: Memory | None = None) -> Archive:
    """Load and check the content; raises ContentError listing every problem. With the preview's
    memory, what it holds of unchanged files is taken from it, and it keeps this content's.

    Loading makes a great many small objects that all stay: the cyclic garbage collector, which
    would scan them again and again as they are made, waits until they are built."""
    gc.disable()
    try:
        content = load_content(content_dir, memory.documents if memory else None)
        passed = check(content, memory.passed if memory else frozenset())
        archive = build_archive(content, memory.typed if memory else None)
    finally:
        gc.enable()
    if memory:
        memory.documents = {d.path: d for d in (*content.references.values(), *content.conferences)}
        memory.passed = passed
        memory.typed = {c.digest: (c._record, c._field_digests) for c in archive.conferences}
    return archive


def site_of(content_dir: Path, site_url: str | None, repo_url: str | None) -> Site:
    """Where the site is published and edited: edit links need the content folder inside the repository."""
    content = content_dir.resolve()
    if not content.is_relative_to(ROOT):
        return Site(site_url, changed=last_changes(content))
    return Site(site_url, repository_url(repo_url), content.relative_to(ROOT).as_posix(), last_changes(content))


@dataclass
class BuildReport:
    """What a build did and how long each step took, in seconds."""

    archive: Archive
    md_root: Path
    """Where the Markdown of each language went."""
    render: RenderReport
    timings: dict[str, float] = field(default_factory=dict)


def build(
    content_dir: Path = DEFAULT_CONTENT,
    out_dir: Path = DEFAULT_OUT,
    site_url: str | None = None,
    work_dir: Path = WORK_DIR,
    repo_url: str | None = None,
) -> BuildReport:
    """Check, render Markdown into work_dir/md, and build the site into out_dir."""
    check_output_folder(out_dir, content_dir)
    started = time.perf_counter()
    archive = load_archive(content_dir)
    rendered = render_site(archive, work_dir / "md", site_of(content_dir, site_url, repo_url))
    draw_cards(rendered.cards)
    rendered_at = time.perf_counter()
    build_sites(work_dir / "md", out_dir, site_url, repo_url)
    timings = {"render": rendered_at - started, "mkdocs": time.perf_counter() - rendered_at}
    return BuildReport(archive, work_dir / "md", rendered, timings)
