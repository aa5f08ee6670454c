from __future__ import annotations

import itertools

from hypothesis import assume, given
from hypothesis import strategies as st

from zhreader.tui.linebreak import NO_LINE_END, NO_LINE_START, cells, wrap


def texts(text: str, width: int, indent: int = 0) -> list[str]:
    return [text[s:e] for s, e in wrap(text, width, indent=indent)]


def test_cjk_breaks_anywhere_but_closers_never_start_a_line() -> None:
    lines = texts("多年来，我市不断推进区域、项目、技术等要素精准对接。", 8)
    assert lines == ["多年来，", "我市不断", "推进区", "域、项", "目、技术", "等要素精", "准对接。"]
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START
    assert all(cells(line) <= 8 for line in lines)


def test_a_closer_that_does_not_fit_takes_the_previous_character_along() -> None:
    # 10 cells: "呼和浩特发" is full, so 展 goes down with its 。
    assert texts("呼和浩特发展。", 10) == ["呼和浩特发", "展。"]
    assert texts("呼和浩特发展。”他说", 10) == ["呼和浩特发", "展。”他说"]
    assert texts("呼和浩特发展。", 14) == ["呼和浩特发展。"]


def test_openers_never_end_a_line() -> None:
    assert texts("一二三四（五六）", 10) == ["一二三四", "（五六）"]
    assert texts("一二三“四", 7) == ["一二三", "“四"]


def test_dashes_and_ellipses_stay_whole() -> None:
    # Rich counts — and … as one cell each.
    assert texts("一二三四——五六", 9) == ["一二三", "四——五六"]
    assert texts("一二三四……五", 9) == ["一二三", "四……五"]


def test_latin_words_are_not_split_and_spaces_vanish_at_breaks() -> None:
    assert texts("GDP growth is strong", 10) == ["GDP growth", "is strong"]
    assert texts("中文English混排", 8) == ["中文", "English", "混排"]


def test_overlong_words_are_split_by_characters() -> None:
    assert texts("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]
    assert texts("https://example.com/abcdef", 10) == ["https://", "example.co", "m/abcdef"]


def test_hanging_indent_narrows_following_lines() -> None:
    assert texts("■ 一二三四五六七八九十", 12, indent=2) == ["■ 一二三四五", "六七八九十"]


alphabet = st.sampled_from(list("中国人民发展强磁场呼和浩特，。、；：？！“”（）《》——……ab cd 12 "))


@given(st.text(alphabet=alphabet, max_size=120), st.integers(min_value=4, max_value=40))
def test_wrapping_keeps_every_character_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    kept = "".join(text[s:e] for s, e in lines)
    assert kept.replace(" ", "") == text.replace(" ", "")
    previous_end = 0
    for s, e in lines:
        assert s >= previous_end and text[previous_end:s].strip(" ") == ""
        previous_end = e
        assert cells(text[s:e]) <= width


@given(st.text(alphabet=alphabet, max_size=120), st.integers(min_value=8, max_value=40))
def test_no_line_starts_with_a_closer_or_ends_with_an_opener(text: str, width: int) -> None:
    # Runs of punctuation longer than a line cannot obey the rule, and a space next to a
    # mark is a break the text itself asks for.
    marks = NO_LINE_START | NO_LINE_END
    assume(not any(all(ch in marks for ch in text[i : i + 3]) for i in range(len(text))))
    assume(
        not any(
            (a in NO_LINE_END and b == " ") or (a == " " and b in NO_LINE_START) for a, b in itertools.pairwise(text)
        )
    )
    lines = [text[s:e] for s, e in wrap(text, width) if e > s]
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
    for line in lines[:-1]:
        assert line[-1] not in NO_LINE_END, lines


def test_postfix_signs_stay_with_their_full_width_number() -> None:
    # "比例为２５" / "％。" broke the half-width rule in full-width text.
    for sign in "％‰℃":
        lines = texts(f"今年比例为２５{sign}。", 12)
        assert all(not line.startswith(sign) for line in lines), lines
        assert any(f"２５{sign}" in line for line in lines), lines
    assert texts("增长３．５％，", 10) == ["增长", "３．５％，"]
    assert texts("共计1,000,000人", 10) == ["共计", "1,000,000", "人"]


@given(
    st.lists(st.sampled_from(["❤️", "1️⃣", "👨\u200d👩\u200d👧", "🇨🇳", "é", "中", "文", "，", "a", " "]), max_size=40),
    st.integers(min_value=2, max_value=20),
)
def test_emoji_sequences_are_never_split_and_lines_fit_as_drawn(pieces: list[str], width: int) -> None:
    from rich.cells import cell_len

    text = "".join(pieces)
    boundaries = set(itertools.accumulate(len(piece) for piece in pieces)) | {0}
    for start, end in wrap(text, width):
        assert start in boundaries and end in boundaries  # a break only between clusters
        assert cell_len(text[start:end]) <= width  # measured as Rich draws it


@given(
    st.lists(st.sampled_from(["中", "a", "🇨🇳", "é", "e\u0301", "，"]), max_size=20),
    st.integers(min_value=0, max_value=12),
)
def test_a_cut_title_fits_and_ends_in_an_ellipsis_between_clusters(pieces: list[str], width: int) -> None:
    from zhreader.support.cells import fit

    text = "".join(pieces)
    shown = fit(text, width)
    assert cells(shown) <= width
    if cells(text) <= width:
        assert shown == text
    elif width:
        kept = shown.removesuffix("…")
        assert shown.endswith("…") and text.startswith(kept)
        assert len(kept) in set(itertools.accumulate(len(piece) for piece in pieces)) | {0}
