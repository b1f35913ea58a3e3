"""Preview images for links shared on Zalo, Facebook or X: a 1200×630 PNG per conference and one for
the rest of the site, drawn at build time with Pillow in Source Sans Pro (from the font-source-sans-pro
package, which has every Vietnamese glyph), so that no font is fetched from the web."""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
"""The size Open Graph and Twitter's large card recommend (1.91:1)."""
MARGIN = 72
BACKGROUND = "#7f0000"  # the theme's dark primary colour (overrides/assets/stylesheets/archive.css)
BAND = "#a31515"
TEXT = "#ffffff"
MUTED = "#ffd9d2"  # contrast 8.5:1 on the background
TITLE_SIZES = (64, 58, 52, 46, 40)
"""The title's font sizes, largest first: the first at which it fits in four lines is used."""
DETAIL_SIZES = (38, 34, 30)


@cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(Path(font_source_sans_pro.font_directory) / f"SourceSansPro-{weight}.ttf"), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap: as many words on each line as fit in width pixels."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


Fitted = tuple[ImageFont.FreeTypeFont, list[str]]


def _fitted(text: str, weight: str, sizes: tuple[int, ...], most_lines: int) -> Fitted:
    """The largest size at which a text fits in most_lines lines; at the smallest, a text still too
    long is cut at a word and ends in an ellipsis."""
    width = WIDTH - 2 * MARGIN
    for size in sizes:
        font = _font(weight, size)
        lines = _wrap(unicodedata.normalize("NFC", text), font, width)
        if len(lines) <= most_lines:
            return font, lines
    lines = lines[:most_lines]
    while font.getlength(lines[-1] + " …") > width and " " in lines[-1]:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += " …"
    return font, lines


def draw_card(heading: str, title: str, details: list[str]) -> bytes:
    """A PNG: the archive's name above, the page's title in large type, then one line per detail
    (the date and place, the series)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 16), fill=BAND)
    font, lines = _fitted(heading, "Semibold", (34,), 1)
    pen.text((MARGIN, 64), lines[0], font=font, fill=MUTED)
    font, lines = _fitted(title, "Bold", TITLE_SIZES, 4)
    y = 140
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=TEXT)
        y += round(font.size * 1.2)
    y = max(y + 24, HEIGHT - MARGIN - 52 * len(details))
    for detail in details:
        font, lines = _fitted(detail, "Regular", DETAIL_SIZES, 1)
        pen.text((MARGIN, y), lines[0], font=font, fill=MUTED)
        y += 52
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
