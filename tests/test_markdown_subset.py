"""MkDocs converts the generated pages with only the inline syntax they can contain
(archive/markdown_subset.py), and that changes nothing in any page."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from archive.locale import LANGUAGES
from archive.markdown_subset import UNUSED_INLINE_SYNTAX
from archive.pipeline import BuildReport, load_archive
from archive.render import render_site
from archive.site import config_file
from bench.synthetic import generate


def mkdocs_config(lang: str) -> MkDocsConfig:
    """A language's configuration file, after its hooks' on_config, as MkDocs runs it."""
    config = load_config(str(config_file(lang)))
    return config.plugins.on_config(config)


def converter(config: MkDocsConfig, subset: bool) -> markdown.Markdown:
    """Python-Markdown as MkDocs makes it for a page; without the hooks' extensions unless subset."""
    extensions = [ext for ext in config.markdown_extensions if subset or isinstance(ext, str)]
    return markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)


@pytest.fixture(scope="module")
def synthetic_markdown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Markdown of 150 generated conferences: every template, charts, long lists, numbering gaps."""
    root = tmp_path_factory.mktemp("synthetic")
    render_site(load_archive(generate(root, 150)), root / "md")
    return root / "md"


def test_mkdocs_converts_pages_without_the_unused_inline_syntax(built_site: tuple[Path, BuildReport]):
    for lang in LANGUAGES:
        config = mkdocs_config(lang)
        used, everything = converter(config, subset=True), converter(config, subset=False)
        for name in UNUSED_INLINE_SYNTAX:
            assert name in everything.inlinePatterns, f"Python-Markdown has no inline pattern {name!r} any more"
            assert name not in used.inlinePatterns, name
        for name in ("escape", "link", "image_link", "html", "entity", "em_strong"):
            assert name in used.inlinePatterns, name


def test_every_generated_page_converts_to_the_same_html_with_the_subset(
    built_site: tuple[Path, BuildReport], synthetic_markdown: Path
):
    config = mkdocs_config(LANGUAGES[0])
    used, everything = converter(config, subset=True), converter(config, subset=False)
    pages = [*sorted(built_site[1].md_root.rglob("*.md")), *sorted(synthetic_markdown.rglob("*.md"))]
    assert len(pages) > 1000
    for path in pages:
        text, _ = get_data(path.read_text(encoding="utf-8"))
        assert used.reset().convert(text) == everything.reset().convert(text), path
