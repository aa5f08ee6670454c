"""Folding for matching: full-width/half-width forms and Latin case.

Folding maps every character to exactly one character, so a folded text has the
same length as the display text and offsets found in one are offsets in the other.
That is what lets matching ignore width and case while highlights still land on the
characters the document really has.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_SURROGATES = range(0xD800, 0xE000)


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


@cache
def fold_table() -> dict[int, str]:
    """The translation table for ``str.translate`` (about 1,400 entries, built once)."""
    table: dict[int, str] = {}
    for cp in range(0x10000):
        if cp in _SURROGATES:
            continue
        ch = chr(cp)
        folded = _fold_one(ch)
        if folded != ch:
            table[cp] = folded
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
