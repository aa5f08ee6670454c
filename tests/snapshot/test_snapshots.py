"""Snapshots of the main screens with Chinese text (pytest-textual-snapshot).

Regenerate after an intended visual change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot import make_app, ready, search


@pytest.fixture
def app(sample_dir: Path, sample_store, tmp_path: Path):
    return make_app(sample_dir, sample_store, tmp_path)


def test_launch(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_search_results_and_highlighted_hit(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)
        await search(pilot, "强磁场")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_table_and_outline(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        document = screen.reader.document
        table = next(b for b in document.blocks if b.kind.value == "table")
        screen.reader.scroll_to_offset(table.start)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(110, 34), run_before=run_before)


def test_narrow_terminal_with_a_search(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)
        await search(pilot, "和林格尔")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_help(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 40), run_before=run_before)
