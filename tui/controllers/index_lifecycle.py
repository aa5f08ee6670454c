"""The index in the reader: opened just after the first frame, brought up to date in the
background with progress, and opened again when another process commits to it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from zhreader.tui.messages import (
    IndexBusyElsewhere,
    IndexFinished,
    IndexGrew,
    IndexPlanned,
    IndexProgress,
    IndexReopened,
    LibraryOpened,
)

if TYPE_CHECKING:
    from textual.screen import Screen

    from zhreader.index import Progress
    from zhreader.tui.library import Library

# Progress reaches the screen at most this often (the messages also collapse in its queue).
PROGRESS_INTERVAL = 0.1
GROUP = "index"
RECHECK_GROUP = "index-recheck"  # apart: a failed re-check says nothing about an update


class IndexLifecycle:
    """One worker group, one cancellation path: every update polls its worker's
    ``is_cancelled``, which quitting (``stop``) sets."""

    def __init__(self, host: Screen[Any], library: Library) -> None:
        self.host = host
        self.library = library
        self.indexing = False

    def start(self) -> None:
        """Open the index (importing Whoosh), then update it."""
        self.indexing = True
        self._run(self._open_and_update, "open the index")

    def update(self) -> bool:
        """Update the index now; False when an update is already running."""
        if self.indexing:
            return False
        self.indexing = True
        self._run(self._update, "update the index")
        return True

    def check_elsewhere(self) -> None:
        """Pick up commits another zhreader made (between our own updates)."""
        if not self.indexing:
            self.host.run_worker(self._reopen, name="reopen the index", group=RECHECK_GROUP, thread=True,
                                 exclusive=True, exit_on_error=False)  # fmt: skip

    def ended(self) -> None:
        """The screen saw this update end (finished or failed)."""
        self.indexing = False

    def stop(self) -> None:
        self.host.workers.cancel_group(self.host, GROUP)

    def _run(self, work: Any, name: str) -> None:
        self.host.run_worker(work, name=name, group=GROUP, thread=True, exit_on_error=False)

    # -- in worker threads -------------------------------------------------------------

    def _open_and_update(self) -> None:
        searchable = self.library.open()
        self.host.post_message(LibraryOpened(searchable))
        self._update()

    def _update(self) -> None:
        from zhreader.index import Cancelled, IndexBusy

        worker = get_current_worker()
        last = 0.0

        def on_progress(event: Progress) -> None:
            nonlocal last
            if event.phase == "committed":
                self.host.post_message(IndexGrew())
                return
            if event.phase == "planned":
                self.host.post_message(IndexPlanned())
                return
            now = time.monotonic()
            thinned = event.phase in ("index", "commit", "merging", "writing")
            if thinned and now - last < PROGRESS_INTERVAL and event.done < event.total:
                return
            last = now
            self.host.post_message(IndexProgress(event.phase, event.done, event.total))

        try:
            report = self.library.update(on_progress, should_stop=lambda: worker.is_cancelled)
        except Cancelled:
            return
        except IndexBusy:
            self.host.post_message(IndexBusyElsewhere())
            return
        self.host.post_message(IndexFinished(report))

    def _reopen(self) -> None:
        if self.library.reopen():
            self.host.post_message(IndexReopened())
