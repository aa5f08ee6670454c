"""Workflows in the reader, driven with Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot import make_app, ready, search, tag_with, wait_until, widget_lines
from zhreader.tui.widgets.reader import ReaderView


async def test_launch_lists_titles_and_previews_the_first_document(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        assert screen.focused is screen.doc_list
        assert screen.doc_list.cursor == 0
        rows = widget_lines(screen.doc_list)
        assert "呼和浩特形成引才聚才" in rows[0]
        assert "字" in rows[0]
        await wait_until(pilot, lambda: screen.reader.document is not None, what="the preview")
        assert screen.reader.document.id == "000_bc67ab66cdfee0df.txt"


async def test_enter_opens_the_selected_document(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert screen.focused is screen.reader
        assert screen.reader.document.id.startswith("002")
        assert "呼和浩特：相向而行" in "".join(widget_lines(screen.reader))


async def test_typing_a_query_shows_results_and_counts(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "强磁场")
        assert screen.search.current.result.total_hits == 3
        results = widget_lines(screen.results)
        assert "呼和浩特：筑起聚才" in results[0] and results[0].rstrip().endswith("2")
        assert any("“强磁场”" in line for line in results[1:3])
        rows = [screen.doc_list.summary(row) for row in range(screen.doc_list.row_count)]
        counts = {doc.doc_id: screen.doc_list.hits.count_of(doc.docnum) for doc in rows}
        assert {doc: n for doc, n in counts.items() if n} == {
            "001_46ad83b1219e4802.txt": 2,
            "000_bc67ab66cdfee0df.txt": 1,
        }
        assert "3 hits · 2/5 docs" in str(screen.query_one("#search-summary").render())


async def test_enter_in_the_search_box_opens_the_top_hit_and_n_walks_across_documents(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "强磁场")
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.reader
        assert screen.focused is reader
        assert reader.document.id.startswith("001") and reader.current_hit == 0
        await pilot.press("n")
        assert reader.document.id.startswith("001") and reader.current_hit == 1
        await pilot.press("n")
        await pilot.pause()
        assert reader.document.id.startswith("000") and reader.current_hit == 0
        await pilot.press("N")
        await pilot.pause()
        assert reader.document.id.startswith("001") and reader.current_hit == 1
        start, end = reader.hits[reader.current_hit]
        assert reader.document.text[start:end] == "强磁场"
        # The current hit is on screen.
        assert any("强磁场" in line for line in widget_lines(reader))


async def test_choosing_a_kwic_line_opens_the_document_at_that_hit(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "强磁场")
        screen.results.focus()
        await pilot.press("j", "j", "enter")  # header, first hit, second hit
        await pilot.pause()
        assert screen.reader.document.id.startswith("001") and screen.reader.current_hit == 1


async def test_hits_are_highlighted_where_they_wrap(sample_app) -> None:
    async with sample_app.run_test(size=(60, 24)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "推动包头经鄂尔多斯至榆林铁路")
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.reader
        hit_style = reader.get_component_rich_style("reader--current-hit")
        styled = ""
        for y in range(reader.scrollable_content_region.height):
            for segment in reader.render_line(y):
                if segment.style and segment.style.bgcolor == hit_style.bgcolor:
                    styled += segment.text
        assert styled == "推动包头经鄂尔多斯至榆林铁路"
        lines_with_hit = [line for line in widget_lines(reader) if any(ch in line for ch in "榆林")]
        assert lines_with_hit  # the narrow width wraps the hit over two lines
        assert not any(line.strip().startswith(("，", "。", "、")) for line in widget_lines(reader))


async def test_an_empty_result_and_a_broken_query_get_messages(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "完全不存在的词语")
        assert "No matches for 完全不存在的词语" in widget_lines(screen.results)[0]
        await pilot.press(*["backspace"] * 8)
        for key in ("O", "R"):
            await pilot.press(key)
        await wait_until(pilot, lambda: "operators" in widget_lines(screen.results)[0], what="the query error")


async def test_outline_jumps_to_a_section(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")  # 003: 第一篇 / 第一章 / 第一节
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert screen.has_class("-outline") and screen.focused is screen.outline
        texts = [entry.text for entry in screen.outline.entries]
        target = texts.index("第三章 发展目标")
        for _ in range(target - screen.outline.cursor):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.has_class("-outline")
        assert widget_lines(screen.reader)[0].strip() == "▌ 第三章 发展目标"  # the passage cursor is there too


async def test_paragraph_cursor_moves_with_brackets(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.reader
        assert reader.cursor_block == 0
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.cursor_block == 2
        await pilot.press("left_square_bracket")
        assert reader.cursor_block == 1
        assert widget_lines(reader)[2].startswith("▌")  # the gutter marks the passage


async def test_reading_position_is_remembered_between_runs(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    first = make_app(sample_dir, sample_store, tmp_path)
    async with first.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        await pilot.press("space", "space")
        await pilot.pause()
        offset = screen.reader.top_offset
        assert offset > 0
        await pilot.press("q")
    second = make_app(sample_dir, sample_store, tmp_path)
    async with second.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert screen.reader.top_offset == offset


async def test_typing_chinese_in_the_list_filters_titles(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("和", "林")
        await pilot.pause()
        assert [widget.strip() for widget in widget_lines(screen.doc_list) if widget.strip()] == [
            widget_lines(screen.doc_list)[0].strip()
        ]
        assert "和林格尔" in widget_lines(screen.doc_list)[0]
        await pilot.press("escape")
        await pilot.pause()
        assert len([line for line in widget_lines(screen.doc_list) if line.strip()]) == 5


async def test_help_lists_what_each_key_does_and_the_query_language(sample_dir, sample_store, tmp_path) -> None:
    import json

    from textual.widgets import Static

    (tmp_path / "settings.json").write_text(json.dumps({"keymap": {"main.next_hit": "n,f3"}}), "utf-8")
    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot, 5)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        text = "\n".join(
            line.text for static in app.screen.query(Static) for line in static.render_lines(static.region.reset_offset)
        )
        lines = text.splitlines()
        assert any(line.split()[:3] == ["q", "Quit", "app.quit"] for line in lines)
        assert any("Selection: start -1" in line and "reader.select_start_more" in line for line in lines)
        assert any(line.split()[:4] == ["n,", "f3", "Next", "hit"] for line in lines)  # as rebound
        assert any(line.split()[:2] == ["^f", "Find"] and "main.find" in line for line in lines)
        assert any(line.split()[:2] == ["tab", "To"] and "find.keep" in line for line in lines)
        assert any(line.split()[:2] == ["E", "Edit"] and "main.edit_source" in line for line in lines)
        for query in ("tag:人才政策", "title:规划", '"数据 中心"', "-北京", "OR", "=發展"):
            assert query in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MainScreen"


INJECTION = (
    "注入测试\n\n"
    "[bold red]不是标记[/bold red] [link=https://example.com]链接[/link]\n\n"
    "清屏\x1b[2J标题\x1b]0;窗口标题\x07响铃\x07完。\n"
)


async def test_document_text_is_shown_literally(make_corpus, tmp_path: Path) -> None:
    root = make_corpus({"inject.txt": INJECTION})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await pilot.press("enter")
        await pilot.pause()
        # Lines wrap; joined back (gutter cut, no newlines) they are the document.
        text = "".join(line[2:].rstrip() for line in widget_lines(screen.reader))
        assert "[bold red]不是标记[/bold red]" in text
        assert "[link=https://example.com]链接[/link]" in text
        assert "清屏␛[2J标题␛]0;窗口标题␇响铃␇完。" in text
        for y in range(screen.reader.scrollable_content_region.height):
            for segment in screen.reader.render_line(y):
                assert "\x1b" not in segment.text and "\x07" not in segment.text
                assert segment.style is None or segment.style.link is None
        assert "[bold red]" in widget_lines(screen.doc_list)[0] or "注入测试" in widget_lines(screen.doc_list)[0]


async def test_a_new_corpus_is_readable_while_it_is_indexed(make_corpus, tmp_path: Path) -> None:
    root = make_corpus({f"d{n:02d}.txt": f"文件{n}\n\n呼和浩特第{n}段。" for n in range(12)})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 12)
        status = str(screen.query_one("#status-index").render())
        assert status.startswith("index ready · 12 docs")
        await search(pilot, "呼和浩特")
        assert screen.search.current.result.total_docs == 12


@pytest.mark.parametrize("size", [(80, 24), (60, 18), (40, 12)])
async def test_small_terminals_stay_usable(sample_app, size: tuple[int, int]) -> None:
    async with sample_app.run_test(size=size) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(screen.focused, ReaderView)
        assert any(line.strip() for line in widget_lines(screen.reader))
        await search(pilot, "人才")
        assert screen.search.current.result.total_docs == 5


async def test_resizing_rewraps_and_keeps_the_place(sample_app) -> None:
    async with sample_app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        await pilot.press("space", "space", "space")
        await pilot.pause()
        before = screen.reader.top_offset
        block = screen.reader.document.block_at(before)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        after = screen.reader.top_offset
        assert screen.reader.document.block_at(after) == block


async def test_the_command_palette_toggles_the_outline(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "outline":
            await pilot.press(ch)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.has_class("-outline"), what="the outline")


async def test_the_palette_opens_a_document_by_title(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for ch in "Open 和林格尔":
            await pilot.press(ch if ch != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.open_doc == "004_38c52e76bfba8a30.txt", what="the document")


async def test_a_click_selects_a_document(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.click("#doc-list", offset=(5, 3))  # the third row (a border line first)
        await pilot.pause()
        assert screen.doc_list.cursor == 2
        await pilot.click("#doc-list", offset=(5, 3))  # a second click opens it
        await pilot.pause()
        assert screen.focused is screen.reader and screen.reader.document.id.startswith("002")


async def test_a_keymap_in_the_settings_rebinds_keys(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"keymap": {"main.next_hit": "f3"}}')
    app = make_app(sample_dir, sample_store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "强磁场")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")
        assert screen.reader.current_hit == 1


async def test_big_documents_are_laid_out_off_the_ui_thread(sample_app, monkeypatch) -> None:
    import zhreader.tui.widgets.reader as reader_module

    monkeypatch.setattr(reader_module, "THREAD_LAYOUT_CHARS", 1_000)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "j", "j", "enter")  # 003, 10k characters
        await wait_until(pilot, lambda: screen.reader.laid_out, what="the layout")
        assert "第一篇" in "".join(widget_lines(screen.reader)) or screen.reader.top_offset >= 0
        await pilot.press("G")
        await pilot.pause()
        assert screen.reader.cursor_block == len(screen.reader.document.blocks) - 1


# -- notes --------------------------------------------------------------------------------


async def test_tagging_a_paragraph_editing_and_deleting_its_note(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter", "right_square_bracket", "right_square_bracket")  # the byline? no: paragraph 2
        reader = screen.reader
        block = reader.document.blocks[reader.cursor_block]
        await pilot.press("t")
        await tag_with(pilot, "人才政策,记者", "署名")
        [placed] = sample_app.library.placed_notes
        assert (placed.anchor.start, placed.anchor.end) == (block.start, block.end)
        assert placed.note.tags == ("人才政策", "记者") and placed.note.comment == "署名"
        assert reader.notes and any("◆ 人才政策 · 记者" in line for line in widget_lines(reader))
        await pilot.press("e")
        from zhreader.tui.screens.tag_dialog import TagDialog

        await wait_until(pilot, lambda: isinstance(sample_app.screen, TagDialog))
        sample_app.screen.query_one("#tags").value = "数据中心"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sample_app.library.placed_notes[0].note.tags == ("数据中心",)
        await pilot.press("d")
        await pilot.pause()
        assert sample_app.library.placed_notes == [] and not reader.notes
        await pilot.press("u")
        await pilot.pause()
        assert sample_app.library.placed_notes[0].note.tags == ("数据中心",)


async def test_a_sentence_selection_can_be_tagged(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "enter")  # 001
        reader = screen.reader
        for _ in range(3):
            await pilot.press("right_square_bracket")
        paragraph = reader.document.blocks[reader.cursor_block]
        await pilot.press("v")
        first = reader.selection
        assert first is not None and first[0] == paragraph.start and first[1] < paragraph.end
        await pilot.press("right_square_bracket")  # one more sentence
        assert reader.selection[1] > first[1]
        await pilot.press("h", "h")  # two characters less
        start, end = reader.selection
        await pilot.press("t")
        await tag_with(pilot, "高位推动")
        [placed] = sample_app.library.placed_notes
        assert (placed.anchor.start, placed.anchor.end) == (start, end) and reader.selection is None


async def test_bad_tags_are_explained_in_the_dialog(sample_app) -> None:
    from zhreader.tui.screens.tag_dialog import TagDialog

    async with sample_app.run_test(size=(110, 32)) as pilot:
        await ready(pilot, 5)
        await pilot.press("enter", "t")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, TagDialog))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(sample_app.screen, TagDialog)
        assert "at least one tag" in str(sample_app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert sample_app.library.placed_notes == []


async def test_the_notes_pane_lists_tags_and_jumps_to_passages(sample_dir: Path, sample_store, tmp_path: Path) -> None:
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.store import NotesFile

    app = make_app(sample_dir, sample_store, tmp_path)
    doc = "003_a3bd1cdd4994f399.txt"
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        text = app.library.document(doc).text
        start = text.index("第三章 发展目标")
        NotesFile(app.library.notes_path).add(Note.create(doc, text, start, start + 8, ["目标"]))
        screen.notes.reload()
        await wait_until(pilot, lambda: len(app.library.placed_notes) == 1, what="the note")
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        notes = screen.query_one("#notes")
        assert screen.focused is notes
        rows = widget_lines(notes)
        assert "目标" in rows[0] and "第三章 发展目标" in rows[1]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.reader.document.id == doc
        assert "第三章 发展目标" in widget_lines(screen.reader)[0]
        await search(pilot, "tag:目标")
        assert [d.doc_id for d in screen.search.current.result.docs] == [doc]


async def test_notes_survive_an_edited_document(make_corpus, tmp_path: Path) -> None:
    text = "标题\n\n第一段，关于人才政策的一些论述，非常重要。\n\n第二段，关于数据中心的建设情况。\n"
    root = make_corpus({"a.txt": text})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 1)
        await pilot.press("enter", "right_square_bracket", "t")
        await tag_with(pilot, "人才")
        await pilot.press("right_square_bracket", "t")
        await tag_with(pilot, "数据")
        assert len(app.library.placed_notes) == 2
    (root / "a.txt").write_text(
        text.replace("第二段，关于数据中心的建设情况。", "").replace("标题", "新的标题与导语"), "utf-8"
    )
    again = make_app(root, None, tmp_path)
    async with again.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 1)
        await wait_until(pilot, lambda: len(again.library.placed_notes) == 2, what="the notes")
        placed = {p.note.tags[0]: p for p in again.library.placed_notes}
        assert placed["人才"].anchor.status.value == "moved"
        assert placed["数据"].orphaned
        assert "1 orphaned" in str(screen.query_one("#status-notes").render())


async def test_a_slash_typed_into_a_box_is_text(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("slash", "1", "slash", "2")
        box = screen.query_one("#query")
        assert screen.focused is box and box.value == "1/2"
        await pilot.press("escape", "escape", "f", "slash")
        assert screen.query_one("#doc-filter").value == "/"


async def test_s_switches_between_any_script_and_the_script_typed_and_is_remembered(
    make_corpus, tmp_path: Path
) -> None:
    import json

    root = make_corpus({"jian.txt": "简体\n\n经济发展很快。\n", "fan.txt": "繁體\n\n經濟發展很快。\n"})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 2)
        await search(pilot, "发展")
        assert screen.search.current.result.total_docs == 2
        await pilot.press("escape", "s")
        await wait_until(pilot, lambda: screen.search.current.exact_script, what="the exact-script answer")
        assert screen.search.current.result.total_docs == 1
        assert "exact script" in str(screen.query_one("#search-summary").render())
    assert json.loads((tmp_path / "settings.json").read_text())["match_script"] == "exact"
    again = make_app(root, None, tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 2)
        await search(pilot, "發展")
        assert [doc.doc_id for doc in screen.search.current.result.docs] == ["fan.txt"]


async def test_a_pasted_comment_keeps_every_line_and_pasted_tags_split_at_lines(sample_app) -> None:
    from textual import events

    from zhreader.tui.screens.tag_dialog import TagDialog

    comment = "第一行\n第二行\u2028第三行\x1b]0;x\x07"
    async with sample_app.run_test(size=(110, 32)) as pilot:
        await ready(pilot, 5)
        await pilot.press("enter", "t")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TagDialog), what="the tag dialog")
        dialog = pilot.app.screen
        dialog.query_one("#tags").post_message(events.Paste("人才政策\n数据中心\n"))
        await pilot.pause()
        assert dialog.query_one("#tags").value == "人才政策, 数据中心"
        await pilot.press("enter")
        dialog.query_one("#comment").post_message(events.Paste(comment))
        await pilot.pause()
        drawn = "".join(dialog.query_one("#comment").render_line(0).text)
        assert "\x1b" not in drawn and "␛" in drawn  # shown as data
        await pilot.press("ctrl+s")
        await pilot.pause()
        [placed] = sample_app.library.placed_notes
        assert placed.note.tags == ("人才政策", "数据中心") and placed.note.comment == comment


async def test_a_pasted_query_becomes_one_line(sample_app) -> None:
    from textual import events

    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("slash")
        screen.query_one("#query").post_message(events.Paste("强磁\n场"))
        await pilot.pause()
        assert screen.query_one("#query").value == "强磁 场"


async def test_a_note_that_cannot_be_saved_keeps_the_dialog_open_with_what_was_typed(sample_app) -> None:
    from zhreader.tui.screens.tag_dialog import TagDialog

    notes = sample_app.library.notes_path
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("", encoding="utf-8")
    notes.chmod(0o444)  # refused even as root: zhreader does not rewrite read-only notes files
    async with sample_app.run_test(size=(110, 32)) as pilot:
        await ready(pilot, 5)
        await pilot.press("enter", "t")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TagDialog), what="the tag dialog")
        dialog = pilot.app.screen
        await pilot.press(*"待查", "enter", *"备注")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert "Not saved" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#tags").value == "待查" and dialog.query_one("#comment").value == "备注"
        assert sample_app.library.placed_notes == []

        notes.chmod(0o644)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is not dialog
        [placed] = sample_app.library.placed_notes
        assert placed.note.tags == ("待查",) and placed.note.comment == "备注"


async def test_a_file_changed_on_disk_is_shown_changed_at_the_same_place(make_corpus, tmp_path: Path) -> None:
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.store import NotesFile

    paragraphs = [f"第{i}段讲的是呼和浩特的第{i}件事情。" * 3 for i in range(60)]
    root = make_corpus({"a.txt": "甲文\n\n" + "\n\n".join(paragraphs) + "\n", "b.txt": "乙文\n\n乙的正文。\n"})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await ready(pilot, 2)
        await wait_until(pilot, lambda: screen.folder_watch.running, what="the watch to start")
        screen.open_document("a.txt")
        await wait_until(pilot, lambda: screen.reader.laid_out, what="the layout")
        text = screen.reader.document.text
        at = text.index("第40段")
        screen.reader.scroll_to_offset(at)
        # The scroll lands after the next refresh (Textual's scroll_to).
        await wait_until(pilot, lambda: screen.reader.top_offset > 0, what="the scroll")
        reading = text[screen.reader.top_offset :][:12]
        NotesFile(app.library.notes_path).add(Note.create("a.txt", text, at, at + 12, ["第四十"]))

        (root / "a.txt").write_text("甲文\n\n新加的一段。\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        await wait_until(pilot, lambda: "新加的一段" in screen.reader.document.text, what="the new text")
        await wait_until(pilot, lambda: screen.reader.laid_out, what="the layout")
        new_text = screen.reader.document.text
        assert new_text[screen.reader.top_offset :][:12] == reading  # still reading 第40段
        await wait_until(pilot, lambda: len(screen.reader.notes) == 1, what="the note placed again")
        [(start, end, _note_id)] = screen.reader.notes
        assert new_text[start:end] == text[at : at + 12]  # the note moved with its text

        told: list[str] = []
        notify = screen.notify
        screen.notify = lambda message, *args, **kwargs: told.append(message) or notify(message, *args, **kwargs)  # type: ignore[method-assign]
        (root / "a.txt").unlink()
        await wait_until(pilot, lambda: screen.reader.document is None, what="the removed file to close")
        assert any("a.txt is no longer in the folder" in message for message in told)
        await wait_until(pilot, lambda: screen.doc_list.count == 1, what="the list without it")


async def test_a_file_changed_on_disk_keeps_the_paragraph_cursor_on_its_paragraph(make_corpus, tmp_path: Path) -> None:
    paragraphs = [f"第{i}段讲的是呼和浩特的第{i}件事情。" * 3 for i in range(30)]
    root = make_corpus({"a.txt": "甲文\n\n" + "\n\n".join(paragraphs) + "\n"})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await wait_until(pilot, lambda: screen.folder_watch.running, what="the watch to start")
        await pilot.press("enter", *["right_square_bracket"] * 8)
        await pilot.pause()
        reader = screen.reader
        old = reader.document
        assert old.block_text(reader.cursor_block).startswith("第7段")
        # An editor's save ("E", or any other program) adds a paragraph above the cursor.
        (root / "a.txt").write_text("甲文\n\n新加的一段。\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        await wait_until(pilot, lambda: reader.document is not old and reader.laid_out, what="the new text")
        await pilot.pause()
        assert reader.document.block_text(reader.cursor_block).startswith("第7段")


async def test_S_sorts_the_documents_by_path_title_length_and_hits(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        doc_list = screen.doc_list

        def shown() -> list[tuple[str, str, int]]:
            rows = [doc_list.summary(row) for row in range(doc_list.row_count)]
            return [(doc.doc_id, doc.title, doc.length) for doc in rows if doc is not None]

        by_path = shown()
        assert [d for d, _, _ in by_path] == sorted(d for d, _, _ in by_path)
        doc_list.focus()
        await pilot.press("S")
        assert [t for _, t, _ in shown()] == sorted(t for _, t, _ in by_path)
        assert "by title" in str(doc_list.border_title)
        await pilot.press("S")
        assert [n for _, _, n in shown()] == sorted((n for _, _, n in by_path), reverse=True)
        await search(pilot, "强磁场")  # 001 has 2 hits, 000 has 1
        doc_list.focus()
        await pilot.press("S")
        assert [d for d, _, _ in shown()][:2] == ["001_46ad83b1219e4802.txt", "000_bc67ab66cdfee0df.txt"]
        await pilot.press("h")  # only those with hits, still by hits
        assert [d for d, _, _ in shown()] == ["001_46ad83b1219e4802.txt", "000_bc67ab66cdfee0df.txt"]
        await pilot.press("S")
        assert shown() == [row for row in by_path if row[0].startswith(("000", "001"))]


async def test_saving_a_big_index_shows_a_bar_a_clock_and_its_steps(sample_app) -> None:
    from textual.widgets import Label, ProgressBar

    from zhreader.tui.messages import IndexProgress

    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        status = screen.status
        screen.post_message(IndexProgress("commit", 5, 5))
        await pilot.pause()
        assert status.query_one(ProgressBar).total is None  # indeterminate: it moves
        state = status.query_one("#status-index", Label)
        await wait_until(pilot, lambda: str(state.render()).startswith("saving the index… 2 s"), what="the clock")
        screen.post_message(IndexProgress("merging", 2, 8))  # a step that says how far it is
        await pilot.pause()
        bar = status.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (2, 8)
        assert str(state.render()).startswith("saving the index… merging ")
        screen.post_message(IndexProgress("writing", 30, 100))
        await pilot.pause()
        assert (bar.progress, bar.total) == (30, 100)
        assert str(state.render()).startswith("saving the index… writing ")
        screen.post_message(IndexProgress("index", 1, 10))
        await pilot.pause()
        assert str(state.render()) == "indexing 1/10"
