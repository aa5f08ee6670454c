"""Folding for matching: width, case (full), Kangxi radicals and compatibility forms,
simplified/traditional and variants; offsets carried back to the display text."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.textfold import fold, fold_map, table, to_display


def test_width_case_and_compatibility_forms() -> None:
    assert fold("１９９８") == "1998"
    assert fold("ＧＤＰ") == fold("GDP") == "gdp"
    assert fold("，（）") == fold(",()") == ",()"
    assert fold("﹐") == fold("，") == ","  # small and full-width commas: the issue's ﹐ ≠ ，
    assert fold("\u3000") == " "
    assert fold("⼈民") == fold("人民")  # a Kangxi radical pasted from a damaged PDF


def test_full_case_folding() -> None:
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("ﬁle") == "file"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("發展", "发展"),
        ("頭髮", "头发"),
        ("為人", "为人"),
        ("爲人", "为人"),
        ("裏面", "里面"),
        ("裡面", "里面"),
        ("萬里", "万里"),
    ],
)
def test_scripts_and_variants_fold_together(traditional: str, simplified: str) -> None:
    assert fold(traditional) == fold(simplified) == simplified


def test_the_exact_script_keeps_the_script_but_folds_the_rest() -> None:
    assert fold("發展", exact_script=True) == "發展"
    assert fold("ＧＤＰ發展", exact_script=True) == "gdp發展"
    assert fold("⼈", exact_script=True) == "人"


def test_ambiguous_pairs_stay_apart() -> None:
    assert fold("著作") != fold("着作")  # OpenCC keeps 著: simplified Chinese uses both


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    for exact in (False, True):
        once = fold(text, exact_script=exact)
        assert fold(once, exact_script=exact) == once


@given(st.text(alphabet=st.sampled_from("中國發展ßﬁAａ\u200b⼈字 \n"), max_size=30))
def test_offsets_map_back_to_the_display_text(text: str) -> None:
    folded, origin = fold_map(text)
    assert folded == fold(text)
    if origin is None:
        assert len(folded) == len(text)
        return
    assert len(origin) == len(folded) + 1 and origin[-1] == len(text)
    for index in range(len(folded)):
        start, end = to_display((index, index + 1), origin)
        assert folded[index] in fold(text[start:end])


def test_a_hit_inside_an_expansion_marks_the_whole_character() -> None:
    folded, origin = fold_map("大街ß路")
    start = folded.index("ss")
    assert to_display((start, start + 1), origin) == (2, 3)
    assert to_display((start, start + 3), origin) == (2, 4)


@pytest.mark.skipif(importlib.util.find_spec("opencc") is None, reason="opencc regenerates the table")
def test_the_shipped_table_is_what_the_generator_makes() -> None:
    from zhreader.corpus import foldgen

    expected = foldgen.build()
    blind, exact = table(), table(exact_script=True)
    assert {chr(cp): value for cp, value in blind.items()} == {ch: b for ch, (_, b) in expected.items()}
    assert {chr(cp): value for cp, value in exact.items()} == {ch: e for ch, (e, _) in expected.items() if e != ch}
