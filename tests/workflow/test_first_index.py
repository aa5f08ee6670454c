"""A first open of a folder: its files are listed as soon as the update has walked it,
before any of them is searchable, and one chosen then opens once it is."""

from __future__ import annotations

import threading
from pathlib import Path

from tests.pilot import make_app, ready, toasts, wait_until, widget_lines


def hold_after_the_walk(monkeypatch) -> threading.Event:
    """The reader hears nothing of the update after its walk until the event is set (the
    child goes on: its commits are all picked up after)."""
    from zhreader.index import background

    release = threading.Event()
    real = background.update_in_process

    def held(corpus, store, progress, **kwargs):
        def held_progress(event) -> None:
            progress(event)
            if event.phase == "planned":
                release.wait(30)

        return real(corpus, store, held_progress, **kwargs)

    monkeypatch.setattr(background, "update_in_process", held)
    return release


async def test_files_are_listed_from_the_walk_and_open_once_indexed(make_corpus, tmp_path: Path, monkeypatch) -> None:
    root = make_corpus({f"d{i:02}.txt": f"标题{i}\n\n正文{i}段。\n" for i in range(30)})
    release = hold_after_the_walk(monkeypatch)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = app.main
        doc_list = screen.doc_list
        await wait_until(pilot, lambda: screen.is_mounted and doc_list.count == 30, what="the walk's files")
        assert doc_list.indexed == 0 and doc_list.current is None and doc_list.current_id == "d00.txt"
        assert doc_list.border_title == "Documents 30 · 30 to index"
        lines = widget_lines(doc_list)
        assert "d00.txt" in lines[0] and lines[0].rstrip().endswith("…")

        await pilot.press("2")  # the title filter matches the files' paths meanwhile
        await wait_until(pilot, lambda: doc_list.row_count == 12, what="the filter")
        await pilot.press("escape")
        await wait_until(pilot, lambda: doc_list.row_count == 30, what="the filter to close")
        assert doc_list.current_id == "d02.txt"  # the place is kept across the filter

        doc_list.focus()
        await pilot.press("down", "down", "down", "enter")
        await wait_until(pilot, lambda: any("d05.txt is being indexed" in t for t in toasts(app)), what="the notice")
        assert screen.open_doc is None

        release.set()
        await wait_until(pilot, lambda: screen.open_doc == "d05.txt", what="the chosen file to open")
        assert screen.reader.has_focus
        screen = await ready(pilot, 30)
        assert doc_list.indexed == 30 and not doc_list.pending
        assert doc_list.border_title == "Documents 30"
    assert not app.return_code


async def test_a_file_passed_over_is_not_opened_later(make_corpus, tmp_path: Path, monkeypatch) -> None:
    root = make_corpus({f"d{i:02}.txt": f"标题{i}\n\n正文{i}段。\n" for i in range(8)})
    release = hold_after_the_walk(monkeypatch)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = app.main
        await wait_until(pilot, lambda: screen.is_mounted and screen.doc_list.count == 8, what="the walk's files")
        screen.doc_list.focus()
        await pilot.press("down", "enter", "down")  # chose d01, then moved on to d02
        release.set()
        screen = await ready(pilot, 8)
        await pilot.pause(0.2)
        assert screen.open_doc == "d02.txt"  # the one the cursor rests on, shown as a preview
        assert screen.doc_list.has_focus
    assert not app.return_code


async def test_a_file_to_index_is_shown_by_its_path_as_data(make_corpus, tmp_path: Path, monkeypatch) -> None:
    deep = "很长的文件夹名称/" * 6
    root = make_corpus({"[bold]坏\x1b[31m.txt": "标题\n\n正文。\n", f"{deep}深处的文件.txt": "标题\n\n正文。\n"})
    release = hold_after_the_walk(monkeypatch)
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = app.main
        await wait_until(pilot, lambda: screen.is_mounted and screen.doc_list.count == 2, what="the walk's files")
        lines = widget_lines(screen.doc_list)
        assert lines[0].strip().startswith("[bold]坏␛[31m.txt")
        assert lines[1].strip().startswith("…") and "深处的文件.txt" in lines[1]  # the name kept, the folders cut
        assert all("\x1b" not in line for line in lines)
        release.set()
        await ready(pilot, 2)
    assert not app.return_code


async def test_documents_of_one_title_in_two_folders_show_their_folders(make_corpus, tmp_path: Path) -> None:
    page = "同名文件\n\n正文。\n"
    root = make_corpus({"甲/p.txt": page, "乙\x1b[31m/p.txt": page, "top.txt": "顶层\n\n正文。\n"})
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 3)
        lines = [line.strip() for line in widget_lines(screen.doc_list)[:3]]
        assert lines[0].startswith("顶层") and "/" not in lines[0]
        assert lines[1].startswith("同名文件 乙␛[31m/") and lines[2].startswith("同名文件 甲/")  # by path
    assert not app.return_code
