"""Search history: any query comes back as typed, once, newest last; a damaged file is an
empty history, never an error."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from zhreader.tui.history import LIMIT, SearchHistory

queries = st.lists(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20), max_size=8)


@given(typed=queries)
def test_queries_come_back_as_typed_once_newest_last(tmp_path_factory, typed: list[str]) -> None:
    path = tmp_path_factory.mktemp("history") / "h.json"
    history = SearchHistory(path)
    for query in typed:
        history.add(query)
    expected: list[str] = []
    for query in typed:
        if query.strip():
            expected = [q for q in expected if q != query] + [query]
    assert history.queries == expected
    assert SearchHistory(path).queries == expected


def test_a_damaged_file_is_an_empty_history_and_the_history_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    path.write_bytes(b"\xff{not json")
    history = SearchHistory(path)
    assert history.queries == []
    for n in range(LIMIT + 5):
        history.add(f"q{n}")
    assert len(SearchHistory(path).queries) == LIMIT and history.queries[-1] == f"q{LIMIT + 4}"
