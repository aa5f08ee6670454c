"""The reader's one error path: a ZhreaderError from any worker becomes a notification
whose text is data and the reader goes on; anything else stops it with a non-zero code."""

from __future__ import annotations

import pytest
from textual.worker import WorkerFailed

from tests.pilot import ready, toasts, wait_until
from zhreader.corpus.errors import NotesFileError
from zhreader.tui.app import ZhreaderApp


async def test_a_worker_error_is_a_notification_and_the_reader_goes_on(sample_app: ZhreaderApp) -> None:
    async with sample_app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await ready(pilot, 5)

        def fail() -> None:
            raise NotesFileError("cannot read notes from [bold]x[/bold]: permission denied")

        screen.run_worker(fail, thread=True, exit_on_error=False)
        await wait_until(pilot, lambda: any("permission denied" in t for t in toasts(sample_app)), what="the toast")
        assert any("[bold]x[/bold]" in text for text in toasts(sample_app))  # shown as written
        await pilot.press("j")
        assert sample_app.is_running
    assert not sample_app.return_code  # None or 0: the reader ended normally


async def test_a_bug_in_a_worker_stops_the_reader_with_a_failure_code(sample_app: ZhreaderApp) -> None:
    with pytest.raises(WorkerFailed, match="a bug"):
        async with sample_app.run_test(size=(100, 30), notifications=True) as pilot:
            screen = await ready(pilot, 5)

            def bug() -> None:
                raise RuntimeError("a bug")

            screen.run_worker(bug, thread=True, exit_on_error=False)
            await wait_until(pilot, lambda: not sample_app.is_running, what="the reader to stop")
    assert sample_app.return_code == 1


async def test_a_failed_index_update_shows_in_the_status_bar(sample_app: ZhreaderApp, monkeypatch) -> None:
    from zhreader.index import SearchIndexError

    def broken(*args: object, **kwargs: object) -> None:
        raise SearchIndexError("cannot write the index in /x: the disk is full")

    async with sample_app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await ready(pilot, 5)
        monkeypatch.setattr(sample_app.library, "update", broken)
        screen.rebuild_index()
        await wait_until(pilot, lambda: any("disk is full" in t for t in toasts(sample_app)), what="the toast")
        status = str(screen.query_one("#status-index").render())
        assert "index update failed · searching the last saved index" in status
        assert not screen.index.indexing
