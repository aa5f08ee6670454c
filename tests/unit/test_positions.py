"""Reading positions follow a text that changed on disk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhreader.tui.positions import FOLLOW_WINDOW, follow_offset

paragraph = st.integers(0, 10_000).map(lambda n: f"第{n}段，说的是第{n}件事。")


@given(st.lists(paragraph, min_size=3, max_size=40, unique=True), st.data())
def test_the_position_follows_its_text_when_paragraphs_come_and_go(paragraphs: list[str], data: st.DataObject) -> None:
    read = data.draw(st.integers(0, len(paragraphs) - 1))
    old = "\n".join(paragraphs)
    offset = old.index(paragraphs[read])
    edited = list(paragraphs)
    cut = data.draw(st.integers(0, len(paragraphs) - 1).filter(lambda i: i != read))
    del edited[cut]
    edited.insert(data.draw(st.integers(0, len(edited))), "新加的一段文字，前面后面都可能。")
    new = "\n".join(edited)
    assert new[follow_offset(old, new, offset) :].startswith(paragraphs[read])


def test_a_position_whose_text_is_gone_keeps_its_share_of_the_way() -> None:
    old = "甲" * 100 + "乙" * FOLLOW_WINDOW * 2 + "丙" * 100
    new = "丁" * 500
    assert follow_offset(old, new, 100) == round(100 * 500 / len(old))
    assert follow_offset("", "abc", 0) == 0
