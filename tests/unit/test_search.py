"""Search behaviour on the sample corpus and on small corpora written by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhreader.corpus import Corpus
from zhreader.corpus.textfold import fold
from zhreader.index import IndexStore, QueryError, Searcher, update_index


def search_docs(searcher: Searcher, query: str) -> list[str]:
    return [doc.doc_id for doc in searcher.search(query).docs]


@pytest.fixture
def index_of(tmp_path: Path, make_corpus):
    def build(files: dict[str, str]) -> Searcher:
        corpus = Corpus.open(make_corpus(files))
        store = IndexStore(tmp_path / "ix", corpus.location)
        update_index(corpus, store)
        return Searcher.open(store)

    return build


@pytest.mark.parametrize(
    "query", ["呼和浩特", "强磁场", "人才 政策", '"数据 中心"', "GDP", "第一章", "的", "title:规划"]
)
def test_every_hit_is_an_occurrence_at_its_offsets(sample_searcher: Searcher, query: str) -> None:
    result = sample_searcher.search(query, limit=None)
    parts = [fold(t.text) for t in result_terms(query)]
    for doc in result.docs:
        document = sample_searcher.document(doc.doc_id)
        assert document is not None
        assert len(doc.hits) == doc.hit_count
        for hit in doc.hits:
            found = fold(document.text[hit.start : hit.end])
            assert " ".join(found.split()) in parts
            assert document.block_at(hit.start) == hit.block
            assert hit.snippet.hit == document.text[hit.start : hit.end]


def result_terms(query: str):
    from zhreader.index.query import parse

    return parse(query).terms


def test_words_cut_by_pdf_lines_are_found(sample_searcher: Searcher) -> None:
    assert search_docs(sample_searcher, "推动包头经鄂尔多斯至榆林铁路") == ["000_bc67ab66cdfee0df.txt"]
    assert search_docs(sample_searcher, "实施中华优秀传统文化传承发展工程") == ["000_bc67ab66cdfee0df.txt"]


def test_title_matches_rank_first(sample_searcher: Searcher) -> None:
    docs = sample_searcher.search("强磁场").docs
    assert [d.doc_id[:3] for d in docs] == ["001", "000"]
    assert all("强磁场" in d.title for d in docs)


def test_title_field_restricts_hits_to_the_title(sample_searcher: Searcher) -> None:
    result = sample_searcher.search("title:呼和浩特")
    assert {d.doc_id[:3] for d in result.docs} == {"000", "001", "002"}
    for doc in result.docs:
        assert all(hit.block == 0 for hit in doc.hits)


def test_exclusion_and_or(sample_searcher: Searcher) -> None:
    with_beijing = set(search_docs(sample_searcher, "北京"))
    assert (
        set(search_docs(sample_searcher, "呼和浩特 -北京"))
        == set(search_docs(sample_searcher, "呼和浩特")) - with_beijing
    )
    assert set(search_docs(sample_searcher, "稀土 OR 乳业")) == set(search_docs(sample_searcher, "稀土")) | set(
        search_docs(sample_searcher, "乳业")
    )
    only_excluded = sample_searcher.search("-呼和浩特")
    assert all(doc.hit_count == 0 for doc in only_excluded.docs)


def test_width_and_case_insensitive(index_of) -> None:
    searcher = index_of(
        {"a.txt": "标题\n\n１９９８年ＧＤＰ增长。", "b.txt": "标题\n\n1998年gdp增长。", "c.txt": "标题\n\n无关。"}
    )
    for query in ["1998", "１９９８", "GDP", "ｇｄｐ", "1998年GDP"]:
        assert search_docs(searcher, query) == ["a.txt", "b.txt"], query
    hit = searcher.search("gdp").docs[0].hits[0]
    assert hit.snippet.hit in ("ＧＤＰ", "gdp")


def test_whole_words_rank_above_the_same_characters_inside_longer_words(index_of) -> None:
    searcher = index_of(
        {
            "a.txt": "文章甲\n\n马克思主义哲学是马克思创立的。马克思的著作很多。",
            "b.txt": "文章乙\n\n马克是我的同学，马克喜欢踢球。",
        }
    )
    assert search_docs(searcher, "马克") == ["b.txt", "a.txt"]


def test_one_character_queries_find_everything(sample_searcher: Searcher) -> None:
    result = sample_searcher.search("蒙", limit=None)
    expected = sum(sample_searcher.text(doc.docnum).count("蒙") for doc in sample_searcher.documents())
    assert result.total_hits == expected


def test_query_errors_propagate_as_query_error(sample_searcher: Searcher) -> None:
    with pytest.raises(QueryError):
        sample_searcher.search("OR")
    result = sample_searcher.search('"强磁场')
    assert result.docs and result.notices


def test_a_huge_query_is_answered(index_of) -> None:
    import random

    rng = random.Random(7)
    body = "".join(rng.choice("呼和浩特人才政策发展创新") for _ in range(12_000))
    searcher = index_of({"long.txt": "标题\n\n" + body + "。", "short.txt": "标题\n\n人才。"})
    assert search_docs(searcher, body[1_000:11_000]) == ["long.txt"]
    assert len(searcher.search("字" * 10_000).docs) == 0


def test_documents_round_trip_through_the_index(sample_searcher: Searcher, sample_dir: Path) -> None:
    from zhreader.corpus import load_corpus
    from zhreader.corpus.loader import Loaded

    for item in load_corpus(Corpus.open(sample_dir)):
        assert isinstance(item, Loaded)
        stored = sample_searcher.document(item.document.id)
        assert stored == item.document
        assert stored.title == item.document.title
        assert stored.outline() == item.document.outline()


@pytest.mark.parametrize(
    "query", ["强磁场 强磁场", "强磁场 OR 强磁场", '强磁场 "强磁场"', "强磁场 強磁場", "强磁场 OR 强磁场 强磁场"]
)
def test_a_term_typed_twice_counts_each_hit_once(sample_searcher: Searcher, query: str) -> None:
    once = sample_searcher.search("强磁场", limit=None)
    twice = sample_searcher.search(query, limit=None)
    assert twice.total_hits == once.total_hits == 3
    assert [(d.doc_id, d.hit_count, len(d.hits)) for d in twice.docs] == [
        (d.doc_id, d.hit_count, len(d.hits)) for d in once.docs
    ]
