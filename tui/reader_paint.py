"""Painting the reader's text: highlight layers (tagged passages, search hits, the
current hit, the selection) over a stretch of the display text, as Rich segments.

No Textual here: the reader widget resolves the styles and calls these per line.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

Span = tuple[int, int]
Layer = tuple[int, int, Style]


@dataclass(frozen=True)
class Hits:
    """Search hits in text order, with the current one (-1: none)."""

    spans: list[Span] = field(default_factory=list)
    current: int = -1
    _starts: list[int] = field(init=False, repr=False)
    _reach: list[int] = field(init=False, repr=False)  # the furthest end among hits 0..i

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s for s, _ in self.spans])
        object.__setattr__(self, "_reach", list(itertools.accumulate((e for _, e in self.spans), max)))

    def __len__(self) -> int:
        return len(self.spans)

    def with_current(self, current: int) -> Hits:
        return Hits(self.spans, current)

    def overlapping(self, start: int, end: int) -> Iterator[int]:
        """Indexes of the hits that overlap ``[start, end)`` (hits may overlap each other,
        as 哈哈 does twice in 哈哈哈, so a hit may start before an earlier one ends)."""
        first = bisect.bisect_right(self._reach, start)
        stop = bisect.bisect_left(self._starts, end)
        for index in range(first, stop):
            if self.spans[index][1] > start:
                yield index

    def any_in(self, start: int, end: int) -> bool:
        return next(self.overlapping(start, end), None) is not None


@dataclass(frozen=True)
class Palette:
    """The styles of the highlight layers, resolved for one frame."""

    tagged: Style
    hit: Style
    current_hit: Style
    selection: Style


def layers(
    start: int, end: int, hits: Hits, tagged: list[Span], selection: Span | None, palette: Palette
) -> list[Layer]:
    """Highlights over ``[start, end)``, lowest first: tagged passages, hits, the selection."""
    found: list[Layer] = []
    for s, e in tagged:
        if s < end and e > start:
            found.append((max(s, start), min(e, end), palette.tagged))
    for index in hits.overlapping(start, end):
        s, e = hits.spans[index]
        found.append((max(s, start), min(e, end), palette.current_hit if index == hits.current else palette.hit))
    if selection is not None:
        s, e = selection
        if s < end and e > start:
            found.append((max(s, start), min(e, end), palette.selection))
    return found


def segments(text: str, start: int, end: int, base: Style, over: list[Layer]) -> list[Segment]:
    """``text[start:end]`` as segments, each piece styled by every layer covering it."""
    shown = text[start:end].replace("\t", " ")
    if not over:
        return [Segment(shown, base)]
    points = sorted({start, end, *(p for s, e, _ in over for p in (s, e))})
    out: list[Segment] = []
    for a, b in itertools.pairwise(points):
        if a >= b:
            continue
        style = base
        for s, e, layer in over:
            if s <= a and b <= e:
                style = style + layer
        out.append(Segment(shown[a - start : b - start], style))
    return out


def highlighted(text: str, start: int, hits: Hits, palette: Palette, base: Style | None = None) -> Text:
    """A piece of text (a table cell starting at ``start``) with its hits styled in."""
    content = Text(text.replace("\t", " "), style=base or "")
    end = start + len(text)
    for index in hits.overlapping(start, end):
        s, e = hits.spans[index]
        style = palette.current_hit if index == hits.current else palette.hit
        content.stylize(style, max(s, start) - start, min(e, end) - start)
    return content
