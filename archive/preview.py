"""The live preview: the site rebuilt whenever a file changes, only what the change touched again."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from .incremental import Memory
from .pipeline import load_archive, site_of
from .render import TEMPLATES_DIR, RenderReport, render_site
from .site import ROOT, build_sites
from .social_cards import draw_cards

THEME = ("mkdocs*.yml", "overrides/**/*", "archive/mkdocs_hooks.py", "archive/markdown_subset.py")
"""What every page's HTML depends on besides its Markdown: after a change to these, every page is built again."""


def files_digest(root: Path, *patterns: str) -> str:
    """A hash of the names and bytes of the files that match the patterns under root."""
    hasher = hashlib.blake2b()
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def theme_digest() -> str:
    return files_digest(ROOT, *THEME)


class Preview:
    """A site in out_dir, from Markdown in a folder of its own that lives as long as the preview.

    The first rebuild builds every page. Later ones draw again the pages whose reads changed
    (incremental.py), and MkDocs then builds again only the pages whose Markdown changed; a removed
    page or a change of configuration, theme or hooks makes MkDocs' build a full one."""

    def __init__(self, content_dir: Path, out_dir: Path, site_url: str) -> None:
        self.content_dir, self.out_dir, self.site_url = content_dir, out_dir, site_url
        self.md_root = Path(tempfile.mkdtemp(prefix="archive-preview-")) / "md"
        self.memory = Memory()
        self.built_with: str | None = None
        """The theme's digest at the last build, None before the first."""

    def rebuild(self) -> RenderReport:
        """Render and build; raises ContentError, leaving the last site as it was, when the content has problems."""
        archive = load_archive(self.content_dir, self.memory)
        site = site_of(self.content_dir, self.site_url, None)
        references = sorted(f"{kind}:{digest}" for kind, digest in archive.reference_digests.items())
        basis = hashlib.blake2b(f"{files_digest(TEMPLATES_DIR, '**/*')} {references} {site}".encode()).hexdigest()
        report = render_site(archive, self.md_root, site, self.memory, basis)
        draw_cards(report.cards)
        theme = theme_digest()
        dirty = self.built_with == theme and not report.removed
        self.built_with = None
        build_sites(self.md_root, self.out_dir, self.site_url, dirty=dirty)
        self.built_with = theme
        return report

    def close(self) -> None:
        shutil.rmtree(self.md_root.parent, ignore_errors=True)
