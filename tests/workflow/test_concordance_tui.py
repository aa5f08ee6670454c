"""The concordance screen: aligned lines, sorting, one document, Enter opens the hit."""

from __future__ import annotations

from tests.pilot import ready, search, tag_with, wait_until, widget_lines
from zhreader.index.concordance import Sort, sort_key
from zhreader.support.cells import cells
from zhreader.tui.screens.concordance_screen import ConcordanceScreen
from zhreader.tui.widgets.kwic_list import left_width


async def test_concordance_sorts_narrows_and_opens_the_hit(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "中国")
        await pilot.press("escape")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, ConcordanceScreen), what="the concordance")
        concordance = sample_app.screen
        assert isinstance(concordance, ConcordanceScreen)
        kwic = concordance.kwic
        total = screen.search.current.result.total_hits
        await wait_until(pilot, lambda: kwic.row_count == total, what="the lines")
        # Every hit starts in the same cell, whatever the widths before it (the context
        # may hold 中国 too: the hit is one of its occurrences).
        column = left_width(kwic.scrollable_content_region.width) + 1
        rows = [row for row in widget_lines(kwic) if row.strip()]
        assert rows
        for row in rows:
            starts = {cells(row[:i]) for i in range(len(row)) if row.startswith("中国", i)}
            assert column in starts, row
        await pilot.press("r")
        await wait_until(pilot, lambda: "right context" in str(kwic.border_title), what="sorted")
        assert list(kwic.lines) == sorted(kwic.lines, key=sort_key(Sort.RIGHT))
        await pilot.press("l")
        await wait_until(pilot, lambda: "left context" in str(kwic.border_title), what="sorted")
        assert list(kwic.lines) == sorted(kwic.lines, key=sort_key(Sort.LEFT))
        await pilot.press("down", "down")
        line = kwic.current
        assert line is not None
        await pilot.press("f")
        await wait_until(pilot, lambda: {x.doc_id for x in kwic.lines} == {line.doc_id}, what="one document")
        assert kwic.current == line  # the cursor stays on its line
        await pilot.press("t")  # no note yet: nothing to narrow to
        await pilot.pause()
        assert any("No note has a tag yet" in n.message for n in sample_app._notifications)
        await pilot.press("enter")
        await wait_until(pilot, lambda: sample_app.screen is screen, what="the reader")
        assert screen.open_doc == line.doc_id
        spans = screen.search.spans(line.doc_id)
        assert spans[screen.reader.current_hit] == (line.start, line.end)


async def test_concordance_without_a_search_says_what_to_do(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        screen.reader.focus()
        await pilot.press("c")
        await pilot.pause()
        assert sample_app.screen is screen
        assert any("Search first" in n.message for n in sample_app._notifications)


async def test_concordance_narrows_to_the_passages_of_a_tag(sample_app) -> None:
    from zhreader.tui.screens.tag_filter_dialog import TagFilterDialog

    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter", "right_square_bracket", "right_square_bracket")
        reader = screen.reader
        block = reader.document.blocks[reader.cursor_block]
        doc_id = screen.open_doc
        await pilot.press("t")
        await tag_with(pilot, "人才政策")
        text = reader.document.text
        word = next(text[i : i + 2] for i in range(block.start, block.end) if text[i : i + 2].isalpha())
        await search(pilot, word)
        await pilot.press("escape", "c")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, ConcordanceScreen), what="the concordance")
        concordance = sample_app.screen
        assert isinstance(concordance, ConcordanceScreen)
        total = screen.search.current.result.total_hits
        await wait_until(pilot, lambda: concordance.kwic.row_count == total, what="the lines")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, TagFilterDialog), what="the tag dialog")
        await pilot.press("人", "tab", "enter")  # Tab completes 人才政策
        await wait_until(pilot, lambda: "tagged 人才政策" in str(concordance.kwic.border_title), what="narrowed")
        inside = list(concordance.kwic.lines)
        expected = [
            (start, end) for start, end in screen.search.spans(doc_id) if block.start <= start and end <= block.end
        ]
        assert inside and [(x.doc_id, x.start, x.end) for x in inside] == [(doc_id, *span) for span in expected]
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, TagFilterDialog), what="the tag dialog")
        await pilot.press("ctrl+u", "enter")  # empty: every hit again
        await wait_until(pilot, lambda: concordance.kwic.row_count == total, what="every line")
