"""Folding for matching: full-width/half-width forms and Latin case.

Folding maps every character to exactly one character, so a folded text has the
same length as the display text and offsets found in one are offsets in the other.
That is what lets matching ignore width and case while highlights still land on the
characters the document really has.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Every BMP block holding a character with a width variant or a one-character lowercase
# (checked against a scan of the whole BMP in the tests): scanning these instead of all
# 65,536 code points keeps the first fold off the reader's start-up path.
FOLD_RANGES = (
    (0x0000, 0x0600),  # Latin, Greek, Cyrillic, Armenian
    (0x10A0, 0x1100),  # Georgian
    (0x13A0, 0x1400),  # Cherokee
    (0x1C80, 0x1CC0),  # Cyrillic Extended-C, Georgian Extended
    (0x1E00, 0x2000),  # Latin Extended Additional, Greek Extended
    (0x2100, 0x2200),  # Letterlike symbols, Roman numerals
    (0x2460, 0x2500),  # enclosed alphanumerics
    (0x2C00, 0x2D30),  # Glagolitic, Latin Extended-C, Coptic
    (0x3000, 0x3001),  # ideographic space
    (0xA640, 0xA800),  # Cyrillic Extended-B, Latin Extended-D
    (0xAB70, 0xABC0),  # Cherokee Supplement
    (0xFF00, 0xFFF0),  # half-width and full-width forms
)


def _fold_one(ch: str) -> str:
    folded = ch
    decomposition = unicodedata.decomposition(ch)
    if decomposition.startswith(("<wide>", "<narrow>")):
        parts = decomposition.split()
        if len(parts) == 2:
            folded = chr(int(parts[1], 16))
    lower = folded.lower()
    # str.lower() can grow a character ("İ" -> "i̇"); keeping one-to-one matters more.
    if len(lower) == 1:
        folded = lower
    return folded


def scan_table(code_points: range | list[int]) -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in code_points:
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        folded = _fold_one(ch)
        if folded != ch:
            table[cp] = folded
    return table


@cache
def fold_table() -> dict[int, str]:
    """The translation table for ``str.translate`` (about 1,400 entries, built once)."""
    table: dict[int, str] = {}
    for start, stop in FOLD_RANGES:
        table.update(scan_table(range(start, stop)))
    return table


def fold(text: str) -> str:
    """Fold ``text`` for matching; ``len(fold(text)) == len(text)`` always."""
    return text.translate(fold_table())


@cache
def _variants_table() -> dict[str, frozenset[str]]:
    variants: dict[str, set[str]] = {}
    for cp, folded in fold_table().items():
        variants.setdefault(folded, {folded}).add(chr(cp))
    return {key: frozenset(value) for key, value in variants.items()}


def variants(folded_char: str) -> frozenset[str]:
    """Every character whose fold is ``folded_char`` (including itself)."""
    return _variants_table().get(folded_char, frozenset((folded_char,)))


def needs_folding(folded_text: str) -> bool:
    """Whether any character of an already folded text has other spellings."""
    table = _variants_table()
    return any(ch in table for ch in folded_text)
