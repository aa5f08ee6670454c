"""Concordance: every hit of a search as a key-word-in-context line, sortable as AntConc
sorts them.

A line's contexts are taken from the hit's own paragraph (the display text's line), up to
``context`` characters each side, tabs shown as spaces: a context never runs into the
next paragraph or a heading, as the search list's snippets do not.

Sorting by the left context reads it from the hit outwards (the character just before the
hit first, then the one before that), so lines with the same word before the hit come
together, as AntConc's 1L-2L-3L sort does; by the right context it reads from the hit
onwards. Characters compare folded, as the search matches them (發展 sorts with 发展), then
by code point; ties keep document order. The hit itself is not part of the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from zhreader.corpus.textfold import fold, fold_map
from zhreader.index.errors import Cancelled
from zhreader.index.results import SearchResult
from zhreader.index.searcher import Searcher

CONTEXT = 40  # characters each side, what the widest layouts show
_POLL = 64  # documents between two looks at should_stop


class Sort(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    DOC = "doc"


@dataclass(frozen=True, slots=True)
class Line:
    """One hit with its contexts. ``order`` is its document's place in id order."""

    doc_id: str
    title: str
    order: int
    start: int
    end: int
    left: str
    hit: str
    right: str
    # The contexts folded, as they sort: the left one reversed, read from the hit outwards.
    left_key: str = field(default="", repr=False, compare=False)
    right_key: str = field(default="", repr=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc_id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "left": self.left,
            "hit": self.hit,
            "right": self.right,
        }


def contexts(text: str, start: int, end: int, context: int) -> tuple[str, str, str]:
    """(left, hit, right) of ``text[start:end]``, the contexts within its line."""
    line_start = text.rfind("\n", max(0, start - context), start) + 1
    line_end = text.find("\n", end, end + context)
    if line_end == -1:
        line_end = len(text)
    left = text[max(line_start, start - context) : start]
    right = text[end : min(line_end, end + context)]
    return left.replace("\t", " "), text[start:end].replace("\t", " "), right.replace("\t", " ")


def lines(
    searcher: Searcher,
    result: SearchResult,
    context: int = CONTEXT,
    should_stop: Callable[[], bool] | None = None,
) -> list[Line]:
    """Every hit of ``result``, in document (id) order then text order."""
    return list(_lines(searcher, result, context, should_stop))


def _lines(
    searcher: Searcher, result: SearchResult, context: int, should_stop: Callable[[], bool] | None
) -> Iterator[Line]:
    docs = result.docs
    wanted = set(docs.docnums())
    done = 0
    for order, docnum in enumerate(searcher.catalog.order):
        if docnum not in wanted:
            continue
        if done % _POLL == 0 and should_stop is not None and should_stop():
            raise Cancelled
        done += 1
        found = docs.get(docnum)
        if found is None:
            continue
        text = searcher.text(docnum)
        # The index stores the fold: where it keeps offsets, the sort keys are slices of it.
        folded, origin = fold_map(text, folded=searcher.folded(docnum))
        doc_id, title = found.doc_id, found.title
        for start, end in found.spans():
            left, hit, right = contexts(text, start, end, context)
            if origin is None:
                left_key = folded[start - len(left) : start][::-1].replace("\t", " ")
                right_key = folded[end : end + len(right)].replace("\t", " ")
            else:
                left_key, right_key = fold(left)[::-1], fold(right)
            yield Line(doc_id, title, order, start, end, left, hit, right, left_key, right_key)


def sort_key(sort: Sort) -> Callable[[Line], tuple[Any, ...]]:
    if sort is Sort.LEFT:
        return lambda line: (line.left_key, line.order, line.start)
    if sort is Sort.RIGHT:
        return lambda line: (line.right_key, line.order, line.start)
    return lambda line: (line.order, line.start)


def sorted_lines(found: list[Line], sort: Sort) -> list[Line]:
    return sorted(found, key=sort_key(sort))


CSV_COLUMNS = ["doc", "title", "start", "end", "left", "hit", "right"]


def csv_rows(found: list[Line]) -> Iterator[list[str | int]]:
    for line in found:
        yield [line.doc_id, line.title, line.start, line.end, line.left, line.hit, line.right]
