"""Keys of the reader beyond reading: copying with the source, full screen."""

from __future__ import annotations

from tests.pilot import ready, search, wait_until, widget_lines


async def test_y_copies_the_passage_and_Y_the_hit_sentence_with_their_source(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("j", "enter", "right_square_bracket")  # 001, the byline
        await pilot.press("y")
        assert sample_app.clipboard == (
            "●本报记者 阿柔娜 文/图\n— 呼和浩特：筑起聚才“强磁场”构建“智汇”新高地（001_46ad83b1219e4802.txt，第 2 段）"
        )
        await search(pilot, "党管人才原则")
        await pilot.press("enter", "Y")
        quote, source = sample_app.clipboard.split("\n")
        assert (
            quote
            == "坚定不移贯彻党管人才原则，坚持“一把手”抓“第一资源”，加强总体谋划和宏观指导，切实履行党管人才政治责任。"
        )
        assert source.startswith("— 呼和浩特：筑起聚才") and screen.reader.current_hit == 0


async def test_z_gives_the_reader_the_whole_screen_and_escape_gives_it_back(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await pilot.press("enter", "z")
        assert screen.maximized is screen.reader and screen.reader.size.width > 90
        await pilot.press("escape")
        assert screen.maximized is None
        await pilot.press("z", "z")
        assert screen.maximized is None


async def test_the_paragraph_cursor_stays_on_its_paragraph_when_the_reader_is_resized(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        reader = screen.reader
        await pilot.press("enter", *["right_square_bracket"] * 12)
        await pilot.pause()
        document, block = reader.document, reader.cursor_block
        assert block == 12
        await pilot.press("z")  # wider: the layout changes, the cursor's paragraph must not
        await wait_until(pilot, lambda: reader.laid_out and reader.size.width > 90, what="the wider layout")
        assert reader.document is document and reader.cursor_block == block
        assert str(reader.border_subtitle).startswith(f"¶{block + 1}/")
        await pilot.press("z")
        await wait_until(pilot, lambda: reader.laid_out and reader.size.width < 90, what="the narrower layout")
        assert reader.cursor_block == block


async def test_a_hit_deep_in_a_tall_table_is_scrolled_into_view(sample_app) -> None:
    async with sample_app.run_test(size=(60, 20)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "全员劳动生产率")  # row 2 of 专栏1, stacked at this width
        await pilot.press("enter")
        reader = screen.reader
        await wait_until(pilot, lambda: reader.laid_out and reader.current_hit == 0, what="the hit")
        await pilot.pause()
        assert any("全员劳动生产率" in line for line in widget_lines(reader))
        await pilot.press("n")  # the last row's note, further down the same table
        await pilot.press("N")
        await pilot.pause()
        assert any("全员劳动生产率" in line for line in widget_lines(reader))
