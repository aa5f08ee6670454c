"""Drawing a table block of the reader: cells laid out in columns, hits baked in.

The reader reserves a table's lines in its layout and draws them from these segments.
"""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from zhreader.corpus import Document

SHORT_COLUMN = 8  # cells every table column keeps before long columns get more


def render_table(
    document: Document,
    block: int,
    width: int,
    styled: Callable[[str, int], Text],
    table_style: Style,
    console: Console,
) -> list[list[Segment]]:
    """The lines of table ``block`` at ``width`` cells; ``styled(cell, offset)`` gives a
    cell's text with its highlights (``offset``: where the cell starts in the text)."""
    start = document.blocks[block].start
    rows: list[list[Text]] = []
    position = start
    for raw in document.block_text(block).split("\n"):
        cells: list[Text] = []
        for cell in raw.split("\t"):
            cells.append(styled(cell, position))
            position += len(cell) + 1
        rows.append(cells)
    columns = max(len(row) for row in rows)
    caption = rows.pop(0)[0] if len(rows) > 1 and len(rows[0]) == 1 and columns > 1 else None
    header = rows.pop(0) if rows and len(rows[0]) == columns and columns > 1 else None
    table = Table(
        box=box.SIMPLE_HEAD,
        title=caption,
        title_justify="left",
        show_header=header is not None,
        expand=False,
        style=table_style,
        pad_edge=False,
        show_edge=False,
    )
    widths = column_widths(([header] if header else []) + rows, columns, width)
    for index in range(columns):
        table.add_column(header[index] if header else "", overflow="fold", width=widths[index])
    for row in rows:
        if len(row) == 1 and columns > 1:
            row[0].stylize("bold")
        table.add_row(*row)
    return console.render_lines(table, console.options.update_width(width), pad=False)


def column_widths(rows: list[list[Text]], columns: int, width: int) -> list[int | None]:
    """Fixed widths when the table is too wide (None: the column's natural width).

    Short columns (units, numbers) keep their natural width; the long ones share what is
    left in proportion to their content. (Rich would squeeze CJK columns, which have no
    spaces to wrap at, all alike.)"""
    natural = [1] * columns
    for row in rows:
        if len(row) == 1 and columns > 1:
            continue  # a group row spanning the table
        for index, cell in enumerate(row):
            natural[index] = max(natural[index], cell.cell_len)
    room = width - 3 * (columns - 1)  # SIMPLE_HEAD without edges: " " rule plus padding
    if sum(natural) <= room:
        return [None] * columns
    # Every column keeps up to SHORT_COLUMN cells (numbers and units stay whole); the
    # rest of the room goes to the columns that want more, by how much.
    floor = [min(n, SHORT_COLUMN) for n in natural]
    extra = max(room - sum(floor), 0)
    want = [n - f for n, f in zip(natural, floor, strict=True)]
    total = sum(want) or 1
    return [max(f + extra * w // total, 2) for f, w in zip(floor, want, strict=True)]
