"""A document as the reader sees it: display text, blocks with offsets, title, outline.

The display text is what every offset in zhreader refers to (search hits, highlights,
notes). Blocks are separated by a blank line; a table's rows by a newline and its cells
by a tab.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from zhreader.support.printable import printable

BLOCK_SEPARATOR = "\n\n"


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    BYLINE = "byline"
    JUMP = "jump"  # a newspaper jump note: （上接第2版）
    TABLE = "table"
    PRE = "pre"


OUTLINE_KINDS = frozenset({Kind.TITLE, Kind.HEADING, Kind.SUBHEAD})


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    start: int
    end: int
    level: int = 0  # outline depth for titles (0), headings and subheads (1…)


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    level: int
    text: str
    block: int
    start: int


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    blocks: tuple[Block, ...]
    title_span: tuple[int, int]
    encoding: str = "UTF-8"
    # For paged sources (PDF): (offset, page) where each page's text starts, in offset
    # order; the page is the source's physical page, 1-based. Empty for unpaged sources.
    pages: tuple[tuple[int, int], ...] = ()
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _page_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [block.start for block in self.blocks])
        object.__setattr__(self, "_page_starts", [start for start, _ in self.pages])

    @property
    def title(self) -> str:
        start, end = self.title_span
        title = self.text[start:end]
        if not title:
            # A document with no title of its own is known by its file name, shown as data.
            return printable(self.id)
        block = self.blocks[self.block_at(start)] if self.blocks else None
        if block is not None and end < block.end:
            title += "…"
        return title

    @cached_property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def block_at(self, offset: int) -> int:
        """Index of the block containing (or, between blocks, preceding) ``offset``."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def page_at(self, offset: int) -> int | None:
        """The source page holding ``offset`` (None for unpaged documents)."""
        if not self.pages:
            return None
        return self.pages[max(bisect.bisect_right(self._page_starts, offset) - 1, 0)][1]

    def page_offset(self, page: int) -> int | None:
        """Where the text of source page ``page`` starts; a page without text of its own
        (a picture, a blank page) leads to the next page that has some; None past the end."""
        for start, number in self.pages:
            if number >= page:
                return start
        return None

    @property
    def last_page(self) -> int | None:
        return self.pages[-1][1] if self.pages else None

    def pages_json(self) -> str:
        return json.dumps([list(entry) for entry in self.pages], separators=(",", ":"))

    def block_text(self, index: int) -> str:
        block = self.blocks[index]
        return self.text[block.start : block.end]

    def outline(self) -> list[OutlineEntry]:
        return [
            OutlineEntry(block.level, self.text[block.start : block.end], index, block.start)
            for index, block in enumerate(self.blocks)
            if block.kind in OUTLINE_KINDS
        ]

    def blocks_json(self) -> str:
        return json.dumps([[b.kind.value, b.start, b.end, b.level] for b in self.blocks], separators=(",", ":"))

    @classmethod
    def from_stored(
        cls, doc_id: str, text: str, blocks_json: str, title_span: tuple[int, int], encoding: str, pages_json: str = ""
    ) -> Document:
        blocks = tuple(Block(Kind(kind), start, end, level) for kind, start, end, level in json.loads(blocks_json))
        pages = tuple((int(start), int(page)) for start, page in json.loads(pages_json)) if pages_json else ()
        return cls(doc_id, text, blocks, title_span, encoding, pages)
