"""A table of text cells, one row a line, its header the first line: columns as wide as
their widest cell (East Asian widths counted), numbers right-aligned, and a bar column
that draws a count as a bar. In a pane too narrow for every column the optional ones are
left out, least useful first, rather than cutting the last. Only the rows on screen are
drawn."""

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
    drop: int = 0  # in a narrow pane, columns with the highest drop go first; 0 stays


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

    def _shown(self, width: int) -> list[int]:
        """The columns that fit in ``width`` cells."""
        shown = list(range(len(self.columns)))
        optional = sorted((i for i in shown if self.columns[i].drop), key=lambda i: -self.columns[i].drop)
        while optional and self._width_of(shown) > width:
            shown.remove(optional.pop(0))
        return shown

    def _width_of(self, shown: list[int]) -> int:
        return sum(self._widths[i] for i in shown) + _GAP * max(len(shown) - 1, 0)

    def _line(self, values: Sequence[str], shown: list[int]) -> str:
        parts = []
        for i in shown:
            size = self._widths[i]
            parts.append(fit_left(values[i], size) if self.columns[i].right else fit_right(values[i], size))
        return (" " * _GAP).join(parts)

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        shown = self._shown(width)
        # The bar follows the last column, where the eye is; left out when it does not fit.
        text_width = self._width_of(shown)
        with_bar = bool(self.bars) and text_width + _GAP + BAR_CELLS <= width
        if row == 0:
            header = self._line([c.title for c in self.columns], shown)
            return [Segment(fit_right(header, width), row_style(self, "table-list--header"))]
        selected_part = ("table-list--cursor",) if selected else ()
        line = self._line(self.rows[row - 1], shown)
        if not with_bar:
            return [Segment(fit_right(line, width), row_style(self, *selected_part))]
        drawn = bar(self.bars[row - 1], self._largest, BAR_CELLS)
        return [
            Segment(line + " " * _GAP, row_style(self, *selected_part)),
            Segment(fit_right(drawn, width - text_width - _GAP), row_style(self, "table-list--bar", *selected_part)),
        ]
