"""Quotes of document text read once, whatever quotation marks the text holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhreader.tui.quoting import quoted


def test_plain_text_gets_curly_quotes_and_quoted_text_gets_corner_brackets() -> None:
    assert quoted("数据中心") == "“数据中心”"
    assert quoted("植入“新质生产力芯片”") == "「植入“新质生产力芯片”」"


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert quoted("一二三四五", 3) == "“一二三…”"
    assert quoted("一二三", 3) == "“一二三”"


@given(st.text(alphabet="人才“”「」ab ，。", max_size=40), st.integers(min_value=1, max_value=50))
def test_the_quote_holds_the_text_and_is_closed(text: str, limit: int) -> None:
    shown = quoted(text, limit)
    inner = shown[1:-1]
    assert (shown[0], shown[-1]) in {("“", "”"), ("「", "」")}
    assert inner.removesuffix("…") == text[:limit]
    if shown[0] == "“":
        assert "“" not in inner and "”" not in inner
