"""The results pane: a KWIC line never cuts the hit, and documents with the same title
are told apart by where they are."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.pilot import make_app, ready, search, widget_lines
from zhreader.tui.linebreak import cells
from zhreader.tui.widgets.results_list import kwic

REPORT = "工作报告\n\n{}坚持和完善社会主义市场经济体制改革的方向不动摇，推进高质量发展。\n"


async def test_the_hit_is_whole_and_same_titles_show_their_folder(make_corpus, tmp_path: Path) -> None:
    root = make_corpus(
        {"2023/报告.txt": REPORT.format("去年"), "2024/报告.txt": REPORT.format("今年"), "其他.txt": "其他\n\n无关。\n"}
    )
    app = make_app(root, None, tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await ready(pilot, 3)
        await search(pilot, "市场经济")
        rows = [row.strip() for row in widget_lines(screen.results)]
        assert sum("2023/" in row for row in rows) == 1 and sum("2024/" in row for row in rows) == 1
        assert sum("市场经济" in row for row in rows) == 2  # each hit whole
        await pilot.press("ctrl+u", "escape")
        await search(pilot, "社会主义市场经济体制改革的方向")  # wider than the pane
        rows = [row.strip() for row in widget_lines(screen.results)]
        cut = [row for row in rows if row.startswith("社会主义")]
        assert len(cut) == 2 and all("…+" in row for row in cut)


@given(
    left=st.text(max_size=30),
    hit=st.text(min_size=1, max_size=30),
    right=st.text(max_size=30),
    width=st.integers(4, 80),
)
def test_a_kwic_line_fits_and_cuts_the_context_before_the_hit(left: str, hit: str, right: str, width: int) -> None:
    shown = kwic(left, hit, right, width)
    assert cells(shown.pad + shown.left + shown.hit + shown.cut + shown.right) <= width
    if cells(hit) <= width:
        assert shown.hit == hit and shown.cut == ""
        assert left.endswith(shown.left)
    else:
        assert hit.startswith(shown.hit) and shown.hit and shown.cut.startswith("…")


async def test_one_hit_reads_one_hit(sample_app) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "推动包头经鄂尔多斯至榆林铁路")
        assert "1 hit · 1/5 docs" in str(screen.query_one("#search-summary").render())
        assert screen.results.border_title == "Results · 1 hit in 1 doc"


async def test_the_status_bar_says_which_hit_and_n_says_when_it_wraps(sample_app, monkeypatch) -> None:
    async with sample_app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot, 5)
        notices: list[str] = []
        notify = screen.notify
        monkeypatch.setattr(screen, "notify", lambda message, **kw: (notices.append(message), notify(message, **kw)))
        await search(pilot, "强磁场")  # 2 hits in 001, then 1 in 000
        await pilot.press("enter")
        await pilot.pause()
        hit = screen.query_one("#status-hit")
        assert str(hit.render()) == "hit 1 of 3"
        await pilot.press("n")
        assert str(hit.render()) == "hit 2 of 3"
        await pilot.press("n")
        assert str(hit.render()) == "hit 3 of 3" and screen.reader.document.id.startswith("000")
        await pilot.press("n")
        await pilot.pause()
        assert str(hit.render()) == "hit 1 of 3"
        assert notices[-1] == "Wrapped around to the first result"
        await pilot.press("N")
        assert str(hit.render()) == "hit 3 of 3"
