"""A passage as it goes to the clipboard: its text and where it comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.support.printable import printable
from zhreader.tui.selection import sentences

if TYPE_CHECKING:
    from zhreader.corpus import Document


def cited(document: Document, start: int, end: int) -> str:
    """``document.text[start:end]`` and, on the next line, its title, file, page (of a
    paged source such as a PDF) and paragraph, as a reader pastes a quotation into notes
    or a paper."""
    quote = document.text[start:end].strip()
    first, last = document.page_at(start), document.page_at(max(end - 1, start))
    where = "" if first is None else f"第 {first} 页，" if first == last else f"第 {first}–{last} 页，"
    # The text and title are display text already; a file name may hold an escape, which
    # pasted into a terminal would run.
    source = f"{printable(document.title)}（{printable(document.id)}，{where}第 {document.block_at(start) + 1} 段）"
    return f"{quote}\n— {source}"


def sentence_around(document: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) of its paragraph holding ``text[start:end]``."""
    block = document.blocks[document.block_at(start)]
    spans = [(s, e) for s, e in sentences(document.text, block.start, block.end) if s < end and e > start]
    return (spans[0][0], spans[-1][1]) if spans else (start, end)
