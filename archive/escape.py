"""Record text stays text: escaped for the Markdown and HTML it is placed in."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

MARKDOWN_ESCAPABLE = "\\`*_{}[]()>#+-.!|"
"""What Python-Markdown, with the tables extension, lets a backslash escape."""

_MARKDOWN_AND_HTML = str.maketrans(
    {char: "\\" + char for char in MARKDOWN_ESCAPABLE} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
"""One pass over the text: HTML's three specials as entities, Markdown's behind a backslash."""
_SPACE = re.compile(r"\s+")
_PLAIN_SPACE = re.compile(r"(?:[^\S ]| {2})")
"""Whitespace other than single spaces: only then is there anything to fold."""


def one_line(text: str) -> str:
    """Whitespace folded to single spaces, so no text can start a new block or an indented one."""
    return _SPACE.sub(" ", text) if _PLAIN_SPACE.search(text) else text


def markdown_text(value: object) -> Markup:
    """Text for a Markdown line: every character shows as typed and none is markup."""
    if isinstance(value, Markup):
        return value
    return Markup(one_line(str(value)).translate(_MARKDOWN_AND_HTML))


def html_text(value: object) -> Markup:
    """Text for raw HTML, an element's content or a quoted attribute."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(one_line(str(value)), quote=True))


def front_matter_text(value: object) -> Markup:
    """A YAML scalar for a page's front matter. MkDocs themes print meta values into HTML
    without escaping, so the text is HTML-escaped here (a JSON string is valid YAML)."""
    return Markup(json.dumps(html.escape(one_line(str(value)).strip(), quote=True), ensure_ascii=False))
