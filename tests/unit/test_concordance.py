"""Concordance lines: contexts within a paragraph, AntConc's sort orders, aligned columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus import Corpus
from zhreader.index import IndexStore, Searcher, update_index
from zhreader.index.concordance import SORT_CHARS, Concordance, Sort, contexts, lines, sort_key
from zhreader.support.cells import cells, fit_left, fit_right

# Three documents, two hits of 的 each (b.txt writes 书 in its traditional form).
FILES = {
    "a.txt": "我的书。他的笔。\n",
    "b.txt": "你的書。好的人。\n",
    "c.txt": "乙甲的山。\n\n甲乙的水。\n",
}


@pytest.fixture
def searcher(tmp_path: Path, make_corpus):
    corpus = Corpus.open(make_corpus(FILES))
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    with Searcher.open(store) as opened:
        yield opened


def _view(searcher: Searcher, sort: Sort) -> list[tuple[str, str, str]]:
    found = lines(searcher, searcher.search("的"), context=10, sort=sort)
    return [(line.doc_id, line.left, line.right) for line in found]


def test_sort_orders_match_a_hand_computed_example(searcher: Searcher) -> None:
    # Left contexts read from the hit outwards: keys 我 / 他。书的我 / 你 / 好。书的你 /
    # 甲乙 / 乙甲; by code point 乙 < 他 < 你 < 好 < 我 < 甲. The first line of c.txt (乙甲的)
    # sorts last because 甲 is next to its hit, not 乙.
    assert _view(searcher, Sort.LEFT) == [
        ("c.txt", "甲乙", "水。"),
        ("a.txt", "我的书。他", "笔。"),
        ("b.txt", "你", "書。好的人。"),
        ("b.txt", "你的書。好", "人。"),
        ("a.txt", "我", "书。他的笔。"),
        ("c.txt", "乙甲", "山。"),
    ]
    # Right contexts: 书 (書 folds to it) < 人 < 山 < 水 < 笔; the two 书。 lines are told
    # apart by their third character, 他 < 好.
    assert _view(searcher, Sort.RIGHT) == [
        ("a.txt", "我", "书。他的笔。"),
        ("b.txt", "你", "書。好的人。"),
        ("b.txt", "你的書。好", "人。"),
        ("c.txt", "乙甲", "山。"),
        ("c.txt", "甲乙", "水。"),
        ("a.txt", "我的书。他", "笔。"),
    ]
    assert [row[:2] for row in _view(searcher, Sort.DOC)] == [
        ("a.txt", "我"),
        ("a.txt", "我的书。他"),
        ("b.txt", "你"),
        ("b.txt", "你的書。好"),
        ("c.txt", "乙甲"),
        ("c.txt", "甲乙"),
    ]


def test_lines_slice_the_display_text(searcher: Searcher) -> None:
    for line in lines(searcher, searcher.search("的 OR 书"), context=5):
        document = searcher.document(line.doc_id)
        assert document is not None
        assert document.text[line.start : line.end] == line.hit
        assert document.text[line.start - len(line.left) : line.start] == line.left


def test_lines_alike_as_far_as_the_sort_looks_keep_document_order(tmp_path: Path, make_corpus) -> None:
    same = "甲" * SORT_CHARS
    corpus = Corpus.open(make_corpus({"a.txt": f"的{same}丙\n", "b.txt": f"的{same}乙\n", "c.txt": "的乙\n"}))
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    with Searcher.open(store) as searcher:
        found = lines(searcher, searcher.search("的"), sort=Sort.RIGHT)
        # 乙 < 甲; a and b differ only after SORT_CHARS characters: document order.
        assert [line.doc_id for line in found] == ["c.txt", "a.txt", "b.txt"]


# A paragraph break, a fold that changes length (ﬁ, ß), traditional forms, tabs.
_TEXT = st.text(alphabet="的书書人\n\tﬁßa", max_size=30)


@given(st.lists(_TEXT, min_size=1, max_size=4))
def test_every_order_agrees_with_its_key_on_the_lines(texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "c"
        folder.mkdir()
        for number, text in enumerate(texts):
            (folder / f"{number}.txt").write_text(text + "。", encoding="utf-8")
        corpus = Corpus.open(folder)
        store = IndexStore(Path(root) / "ix", corpus.location)
        update_index(corpus, store)
        with Searcher.open(store) as searcher:
            result = searcher.search("的")
            made = {sort: Concordance(searcher, result, sort=sort) for sort in Sort}
            for sort in Sort:
                # Keys made while gathering, or later for another sort: one order.
                view = list(made[sort].view(sort))
                assert [line.number for line in view] == [line.number for line in made[Sort.DOC].view(sort)]
                assert view == sorted(view, key=sort_key(sort))
                assert len(view) == result.total_hits


def test_views_narrow_to_a_document_or_to_passages(searcher: Searcher) -> None:
    concordance = Concordance(searcher, searcher.search("的"))
    only_b = concordance.view(Sort.RIGHT, doc_id="b.txt")
    assert [(line.doc_id, line.right) for line in only_b] == [("b.txt", "書。好的人。"), ("b.txt", "人。")]
    document = searcher.document("c.txt")
    assert document is not None
    second = document.text.index("甲乙的水")
    inside = concordance.view(Sort.DOC, passages={"c.txt": [(second, second + 4)], "gone.txt": [(0, 3)]})
    assert [(line.doc_id, line.left) for line in inside] == [("c.txt", "甲乙")]
    assert inside.row_of(inside[0].number) == 0
    assert only_b.row_of(inside[0].number) is None


def test_contexts_stop_at_the_paragraph() -> None:
    text = "第一段。\n第二段的开头"
    start = text.index("的")
    assert contexts(text, start, start + 1, 20) == ("第二段", "的", "开头")
    assert contexts("a\tb的c", 3, 4, 2) == (" b", "的", "c")


@given(st.text(alphabet="中a👨‍👩‍👧é\u0301", max_size=12), st.integers(min_value=0, max_value=12))
def test_fitted_contexts_take_exactly_their_width(text: str, width: int) -> None:
    left, right = fit_left(text, width), fit_right(text, width)
    assert cells(left) == width
    assert cells(right) == width
    assert text.endswith(left.lstrip(" ")) or not left.strip()
    assert text.startswith(right.rstrip(" ")) or not right.strip()
