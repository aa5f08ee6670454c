"""The reader on hostile input: nothing in a document, a file name, a tag or a comment is
markup or a terminal escape, and nothing crashes it."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from tests import hostile
from tests.pilot import make_app, ready, search, toasts, wait_until, widget_lines


def _everything_drawn(app) -> list[str]:
    screen = app.main
    lines: list[str] = []
    for widget in (screen.doc_list, screen.results, screen.reader, screen.outline, screen.notes_list):
        lines += widget_lines(widget)
    return lines + toasts(app)


async def test_markup_and_escapes_are_shown_as_text(make_corpus, tmp_path: Path) -> None:
    root = make_corpus(hostile.FILES)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await ready(pilot, hostile.LOADED)
        await wait_until(pilot, lambda: any(hostile.EMPTY_NAME in t for t in toasts(app)), what="the skipped file")
        assert any("damaged byte sequences shown as" in t for t in toasts(app))
        titles = [screen.doc_list.summary(row).title for row in range(screen.doc_list.row_count)]
        assert "[/bold]坏标题[/]" in titles and "恶意标题[bold red]x[/]" in titles
        assert "tab␛]2;T␇le.txt" in titles  # a title-less document is known by its name, as data
        screen.open_document("a.txt")
        await pilot.pause()
        assert Content.from_markup(screen.reader.border_title).plain == "[/bold]坏标题[/]"
        screen.open_document("b.txt")
        await pilot.pause()
        title = Content.from_markup(screen.reader.border_title)
        assert title.plain == "恶意标题[bold red]x[/]" and not title.spans  # not drawn bold red
        screen.open_document(hostile.ESC_NAME)
        await pilot.pause()
        assert "␛]0;PWNED␇标题␛[2J" in "".join(widget_lines(screen.reader))
        await search(pilot, "正文")
        assert all(hostile.clean(line) for line in _everything_drawn(app))
        await pilot.press("ctrl+p")
        for ch in "esc":
            await pilot.press(ch)
        await pilot.pause(0.5)
        await pilot.press("escape")
    assert not app.return_code


async def test_hostile_tags_and_comments_survive_tagging_deleting_and_undo(make_corpus, tmp_path: Path) -> None:
    root = make_corpus(hostile.FILES)
    app = make_app(root, None, tmp_path)
    comment = "注意\x1b]0;PWNED\x07[bold]x[/]\u2028末"
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await ready(pilot, hostile.LOADED)
        screen.open_document("a.txt")
        await pilot.pause()
        await pilot.press("right_square_bracket", "t")
        from zhreader.tui.screens.tag_dialog import TagDialog

        await wait_until(pilot, lambda: isinstance(app.screen, TagDialog), what="the dialog")
        app.screen.query_one("#tags").value = "[x=a:b], [/]"
        app.screen.query_one("#comment").value = comment
        assert hostile.clean(str(app.screen.query_one("#comment").render_line(0).text))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(app.library.placed_notes) == 1, what="the note")
        [placed] = app.library.placed_notes
        assert placed.note.tags == ("[x=a:b]", "[/]") and placed.note.comment == comment
        await pilot.pause()
        assert any("◆ [x=a:b] · [/]" in line for line in widget_lines(screen.reader))
        assert all(hostile.clean(line) for line in _everything_drawn(app))
        await pilot.press("T")
        await pilot.pause()
        assert any("[x=a:b]" in line for line in widget_lines(screen.notes_list))
        await pilot.press("escape", "T")
        screen.reader.focus()
        await pilot.press("d")
        await wait_until(pilot, lambda: not app.library.placed_notes, what="the delete")
        await pilot.press("u")
        await wait_until(pilot, lambda: len(app.library.placed_notes) == 1, what="the undo")
        assert app.library.placed_notes[0].note.comment == comment
        assert all(hostile.clean(line) for line in _everything_drawn(app))
        # The analysis screens: a query, a tag and the words they show are data too.
        from zhreader.tui.screens.concordance_screen import ConcordanceScreen
        from zhreader.tui.screens.tag_filter_dialog import TagFilterDialog
        from zhreader.tui.screens.words_screen import WordsScreen

        await search(pilot, "[x=a:b]")
        await pilot.press("escape", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ConcordanceScreen), what="the concordance")
        concordance = app.screen
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TagFilterDialog), what="the tag filter")
        await pilot.press("[", "x", "tab", "enter")
        await wait_until(pilot, lambda: "tagged" in Content.from_markup(concordance.kwic.border_title).plain)
        assert Content.from_markup(concordance.kwic.border_title).plain.startswith("Concordance of [x=a:b]")
        assert "tagged [x=a:b]" in Content.from_markup(concordance.kwic.border_title).plain
        assert all(hostile.clean(line) for line in widget_lines(concordance.kwic))
        await pilot.press("escape", "w")
        await wait_until(pilot, lambda: isinstance(app.screen, WordsScreen), what="the words")
        words = app.screen
        await wait_until(pilot, lambda: bool(words.words), what="the table")
        assert Content.from_markup(words.table.border_title).plain.startswith("Words of [x=a:b]")
        assert all(hostile.clean(line) for line in widget_lines(words.table))
    assert not app.return_code


async def test_searching_while_the_first_index_is_built(make_corpus, tmp_path: Path, monkeypatch) -> None:
    import threading

    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore
    from zhreader.tui.library import Library

    root = make_corpus({f"d{i:02}.txt": f"标题{i}\n\n正文{i}段。\n" for i in range(30)})
    # A first build that was killed before its first commit left an empty index behind.
    IndexStore(tmp_path / "index", Corpus.open(root).location).create_generation()
    release = threading.Event()
    update = Library.update

    def held_update(self: Library, *args: object, **kwargs: object):  # the build has not committed yet
        release.wait(20)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(Library, "update", held_update)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = app.main
        await wait_until(pilot, lambda: app.library.searchable, what="the empty index to open")
        await search(pilot, "正文")
        assert screen.search.current.result.total_docs == 0
        release.set()
        screen = await ready(pilot, 30)
        await wait_until(pilot, lambda: screen.search.current.result.total_docs == 30, what="the search again")
    assert not app.return_code


async def test_an_unreadable_settings_file_is_reported_and_kept(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"theme": "nord", "keymap": {', encoding="utf-8")
    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot, 5)
        await wait_until(pilot, lambda: any("not valid JSON" in t for t in toasts(app)), what="the warning")
        app.theme = "textual-light"
        await pilot.pause()
    assert (tmp_path / "settings.json").read_text("utf-8") == '{"theme": "nord", "keymap": {'


async def test_a_hand_edited_notes_file_is_shown_as_data(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    import json

    from tests.pilot import widget_lines as lines

    line = {"v": 1, "id": "0123456789ab", "doc": "gone\x1b]0;PWNED\x07.txt", "start": 0, "end": 3,
            "quote": "引\x1b[2J文\x9b31m", "prefix": "", "suffix": "", "hash": "", "block": 0,
            "tags": ["手改"], "comment": "", "created": "", "updated": ""}  # fmt: skip
    (tmp_path / "notes.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        screen = await ready(pilot, 5)
        await wait_until(pilot, lambda: len(app.library.placed_notes) == 1, what="the note")
        await pilot.press("T")
        await pilot.pause()
        shown = lines(screen.notes_list)
        assert any("gone␛]0;" in row for row in shown) and all(hostile.clean(row) for row in shown)
    assert not app.return_code


async def test_a_copied_citation_shows_the_file_names_escapes_as_symbols(make_corpus, tmp_path: Path) -> None:
    root = make_corpus(hostile.FILES)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await ready(pilot, hostile.LOADED)
        screen.open_document(hostile.ESC_NAME)
        await pilot.pause()
        await pilot.press("y")  # pasted into a terminal, an escape in it would run
        assert app.clipboard.endswith("（esc␛]0;PWNED␇name␛[2J.txt，第 1 段）")
        assert hostile.clean(app.clipboard)
