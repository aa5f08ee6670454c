"""Lay a document out into screen lines at a given width (no Textual here).

Each screen line knows the display-text offsets it shows, so search hits, the current
hit and the passage cursor can be drawn on it, and an offset can be scrolled to.
Tables are drawn by the reader widget; the layout only reserves their lines.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from zhreader.corpus import Document, Kind
from zhreader.support.cells import cells, graphemes
from zhreader.tui.linebreak import wrap

_ITEM_PREFIX = re.compile(r"^(?:[■□●○◆◇▲△▼▽★☆►▶•※◎➢➤√❖▪▫◼◻]|[-*+]|\d{1,3}[.．、]|[（(]\d{1,3}[）)]|[①-⑳])[ \u3000]*")


@dataclass(frozen=True, slots=True)
class Line:
    block: int  # -1: the blank line between blocks
    start: int
    end: int
    indent: int = 0  # cells of hanging indent drawn before the text
    table_row: int = -1  # line number within a table's drawing
    label: str = ""  # a line that is no text: the tags of notes ending in this block


@dataclass
class Layout:
    width: int
    lines: list[Line] = field(default_factory=list)
    block_first: list[int] = field(default_factory=list)
    block_last: list[int] = field(default_factory=list)

    def line_of(self, document: Document, offset: int) -> int:
        """The screen line showing ``offset`` (a table's first line for table text)."""
        if not self.lines or not self.block_first:
            return 0
        block = document.block_at(offset)
        first, last = self.block_first[block], self.block_last[block]
        if self.lines[first].table_row >= 0:
            return first
        starts = [line.start for line in self.lines[first : last + 1]]
        return first + max(bisect.bisect_right(starts, offset) - 1, 0)

    def offset_at(self, document: Document, row: int, column: int) -> int | None:
        """The display-text offset drawn at ``column`` cells into text line ``row``
        (None off the text: separators, labels, tables)."""
        if not 0 <= row < len(self.lines):
            return None
        line = self.lines[row]
        if line.block < 0 or line.label or line.table_row >= 0:
            return None
        column -= line.indent
        used = 0
        for start, _end, width in graphemes(document.text[line.start : line.end]):
            used += width
            if used > column:
                return line.start + start
        return line.end

    def block_of_line(self, y: int) -> int:
        """The block a screen line belongs to (a separator belongs to the block after it)."""
        if not self.lines:
            return 0
        y = min(max(y, 0), len(self.lines) - 1)
        block = self.lines[y].block
        if block >= 0:
            return block
        return bisect.bisect_right(self.block_first, y)


def item_indent(text: str) -> int:
    match = _ITEM_PREFIX.match(text)
    return cells(match.group()) if match else 0


def layout(
    document: Document,
    width: int,
    table_lines: Callable[[int], int],
    labels: dict[int, list[str]] | None = None,
) -> Layout:
    """Lay out every block; ``table_lines(block)`` draws a table and returns its height;
    ``labels`` are extra lines shown under a block (its notes' tags)."""
    result = Layout(width)
    lines = result.lines
    text = document.text
    for index, block in enumerate(document.blocks):
        if index:
            lines.append(Line(-1, block.start, block.start))
        result.block_first.append(len(lines))
        if block.kind is Kind.TABLE:
            height = max(table_lines(index), 1)
            lines.extend(Line(index, block.start, block.end, table_row=row) for row in range(height))
        elif block.kind is Kind.PRE:
            position = block.start
            for raw in text[block.start : block.end].split("\n"):
                end = position + len(raw)
                lines.extend(Line(index, s, e) for s, e in wrap(text, width, position, end))
                position = end + 1
        else:
            indent = item_indent(text[block.start : block.end]) if block.kind is Kind.ITEM else 0
            if indent * 3 > width:
                indent = 0
            for number, (s, e) in enumerate(wrap(text, width, block.start, block.end, indent=indent)):
                lines.append(Line(index, s, e, indent if number else 0))
        for label in (labels or {}).get(index, ()):
            lines.append(Line(index, block.end, block.end, label=label))
        result.block_last.append(len(lines) - 1)
    return result
