"""Snapshots of the main screens with Chinese text (pytest-textual-snapshot).

Regenerate after an intended visual change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot import make_app, ready, search, wait_until


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


def test_a_wide_table_stacks_at_60_columns_with_its_hits(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        screen = await ready(pilot, 5)
        await search(pilot, "预期性")
        await pilot.press("enter")
        await pilot.pause()
        document = screen.reader.document
        table = next(b for b in document.blocks if b.kind.value == "table")
        screen.reader.scroll_to_offset(table.start)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)


def test_help(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 40), run_before=run_before)


def test_notes_pane_with_an_orphaned_note(snap_compare, app) -> None:
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.store import NotesFile

    async def run_before(pilot) -> None:
        screen = await ready(pilot, 5)
        doc = "001_46ad83b1219e4802.txt"
        text = app.library.document(doc).text
        notes = NotesFile(app.library.notes_path)
        start = text.index("强磁场")
        notes.add(Note.create(doc, text, start, start + 3, ["人才"], "标题里的比喻"))
        notes.add(Note.create("gone.txt", "已经删除的文件里的一段话", 0, 6, ["旧"]))
        screen.notes.reload()
        await wait_until(pilot, lambda: len(app.library.placed_notes) == 2, what="the notes")
        await pilot.press("j", "enter", "T")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_concordance_sorted_by_right_context(snap_compare, app) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot, 5)
        await search(pilot, "中国")
        await pilot.press("escape", "c")
        await wait_until(
            pilot,
            lambda: "lines" in str(getattr(pilot.app.screen, "kwic", None) and pilot.app.screen.kwic.border_title),
        )
        await pilot.press("r")
        await wait_until(pilot, lambda: "right context" in str(pilot.app.screen.kwic.border_title))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
