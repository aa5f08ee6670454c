"""Search finds exactly the documents a plain substring scan finds, with the documented
folding (width, case, Kangxi radicals, simplified/traditional): the scan looks for the
folded query in the folded texts.

Queries are random substrings of the corpus' display texts: 1-8 CJK characters from
random positions, and 1-8 arbitrary non-space characters (digits, Latin, punctuation).
Recall and precision must be 1.000, and the hit counts must equal the number of
(possibly overlapping) occurrences. A traditional-script copy of the sample corpus,
made here with OpenCC, is searched with simplified queries and the reverse.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

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


def texts_of(searcher: Searcher) -> dict[str, str]:
    return {doc.doc_id: searcher.text(doc.docnum) for doc in searcher.documents()}


def check_recall(
    searcher: Searcher, *, queries: int, seed: int, pool: list[str] | None = None
) -> tuple[float, float, int]:
    """``pool``: texts to draw queries from (default: the corpus' own)."""
    rng = random.Random(seed)
    texts = texts_of(searcher)
    folded = {doc_id: fold(text) for doc_id, text in texts.items()}
    pool = pool if pool is not None else list(texts.values())
    relevant = retrieved = correct = 0
    asked = 0
    while asked < queries:
        han_only = asked % 4 != 3  # three CJK queries for each free-form one
        query = _draw(pool, rng, han_only=han_only)
        if query is None:
            continue
        asked += 1
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
    for doc in sample_searcher.documents():
        first_word = doc.title.rstrip("…").split()[0]
        assert doc.doc_id in [d.doc_id for d in sample_searcher.search(first_word, limit=None).docs]


@pytest.fixture(scope="module")
def traditional(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> tuple[Searcher, list[str]]:
    """The sample corpus in traditional characters (OpenCC s2t), and its simplified texts."""
    if importlib.util.find_spec("opencc") is None:
        pytest.skip("opencc makes the traditional corpus")
    import opencc

    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, update_index

    s2t = opencc.OpenCC("s2t").convert
    root = tmp_path_factory.mktemp("traditional")
    for path in sorted(sample_dir.glob("*.txt")):
        (root / path.name).write_text(s2t(path.read_text("utf-8")), encoding="utf-8")
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path_factory.mktemp("traditional-index"), corpus.location)
    update_index(corpus, store)
    searcher = Searcher.open(store)
    return searcher, [path.read_text("utf-8") for path in sorted(sample_dir.glob("*.txt"))]


def test_simplified_queries_find_traditional_text(traditional: tuple[Searcher, list[str]]) -> None:
    searcher, simplified = traditional
    recall, precision, asked = check_recall(searcher, queries=300, seed=7, pool=simplified)
    assert (recall, precision, asked) == (1.0, 1.0, 300)
    assert [d.doc_id[:3] for d in searcher.search("强磁场").docs] == ["001", "000"]


def test_traditional_queries_find_traditional_text_and_the_reverse(
    traditional: tuple[Searcher, list[str]], sample_searcher: Searcher
) -> None:
    searcher, _ = traditional
    recall, precision, _ = check_recall(searcher, queries=200, seed=8)  # its own (traditional) text
    assert (recall, precision) == (1.0, 1.0)
    recall, precision, _ = check_recall(sample_searcher, queries=200, seed=9, pool=list(texts_of(searcher).values()))
    assert (recall, precision) == (1.0, 1.0)  # traditional queries over the simplified corpus


def test_the_exact_script_finds_only_that_script(traditional: tuple[Searcher, list[str]]) -> None:
    searcher, _ = traditional
    assert searcher.search("強磁場", exact_script=True).total_docs == 2
    assert searcher.search("强磁场", exact_script=True).total_docs == 0
    assert searcher.search("=强磁场").total_docs == 0 and searcher.search("强磁场").total_docs == 2


@pytest.mark.parametrize("query", ["的", "中国", "人民 -北京", "title:经济", "发展 OR 改革"])
def test_rank_order_is_title_hits_then_score_then_id(pd_searcher: Searcher, query: str) -> None:
    """The ranking sorts tens of thousands of documents with cheap one-number sorts; it
    must agree with the plain definition: more title hits, then higher score, then id."""
    result = pd_searcher.search(query)
    docs = result.docs
    assert len(docs) == result.total_docs > 0
    expected = sorted(range(len(docs)), key=lambda n: (-docs[n].score, docs[n].doc_id))
    assert list(range(len(docs))) == expected
    assert result.total_hits == sum(doc.hit_count for doc in docs)
