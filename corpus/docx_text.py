"""Text of a Word document (.docx) through python-docx, walking the body in order so
that tables stay where they are (``Document.paragraphs`` would drop them)."""

from __future__ import annotations

import io
import re
from typing import Any

from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import Extracted, TextBlocks
from zhreader.corpus.zipped import open_zip

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLES = frozenset({"title", "标题"})


def _style(paragraph: Any) -> str:
    return str((paragraph.style.name if paragraph.style is not None else "") or "")


def _heading_level(paragraph: Any, shift: int) -> int:
    """The outline level of a heading paragraph, 0 for body text."""
    name = _style(paragraph)
    if name.lower() in _TITLE_STYLES:
        return 1
    match = _HEADING_STYLE.match(name)
    if match:
        return min(int(match.group(1)) + shift, 6)
    return 0


def _rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # A merged cell is listed once for every grid column it spans.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text)
        rows.append(cells)
    return rows


def extract_docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table

    open_zip(data, "Word document").close()  # refuses zip bombs before python-docx unpacks
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises KeyError, ValueError, its own errors, lxml's
        raise DocumentError(f"damaged Word document ({type(err).__name__})") from None
    items = list(document.iter_inner_content())
    # With a Title paragraph, Heading 1 sits one level below it.
    shift = int(any(not isinstance(item, Table) and _style(item).lower() in _TITLE_STYLES for item in items))
    out = TextBlocks()
    for item in items:
        if isinstance(item, Table):
            out.table(_rows(item))
            continue
        level = _heading_level(item, shift)
        if level:
            out.heading(level, item.text)
        else:
            out.paragraph(item.text)
    return Extracted(out.text(), "DOCX", marked_paragraphs=True)
