from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.textfold import fold, fold_table, needs_folding, scan_table, variants


def test_full_width_and_case_fold_to_ascii_lowercase() -> None:
    assert fold("１９９８") == "1998"
    assert fold("ＧＤＰ") == "gdp"
    assert fold("GDP") == "gdp"
    assert fold("中国") == "中国"
    assert fold("，（）") == ",()"
    assert fold("\u3000") == " "


def test_variants_are_the_inverse_of_fold() -> None:
    assert variants("1") == frozenset({"1", "１"})
    assert {"g", "G", "ｇ", "Ｇ"} <= variants("g")
    assert variants("中") == frozenset({"中"})
    assert needs_folding("gdp") and not needs_folding("中国")


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


@given(st.text(min_size=1, max_size=1))
def test_every_character_is_among_the_variants_of_its_fold(ch: str) -> None:
    assert ch in variants(fold(ch))
    assert all(fold(v) == fold(ch) for v in variants(fold(ch)))


def test_table_is_one_to_one() -> None:
    assert all(len(value) == 1 for value in fold_table().values())


def test_the_fold_ranges_cover_the_whole_basic_multilingual_plane() -> None:
    assert fold_table() == scan_table(range(0x10000))
