"""The posting pool gives Whoosh's writer exactly what its own pool gives: every posting,
sorted by field, term and document, whether it stayed in memory or spilled to disk."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from zhreader.index.pool import FastPool

terms = st.sampled_from([b"\xe4\xb8\xad", b"\xe4\xb8\xad\xe5\x9b\xbd", b"a", b"ab", b"z"])
fields = st.sampled_from(["grams", "tgrams", "words"])
documents = st.lists(st.lists(st.tuples(fields, terms, st.integers(1, 9)), max_size=6), max_size=40)


@given(documents, st.booleans())
def test_postings_come_out_sorted_in_memory_and_after_spills(tmp_path_factory, docs, spill: bool) -> None:
    folder = tmp_path_factory.mktemp("pool")
    pool = FastPool(str(folder), limitmb=1)
    if spill:
        pool.limit = 300  # a run every few postings
    expected = []
    for docnum, postings in enumerate(docs):
        for fieldname, term, count in _distinct(postings):
            pool.add((fieldname, term, docnum, float(count), None))
            expected.append((fieldname, term, docnum, float(count), None))
    assert list(pool.iter_postings()) == sorted(expected)
    pool.cleanup()
    assert list(Path(folder).iterdir()) == []


@given(documents, st.booleans())
def test_progress_follows_the_postings_written(tmp_path_factory, docs, spill: bool) -> None:
    pool = FastPool(str(tmp_path_factory.mktemp("pool")), limitmb=1)
    if spill:
        pool.limit = 300
    added = 0
    for docnum, postings in enumerate(docs):
        for fieldname, term, count in _distinct(postings):
            pool.add((fieldname, term, docnum, float(count), None))
            added += 1
    told: list[tuple[int, int]] = []
    pool.on_progress = lambda done, total: told.append((done, total))
    for written, _posting in enumerate(pool.iter_postings()):
        assert not told or told[-1][0] <= written  # never ahead of what Whoosh was handed
    assert told[-1] == (added, added)  # the end is always told
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert len(told) <= 102  # about every hundredth, not every posting
    pool.cleanup()


def _distinct(postings: list[tuple[str, bytes, int]]) -> list[tuple[str, bytes, int]]:
    """One posting per field and term in a document, as Whoosh adds them."""
    seen: dict[tuple[str, bytes], int] = {}
    for fieldname, term, count in postings:
        seen.setdefault((fieldname, term), count)
    return [(f, t, c) for (f, t), c in seen.items()]


def test_postings_added_out_of_document_order_are_put_in_order(tmp_path: Path) -> None:
    pool = FastPool(str(tmp_path))
    for docnum in (5, 2, 9):
        pool.add(("grams", b"x", docnum, 1.0, None))
    assert [posting[2] for posting in pool.iter_postings()] == [2, 5, 9]
