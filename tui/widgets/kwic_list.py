"""Concordance lines, one a row: the left contexts right-aligned so every hit starts in
the same column (East Asian widths counted), the right context after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment

from zhreader.support.cells import cells, fit_left, fit_right
from zhreader.tui.widgets.line_list import LineList, row_style

if TYPE_CHECKING:
    from collections.abc import Sequence

    from zhreader.index.concordance import Line, Lines


def left_width(width: int) -> int:
    """Cells of left context in a row ``width`` wide: a little under half, as AntConc
    centres the hits."""
    return max((width - 2) * 9 // 20, 2)


class KwicList(LineList):
    COMPONENT_CLASSES = {"kwic-list--cursor", "kwic-list--context", "kwic-list--hit"}
    DEFAULT_CSS = """
    KwicList > .kwic-list--cursor { background: $accent 25%; }
    KwicList:focus > .kwic-list--cursor { background: $accent 60%; }
    KwicList > .kwic-list--context { color: $text-muted; }
    KwicList > .kwic-list--hit { color: $text; background: $warning 35%; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: Sequence[Line] = ()

    @property
    def row_count(self) -> int:
        return len(self.lines)

    def show(self, lines: Lines, keep: Line | None = None) -> None:
        """Show ``lines`` (made as they are drawn); the cursor stays on ``keep`` when it is
        among them."""
        self.lines = lines
        found = lines.row_of(keep.number) if keep is not None else None
        self.rows_changed()
        self.cursor = (found or 0) if lines else -1
        self._scroll_cursor_into_view()

    @property
    def current(self) -> Line | None:
        return self.lines[self.cursor] if 0 <= self.cursor < len(self.lines) else None

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        line = self.lines[row]
        cursor = row_style(self, "kwic-list--cursor") if selected else None
        context = row_style(self, "kwic-list--context")
        hit_style = row_style(self, "kwic-list--hit")
        if cursor:
            context, hit_style = context + cursor, hit_style + cursor
        left = left_width(width)
        hit = fit_right(line.hit, min(cells(line.hit), max(width - left - 2, 1)))
        room = max(width - left - 2 - cells(hit), 0)
        return [
            Segment(fit_left(line.left, left) + " ", context),
            Segment(hit, hit_style),
            Segment(" " + fit_right(line.right, room), context),
        ]
