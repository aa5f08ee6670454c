"""What the main screen does as the index changes: the document list and the status bar
follow it (its state, the report of an update with the files skipped or repaired), and
when its documents may have changed the notes are placed again, the open document is
shown again and the search runs again. A change in the folder starts an update, or one
more after the one running; from the first update on, the index and the notes are
checked every few seconds for what another zhreader wrote.

The background work is the controllers' (``index_lifecycle``, ``corpus_watch``); this
lives beside the screen, as ``reading_actions`` does, and talks to it through
``MainHost``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.support.printable import printable

if TYPE_CHECKING:
    from textual.timer import Timer

    from zhreader.index import UpdateReport
    from zhreader.tui.screens.main_host import MainHost
    from zhreader.tui.screens.open_document import OpenDocument

CHECK_ELSEWHERE_SECONDS = 10.0
SKIPPED_SHOWN = 8


class IndexEvents:
    def __init__(self, host: MainHost, opened: OpenDocument) -> None:
        self.host = host
        self.opened = opened
        self._update_again = False  # the folder changed while an update was running
        self._check_timer: Timer | None = None

    def library_opened(self, searchable: bool) -> None:
        self._show_index()
        self.host.status.set_index_state("checking for changes…" if searchable else "building the index…")
        if searchable:
            self.host.notes.reload()

    def planned(self) -> None:
        self._show_index()

    def grew(self) -> None:
        self._show_index()
        self.opened.arrived()
        if self.host.search.query:
            self.host.search.schedule(immediately=True)

    def finished(self, report: UpdateReport) -> None:
        host = self.host
        host.index.ended()
        host.status.show_report(report)
        for title, files in (("Skipped files", report.skipped), ("Repaired files", report.repaired)):
            if files:
                lines = [printable(f"{s.doc_id}: {s.reason}") for s in files[:SKIPPED_SHOWN]]
                if len(files) > SKIPPED_SHOWN:
                    lines.append(f"… {len(files) - SKIPPED_SHOWN} more (zhreader index lists them all)")
                host.notify("\n".join(lines), title=title, severity="warning", timeout=8, markup=False)
        self._changed()
        self._start_checking()
        host.folder_watch.start()
        if self._update_again:
            self._update_again = False
            self.folder_changed()

    def folder_changed(self) -> None:
        if self.host.index.update():
            self.host.status.set_index_state("the folder changed · updating…")
        else:
            self._update_again = True

    def watch_failed(self, reason: str) -> None:
        self.host.notify(
            f"Not watching the folder for changes ({printable(reason)}); use Rebuild index after changes",
            severity="warning",
            timeout=8,
            markup=False,
        )

    def busy_elsewhere(self) -> None:
        host = self.host
        host.index.ended()
        host.status.set_progress(None, None)
        host.status.set_index_state("another zhreader is updating the index · its progress shows here")
        self._start_checking()

    def reopened(self) -> None:
        self.host.status.set_index_state(f"index updated elsewhere · {self.host.library.document_count:,} docs")
        self._changed()

    def rebuild(self) -> None:
        if not self.host.index.update():
            self.host.notify("The index is already being updated", timeout=2, markup=False)
            return
        self.host.status.set_index_state("checking for changes…")

    def _changed(self) -> None:
        self._show_index()
        self.host.notes.reload()
        self.opened.refresh()
        if self.host.search.query:
            self.host.search.schedule(immediately=True)

    def _start_checking(self) -> None:
        if self._check_timer is None:
            self._check_timer = self.host.set_interval(
                CHECK_ELSEWHERE_SECONDS, self._check_elsewhere, name="check-index"
            )

    def _check_elsewhere(self) -> None:
        self.host.index.check_elsewhere()
        self.host.notes.check_elsewhere()

    def _show_index(self) -> None:
        """List the documents of the index as it is now (the library's searcher), and
        after them the files the update under way has still to make searchable."""
        host = self.host
        doc_list = host.doc_list
        first = doc_list.count == 0
        doc_list.set_source(host.library.searcher, host.library.pending)
        host.status.set_corpus(host.library.corpus.location, doc_list.count)
        if first and doc_list.count:
            doc_list.cursor = 0
