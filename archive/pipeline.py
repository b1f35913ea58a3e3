"""The steps in order: load, check, render, build. Nothing is written before the content passes."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .cache import RecordCache
from .model import Archive, build_archive
from .records import load_content
from .render import RenderReport, render_site
from .site import ROOT, build_sites, check_output_folder
from .validate import check
from .workers import in_child

DEFAULT_CONTENT = ROOT / "content"
DEFAULT_OUT = ROOT / "site"
WORK_DIR = ROOT / "build"
CACHE_FOLDER = ".records"
"""In the work folder: the records as parsed and checked by the last build (a folder)."""


def load_archive(content_dir: Path = DEFAULT_CONTENT, cache_folder: Path | None = None) -> Archive:
    """Load and check the content; raises ContentError listing every problem.

    With a cache folder, files unchanged since the run that wrote it are neither parsed nor checked again."""
    # Loading makes a million small objects that live until the end: the collector, which would scan
    # them again and again, waits until they are built, then leaves them out of its scans for good.
    gc.disable()
    try:
        cache = RecordCache(cache_folder)
        content = load_content(content_dir, cache)
        passed = check(content, cache)
        archive = build_archive(content)
        cache.save(passed)  # with what the model worked out from each record
        return archive
    finally:
        gc.enable()
        gc.freeze()


def render(content_dir: Path, work_dir: Path, site_url: str | None = None) -> RenderReport:
    """The generator's step: load, check and render the Markdown of every language into work_dir/md."""
    archive = load_archive(content_dir, work_dir / CACHE_FOLDER)
    return render_site(archive, work_dir / "md", site_url)


@dataclass
class BuildReport:
    """What a build did and how long each step took, in seconds."""

    content_dir: Path
    work_dir: Path
    render: RenderReport
    timings: dict[str, float] = field(default_factory=dict)
    dirty: bool = False
    """Whether only the pages whose Markdown changed were built again."""

    @cached_property
    def archive(self) -> Archive:
        """The archive that was built, read again (from the cache the build left) when asked for."""
        return load_archive(self.content_dir, self.work_dir / CACHE_FOLDER)


def build(
    content_dir: Path = DEFAULT_CONTENT,
    out_dir: Path = DEFAULT_OUT,
    site_url: str | None = None,
    work_dir: Path = WORK_DIR,
    repo_url: str | None = None,
    dirty: bool = False,
) -> BuildReport:
    """Check, render Markdown into work_dir/md, and build the site into out_dir.

    The generator runs in a process of its own, whose memory is free again when the two MkDocs
    builds start. With dirty (for previews), only the pages whose Markdown changed are built again
    into the last site, unless a page was removed or the configuration or theme changed."""
    check_output_folder(out_dir, content_dir)
    started = time.perf_counter()
    rendered = in_child(render, content_dir, work_dir, site_url)
    rendered_at = time.perf_counter()
    dirty = build_sites(
        work_dir / "md", out_dir, work_dir, site_url, repo_url, content_dir, dirty and not rendered.removed
    )
    built = time.perf_counter()
    timings = {"render": rendered_at - started, "mkdocs": built - rendered_at}
    return BuildReport(content_dir, work_dir, rendered, timings, dirty)
