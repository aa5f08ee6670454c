"""Reading a term's postings, whole, into two arrays: docnums and counts.

Whoosh hands postings out one at a time through a matcher; a common character has one
posting in nine documents of ten, and a Python call per posting would be most of a
search. Its own codec (whoosh3's W3LeafMatcher) keeps each block's ids and weights as
arrays, which are taken whole here. Any other matcher, and a segment with deleted
documents (whose matcher filters them), is read through the public one-at-a-time API, so
the result is the same either way (a test compares the two).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from threading import RLock

from whoosh.matching.mcore import Matcher
from whoosh.reading import IndexReader, TermNotFound

Postings = tuple["array[int]", "array[int]"]  # docnums ascending, counts
EMPTY: Postings = (array("I"), array("I"))


def _fast(matcher: Matcher) -> bool:
    return all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block", "_atend"))


def _read_leaf(matcher: Matcher, offset: int, docnums: array[int], counts: array[int]) -> None:
    if _fast(matcher):
        m = matcher
        while not m._atend:  # type: ignore[attr-defined]
            m._read_ids()  # type: ignore[attr-defined]
            m._read_weights()  # type: ignore[attr-defined]
            ids = m._ids  # type: ignore[attr-defined]
            docnums.extend([docnum + offset for docnum in ids] if offset else ids)
            counts.extend(map(int, m._weights))  # type: ignore[attr-defined]
            m._next_block()  # type: ignore[attr-defined]
        return
    while matcher.is_active():
        docnums.append(matcher.id() + offset)
        counts.append(int(matcher.weight()))
        matcher.next()


def read(reader: IndexReader, field: str, term: str) -> Postings:
    """All postings of ``term`` in ``field``: (docnums, counts), deleted documents left out."""
    key = term.encode("utf-8")
    docnums, counts = array("I"), array("I")
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(field, key)
        except TermNotFound:
            continue
        _read_leaf(matcher, offset, docnums, counts)
    return docnums, counts


def doc_frequency(reader: IndexReader, field: str, term: str) -> int:
    """Documents holding ``term`` (deleted ones may be counted until the next merge)."""
    return reader.doc_frequency(field, term.encode("utf-8"))


class PostingsCache:
    """The postings read most recently, within a budget of postings (not of terms: one
    common character holds as many as ten thousand rare pairs)."""

    def __init__(self, reader: IndexReader, lock: RLock, budget: int = 2_000_000) -> None:
        self.reader = reader
        self.budget = budget
        self._held = 0
        self._lock = lock  # the searcher's: a Whoosh reader is not safe across threads
        self._cache: OrderedDict[tuple[str, str], Postings] = OrderedDict()

    def get(self, field: str, term: str) -> Postings:
        key = (field, term)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
            found = read(self.reader, field, term)
            self._cache[key] = found
            self._held += len(found[0])
            while self._held > self.budget and len(self._cache) > 1:
                _, dropped = self._cache.popitem(last=False)
                self._held -= len(dropped[0])
            return found
