"""The notes pane: e and d act on the note selected there, orphaned notes included."""

from __future__ import annotations

from tests.pilot import ready, wait_until, widget_lines
from zhreader.corpus.notes.model import Note
from zhreader.corpus.notes.store import NotesFile
from zhreader.tui.screens.main_screen import MainScreen
from zhreader.tui.screens.tag_dialog import TagDialog

DOC = "001_46ad83b1219e4802.txt"


async def _with_notes(pilot, app) -> MainScreen:
    screen = await ready(pilot, 5)
    text = app.library.document(DOC).text
    notes = NotesFile(app.library.notes_path)
    start = text.index("强磁场")
    notes.add(Note.create(DOC, text, start, start + 3, ["人才"]))
    # A note whose document is gone: orphaned.
    notes.add(Note.create("gone.txt", "已经删除的文件里的一段话", 0, 6, ["旧"]))
    app.main.notes.reload()
    await wait_until(pilot, lambda: len(app.library.placed_notes) == 2, what="the notes")
    await pilot.pause()
    return screen


async def test_d_in_the_notes_pane_deletes_the_selected_note_even_an_orphaned_one(sample_app) -> None:
    app = sample_app
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await _with_notes(pilot, app)
        await pilot.press("T")
        pane = screen.notes_list
        assert screen.focused is pane
        rows = widget_lines(pane)
        assert "orphaned" in rows[2] and "已经删除" in rows[3]
        await pilot.press("j")  # the orphaned note
        assert pane.target(pane.cursor).orphaned
        await pilot.press("d")
        await pilot.pause()
        assert [p.note.tags for p in app.library.placed_notes] == [("人才",)]
        await pilot.press("u")
        await pilot.pause()
        assert len(app.library.placed_notes) == 2


async def test_e_in_the_notes_pane_edits_the_selected_note_not_the_readers(sample_app) -> None:
    app = sample_app
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await _with_notes(pilot, app)
        await pilot.press("j", "enter")  # the reader on 001, its cursor on the tagged title
        assert screen.reader.notes_here()
        await pilot.press("T", "j", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, TagDialog), what="the dialog")
        assert "已经删除" in str(app.screen.query_one("#quote").render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k", "d")
        await pilot.pause()
        assert [p.note.tags for p in app.library.placed_notes] == [("旧",)]
