"""The steps in order: load, check, render, build. Nothing is written before the content passes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .model import Archive, build_archive
from .records import load_content
from .render import RenderReport, render_site
from .site import ROOT, build_sites, check_output_folder
from .validate import check

DEFAULT_CONTENT = ROOT / "content"
DEFAULT_OUT = ROOT / "site"
WORK_DIR = ROOT / "build"


def load_archive(content_dir: Path = DEFAULT_CONTENT) -> Archive:
    """Load and check the content; raises ContentError listing every problem."""
    content = load_content(content_dir)
    check(content)
    return build_archive(content)


@dataclass
class BuildReport:
    """What a build did and how long each step took, in seconds."""

    archive: Archive
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
    checked = time.perf_counter()
    rendered = render_site(archive, work_dir / "md", site_url)
    rendered_at = time.perf_counter()
    build_sites(work_dir / "md", out_dir, work_dir, site_url, repo_url, content_dir)
    built = time.perf_counter()
    timings = {"check": checked - started, "render": rendered_at - checked, "mkdocs": built - rendered_at}
    return BuildReport(archive, rendered, timings)
