from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.index.query import MAX_QUERY_CHARS, Query, QueryError, Term, parse


def shape(query: Query) -> tuple[list[list[str]], list[str]]:
    return [[t.text for t in g] for g in query.groups], [t.text for t in query.excluded]


def test_spaces_and_all_terms() -> None:
    assert shape(parse("人才  政策")) == ([["人才"], ["政策"]], [])
    assert shape(parse("人才\u3000政策")) == ([["人才"], ["政策"]], [])


def test_phrases_exclusion_or_and_title() -> None:
    query = parse('"数据 中心" -北京 呼和浩特 OR 包头 title:规划 title:"发展 目标"')
    assert shape(query) == ([["数据 中心"], ["呼和浩特", "包头"], ["规划"], ["发展 目标"]], ["北京"])
    assert query.groups[0][0].phrase
    assert query.groups[2][0] == Term("规划", "title")
    assert query.groups[3][0] == Term("发展 目标", "title", phrase=True)
    assert query.notices == ()


def test_full_width_operators_from_an_input_method() -> None:
    assert shape(parse("＂数据 中心＂ －北京 title：规划")) == ([["数据 中心"], ["规划"]], ["北京"])
    assert parse("title：规划").groups[0][0].field == "title"


def test_operator_words_are_literal_where_they_are_not_operators() -> None:
    assert shape(parse("2021-2025 10:30 or title")) == ([["2021-2025"], ["10:30"], ["or"], ["title"]], [])
    assert shape(parse('"OR"')) == ([["OR"]], [])


@pytest.mark.parametrize(
    ("raw", "groups", "notice"),
    [
        ('"数据 中心', [["数据 中心"]], "closed an unbalanced quote"),
        ("数据 - 中心", [["数据"], ["中心"]], "lone '-'"),
        ("OR 数据", [["数据"]], "OR that had no term"),
        ("数据 OR", [["数据"]], "OR that had no term"),
        ("数据 OR OR 中心", [["数据"], ["中心"]], "OR that had no term"),
        ('数据 ""', [["数据"]], "empty phrase"),
        ("数据 title:", [["数据"]], "'title:' with nothing"),
        ("数据 OR -中心", [["数据"]], "OR cannot join an excluded term"),
        ("数据\x1b[2J", [["数据[2J"]], "control characters"),
    ],
)
def test_broken_queries_get_a_sensible_reading_and_a_notice(raw: str, groups: list[list[str]], notice: str) -> None:
    query = parse(raw)
    assert shape(query)[0] == groups
    assert any(notice in n for n in query.notices)


@pytest.mark.parametrize("raw", ["", "   ", "OR", "-", '""', "OR OR |", "\x07"])
def test_queries_with_nothing_to_find_are_errors(raw: str) -> None:
    with pytest.raises(QueryError):
        parse(raw)


def test_only_exclusions_is_a_query() -> None:
    assert shape(parse("-北京")) == ([], ["北京"])


def test_length_limit() -> None:
    assert parse("字" * MAX_QUERY_CHARS).groups[0][0].text == "字" * MAX_QUERY_CHARS
    with pytest.raises(QueryError, match="too long"):
        parse("字" * (MAX_QUERY_CHARS + 1))


@given(st.text(max_size=200))
def test_any_input_parses_or_raises_query_error(raw: str) -> None:
    try:
        query = parse(raw)
    except QueryError as err:
        assert str(err)
        return
    for term in (*query.terms, *query.excluded):
        assert term.text and term.text == term.text.strip()
        assert term.field in (None, "title")


@given(st.lists(st.text(alphabet="中国人民发展abc12", min_size=1, max_size=6), min_size=1, max_size=6))
def test_plain_words_round_trip(words: list[str]) -> None:
    assert shape(parse(" ".join(words))) == ([[w] for w in words], [])
