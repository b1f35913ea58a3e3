"""MkDocs hook: Python-Markdown looks only for the inline syntax the generated pages can contain.

Python-Markdown tries every inline pattern on every piece of text, and a conference page has
hundreds of them (table cells, list items), so the patterns were most of MkDocs' time per page.
The templates write inline links, images, emphasis, raw HTML and entities; record text is
escaped (archive/escape.py) so that it can start none of the others. The rest is switched off.
tests/test_markdown_subset.py converts every generated page both ways and requires the same HTML.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from mkdocs.config.defaults import MkDocsConfig

UNUSED_INLINE_SYNTAX = {
    "backtick": "`code`",
    "reference": "[text][label]",
    "image_reference": "![alt][label]",
    "short_reference": "[label]",
    "short_image_ref": "![label]",
    "autolink": "<https://…>",
    "automail": "<name@example.org>",
    "linebreak": "two spaces at the end of a line",
}
"""Python-Markdown's names for the inline patterns no generated page needs, with what they match."""


class GeneratedMarkdownSubset(Extension):
    """Deregisters the inline patterns of UNUSED_INLINE_SYNTAX."""

    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED_INLINE_SYNTAX:
            md.inlinePatterns.deregister(name, strict=False)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(GeneratedMarkdownSubset())
    return config
