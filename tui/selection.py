"""Selecting part of a paragraph to tag: the selection's edges moved by sentences or by
characters. Pure functions over display-text offsets (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass

from zhreader.corpus import Document

Span = tuple[int, int]

_SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”’」』）)】》"


def sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]`` (a sentence keeps its closing quotes)."""
    found: list[Span] = []
    begin = start
    i = start
    while i < end:
        if text[i] in _SENTENCE_END:
            j = i + 1
            while j < end and (text[j] in _SENTENCE_END or text[j] in _CLOSERS):
                j += 1
            found.append((begin, j))
            begin = i = j
            continue
        i += 1
    if begin < end:
        found.append((begin, end))
    return [(s, e) for s, e in found if text[s:e].strip()]


@dataclass(frozen=True)
class Sentences:
    """The sentences of a whole document, for moving a selection's edges by sentence."""

    spans: list[Span]

    @classmethod
    def of(cls, document: Document) -> Sentences:
        text = document.text
        return cls([span for block in document.blocks for span in sentences(text, block.start, block.end)])

    def extend_end(self, selection: Span, step: int) -> Span:
        """The end moved to the next (``step`` > 0) or previous sentence end."""
        start, end = selection
        ends = [e for _, e in self.spans]
        if step > 0:
            later = [e for e in ends if e > end]
            return start, later[0] if later else end
        earlier = [e for e in ends if start < e < end]
        return start, earlier[-1] if earlier else end

    def move_start(self, selection: Span, step: int) -> Span:
        """The start moved to the previous (``step`` < 0) or next sentence start."""
        start, end = selection
        starts = [s for s, _ in self.spans]
        if step < 0:
            earlier = [s for s in starts if s < start]
            return earlier[-1] if earlier else start, end
        later = [s for s in starts if start < s < end]
        return later[0] if later else start, end


def first_sentence(document: Document, block: int) -> Span:
    """What ``v`` selects first: the paragraph's first sentence (or all of it)."""
    start, end = document.blocks[block].start, document.blocks[block].end
    found = sentences(document.text, start, end)
    return found[0] if found else (start, end)


def nudge(selection: Span, edge: str, step: int, length: int) -> tuple[Span, int]:
    """One edge moved by ``step`` characters, never past the other edge or the text;
    with the offset the view should keep visible."""
    start, end = selection
    if edge == "end":
        end = min(max(end + step, start + 1), length)
        return (start, end), end - 1
    start = min(max(start + step, 0), end - 1)
    return (start, end), start
