"""Painting the reader's highlights: which hits overlap a line, and the segments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from zhreader.tui.reader_paint import Hits, Palette, highlighted, layers, segments

PALETTE = Palette(Style(italic=True), Style(bold=True), Style(reverse=True), Style(underline=True))

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=20).map(
    lambda pairs: sorted((start, start + length) for start, length in pairs)
)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_overlapping_finds_exactly_the_hits_that_touch_a_range(
    found: list[tuple[int, int]], start: int, size: int
) -> None:
    hits = Hits(found)
    end = start + size
    expected = [i for i, (s, e) in enumerate(found) if s < end and e > start]
    assert list(hits.overlapping(start, end)) == expected
    assert hits.any_in(start, end) == bool(expected)


def test_a_long_hit_before_a_short_one_is_not_lost() -> None:
    # 哈哈哈哈 found twice overlapping, plus a long phrase starting first: the line from 5
    # on is covered by the long one although a later hit ends before 5.
    hits = Hits([(0, 10), (1, 3)])
    assert list(hits.overlapping(5, 6)) == [0]


@given(
    st.text(alphabet="中文ab \t", min_size=1, max_size=30),
    spans,
    st.none() | st.tuples(st.integers(0, 5), st.integers(6, 9)),
)
def test_segments_keep_the_text_and_mark_every_hit(text: str, found: list[tuple[int, int]], selection) -> None:
    hits = Hits([(s, e) for s, e in found if e <= len(text)], current=0)
    over = layers(0, len(text), hits, [(0, 1)], selection, PALETTE)
    painted = segments(text, 0, len(text), Style(), over)
    assert "".join(segment.text for segment in painted) == text.replace("\t", " ")
    position = 0
    for segment in painted:
        inside_hit = any(s <= position < e for s, e in hits.spans)
        assert inside_hit == bool(segment.style and (segment.style.bold or segment.style.reverse))
        position += len(segment.text)


def test_the_current_hit_has_its_own_style() -> None:
    text = highlighted("强磁场和强磁场", 100, Hits([(100, 103), (104, 107)], current=1), PALETTE)
    styles = {span.start: span.style for span in text.spans}
    assert styles[0] == PALETTE.hit and styles[4] == PALETTE.current_hit
