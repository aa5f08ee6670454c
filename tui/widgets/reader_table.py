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
from zhreader.support.cells import cells
from zhreader.tui.linebreak import wrap

SHORT_COLUMN = 8  # cells every table column keeps before long columns get more
NARROWEST_LONG_COLUMN = 6  # a long column narrower than this reads as a letter per line
GAP = 3  # SIMPLE_HEAD without edges: " " rule plus padding between columns


def render_table(
    document: Document,
    block: int,
    width: int,
    styled: Callable[[str, int], Text],
    table_style: Style,
    console: Console,
) -> list[list[Segment]]:
    """The lines of table ``block`` at ``width`` cells; ``styled(cell, offset)`` gives a
    cell's text with its highlights (``offset``: where the cell starts in the text).

    Cells break lines as body text does (no line starts with a closing mark or a postfix
    sign, numbers stay whole). A table too wide for the pane is drawn stacked: each row
    its own small block of "heading: value" lines."""
    rows = _cells(document, block, styled)
    columns = max(len(row) for row in rows)
    caption = rows.pop(0)[0] if len(rows) > 1 and len(rows[0]) == 1 and columns > 1 else None
    header = rows.pop(0) if rows and len(rows[0]) == columns and columns > 1 else None
    widths = column_widths(([header] if header else []) + rows, columns, width)
    if widths is None:
        return _stacked(caption, header, rows, width, table_style, console)
    table = Table(
        box=box.SIMPLE_HEAD,
        title=broken(caption, width) if caption is not None else None,
        title_justify="left",
        show_header=header is not None,
        expand=False,
        style=table_style,
        pad_edge=False,
        show_edge=False,
    )
    for index in range(columns):
        heading = broken(header[index], widths[index]) if header else ""
        table.add_column(heading, overflow="fold", width=widths[index])
    for row in rows:
        if _is_group(row, columns):
            table.add_row(_bold(broken(row[0], width)))
            continue
        table.add_row(*[broken(cell, widths[i]) for i, cell in enumerate(row)])
    return console.render_lines(table, console.options.update_width(width), pad=False)


def _cells(document: Document, block: int, styled: Callable[[str, int], Text]) -> list[list[Text]]:
    rows: list[list[Text]] = []
    position = document.blocks[block].start
    for raw in document.block_text(block).split("\n"):
        cells: list[Text] = []
        for cell in raw.split("\t"):
            cells.append(styled(cell, position))
            position += len(cell) + 1
        rows.append(cells)
    return rows


def _is_group(row: list[Text], columns: int) -> bool:
    """A row that names the group of rows below it (one cell across the table)."""
    return len(row) == 1 and columns > 1


def broken(cell: Text, width: int | None) -> Text:
    """``cell`` with its lines broken at ``width`` cells by the Chinese rules, so Rich
    (which breaks only at spaces) has nothing left to fold."""
    if width is None or cell.cell_len <= width:
        return cell
    lines = wrap(cell.plain, width)
    return Text("\n").join(cell[start:end] for start, end in lines)


def column_widths(rows: list[list[Text]], columns: int, width: int) -> list[int | None] | None:
    """Fixed widths when the table is too wide (None for a column: its natural width;
    None for all: the table cannot be drawn in columns at this width).

    Short columns (units, numbers) keep their natural width; the long ones share what is
    left in proportion to their content. (Rich would squeeze CJK columns, which have no
    spaces to wrap at, all alike.)"""
    natural = [1] * columns
    for row in rows:
        if _is_group(row, columns):
            continue
        for index, cell in enumerate(row):
            natural[index] = max(natural[index], cell.cell_len)
    room = width - GAP * (columns - 1)
    if sum(natural) <= room:
        return [None] * columns
    # Every column keeps up to SHORT_COLUMN cells (numbers and units stay whole); the
    # rest of the room goes to the columns that want more, by how much.
    floor = [min(n, SHORT_COLUMN) for n in natural]
    extra = room - sum(floor)
    if extra < 0:
        return None
    want = [n - f for n, f in zip(natural, floor, strict=True)]
    total = sum(want) or 1
    widths = [f + extra * w // total for f, w in zip(floor, want, strict=True)]
    if any(w > 0 and size < min(NARROWEST_LONG_COLUMN, n) for size, w, n in zip(widths, want, natural, strict=True)):
        return None
    return list(widths)


def _stacked(
    caption: Text | None,
    header: list[Text] | None,
    rows: list[list[Text]],
    width: int,
    table_style: Style,
    console: Console,
) -> list[list[Segment]]:
    """Each row as a block: its first cell as a heading line, every other cell as an
    indented "heading：value" line (the column's heading when the table has one)."""
    lines: list[Text] = []
    if caption is not None:
        lines.extend(_wrapped(caption, width))
    for row in rows:
        if lines:
            lines.append(Text(""))
        head, *rest = row
        lines.extend(_wrapped(_bold(head.copy()), width))
        for index, cell in enumerate(rest, start=1):
            if not cell.plain.strip():
                continue
            label = header[index].plain.strip() if header and index < len(header) else ""
            lines.extend(_wrapped(cell, width, f"{label}：" if label else "", margin=2))
    drawing = Text("\n").join(lines)
    drawing.stylize(table_style)
    return console.render_lines(drawing, console.options.update(width=width, no_wrap=True), pad=False)


def _bold(cell: Text) -> Text:
    cell.stylize("bold")
    return cell


def _wrapped(cell: Text, width: int, label: str = "", margin: int = 0) -> list[Text]:
    """``label`` and ``cell`` broken at ``width``, ``margin`` cells in; following lines
    hang under the value."""
    whole = Text(label).append_text(cell)
    hang = min(cells(label), width // 3)
    result = []
    for number, (start, end) in enumerate(wrap(whole.plain, width - margin, indent=hang)):
        result.append(Text(" " * (margin + (hang if number else 0))).append_text(whole[start:end]))
    return result
