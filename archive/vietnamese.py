"""Vietnamese text in alphabetical order, and folded as readers type it without marks."""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
"""The Vietnamese alphabet in its own order; f, j, w, z follow at the end."""

_RANK = {letter: index for index, letter in enumerate(ALPHABET + "fjwz")}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
"""Tone marks in their conventional order: huyền, hỏi, ngã, sắc, nặng."""
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}
"""Breve, circumflex and horn: they make new letters (ă, â, ê, ô, ơ, ư)."""


def nfc(text: str) -> str:
    """Composed Unicode, as records and pages use everywhere."""
    return unicodedata.normalize("NFC", text)


def fold(word: str) -> str:
    """Lowercase, without tone and vowel marks, đ as d: "Đặng" → "dang"."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _letters(text: str) -> list[tuple[str, int]]:
    """Split text into (base letter with its vowel mark, tone) pairs."""
    letters: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _TONES and letters:
            base, _ = letters[-1]
            letters[-1] = (base, _TONES[char])
        elif unicodedata.combining(char) and letters:
            base, tone = letters[-1]
            letters[-1] = (nfc(base + char) if char in _VOWEL_MARKS else base, tone)
        else:
            letters.append((char, 0))
    return letters


def _rank(base: str) -> int:
    """A letter's place in the alphabet; spaces, digits and punctuation come before every letter."""
    if base in _RANK:
        return _RANK[base]
    if base[0].isalpha():
        return 100 + ord(base[0])
    return ord(base[0]) - 0x110000


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that orders text as a Vietnamese dictionary does: a < ă < â < b … d < đ, tones after."""
    letters = _letters(text)
    primary = tuple(_rank(base) for base, _ in letters)
    tones = tuple(tone for _, tone in letters)
    return primary, tones, text


def name_sort_key(full_name: str) -> tuple:
    """Vietnamese people are listed by given name (the last word), then the full name."""
    words = full_name.split()
    return sort_key(words[-1] if words else ""), sort_key(full_name)
