"""Build a ``Document`` from decoded text: reflow it into paragraphs, give each block its
kind and outline level, join the blocks into the display text, choose the title."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from zhreader.corpus import patterns
from zhreader.corpus.document import BLOCK_SEPARATOR, OUTLINE_KINDS, Block, Document, Kind
from zhreader.corpus.extracted import PageStart
from zhreader.corpus.patterns import Ending
from zhreader.corpus.reflow import Para, WordBreaks, reflow
from zhreader.corpus.sanitize import sanitize

# Standalone lines at most this long, without closing punctuation, are subheads
# (section titles inside an article, photo captions).
SUBHEAD_MAX_CHARS = 40
TITLE_MAX_CHARS = 60


def _kind_of(para: Para, index: int) -> Kind:
    if para.kind == "heading" or para.kind == "numbered":
        return Kind.HEADING
    if para.kind == "jump":
        return Kind.JUMP
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
        if block.kind in (Kind.JUMP, Kind.BYLINE, Kind.TABLE, Kind.PRE):
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


class _PageMap:
    """Page starts of the source's lines turned into page starts of the display text."""

    def __init__(self, starts: Sequence[PageStart]) -> None:
        self.lines = [start.line for start in starts]
        self.numbers = [start.page for start in starts]
        self.found: list[tuple[int, int]] = []

    def add(self, base: int, para: Para) -> None:
        for offset, line in para.origins:
            page = self.numbers[max(bisect.bisect_right(self.lines, line) - 1, 0)]
            if not self.found or self.found[-1][1] != page:
                self.found.append((base + offset, page))


def build_document(
    doc_id: str,
    raw_text: str,
    breaks: WordBreaks,
    encoding: str = "UTF-8",
    *,
    pages: Sequence[PageStart] = (),
    marked_paragraphs: bool = False,
) -> Document:
    """``pages``: where the source's pages start (line numbers of ``raw_text``, which must
    be sanitised already so that its lines stay as they are)."""
    text_in = sanitize(raw_text)
    paras = [para for para in reflow(text_in, breaks, marked_paragraphs=marked_paragraphs) if para.text]
    kinds = [_kind_of(para, i) for i, para in enumerate(paras)]
    levels = _levels(paras, kinds)
    pieces: list[str] = []
    blocks: list[Block] = []
    page_map = _PageMap(pages) if pages else None
    offset = 0
    for para, kind, level in zip(paras, kinds, levels, strict=True):
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        if page_map is not None:
            page_map.add(offset, para)
        pieces.append(para.text)
        blocks.append(Block(kind, offset, offset + len(para.text), level))
        offset += len(para.text)
    text = "".join(pieces)
    found = tuple(page_map.found) if page_map is not None else ()
    return Document(doc_id, text, tuple(blocks), _title_span(blocks, text), encoding, found)
