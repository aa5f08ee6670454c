"""Terminal cells: the one measure of text width for every layer.

Line repair (how wide the source's lines were), the reader's line breaking, the lists'
columns and the tables all measure with Rich's ``cell_len``, because Rich is what draws
the text in the end: a line measured one way and drawn another overflows. ``graphemes``
gives what is drawn as one (a character with its combining marks, a flag), never split.

Emoji sequences are where terminals disagree (tmux 3.3 draws ❤️ in one cell, kitty in
two), so the display text and everything shown through ``printable`` carry no zero-width
joiner or emoji variation selector: what is left has one width in every terminal.
"""

from __future__ import annotations

from rich.cells import cell_len, split_graphemes

_REGIONAL = range(0x1F1E6, 0x1F200)


def cells(text: str) -> int:
    """Terminal cells ``text`` takes (wide and full-width characters count two)."""
    return cell_len(text)


def graphemes(text: str) -> list[tuple[int, int, int]]:
    """(start, end, cells) of each cluster that is drawn as one: a character with its
    combining marks, variation selectors, ZWJ partners and keycap; a flag's two letters."""
    spans, _total = split_graphemes(text)
    merged: list[tuple[int, int, int]] = []
    for start, end, width in spans:
        if (
            merged
            and end - start == 1
            and ord(text[start]) in _REGIONAL
            and merged[-1][1] - merged[-1][0] == 1
            and ord(text[merged[-1][0]]) in _REGIONAL
        ):
            first = merged.pop()
            merged.append((first[0], end, cells(text[first[0] : end])))
            continue
        merged.append((start, end, width))
    return merged
