"""Find in the open document (ctrl+f): incremental, folded as the main search folds,
walked with Enter / shift+Enter (n / N once the bar is left), Esc gives the search's
hits back."""

from __future__ import annotations

from pathlib import Path

from textual import events

from tests.pilot import make_app, ready, search, wait_until
from zhreader.tui.controllers.find import INLINE_CHARS

REPORT = (
    "发展报告\n\n"
    "今年经济發展很快，人才队伍也在发展。\n\n"
    "第二段写着数据[(1)]和\\d符号，还有１２３。\n\n"
    "人才是第一资源，创新是第一动力，發展要靠人才。\n\n"
    "[b]粗[/b]体。\n"
)


def status_hit(screen) -> str:
    return str(screen.query_one("#status-hit").render())


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


async def open_report(pilot, screen) -> None:
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen.reader.laid_out, what="the layout")


async def test_typing_finds_every_occurrence_in_either_script_and_enter_walks_them(
    make_corpus, tmp_path: Path, monkeypatch
) -> None:
    app = make_app(make_corpus({"报告.txt": REPORT}), None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        notices: list[str] = []
        monkeypatch.setattr(screen, "notify", lambda message, **kw: notices.append(message))
        await open_report(pilot, screen)
        text = screen.reader.document.text
        await pilot.press("ctrl+f")
        assert screen.focused is screen.find_bar.box
        await type_text(pilot, "發")
        assert [text[s:e] for s, e in screen.reader.hits] == ["发", "發", "发", "發"]
        await type_text(pilot, "展")
        hits = screen.reader.hits
        assert [text[s:e] for s, e in hits] == ["发展", "發展", "发展", "發展"]  # 發展 finds 发展 and back
        assert screen.reader.current_hit == 0 and status_hit(screen) == "1 of 4 in this document"
        await pilot.press("enter", "enter")
        assert screen.reader.current_hit == 2 and status_hit(screen) == "3 of 4 in this document"
        await pilot.press("shift+enter")
        assert screen.reader.current_hit == 1
        await pilot.press("up", "up")
        assert screen.reader.current_hit == 3
        assert notices == ["Wrapped around to the last match in this document"]
        await type_text(pilot, "要")  # refined from the match shown: 發展要 is after it
        assert [text[s:e] for s, e in screen.reader.hits] == ["發展要"] and screen.reader.current_hit == 0
        await type_text(pilot, "没有的")
        assert screen.reader.hits == [] and status_hit(screen) == "not in this document"
        assert screen.find_bar.has_class("-none")


async def test_the_first_match_shown_is_at_or_after_the_cursor(make_corpus, tmp_path: Path) -> None:
    app = make_app(make_corpus({"报告.txt": REPORT}), None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await open_report(pilot, screen)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")  # the last paragraph
        await pilot.press("ctrl+f")
        await type_text(pilot, "人才")
        assert len(screen.reader.hits) == 3 and screen.reader.current_hit == 1


async def test_escape_gives_the_search_hits_back_and_tab_keeps_the_matches_for_n(make_corpus, tmp_path: Path) -> None:
    app = make_app(make_corpus({"报告.txt": REPORT}), None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await search(pilot, "人才")
        await pilot.press("enter")  # opens the report at its first hit
        await wait_until(pilot, lambda: screen.reader.laid_out, what="the layout")
        searched = list(screen.reader.hits)
        assert len(searched) == 3 and status_hit(screen) == "hit 1 of 3"
        await pilot.press("ctrl+f")
        await type_text(pilot, "第一")
        assert len(screen.reader.hits) == 2 and status_hit(screen).endswith("of 2 in this document")
        await pilot.press("escape")
        assert not screen.find_bar.is_open and screen.focused is screen.reader
        assert screen.reader.hits == searched and status_hit(screen).startswith("hit ")
        # Tab: back to the reader, the matches stay; n and N walk them, Esc drops them.
        await pilot.press("ctrl+f")
        assert screen.find_bar.box.value == "第一"
        await pilot.press("enter")  # Enter after ctrl+f: the matches of the text kept
        assert len(screen.reader.hits) == 2
        await pilot.press("tab")
        assert not screen.find_bar.is_open and screen.focused is screen.reader
        current = screen.reader.current_hit
        await pilot.press("n")
        assert len(screen.reader.hits) == 2 and screen.reader.current_hit == (current + 1) % 2
        await pilot.press("escape")
        assert screen.reader.hits == searched
        # A new search (/) ends a find too: its hits are what the reader shows.
        await pilot.press("ctrl+f", "enter", "tab")
        assert len(screen.reader.hits) == 2
        await pilot.press("slash")
        assert screen.reader.hits == searched and screen.focused.id == "query"


async def test_exact_script_applies_and_a_hostile_text_is_data(make_corpus, tmp_path: Path) -> None:
    app = make_app(make_corpus({"报告.txt": REPORT}), None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await open_report(pilot, screen)
        text = screen.reader.document.text
        await pilot.press("s")  # the exact script, for the search and the find alike
        await pilot.press("ctrl+f")
        await type_text(pilot, "發展")
        assert [text[s:e] for s, e in screen.reader.hits] == ["發展", "發展"]
        await pilot.press("ctrl+u")
        await type_text(pilot, "[(1)]")
        assert [text[s:e] for s, e in screen.reader.hits] == ["[(1)]"]
        await pilot.press("ctrl+u")
        await type_text(pilot, "\\d")  # a regular expression would find １２３
        assert [text[s:e] for s, e in screen.reader.hits] == ["\\d"]
        await pilot.press("ctrl+u")
        await type_text(pilot, "123 OR -title:")  # the query language is not applied
        assert screen.reader.hits == [] and screen.is_mounted
        await pilot.press("ctrl+u")
        await type_text(pilot, "123")  # width folds: １２３
        assert [text[s:e] for s, e in screen.reader.hits] == ["１２３"]
        await pilot.press("ctrl+u")
        await type_text(pilot, "[b]粗[/b]")  # markup is text, found as text
        assert [text[s:e] for s, e in screen.reader.hits] == ["[b]粗[/b]"]
        box = screen.find_bar.box
        await pilot.press("ctrl+u")
        box.post_message(events.Paste("\x1b]0;PWNED\x07\x1b[31m"))
        await pilot.pause()
        assert box.value == "\x1b]0;PWNED\x07\x1b[31m" and screen.reader.hits == []
        shown = box.render_line(0).text
        assert "␛" in shown and "\x1b" not in shown


async def test_a_big_document_is_searched_in_a_worker(make_corpus, tmp_path: Path) -> None:
    body = "\n\n".join(f"第{i}段，人才政策与创新发展。" for i in range(INLINE_CHARS // 14 + 500))
    app = make_app(make_corpus({"大.txt": "大文件\n\n" + body + "\n\n末尾有一个發展规划。\n"}), None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        await open_report(pilot, screen)
        assert len(screen.reader.document.text) > INLINE_CHARS
        await pilot.press("G", "ctrl+f")
        await type_text(pilot, "发展规划")
        await wait_until(pilot, lambda: len(screen.reader.hits) == 1, what="the match, from the worker")
        assert status_hit(screen) == "1 of 1 in this document"


async def test_the_find_box_keeps_room_for_the_text_on_a_narrow_screen(sample_app) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot, 5)
        await open_report(pilot, screen)
        await pilot.press("ctrl+f")
        await type_text(pilot, "发展")
        await pilot.pause()
        box = screen.query_one("#find")
        assert box.size.width >= 14 and box.value == "发展"
