"""Concordance: every hit of a search as a key-word-in-context line, sortable as AntConc
sorts them.

A line's contexts are taken from the hit's own paragraph (the display text's line), up to
``context`` characters each side, tabs shown as spaces: a context never runs into the
next paragraph or a heading, as the search list's snippets do not.

Sorting by the left context reads it from the hit outwards (the character just before the
hit first, then the one before that), so lines with the same word before the hit come
together, as AntConc's 1L-2L-3L sort does; by the right context it reads from the hit
onwards. The sort looks at the first ``SORT_CHARS`` characters of the context within the
paragraph (some eight words: AntConc's sort has three levels of one word), folded as the
search matches them (發展 sorts with 发展), by code point; lines alike that far keep
document order. The hit itself is not part of the key.

A common character has hundreds of thousands of hits (的: 552,123 in People's Daily ×10),
so the hits are kept as four integer arrays and a line is made only when it is looked at;
a sort makes one short key per hit, sorts the hit numbers by it and drops the keys.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, overload

from zhreader.corpus.textfold import fold
from zhreader.index.errors import Cancelled
from zhreader.index.matching import FoldedText, inside
from zhreader.index.results import SearchResult
from zhreader.index.searcher import Searcher

CONTEXT = 40  # characters each side, what the widest layouts show
SORT_CHARS = 16  # characters of context a sort compares
_POLL = 64  # documents between two looks at should_stop


class Sort(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    DOC = "doc"


@dataclass(frozen=True, slots=True)
class Line:
    """One hit with its contexts. ``number`` is the hit's place in document order,
    ``order`` its document's place in id order."""

    number: int
    doc_id: str
    title: str
    order: int
    start: int
    end: int
    left: str
    hit: str
    right: str
    # What the sorts compare: the folded contexts, the left one read from the hit outwards.
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


def _right_keys(folded: FoldedText, ends: Sequence[int]) -> list[str]:
    blind, origin = folded.folded(exact_script=False)
    if origin is None:
        return [blind[end : end + SORT_CHARS].partition("\n")[0] for end in ends]
    text = folded.text  # a fold that changes lengths: fold the display slices instead
    return [fold(text[end : end + SORT_CHARS]).partition("\n")[0][:SORT_CHARS] for end in ends]


def _left_keys(folded: FoldedText, starts: Sequence[int]) -> list[str]:
    blind, origin = folded.folded(exact_script=False)
    source = blind if origin is None else folded.text
    keys = [source[max(start - SORT_CHARS, 0) : start].rpartition("\n")[2][::-1] for start in starts]
    return keys if origin is None else [fold(key[::-1])[::-1][:SORT_CHARS] for key in keys]


def _sort_keys(folded: FoldedText, sort: Sort, starts: Sequence[int], ends: Sequence[int]) -> list[str]:
    """The keys ``sort`` (LEFT or RIGHT) orders a document's hits by."""
    return _right_keys(folded, ends) if sort is Sort.RIGHT else _left_keys(folded, starts)


def sort_key(sort: Sort) -> Callable[[Line], tuple[Any, ...]]:
    """The order a sort puts lines in, as a key on lines (what ``Concordance.ordered``
    computes over its arrays)."""
    if sort is Sort.LEFT:
        return lambda line: (line.left_key, line.number)
    if sort is Sort.RIGHT:
        return lambda line: (line.right_key, line.number)
    return lambda line: (line.number,)


class Concordance:
    """Every hit of ``result`` in document (id) order then text order, as arrays; ``line``
    makes one hit's line. Made with ``sort`` other than DOC, its keys are made in the same pass
    as the hits (each document is read once)."""

    def __init__(
        self,
        searcher: Searcher,
        result: SearchResult,
        context: int = CONTEXT,
        sort: Sort = Sort.DOC,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        self.searcher = searcher
        self.context = context
        self.docnums = array("I")
        self.orders = array("I")
        self.starts = array("I")
        self.ends = array("I")
        self._orderings: dict[Sort, array[int]] = {}
        self._described: dict[int, tuple[str, str]] = {}
        self._folded: tuple[int, FoldedText] | None = None
        keys = self._gather(result, sort, should_stop)
        if sort is not Sort.DOC:
            self._orderings[sort] = _sorted_numbers(keys)

    def _gather(self, result: SearchResult, sort: Sort, should_stop: Callable[[], bool] | None) -> list[str]:
        docs, searcher = result.docs, self.searcher
        keys: list[str] = []
        for order, docnum in enumerate(searcher.catalog.order):
            if not docs.matches(docnum):
                continue
            if order % _POLL == 0 and should_stop is not None and should_stop():
                raise Cancelled
            folded = searcher.folded_text(docnum)
            spans = docs.spans(docnum, folded)
            if not spans:
                continue
            starts, ends = zip(*spans, strict=True)
            self.docnums.extend([docnum] * len(spans))
            self.orders.extend([order] * len(spans))
            self.starts.extend(starts)
            self.ends.extend(ends)
            if sort is not Sort.DOC:
                keys.extend(_sort_keys(folded, sort, starts, ends))
        return keys

    def __len__(self) -> int:
        return len(self.starts)

    def _fold_of(self, docnum: int) -> FoldedText:
        # Lines on screen come a few from each document: one document's fold kept.
        if self._folded is None or self._folded[0] != docnum:
            self._folded = (docnum, self.searcher.folded_text(docnum))
        return self._folded[1]

    def line(self, number: int) -> Line:
        """The line of hit ``number`` (its place in document order)."""
        docnum, start, end = self.docnums[number], self.starts[number], self.ends[number]
        if docnum not in self._described:
            self._described[docnum] = self.searcher.describe(docnum)
        doc_id, title = self._described[docnum]
        folded = self._fold_of(docnum)
        left, hit, right = contexts(folded.text, start, end, self.context)
        left_key, right_key = _left_keys(folded, [start])[0], _right_keys(folded, [end])[0]
        return Line(number, doc_id, title, self.orders[number], start, end, left, hit, right, left_key, right_key)

    def ordered(self, sort: Sort, should_stop: Callable[[], bool] | None = None) -> array[int]:
        """The hit numbers in ``sort``'s order (made once per sort)."""
        if sort is Sort.DOC:
            return array("I", range(len(self)))
        if sort not in self._orderings:
            self._orderings[sort] = _sorted_numbers(self._keys(sort, should_stop))
        return self._orderings[sort]

    def _keys(self, sort: Sort, should_stop: Callable[[], bool] | None) -> list[str]:
        keys: list[str] = []
        for done, (first, last) in enumerate(self._documents()):
            if done % _POLL == 0 and should_stop is not None and should_stop():
                raise Cancelled
            folded = self.searcher.folded_text(self.docnums[first])
            keys.extend(_sort_keys(folded, sort, self.starts[first:last], self.ends[first:last]))
        return keys

    def _documents(self) -> Iterator[tuple[int, int]]:
        """(first, last + 1) hit numbers of each document's run."""
        docnums, size, first = self.docnums, len(self), 0
        while first < size:
            docnum, last = docnums[first], first + 1
            while last < size and docnums[last] == docnum:
                last += 1
            yield first, last
            first = last

    def view(
        self,
        sort: Sort,
        doc_id: str | None = None,
        passages: Mapping[str, list[tuple[int, int]]] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Lines:
        """The lines in ``sort``'s order; only those of one document, or only those inside
        the ``passages`` (display-text spans by document id: a tag's), when given."""
        numbers = self.ordered(sort, should_stop)
        if doc_id is not None:
            docnum = self.searcher.docnum(doc_id)
            numbers = array("I", (n for n in numbers if self.docnums[n] == docnum))
        if passages is not None:
            by_docnum = {self.searcher.docnum(key): spans for key, spans in passages.items()}
            numbers = array("I", (n for n in numbers if self._inside(n, by_docnum)))
        return Lines(self, numbers)

    def _inside(self, number: int, passages: Mapping[int | None, list[tuple[int, int]]]) -> bool:
        spans = passages.get(self.docnums[number])
        return spans is not None and inside((self.starts[number], self.ends[number]), spans)


def _sorted_numbers(keys: list[str]) -> array[int]:
    # sorted() is stable: equal keys keep document order.
    return array("I", sorted(range(len(keys)), key=keys.__getitem__))


class Lines(Sequence[Line]):
    """Some of a concordance's lines in an order, made when looked at."""

    def __init__(self, concordance: Concordance, numbers: array[int]) -> None:
        self.concordance = concordance
        self.numbers = numbers

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.concordance.line(self.numbers[index])

    def row_of(self, number: int) -> int | None:
        """The row of hit ``number``, if it is among these lines."""
        try:
            return self.numbers.index(number)
        except ValueError:
            return None


def lines(
    searcher: Searcher,
    result: SearchResult,
    context: int = CONTEXT,
    sort: Sort = Sort.DOC,
    should_stop: Callable[[], bool] | None = None,
) -> Lines:
    """Every hit of ``result`` in ``sort``'s order."""
    return Concordance(searcher, result, context, sort, should_stop).view(sort)


CSV_COLUMNS = ["doc", "title", "start", "end", "left", "hit", "right"]


def csv_rows(found: Sequence[Line]) -> Iterator[list[str | int]]:
    for line in found:
        yield [line.doc_id, line.title, line.start, line.end, line.left, line.hit, line.right]
