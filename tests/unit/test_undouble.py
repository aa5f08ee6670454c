from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from zhreader.corpus.undouble import undouble

SEED_LINE = "呼和浩特呼和浩特：：筑起聚才筑起聚才““强磁场强磁场””构建构建““智汇智汇””新高地新高地"


def test_the_doubled_seed_headline_reads_once() -> None:
    assert undouble(SEED_LINE) == "呼和浩特：筑起聚才“强磁场”构建“智汇”新高地"


def test_prose_and_reduplication_are_left_alone() -> None:
    for line in ["谢谢谢谢", "天天向上天天向上", "大家好大家好", "哈哈嘿嘿呵呵", "呼和浩特：相向而行", "常常看看"]:
        assert undouble(line) is None


runs = st.lists(
    st.text(alphabet="呼和浩特强磁场构建智汇新高地筑起聚才：“”", min_size=1, max_size=5), min_size=3, max_size=8
)


@given(runs)
def test_a_line_of_doubled_runs_is_restored(parts: list[str]) -> None:
    once = "".join(parts)
    # Repetitive inputs ("ab" "ab" "ab") are a single doubled run, which prose also has.
    assume(len(set(parts)) == len(parts) and len(set(once)) >= 3 and any(len(p) > 1 for p in parts))
    doubled = "".join(p + p for p in parts)
    result = undouble(doubled)
    assert result is not None
    # Another split into runs may exist, but it must double back to the same line.
    assert len(result) * 2 == len(doubled)


@given(st.text(min_size=1, max_size=60))
def test_undouble_only_ever_halves(line: str) -> None:
    result = undouble(line)
    assert result is None or len(result) * 2 == len(line)
