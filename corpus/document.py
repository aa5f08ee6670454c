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

from corpus import patterns
from corpus.patterns import Ending
from corpus.reflow import Para, WordBreaks, reflow
from corpus.sanitize import sanitize

BLOCK_SEPARATOR = "\n\n"
# Standalone lines at most this long, without closing punctuation, are subheads
# (section titles inside an article, photo captions).
SUBHEAD_MAX_CHARS = 40
TITLE_MAX_CHARS = 60


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    BYLINE = "byline"
    NOTE = "note"
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
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [block.start for block in self.blocks])

    @property
    def title(self) -> str:
        start, end = self.title_span
        title = self.text[start:end]
        block = self.blocks[self.block_at(start)] if self.blocks else None
        if block is not None and end < block.end:
            title += "…"
        return title or self.id

    @cached_property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def block_at(self, offset: int) -> int:
        """Index of the block containing (or, between blocks, preceding) ``offset``."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

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
        cls, doc_id: str, text: str, blocks_json: str, title_span: tuple[int, int], encoding: str
    ) -> Document:
        blocks = tuple(Block(Kind(kind), start, end, level) for kind, start, end, level in json.loads(blocks_json))
        return cls(doc_id, text, blocks, title_span, encoding)


def _kind_of(para: Para, index: int) -> Kind:
    if para.kind == "heading" or para.kind == "numbered":
        return Kind.HEADING
    if para.kind == "note":
        return Kind.NOTE
    if para.kind == "table":
        return Kind.TABLE
    if para.kind == "pre":
        return Kind.PRE
    if para.byline:
        return Kind.BYLINE
    if para.text.startswith("——") and len(para.text) <= SUBHEAD_MAX_CHARS * 2:
        return Kind.SUBHEAD
    if para.marker:
        return Kind.ITEM
    if index == 0 and len(para.text) <= TITLE_MAX_CHARS:
        return Kind.TITLE
    if (
        len(para.text) <= SUBHEAD_MAX_CHARS
        and patterns.ending(para.text) is Ending.OPEN
        and not patterns.SPEECH.search(para.text)
    ):
        return Kind.SUBHEAD
    return Kind.PARAGRAPH


def _levels(paras: list[Para], kinds: list[Kind]) -> list[int]:
    """Outline levels: Markdown by its #s, Chinese numbering by rank among the kinds the
    document uses (so 章 is level 1 where there is no 篇), subheads one below the
    deepest heading above them."""
    markdown_depth = max((p.level for p in paras if p.kind == "heading"), default=0)
    order = [name for name, _ in patterns.NUMBERED_HEADINGS]
    used = sorted({p.numbering for p in paras if p.kind == "numbered"}, key=order.index)
    rank = {name: markdown_depth + i + 1 for i, name in enumerate(used)}
    levels: list[int] = []
    current = 0
    for para, kind in zip(paras, kinds, strict=True):
        if para.kind == "heading":
            level = para.level
        elif para.kind == "numbered":
            level = rank[para.numbering]
        elif kind is Kind.SUBHEAD:
            level = current + 1
        else:
            level = 0
        if para.kind in ("heading", "numbered"):
            current = level
        levels.append(level)
    return levels


def _title_span(blocks: list[Block], text: str) -> tuple[int, int]:
    for block in blocks:
        if block.kind in (Kind.NOTE, Kind.BYLINE, Kind.TABLE, Kind.PRE):
            continue
        end = min(block.end, block.start + TITLE_MAX_CHARS)
        if block.kind not in OUTLINE_KINDS:
            # A body paragraph as title: stop at its first sentence when that comes soon.
            for i in range(block.start, end):
                if text[i] in "。！？!?":
                    end = i + 1
                    break
        return block.start, end
    return (0, 0)


def build_document(doc_id: str, raw_text: str, breaks: WordBreaks, encoding: str = "UTF-8") -> Document:
    paras = [para for para in reflow(sanitize(raw_text), breaks) if para.text]
    kinds = [_kind_of(para, i) for i, para in enumerate(paras)]
    levels = _levels(paras, kinds)
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for para, kind, level in zip(paras, kinds, levels, strict=True):
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        pieces.append(para.text)
        blocks.append(Block(kind, offset, offset + len(para.text), level))
        offset += len(para.text)
    text = "".join(pieces)
    return Document(doc_id, text, tuple(blocks), _title_span(blocks, text), encoding)
