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


def fit_left(text: str, width: int) -> str:
    """The end of ``text`` that fits ``width`` cells, padded on the left to exactly
    ``width`` (a wide character that would straddle the edge becomes a space)."""
    clusters = graphemes(text)
    start, taken = len(text), 0
    for c_start, _c_end, w in reversed(clusters):
        if taken + w > width:
            break
        start, taken = c_start, taken + w
    if cells(text[start:]) != taken:
        # Rich joins some clusters with their neighbours (a stray joiner): measure whole.
        start = len(text)
        for c_start, _c_end, _w in reversed(clusters):
            if cells(text[c_start:]) > width:
                break
            start = c_start
    return _padded(text[start:], width, left=True)


def fit_right(text: str, width: int) -> str:
    """The start of ``text`` that fits ``width`` cells, padded on the right to exactly
    ``width``."""
    return _padded(text[: _fitting_end(text, width)], width, left=False)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, with an ellipsis when cut (never inside a cluster)."""
    if width <= 0:
        return ""
    if cells(text) <= width:
        return text
    return text[: _fitting_end(text, width - 1)] + "…"


def fit_start(text: str, width: int) -> str:
    """``text`` cut at its start to ``width`` cells, with an ellipsis when cut (a path
    whose end, the file's name, matters most)."""
    if width <= 0:
        return ""
    if cells(text) <= width:
        return text
    return "…" + fit_left(text, width - 1).lstrip(" ")


def _fitting_end(text: str, width: int) -> int:
    """Where the longest start of ``text`` made of whole clusters within ``width`` ends."""
    clusters = graphemes(text)
    end, taken = 0, 0
    for _c_start, c_end, w in clusters:
        if taken + w > width:
            break
        end, taken = c_end, taken + w
    if cells(text[:end]) != taken:
        # Rich joins some clusters with their neighbours (a stray joiner): measure whole.
        end = 0
        for _c_start, c_end, _w in clusters:
            if cells(text[:c_end]) > width:
                break
            end = c_end
    return end


def _padded(text: str, width: int, *, left: bool) -> str:
    # A joiner at the edge can join the padding space too (Rich measures "\u200d " as 0):
    # pad until the whole measures ``width``.
    pad = width - cells(text)
    while True:
        out = " " * pad + text if left else text + " " * pad
        if cells(out) >= width or pad > width:
            return out
        pad += 1
