"""Preview images for links shared on Zalo, Facebook or X: a 1200×630 PNG per conference and one for
the rest of the site, drawn at build time with Pillow in Source Sans Pro (from the font-source-sans-pro
package, which has every Vietnamese glyph), so that no font is fetched from the web.

A page declares its image as a Card (what it shows); the build draws the cards after the render. An image
carries the digest of its card and of this module in its PNG text, so that one already drawn as it would
be drawn again is left as it is: no record of what was drawn is kept beside the images."""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import font_source_sans_pro
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from .parallel import side_by_side

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


COLOURS = 16
"""The image is stored with a palette this size: four colours and the edges of the letters between them."""
DIGEST_KEY = "archive-card"
"""The PNG text key under which an image carries its card's digest."""


@dataclass(frozen=True)
class Card:
    """What a preview image shows: the archive's name above, the page's title, then a line per detail."""

    heading: str
    title: str
    details: tuple[str, ...]

    @property
    def digest(self) -> str:
        """A hash of the texts and of the code that draws them: an image with this digest is already right."""
        texts = json.dumps([self.heading, self.title, self.details], ensure_ascii=False).encode()
        return hashlib.blake2b(_drawing_code() + b"\0" + texts, digest_size=16).hexdigest()


@cache
def _drawing_code() -> bytes:
    """This module's source, read once: a change to how cards are drawn draws every card again."""
    return Path(__file__).read_bytes()


def draw_cards(cards: Mapping[Path, Card]) -> int:
    """Draw each card to its path, the machine's cores side by side, unless the image there already shows it.
    Returns how many were drawn."""
    wanted = [(path, card) for path, card in cards.items() if _digest_of(path) != card.digest]
    side_by_side(_draw_to, wanted)
    return len(wanted)


def _digest_of(path: Path) -> str | None:
    """The card digest an image carries, or None for a missing or foreign file."""
    try:
        with Image.open(path) as image:
            return image.text.get(DIGEST_KEY)  # type: ignore[attr-defined]
    except (OSError, SyntaxError):
        return None


def _draw_to(_: object, job: tuple[Path, Card]) -> None:
    path, card = job
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(draw_card(card))


def draw_card(card: Card) -> bytes:
    """A PNG: the archive's name above, the page's title in large type, then one line per detail
    (the date and place, the series), with the card's digest in its text."""
    heading, title, details = card.heading, card.title, card.details
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
    text = PngImagePlugin.PngInfo()
    text.add_text(DIGEST_KEY, card.digest)
    out = io.BytesIO()
    image.quantize(COLOURS, method=Image.Quantize.FASTOCTREE).save(out, "PNG", pnginfo=text)
    return out.getvalue()
