"""Record text stays text: escaped for the Markdown and HTML it is placed in."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from markupsafe import Markup

_INLINE = str.maketrans({char: "\\" + char for char in "\\`*_{}[]|"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"})
"""Escaped wherever they stand: emphasis, code, links and images (without [ there is no link, and
the ( ) and ! around it are plain), attribute lists, table cells, and HTML's three specials."""
_BLOCK_START = re.compile(r"^( ?)([#+-]|\d+(?=[.)]))([.)]?)")
"""What starts a block only at the beginning of a text: a heading, a list item, a rule, a numbered
item (the full stop or parenthesis after its number is what gets escaped)."""
_SPACE = re.compile(r"\s+")
_PLAIN_SPACE = re.compile(r"(?:[^\S ]| {2})")
"""Whitespace other than single spaces: only then is there anything to fold."""


def one_line(text: str) -> str:
    """Whitespace folded to single spaces, so no text can start a new block or an indented one."""
    return _SPACE.sub(" ", text) if _PLAIN_SPACE.search(text) else text


def _escape_block_start(match: re.Match[str]) -> str:
    space, marker, punctuation = match.groups()
    if marker[0].isdigit():
        return f"{space}{marker}\\{punctuation}" if punctuation else match.group(0)
    return f"{space}\\{marker}{punctuation}"


def markdown_text(value: object) -> Markup:
    """Text for a Markdown line: every character shows as typed and none is markup.

    Only what could start Markdown syntax is escaped, which keeps the Markdown readable and
    spares Python-Markdown the work of undoing a backslash before every full stop."""
    if isinstance(value, Markup):
        return value
    return _markdown_line(str(value))


@lru_cache(maxsize=1 << 16)
def _markdown_line(text: str) -> Markup:
    """markdown_text of plain text; names and labels recur on thousands of pages, escaped once."""
    text = one_line(text).translate(_INLINE)
    if text[:1] in " #+-0123456789":
        text = _BLOCK_START.sub(_escape_block_start, text, count=1)
    return Markup(text)


def html_text(value: object) -> Markup:
    """Text for raw HTML, an element's content or a quoted attribute."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(one_line(str(value)), quote=True))


def front_matter_text(value: object) -> Markup:
    """A YAML scalar for a page's front matter. MkDocs themes print meta values into HTML
    without escaping, so the text is HTML-escaped here (a JSON string is valid YAML)."""
    return Markup(json.dumps(html.escape(one_line(str(value)).strip(), quote=True), ensure_ascii=False))
