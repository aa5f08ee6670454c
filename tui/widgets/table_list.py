"""A table of text cells, one row a line, its header the first line: columns as wide as
their widest cell (East Asian widths counted), numbers right-aligned, and a bar column
that draws a count as a bar. Only the rows on screen are drawn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment

from zhreader.support.barchart import bar
from zhreader.support.cells import cells, fit_left, fit_right
from zhreader.support.printable import printable
from zhreader.tui.widgets.line_list import LineList, row_style

BAR_CELLS = 12
_GAP = 2


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    right: bool = False  # numbers: aligned right


class TableList(LineList):
    COMPONENT_CLASSES = {"table-list--cursor", "table-list--header", "table-list--bar"}
    DEFAULT_CSS = """
    TableList > .table-list--cursor { background: $accent 25%; }
    TableList:focus > .table-list--cursor { background: $accent 60%; }
    TableList > .table-list--header { color: $text-muted; text-style: bold; }
    TableList > .table-list--bar { color: $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.rows: list[list[str]] = []
        self.bars: list[int] = []
        self._widths: list[int] = []
        self._largest = 0

    @property
    def row_count(self) -> int:
        return len(self.rows) + 1 if self.columns else 0

    def selectable(self, row: int) -> bool:
        return row > 0

    def show(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], bars: Sequence[int] = ()) -> None:
        """Show ``rows`` (cells as text, shown as data); ``bars``: one count a row, drawn
        after the cells as a bar against the largest."""
        self.columns = list(columns)
        self.rows = [[printable(cell) for cell in row] for row in rows]
        self.bars = list(bars)
        self._largest = max(self.bars, default=0)
        self._widths = [
            max([cells(column.title)] + [cells(row[i]) for row in self.rows]) for i, column in enumerate(self.columns)
        ]
        self.rows_changed()
        self.scroll_to(y=0, animate=False)

    @property
    def current(self) -> int | None:
        """The data row under the cursor (0 is the first row under the header)."""
        return self.cursor - 1 if 1 <= self.cursor <= len(self.rows) else None

    def _line(self, values: Sequence[str], width: int) -> str:
        parts = []
        for value, column, size in zip(values, self.columns, self._widths, strict=True):
            parts.append(fit_left(value, size) if column.right else fit_right(value, size))
        return fit_right((" " * _GAP).join(parts), width)

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        text_width = max(width - (BAR_CELLS + 1 if self.bars else 0), 1)
        if row == 0:
            return [
                Segment(self._line([c.title for c in self.columns], text_width), row_style(self, "table-list--header"))
            ]
        selected_part = ("table-list--cursor",) if selected else ()
        segments = [Segment(self._line(self.rows[row - 1], text_width), row_style(self, *selected_part))]
        if self.bars:
            drawn = bar(self.bars[row - 1], self._largest, BAR_CELLS)
            segments.append(
                Segment(" " + fit_right(drawn, BAR_CELLS), row_style(self, "table-list--bar", *selected_part))
            )
        return segments
