"""Typing in the reader's boxes: tag completion, and keys that arrive faster than the
reader handles them (a fast typist, an input method committing a phrase, a paste)."""

from __future__ import annotations

from pathlib import Path

from tests.pilot import burst, make_app, ready, wait_until
from zhreader.corpus.notes.model import Note
from zhreader.corpus.notes.store import NotesFile
from zhreader.tui.screens.tag_dialog import TagDialog

DOC = "000_bc67ab66cdfee0df.txt"


async def _open_dialog(pilot) -> TagDialog:
    await pilot.press("enter", "t")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TagDialog), what="the tag dialog")
    return pilot.app.screen  # type: ignore[return-value]


async def _known_tags(pilot, app, *tags: str) -> None:
    text = app.library.document(DOC).text
    NotesFile(app.library.notes_path).add(Note.create(DOC, text, 0, 4, list(tags)))
    app.main.notes.reload()
    await wait_until(pilot, lambda: len(app.library.placed_notes) == 1, what="the note")


async def test_tab_completes_the_tag_being_typed(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        await ready(pilot, 5)
        await _known_tags(pilot, app, "科技创新", "数据中心")
        dialog = await _open_dialog(pilot)
        tags, comment = dialog.query_one("#tags"), dialog.query_one("#comment")
        await pilot.press("科", "tab")
        assert tags.value == "科技创新" and dialog.focused is tags
        await pilot.press("tab")  # nothing to complete: on to the comment
        assert dialog.focused is comment
        await pilot.press("shift+tab")
        assert dialog.focused is tags
        await burst(pilot, "，", "数", "tab")  # Tab before the suggestion was drawn
        assert tags.value == "科技创新，数据中心" and dialog.focused is tags
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TagDialog)
    assert [p.note.tags for p in app.library.placed_notes][-1] == ("科技创新", "数据中心")


async def test_keys_typed_at_once_after_enter_go_to_the_comment(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        await ready(pilot, 5)
        dialog = await _open_dialog(pilot)
        await burst(pilot, "待", "查", "enter", "备", "注")
        assert dialog.query_one("#tags").value == "待查"
        assert dialog.query_one("#comment").value == "备注"


async def test_slash_then_ctrl_u_and_text_at_once_keeps_the_text(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        box = screen.query_one("#query")
        await burst(pilot, "slash", *"强磁")
        assert box.value == "强磁"
        await pilot.press("escape")
        await burst(pilot, "slash", "ctrl+u", *"高校")
        assert screen.focused is box and box.value == "高校"
        await pilot.press("escape")
        await burst(pilot, "slash", "ctrl+u", *"人才")
        assert box.value == "人才"


async def test_the_palette_takes_keys_in_the_order_they_came_and_shows_them_as_data(
    sample_dir: Path, sample_store, tmp_path: Path
) -> None:
    from textual.command import CommandInput, CommandPalette

    from tests.pilot import wait_until, widget_lines

    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, 5)
        await pilot.press("ctrl+p")
        await wait_until(
            pilot, lambda: isinstance(app.screen, CommandPalette) and bool(app.screen.query(CommandInput)), what="it"
        )
        box = app.screen.query_one(CommandInput)
        await burst(pilot, *"草稿")
        await burst(pilot, "ctrl+u", *"呼和")  # ctrl+u and text in one read
        assert box.value == "呼和"
        box.value = "\x1b]0;PWNED\x07坏"  # pasted or typed: data, drawn as symbols
        await pilot.pause()
        drawn = "".join(widget_lines(box))
        assert "␛]0;PWNED" in drawn and "\x1b" not in drawn and "\x07" not in drawn


async def test_up_and_down_in_the_search_box_recall_earlier_searches_kept_between_runs(
    sample_dir: Path, sample_store, tmp_path: Path
) -> None:
    from tests.pilot import search

    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, 5)
        for query in ("强磁场", "人才"):
            await search(pilot, query)
            await pilot.press("enter", "slash", "ctrl+u", "escape")
    again = make_app(sample_dir, sample_store, tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        box = screen.query_one("#query")
        await pilot.press("slash", *"草稿", "up")
        assert box.value == "人才"
        await pilot.press("up")
        assert box.value == "强磁场"
        await pilot.press("up")  # nothing earlier: stays
        assert box.value == "强磁场"
        await pilot.press("down", "down")
        assert box.value == "草稿"  # back to what was being typed
