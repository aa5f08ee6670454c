"""The index in the reader: opened just after the first frame, brought up to date in the
background with progress, and opened again when another process commits to it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from zhreader.tui.library import DocSummary
from zhreader.tui.messages import DocumentsArrived, IndexFinished, IndexProgress, IndexReopened, LibraryOpened

if TYPE_CHECKING:
    from textual.screen import Screen

    from zhreader.corpus import Document
    from zhreader.index import Progress
    from zhreader.tui.library import Library

# Progress reaches the screen at most this often (the messages also collapse in its queue).
PROGRESS_INTERVAL = 0.1
GROUP = "index"


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
        self.host.run_worker(
            self._open_and_update, name="open the index", group=GROUP, thread=True, exit_on_error=False
        )

    def update(self) -> bool:
        """Update the index now; False when an update is already running."""
        if self.indexing:
            return False
        self.indexing = True
        self.host.run_worker(self._update, name="update the index", group=GROUP, thread=True, exit_on_error=False)
        return True

    def check_elsewhere(self) -> None:
        """Pick up commits another zhreader made (between our own updates)."""
        if not self.indexing:
            self.host.run_worker(self._reopen, name="reopen the index", group=GROUP, thread=True, exit_on_error=False)

    def ended(self) -> None:
        """The screen saw this update end (finished or failed)."""
        self.indexing = False

    def stop(self) -> None:
        self.host.workers.cancel_group(self.host, GROUP)

    # -- in worker threads -------------------------------------------------------------

    def _open_and_update(self) -> None:
        searchable = self.library.open()
        self.host.post_message(LibraryOpened(self.library.summaries(), searchable))
        self._update()

    def _update(self) -> None:
        from zhreader.index import Cancelled

        worker = get_current_worker()
        last = 0.0
        arrived: list[DocSummary] = []

        def on_document(document: Document) -> None:
            arrived.append(DocSummary(document.id, document.title, len(document.text)))

        def on_progress(event: Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if event.phase in ("index", "commit") and now - last < PROGRESS_INTERVAL and event.done < event.total:
                return
            last = now
            if arrived:
                self.host.post_message(DocumentsArrived(list(arrived)))
                arrived.clear()
            self.host.post_message(IndexProgress(event.phase, event.done, event.total))

        try:
            report = self.library.update(on_progress, on_document, should_stop=lambda: worker.is_cancelled)
        except Cancelled:
            return
        if arrived:
            self.host.post_message(DocumentsArrived(list(arrived)))
        self.host.post_message(IndexFinished(report, self.library.summaries()))
        self.library.preload()

    def _reopen(self) -> None:
        if self.library.reopen():
            self.host.post_message(IndexReopened(self.library.summaries()))
