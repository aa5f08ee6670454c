"""From positioned text on PDF pages to lines in reading order, without the furniture.

PDFium gives a page's characters with boxes and its own line breaks, in the order the page
draws them. This module, free of PDFium so it can be tested on made-up geometry, does what
is left:

* a line whose text has a wide gap in it (more than a character's width) is two things
  side by side: cells of a table row (joined by tabs, which the reflow reads as a table)
  or, when the pieces are long prose lines whose left edges stay aligned over several
  lines, two columns that PDFium read across: those are read column by column;
* a line that starts clearly right of its column's left edge is indented (it starts a
  paragraph), which is what the reflow needs to tell paragraphs apart;
* running headers and footers (a line at the top or bottom of many pages, equal up to its
  numbers) and page numbers (a number alone at the top or bottom of a page) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Gaps wider than this many font heights separate table cells or columns; a space between
# Latin words is about a third of one.
GAP_EMS = 1.0
# A line starting this many font heights right of its column's edge is indented.
INDENT_EMS = 0.8
# A line set this much larger or smaller than the one before it (a headline above body
# text) starts a paragraph of its own.
SIZE_CHANGE = 1.2
# Pieces of a line read as columns (not table cells) when they are this long on average.
COLUMN_MIN_CHARS = 12
COLUMN_MIN_LINES = 3
# How far (in font heights) column edges may wander and still be one column.
ALIGN_EMS = 1.5
# Lines looked at for headers and footers at each end of a page.
EDGE_LINES = 2
# A header must repeat on this share of the pages (odd and even pages often differ).
REPEAT_SHARE = 0.4

_DIGITS = re.compile(r"[0-9０-９]+|[一二三四五六七八九十百零〇]+")
_PAGE_NUMBER = re.compile(
    r"^[-–—·•\s]*(?:第\s*)?(?:[0-9０-９]{1,4}|[一二三四五六七八九十百零〇]{1,4})\s*(?:页)?"
    r"(?:\s*[/／]\s*[0-9０-９]{1,4}|\s*of\s*[0-9]{1,4})?[-–—·•\s]*$"
    r"|^(?:page|p\.)\s*[0-9]{1,4}$"
    r"|(?-i:^[ivxl]{1,6}$)",  # front matter numbered in roman (lower case: I, V are also words)
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Piece:
    """Text that PDFium put on one line, cut at wide gaps: one cell or one column's line."""

    text: str
    left: float
    right: float
    bottom: float
    top: float

    @property
    def size(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass(frozen=True, slots=True)
class Line:
    """A line as the reflow gets it."""

    text: str
    indented: bool
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.top - self.bottom, 1.0)

    def source(self) -> str:
        # Leading spaces are how the reflow learns that a line starts a paragraph.
        return ("  " + self.text) if self.indented else self.text


def _columns(run: list[list[Piece]]) -> list[float] | None:
    """The left edges of the columns of a run of lines, when their pieces are columns."""
    counts = Counter(len(pieces) for pieces in run if len(pieces) > 1)
    if not counts:
        return None
    width, _ = counts.most_common(1)[0]
    rows = [pieces for pieces in run if len(pieces) == width]
    if len(rows) < COLUMN_MIN_LINES:
        return None
    edges = [min(row[k].left for row in rows) for k in range(width)]
    size = max(piece.size for row in rows for piece in row)
    aligned = all(abs(row[k].left - edges[k]) <= ALIGN_EMS * size for row in rows for k in range(width))
    chars = sum(len(piece.text) for row in rows for piece in row) / (len(rows) * width)
    return edges if aligned and chars >= COLUMN_MIN_CHARS else None


def _column_of(piece: Piece, edges: list[float]) -> int:
    return max((k for k, edge in enumerate(edges) if piece.left >= edge - ALIGN_EMS * piece.size), default=0)


def _column_tail(pieces: list[Piece], edges: list[float], above: list[Piece]) -> bool:
    """Whether a one-piece line below a run of columns is the end of one of them (a short
    last line), not text across the page under them."""
    if len(pieces) != 1:
        return False
    piece = pieces[0]
    close = min(p.bottom for p in above) - piece.top <= 2 * piece.size
    column = _column_of(piece, edges)
    inside = column + 1 == len(edges) or piece.right <= edges[column + 1]
    return close and inside and abs(piece.left - edges[column]) <= ALIGN_EMS * piece.size


def _multi_runs(lines: list[list[Piece]]) -> list[tuple[int, int]]:
    """Spans of consecutive lines that have, or sit among lines that have, several pieces."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            i += 1
            continue
        j = i + 1
        # A column's short last line is one piece: it belongs to the run while more
        # multi-piece lines follow within two lines.
        while j < len(lines) and (len(lines[j]) > 1 or any(len(x) > 1 for x in lines[j + 1 : j + 3])):
            j += 1
        spans.append((i, j))
        i = j
    return spans


def _indents(pieces: Sequence[Piece]) -> list[bool]:
    """Which pieces start right of the left edge most lines of their text share."""
    if not pieces:
        return []
    edges = Counter(round(piece.left) for piece in pieces if len(piece.text) > 1)
    edge = min(edges, key=lambda e: (-edges[e], e)) if edges else min(round(p.left) for p in pieces)
    return [piece.left - edge >= INDENT_EMS * piece.size for piece in pieces]


def _singles(pieces: list[Piece]) -> list[Line]:
    return [
        Line(piece.text, indented, piece.top, piece.bottom)
        for piece, indented in zip(pieces, _indents(pieces), strict=True)
    ]


def _run_lines(run: list[list[Piece]], edges: list[float] | None) -> list[Line]:
    """A run of lines with several pieces: columns read one after the other, or table rows."""
    if edges is None:
        out: list[Line] = []
        for pieces in run:
            if len(pieces) == 1:
                out.extend(_singles(pieces))
            else:
                text = "\t".join(piece.text for piece in pieces)
                out.append(Line(text, False, max(p.top for p in pieces), min(p.bottom for p in pieces)))
        return out
    columns: list[list[Piece]] = [[] for _ in edges]
    for pieces in run:
        for piece in pieces:
            columns[_column_of(piece, edges)].append(piece)
    return [line for column in columns for line in _singles(column)]


def order_page(lines: list[list[Piece]]) -> list[Line]:
    """A page's lines (each its pieces left to right, in PDFium's order) in reading order."""
    out: list[Line] = []
    done = 0
    for start, end in _multi_runs(lines):
        start = max(start, done)
        if start >= end:
            continue
        out.extend(_singles([pieces[0] for pieces in lines[done:start]]))
        edges = _columns(lines[start:end])
        if edges is not None:
            while end < len(lines) and _column_tail(lines[end], edges, lines[end - 1]):
                end += 1
        out.extend(_run_lines(lines[start:end], edges))
        done = end
    out.extend(_singles([pieces[0] for pieces in lines[done:]]))
    return out


def mark_size_changes(lines: list[Line]) -> list[Line]:
    """A line set in another size than the line before it (a headline above the text, the
    text below it) starts a paragraph. Run after the furniture is gone: a small running
    header above the text says nothing about it."""
    return [
        line
        if line.indented or k == 0 or 1 / SIZE_CHANGE < line.size / lines[k - 1].size < SIZE_CHANGE
        else Line(line.text, True, line.top, line.bottom)
        for k, line in enumerate(lines)
    ]


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", "".join(text.split()))


def is_page_number(text: str) -> bool:
    return _PAGE_NUMBER.match(text.strip()) is not None


def _edges(page: list[Line]) -> set[int]:
    """Indexes of the lines at the top and bottom of a page (by position, not order)."""
    by_height = sorted(range(len(page)), key=lambda k: -page[k].top)
    return set(by_height[:EDGE_LINES]) | set(by_height[-EDGE_LINES:])


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without running headers, footers and page numbers.

    A running line is one at a page's top or bottom that recurs there on many pages, equal
    up to its numbers, and never among the body lines (lines of a list or a table that
    differ only in their numbers are text)."""
    edges = [_edges(page) for page in pages]
    seen: Counter[str] = Counter()
    body: set[str] = set()
    for page, ends in zip(pages, edges, strict=True):
        seen.update({_furniture_key(page[k].text) for k in ends})
        body.update(_furniture_key(line.text) for k, line in enumerate(page) if k not in ends)
    with_text = sum(1 for page in pages if page)
    needed = max(2, round(REPEAT_SHARE * with_text))
    running = {key for key, count in seen.items() if count >= needed and key and key not in body}
    kept: list[list[Line]] = []
    for page, ends in zip(pages, edges, strict=True):
        kept.append(
            [
                line
                for k, line in enumerate(page)
                if k not in ends or not (is_page_number(line.text) or _furniture_key(line.text) in running)
            ]
        )
    return kept
