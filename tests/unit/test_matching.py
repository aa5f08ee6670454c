from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.textfold import fold
from zhreader.index.matching import FoldedText, Matcher
from zhreader.index.query import Term


def spans(term: str, text: str, **kw) -> list[tuple[int, int]]:
    """Spans in the folded text (same offsets as the display text here: no expansions)."""
    return Matcher.for_term(Term(term, **kw)).spans(fold(text))


def test_literal_and_folded_matches_land_on_the_original_characters() -> None:
    text = "１９９８年GDP增长，1998年ＧＤＰ"
    assert spans("1998", text) == [(0, 4), (11, 15)]
    assert spans("gdp", text) == [(5, 8), (16, 19)]
    assert [text[s:e] for s, e in spans("ＧＤＰ", text)] == ["GDP", "ＧＤＰ"]


def test_overlapping_occurrences_are_all_found() -> None:
    assert spans("哈哈", "哈哈哈") == [(0, 2), (1, 3)]
    assert Matcher.for_term(Term("哈哈")).count("哈哈哈") == 2
    assert Matcher.for_term(Term("中国")).count("中国中国") == 2


def test_phrase_whitespace_matches_any_run_of_spaces_but_not_newlines() -> None:
    text = "数据  中心\n数据\n中心 数据\t中心"
    assert spans("数据 中心", text, phrase=True) == [(0, 6), (13, 18)]


text_alphabet = st.sampled_from(list("中国人民哈１2AaｂB ，"))


@given(st.text(alphabet=text_alphabet, max_size=40), st.text(alphabet=text_alphabet, min_size=1, max_size=4))
def test_spans_are_exactly_the_folded_occurrences(text: str, term: str) -> None:
    matcher = Matcher.for_term(Term(term, phrase=" " in term.strip()))
    if not matcher.parts or len(matcher.parts) > 1:
        return
    needle = matcher.parts[0]
    folded = fold(text)
    expected = [(i, i + len(needle)) for i in range(len(folded)) if folded.startswith(needle, i)]
    assert matcher.spans(folded) == expected
    assert matcher.count(folded) == len(expected)


def test_a_term_and_its_other_script_are_the_same_term() -> None:
    assert spans("發展", "经济发展") == [(2, 4)] == spans("发展", "經濟發展")
    assert Matcher.for_term(Term("發展", exact_script=True)).spans(fold("经济发展", exact_script=True)) == []


def test_grams_decide_one_and_two_character_terms() -> None:
    assert Matcher.for_term(Term("发")).decided_by_postings and Matcher.for_term(Term("發展")).decided_by_postings
    assert not Matcher.for_term(Term("中国人")).decided_by_postings  # its pairs give candidates
    assert Matcher.for_term(Term("中国人")).grams == ("中国", "国人")
    assert not Matcher.for_term(Term("發展", exact_script=True)).decided_by_postings


def test_folded_text_gives_display_spans_in_either_script_mode() -> None:
    # ß folds to ss: offsets after it differ between the fold and the display text.
    text = "Straße 發展 发展 ⼈才"
    folded = FoldedText(text)
    blind = folded.spans(Matcher.for_term(Term("发展")))
    assert [text[s:e] for s, e in blind] == ["發展", "发展"]
    exact = folded.spans(Matcher.for_term(Term("發展", exact_script=True)))
    assert [text[s:e] for s, e in exact] == ["發展"]
    assert [text[s:e] for s, e in folded.spans(Matcher.for_term(Term("人才")))] == ["⼈才"]
