"""Pages in the reader: the border shows the page of the cursor, ``p`` goes to a page."""

from __future__ import annotations

from pathlib import Path

from tests import formats
from tests.pilot import make_app, ready, wait_until
from zhreader.tui.screens.page_dialog import PageDialog, parse_page


async def test_the_reader_shows_the_page_and_goes_to_one(tmp_path: Path, make_corpus) -> None:
    made = formats.one_column_pdf()
    root = make_corpus({"paper.pdf": made.data, "plain.txt": "标题\n\n正文。"})
    app = make_app(root, None, tmp_path / "state")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 2)
        await pilot.press("enter")
        reader = screen.reader
        await wait_until(pilot, lambda: reader.document is not None and reader.laid_out, what="the PDF")
        assert reader.document.id == "paper.pdf"
        assert reader.page == 1
        await wait_until(pilot, lambda: str(reader.border_subtitle).startswith("p. 1/3 · "), what="the page shown")

        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PageDialog), what="the page dialog")
        await pilot.press("9", "enter")  # the number shown is selected: typing replaces it; no page 9
        assert isinstance(app.screen, PageDialog)
        await pilot.press("backspace", "3", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, PageDialog), what="the dialog to close")
        await wait_until(pilot, lambda: reader.page == 3, what="page 3")
        # The cursor is on the paragraph where page 3 begins (the text is too short to
        # scroll that to the top: the page shown is still the one asked for).
        block = reader.document.blocks[reader.cursor_block]
        assert block.start <= reader.document.page_offset(3) <= block.end
        assert str(reader.border_subtitle).startswith("p. 3/3 · ")
        await pilot.press("y")  # the copied paragraph cites its pages: it runs from page 2 into 3
        assert app.clipboard.split("\n")[-1].startswith(f"— {reader.document.title}（paper.pdf，第 2–3 页，第 ")

        # A text file has no pages: the key says so and nothing moves.
        await pilot.press("escape", "tab")
        screen.open_document("plain.txt")
        await wait_until(pilot, lambda: reader.document is not None and reader.document.id == "plain.txt")
        await pilot.press("p")
        await pilot.pause()
        assert not isinstance(app.screen, PageDialog)
        assert reader.page is None


def test_a_page_number_is_read_as_typed_within_the_document() -> None:
    assert parse_page(" 12 ", 20) == 12
    assert parse_page("１２", 20) == 12
    assert parse_page("0", 20) == "there is no page 0: pages run from 1 to 20"
    assert parse_page("21", 20) == "there is no page 21: pages run from 1 to 20"
    assert parse_page("十", 20) == "type a page number from 1 to 20"
    assert parse_page("", 20) == "type a page number from 1 to 20"
