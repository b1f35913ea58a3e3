"""The live preview: the site rebuilt whenever a file changes, only the pages that changed again."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from .pipeline import load_archive, site_of
from .render import RenderReport, render_site
from .site import ROOT, build_sites

THEME = ("mkdocs*.yml", "overrides/**/*", "archive/mkdocs_hooks.py", "archive/markdown_subset.py")
"""What every page's HTML depends on besides its Markdown: after a change to these, every page is built again."""


def theme_digest() -> str:
    """A hash of the MkDocs configuration, the theme overrides and the hooks."""
    hasher = hashlib.blake2b()
    for pattern in THEME:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file():
                hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


class Preview:
    """A site in out_dir, from Markdown in a folder of its own that lives as long as the preview.

    The first rebuild builds every page. Later ones render every page, and MkDocs then builds again
    only those whose Markdown changed (a render rewrites only files whose text changed); a removed
    page or a change of configuration, theme or hooks makes the build a full one."""

    def __init__(self, content_dir: Path, out_dir: Path, site_url: str) -> None:
        self.content_dir, self.out_dir, self.site_url = content_dir, out_dir, site_url
        self.md_root = Path(tempfile.mkdtemp(prefix="archive-preview-")) / "md"
        self.built_with: str | None = None
        """The theme digest of the last build, None before the first."""

    def rebuild(self) -> RenderReport:
        """Render and build; raises ContentError, leaving the last site as it was, when the content has problems."""
        archive = load_archive(self.content_dir)
        report = render_site(archive, self.md_root, site_of(self.content_dir, self.site_url, None))
        theme = theme_digest()
        dirty = self.built_with == theme and not report.removed
        self.built_with = None
        build_sites(self.md_root, self.out_dir, self.site_url, dirty=dirty)
        self.built_with = theme
        return report

    def close(self) -> None:
        shutil.rmtree(self.md_root.parent, ignore_errors=True)
