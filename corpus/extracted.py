"""What a format's reader hands the repair: lines of text, and where pages start."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import NamedTuple

from zhreader.corpus.errors import DocumentError

# Plain text is read whole into memory, and so is the text a container unpacks to.
MAX_TEXT_BYTES = 64 * 1024 * 1024


class PageStart(NamedTuple):
    line: int  # the first line of the page in ``Extracted.text`` (0-based)
    page: int  # the physical page number, 1-based


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    encoding: str  # the character encoding, or the format for formats that have their own
    pages: tuple[PageStart, ...] = ()
    # The source marks its paragraphs (Word, HTML, EPUB): a blank line always ends one,
    # where in text pulled out of a PDF by hand it may be a break inside a sentence.
    marked_paragraphs: bool = False
    repair: str = ""


def require(module: str, extra: str, what: str) -> None:
    """Fail with the install command when an optional dependency is missing."""
    try:
        importlib.import_module(module)
    except ImportError:
        raise DocumentError(f"{what} needs an optional part: pip install 'zhreader[{extra}]'") from None


def _line(text: str) -> str:
    # A tab inside a paragraph is layout, not a table cell; leading spaces are not an indent.
    return text.replace("\t", " ").strip()


class TextBlocks:
    """Writes a structured source (Word, HTML, EPUB) as the markdown-like text the repair
    reads: headings as ``#`` lines, tables as rows of tab-separated cells, blocks apart by
    a blank line."""

    def __init__(self) -> None:
        self._blocks: list[str] = []

    def heading(self, level: int, text: str) -> None:
        line = " ".join(text.split())
        if line:
            self._blocks.append(f"{'#' * max(1, min(level, 6))} {line}")

    def paragraph(self, text: str) -> None:
        lines = [line for line in (_line(part) for part in text.split("\n")) if line]
        if lines:
            self._blocks.append("\n".join(lines))

    def table(self, rows: list[list[str]]) -> None:
        cleaned = [[" ".join(cell.split()) for cell in row] for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if not cleaned:
            return
        if max(len(row) for row in cleaned) < 2:
            # One column: no tab would mark the rows as a table; they are paragraphs.
            for row in cleaned:
                self.paragraph(row[0])
            return
        self._blocks.append("\n".join("\t".join(row) for row in cleaned))

    def text(self) -> str:
        return "\n\n".join(self._blocks)
