"""Text of a PDF, page by page, through PDFium (pypdfium2).

Every character comes with its box; PDFium's own line breaks are kept, and each line is cut
where a wide gap shows two things side by side (``pdf_layout`` decides whether those are
table cells or columns). A word hyphenated at a line end (PDFium marks the hyphen) is
joined without its hyphen.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import TYPE_CHECKING

from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import Extracted, PageStart
from zhreader.corpus.pdf_layout import GAP_EMS, Line, Piece, mark_size_changes, order_page, strip_furniture
from zhreader.corpus.sanitize import sanitize

if TYPE_CHECKING:
    import pypdfium2 as pdfium

_CR, _LF, _HYPHEN = 0x0D, 0x0A, 0x02


def _open(data: bytes) -> pdfium.PdfDocument:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if err.err_code == raw.FPDF_ERR_PASSWORD:
            raise DocumentError("encrypted PDF (it needs a password)") from None
        if err.err_code == raw.FPDF_ERR_SECURITY:
            raise DocumentError("encrypted PDF (a protection PDFium does not support)") from None
        raise DocumentError("damaged or not a PDF (PDFium cannot read it)") from None


def drawn_once(text: str) -> str:
    """A headline set in bold by drawing it twice, slightly offset, read once ("AA" or
    "A A" is A); anything else as it is. (Headlines doubled run by run are the reflow's
    to repair: ``undouble``.)"""
    half = len(text) // 2
    if not half:
        return text
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]:
        return text[:half]
    return text


class _Builder:
    """Collects a page's characters into lines of pieces."""

    def __init__(self) -> None:
        self.lines: list[list[Piece]] = []
        self.pieces: list[Piece] = []
        self.chars: list[str] = []
        self.box: list[float] = []  # left, right, bottom, top of the piece so far
        self.last_right = 0.0
        self.last_size = 0.0
        self.overdrawn = False  # the piece went back over itself

    def add(self, ch: str, left: float, right: float, bottom: float, top: float) -> None:
        if ch == " ":
            if self.chars:
                self.chars.append(ch)
            return
        size = max(top - bottom, self.last_size, 1.0)
        if self.chars and left - self.last_right > GAP_EMS * size:
            self.end_piece()
        elif self.chars and left < self.last_right - size / 2:
            self.overdrawn = True
        if not self.chars:
            self.box = [left, right, bottom, top]
        else:
            box = self.box
            box[0], box[1] = min(box[0], left), max(box[1], right)
            box[2], box[3] = min(box[2], bottom), max(box[3], top)
        self.chars.append(ch)
        self.last_right, self.last_size = right, top - bottom

    def end_piece(self) -> None:
        text = "".join(self.chars).strip()
        if self.overdrawn:
            text = drawn_once(text)
            self.overdrawn = False
        if text:
            left, right, bottom, top = self.box
            self.pieces.append(Piece(text, left, right, bottom, top))
        self.chars = []
        self.last_size = 0.0

    def end_line(self) -> None:
        self.end_piece()
        if self.pieces:
            self.lines.append(self.pieces)
        self.pieces = []


def _page_lines(textpage: object) -> list[list[Piece]]:
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    builder = _Builder()
    # The loose box spans the glyph's advance and the font's height: tight glyph boxes
    # would see gaps around narrow punctuation (“ sits at one side of its square).
    box = raw.FS_RECTF()
    ref = ctypes.byref(box)
    glue = False  # after a line-end hyphen: the word goes on, on the next line
    high = 0  # a UTF-16 high surrogate waiting for its pair
    for index in range(count):
        code = raw.FPDFText_GetUnicode(textpage, index)
        if code == _CR:
            continue
        if code == _LF:
            if not glue:
                builder.end_line()
            continue
        if code == _HYPHEN:
            glue = True
            continue
        if 0xD800 <= code < 0xDC00:
            high = code
            continue
        if 0xDC00 <= code < 0xE000 and high:
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
        high = 0
        if not raw.FPDFText_GetLooseCharBox(textpage, index, ref):
            continue
        if glue:
            # The piece goes on across the line break: its box is the first line's.
            builder.chars.append(chr(code))
            glue = False
            continue
        builder.add(chr(code), box.left, box.right, box.bottom, box.top)
    builder.end_line()
    return builder.lines


def _pages(data: bytes) -> Iterator[list[Line]]:
    pdf = _open(data)
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                try:
                    yield order_page(_page_lines(textpage.raw))
                finally:
                    textpage.close()
            finally:
                page.close()
    finally:
        pdf.close()


def extract_pdf(data: bytes) -> Extracted:
    """The text of every page as lines for the reflow, and where each page starts."""
    import pypdfium2 as pdfium

    try:
        pages = list(_pages(data))
    except pdfium.PdfiumError as err:
        raise DocumentError(f"damaged PDF ({err})") from None
    if not any(pages):
        raise DocumentError("no text layer — scanned?" if pages else "PDF without pages")
    starts: list[PageStart] = []
    text: list[Line] = []
    for number, page in enumerate(strip_furniture(pages), start=1):
        if page:
            starts.append(PageStart(len(text), number))
        text.extend(page)
    # Each line sanitised alone: no character in it may become a line break.
    lines = [sanitize(line.source()).replace("\n", " ") for line in mark_size_changes(text)]
    return Extracted("\n".join(lines), "PDF", tuple(starts))
