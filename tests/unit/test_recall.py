"""Search finds exactly the documents a plain substring scan finds.

Queries are random substrings of the corpus' display texts: 1-8 CJK characters from
random positions (compared with a raw ``query in text`` scan), and 1-8 arbitrary
non-space characters (digits, Latin, punctuation; compared with a scan of the folded
texts, since matching ignores width and case). Recall and precision must be 1.000,
and the hit counts must equal the number of (possibly overlapping) occurrences.
"""

from __future__ import annotations

import random

import pytest

from zhreader.corpus.patterns import is_han
from zhreader.corpus.textfold import fold
from zhreader.index import Searcher


def _occurrences(text: str, needle: str) -> int:
    count, pos = 0, text.find(needle)
    while pos != -1:
        count += 1
        pos = text.find(needle, pos + 1)
    return count


def _draw(texts: list[str], rng: random.Random, *, han_only: bool) -> str | None:
    text = rng.choice(texts)
    size = rng.randint(1, 8)
    if len(text) <= size:
        return None
    start = rng.randrange(len(text) - size)
    query = text[start : start + size]
    if han_only and not all(is_han(ch) for ch in query):
        return None
    if any(ch.isspace() for ch in query) or query in ("OR", "|") or query.startswith(("-", "－", '"', "＂")):
        return None
    if query.lower().startswith(("title:", "title：")):
        return None
    return query


def check_recall(searcher: Searcher, *, queries: int, seed: int) -> tuple[float, float, int]:
    rng = random.Random(seed)
    texts = {entry.doc_id: searcher.text(entry) for entry in searcher.docs}
    folded = {doc_id: fold(text) for doc_id, text in texts.items()}
    pool = list(texts.values())
    relevant = retrieved = correct = 0
    asked = 0
    while asked < queries:
        han_only = asked % 4 != 3  # three CJK queries for each free-form one
        query = _draw(pool, rng, han_only=han_only)
        if query is None:
            continue
        asked += 1
        if han_only:
            expected = {doc_id: _occurrences(text, query) for doc_id, text in texts.items() if query in text}
        else:
            needle = fold(query)
            expected = {doc_id: _occurrences(text, needle) for doc_id, text in folded.items() if needle in text}
        result = searcher.search(query, limit=None)
        got = {doc.doc_id: doc.hit_count for doc in result.docs}
        relevant += len(expected)
        retrieved += len(got)
        correct += len(expected.keys() & got.keys())
        assert got == expected, (
            f"query {query!r}: missing {expected.keys() - got.keys()}, extra {got.keys() - expected.keys()}"
        )
    return correct / relevant, correct / retrieved, asked


def test_recall_and_precision_on_the_sample_corpus(sample_searcher: Searcher) -> None:
    recall, precision, asked = check_recall(sample_searcher, queries=400, seed=1)
    assert (recall, precision, asked) == (1.0, 1.0, 400)


@pytest.mark.slow
def test_recall_and_precision_on_peoples_daily(pd_searcher: Searcher) -> None:
    recall, precision, asked = check_recall(pd_searcher, queries=400, seed=1998)
    assert (recall, precision, asked) == (1.0, 1.0, 400)


def test_every_document_is_found_by_its_own_title(sample_searcher: Searcher) -> None:
    for entry in sample_searcher.docs:
        first_word = entry.title_text.split()[0]
        assert entry.doc_id in [d.doc_id for d in sample_searcher.search(first_word, limit=None).docs]


@pytest.mark.parametrize("query", ["的", "中国", "人民 -北京", "title:经济", "发展 OR 改革"])
def test_rank_order_is_title_hits_then_score_then_id(pd_searcher: Searcher, query: str) -> None:
    """The ranking sorts tens of thousands of documents with cheap one-number sorts; it
    must agree with the plain definition: more title hits, then higher score, then id."""
    result = pd_searcher.search(query)
    docs = result.docs
    assert len(docs) == result.total_docs > 0
    expected = sorted(range(len(docs)), key=lambda n: (-docs[n].score, docs[n].doc_id))
    assert list(range(len(docs))) == expected
    assert result.total_hits == sum(result.docs.hit_counts().values())
