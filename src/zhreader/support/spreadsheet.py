"""Tables for spreadsheets: CSV in UTF-8 with a BOM (so Excel reads Chinese right), every
text cell shown as text and never run as a formula.

A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return, or their full-width forms) gets a leading apostrophe, as OWASP
recommends against CSV injection; control characters are shown as symbols (␛). Numbers
are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from zhreader.support.printable import printable

# What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")

Cell = str | int | float | None


def spreadsheet_safe(cell: str) -> str:
    """A text cell that a spreadsheet shows as text, never runs."""
    formula = cell.startswith(FORMULA_STARTS)  # before \r becomes a visible symbol
    cell = printable(cell, newlines=True)
    return "'" + cell if formula else cell


def _cell(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The table as CSV text, starting with a BOM; lines end in CRLF (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()
