"""Word frequencies, keyness and collocates: counts against a direct count of a small
corpus, scores against the formulas worked by hand on toy corpora."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus import Corpus, words
from zhreader.corpus.stopwords import WordFilter, is_number, stopwords
from zhreader.corpus.textfold import fold
from zhreader.index import IndexStore, Searcher, association, collocates, update_index, wordstats
from zhreader.index.store import VOCABULARY_NAME

FILES = {
    "a.txt": "中国经济发展很快。经济增长了。\n",
    "b.txt": "經濟問題是一个大问题。我们研究经济。\n",
    "c.txt": "他们喜欢足球比赛。足球运动员训练。\n",
    "d.txt": "今天天气很好，我们去公园散步。1998年\n",
}


def _open(tmp_path: Path, make_corpus, files: dict[str, str]) -> Searcher:
    corpus = Corpus.open(make_corpus(files))
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    return Searcher.open(store)


@pytest.fixture
def searcher(tmp_path: Path, make_corpus):
    with _open(tmp_path, make_corpus, FILES) as opened:
        yield opened


@pytest.fixture(params=["stored", "lexicon"])
def corpus_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Corpus counts both ways: stored counts added up (small corpora), or the term
    dictionary's totals less the deleted documents' (large ones)."""
    monkeypatch.setattr(wordstats, "_CHARS_PER_TERM", 10**9 if request.param == "stored" else 0)
    return str(request.param)


def _direct(searcher: Searcher, doc_ids: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Occurrences and documents counted straight from each document's display text."""
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for doc_id in doc_ids:
        docnum = searcher.docnum(doc_id)
        assert docnum is not None
        found = [w for w in words.cut_for_index(fold(searcher.text(docnum))) if len(w) > 1 and re.search(r"\w", w)]
        counts.update(found)
        docs.update(set(found))
    return counts, docs


def test_corpus_frequencies_are_a_direct_count(searcher: Searcher, corpus_way: str) -> None:
    corpus = wordstats.corpus_counts(searcher)
    counts, docs = _direct(searcher, sorted(FILES))
    assert corpus.counts == counts and corpus.docs == docs
    assert corpus.documents == 4 and corpus.words == sum(counts.values())
    # 經濟 (traditional) counts as 经济: three occurrences in two documents.
    assert (corpus.counts["经济"], corpus.docs["经济"]) == (4, 2)


def test_a_query_s_documents_are_counted_directly_either_way(searcher: Searcher) -> None:
    corpus = wordstats.corpus_counts(searcher)
    cases = {"足球": ["c.txt"], "经济": ["a.txt", "b.txt"], "-足球": ["a.txt", "b.txt", "d.txt"]}
    for query, expected_docs in cases.items():
        # 足球's documents are a quarter of the text: segmented. -足球's are three quarters:
        # the rest is segmented and taken off the corpus' counts.
        result = searcher.search(query)
        subset = wordstats.subset_counts(searcher, result.docs.docnums(), corpus)
        counts, docs = _direct(searcher, expected_docs)
        assert (subset.counts, subset.docs, subset.documents) == (counts, docs, len(expected_docs)), query


@given(st.data())
def test_stored_counts_are_the_counts_of_segmenting_again(sample_searcher: Searcher, data: st.DataObject) -> None:
    every = list(sample_searcher.catalog.order)
    docnums = data.draw(st.lists(st.sampled_from(every), unique=True))
    stored = wordstats.document_counts(sample_searcher, docnums)
    segmented = wordstats.segmented_counts(sample_searcher, docnums)
    assert (stored.counts, stored.docs, stored.documents) == (segmented.counts, segmented.docs, len(docnums))


def test_stored_counts_agree_across_commits_and_segments(tmp_path: Path, make_corpus) -> None:
    # One commit per document: each commit adds words to the vocabulary, and the last
    # one merges the segments (their columns copied, ids unchanged).
    root = make_corpus(FILES)
    store = IndexStore(tmp_path / "ix", Corpus.open(root).location)
    update_index(Corpus.open(root), store, batch_docs=1)
    (root / "e.txt").write_text("篮球比赛开始了。经济\n", encoding="utf-8")
    update_index(Corpus.open(root), store, batch_docs=1)
    with Searcher.open(store) as searcher:
        found = wordstats.document_counts(searcher, searcher.catalog.order)
        assert (found.counts, found.docs) == _direct(searcher, [*sorted(FILES), "e.txt"])


def test_without_its_vocabulary_an_index_is_counted_by_segmenting_and_then_rebuilt(tmp_path: Path, make_corpus) -> None:
    root = make_corpus(FILES)
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    generation = store.current()
    assert generation is not None
    (generation.path / VOCABULARY_NAME).unlink()
    with Searcher.open(store) as searcher:
        assert searcher.vocabulary is None
        expected = _direct(searcher, sorted(FILES))
        found = wordstats.document_counts(searcher, searcher.catalog.order)
        assert (found.counts, found.docs) == expected
    # New documents could not be given ids agreeing with the stored ones: built again.
    (root / "e.txt").write_text("篮球比赛开始了。\n", encoding="utf-8")
    report = update_index(Corpus.open(root), store)
    assert report.rebuilt and len(report.added) == 5
    with Searcher.open(store) as searcher:
        assert searcher.vocabulary is not None
        found = wordstats.document_counts(searcher, searcher.catalog.order)
        assert (found.counts, found.docs) == _direct(searcher, [*sorted(FILES), "e.txt"])


def test_deleted_documents_are_not_counted(tmp_path: Path, make_corpus, corpus_way: str) -> None:
    root = make_corpus(FILES)
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    (root / "c.txt").write_text("篮球比赛开始了。\n", encoding="utf-8")
    update_index(Corpus.open(root), store)
    with Searcher.open(store) as searcher:
        found = wordstats.corpus_counts(searcher)
        counts, _ = _direct(searcher, sorted(FILES))
        assert searcher.deleted()  # the old c.txt, still in its segment
        assert found.counts == counts and "足球" not in found.counts and found.counts["篮球比赛"] == 1


def test_tagged_passages_count_their_own_words(searcher: Searcher) -> None:
    docnum = searcher.docnum("c.txt")
    assert docnum is not None
    text = searcher.text(docnum)
    start = text.index("足球运动员")
    # Two overlapping passages count once; a passage in an unknown document is skipped.
    passages = {"c.txt": [(start, start + 5), (start + 2, start + 5)], "gone.txt": [(0, 3)]}
    found = wordstats.passage_counts(searcher, passages)
    assert found.counts == Counter({"足球": 1, "运动员": 1}) and found.documents == 1


def test_keyness_against_a_hand_computed_g2() -> None:
    # a=10 of c=100 against b=20 of d=1000: E1 = 100·30/1100 = 2.7273, E2 = 27.2727,
    # G² = 2(10·ln(10/2.7273) + 20·ln(20/27.2727)) = 2(12.9928 − 6.2030) = 13.580.
    assert association.keyness(10, 20, 100, 1000) == pytest.approx(13.5796, abs=1e-3)
    # Under-use is negative: a=1 of 100 against b=100 of 1000 (1% against 10%).
    # E1 = 100·101/1100 = 9.1818, E2 = 91.8182;
    # G² = 2(1·ln(1/9.1818) + 100·ln(100/91.8182)) = 2(−2.21723 + 8.53608) = 12.6377.
    assert association.keyness(1, 100, 100, 1000) == pytest.approx(-12.6377, abs=1e-3)
    # Absent from the rest: G² = 2·a·ln(a/E1) alone.
    assert association.keyness(5, 0, 50, 50) == pytest.approx(2 * 5 * math.log(2), abs=1e-9)
    assert association.keyness(0, 0, 10, 10) == 0.0


def test_the_table_sorts_and_filters(searcher: Searcher) -> None:
    corpus = wordstats.corpus_counts(searcher)
    subset = wordstats.subset_counts(searcher, searcher.search("经济").docs.docnums(), corpus)
    table = wordstats.table(subset, corpus, WordFilter(), by_keyness=True)
    assert table.rows[0].word == "经济" and table.rows[0].rest == 0
    assert all(row.keyness is not None for row in table.rows)
    assert table.words == subset.words and table.rest_words == corpus.words - subset.words
    assert "我们" not in {row.word for row in table.rows}  # a stop-word
    kept = wordstats.table(subset, corpus, WordFilter(stopwords=False))
    assert "我们" in {row.word for row in kept.rows}
    whole = wordstats.table(corpus, None, WordFilter(numbers=False), top=100)
    assert "1998" in {row.word for row in whole.rows} and not whole.compared
    assert "1998" not in {row.word for row in wordstats.table(corpus).rows}
    counts = [(-row.count, row.word) for row in whole.rows]
    assert counts == sorted(counts)


def test_stopwords_and_numbers() -> None:
    assert {"我们", "因为", "的"} <= stopwords() and "经济" not in stopwords()
    assert is_number("1998") and is_number("3.5%") and is_number("1,000")
    assert not is_number("gdp") and not is_number("1998年") and not is_number("..")
    # The list is folded as the words are: 這些 is the stop-word 这些.
    assert fold("這些") in stopwords() and not WordFilter().keeps(fold("這些"))


# A toy corpus whose windows one can count by hand.
# Latin words segment as themselves; a blank line makes two paragraphs.
TOY = {"a.txt": "xx node yy zz\n\nnode yy\n", "b.txt": "qq rr ss tt\n"}


def test_collocation_scores_against_the_formula(tmp_path: Path, make_corpus) -> None:
    with _open(tmp_path, make_corpus, TOY) as searcher:
        corpus = wordstats.corpus_counts(searcher)
        assert corpus.words == 10
        result = searcher.search("node")
        ll = collocates.collocates(searcher, result, corpus, window=1, min_freq=1)
        mi = collocates.collocates(searcher, result, corpus, window=1, min_freq=1, measure=collocates.Measure.MI)
    # Windows of ±1: [xx] node [yy], and (line start) node [yy]: R = 3 words, N = 10.
    assert (ll.hits, ll.window_words, ll.corpus_words) == (2, 3, 10)
    rows = {row.word: row for row in ll.rows}
    assert set(rows) == {"yy", "xx"}
    yy = rows["yy"]
    assert (yy.observed, yy.left, yy.right, yy.corpus) == (2, 0, 2, 2)
    # E = 3·2/10 = 0.6. Table O = [[2, 1], [0, 7]], E = [[0.6, 2.4], [1.4, 5.6]]:
    # LL = 2(2·ln(2/0.6) + 1·ln(1/2.4) + 7·ln(7/5.6)) = 2(2.40795 − 0.87547 + 1.56200) = 6.18896.
    assert yy.expected == pytest.approx(0.6)
    assert yy.score == pytest.approx(6.18896, abs=1e-4)
    assert {row.word: row.score for row in mi.rows}["yy"] == pytest.approx(math.log2(2 / 0.6))
    assert [row.word for row in ll.rows] == ["yy", "xx"]


def test_collocation_ll_is_negative_below_chance() -> None:
    # 1 in 100 window words against 100 in 1000 corpus words: E = 10.
    assert association.log_likelihood(1, 100, 100, 1000) < 0
    assert association.mutual_information(1, 100, 100, 1000) == pytest.approx(math.log2(0.1))


_WORD = st.text(alphabet="abcdefgh", min_size=2, max_size=6)


@given(
    st.lists(_WORD, max_size=12),
    st.lists(_WORD, max_size=12),
    st.lists(_WORD, max_size=4),
    st.integers(min_value=1, max_value=8),
)
def test_windows_take_the_nearest_words_of_the_paragraph(
    before: list[str], after: list[str], other: list[str], window: int
) -> None:
    head = " ".join(other) + "\n" + " ".join(before) + " "
    text = head + "node " + " ".join(after) + "\n" + " ".join(other)
    start = len(head)
    left, right = collocates.windows(text, start, start + 4, window)
    assert left == before[max(len(before) - window, 0) :]
    assert right == after[:window]
