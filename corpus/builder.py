"""Build a ``Document`` from decoded text: reflow it into paragraphs, give each block its
kind and outline level, join the blocks into the display text, choose the title."""

from __future__ import annotations

from zhreader.corpus import patterns
from zhreader.corpus.document import BLOCK_SEPARATOR, OUTLINE_KINDS, Block, Document, Kind
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
