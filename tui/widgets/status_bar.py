"""The status bar: corpus, document count, index state (a progress bar while indexing
runs in the background) and the main keys."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from zhreader.support.plural import counted
from zhreader.support.printable import printable

if TYPE_CHECKING:
    from textual.timer import Timer

    from zhreader.index import UpdateReport


def short_path(path: Path) -> str:
    home = Path.home()
    try:
        return "~/" + str(path.relative_to(home)) if path != home else "~"
    except ValueError:
        return str(path)


# The steps of a save that say how far they are (the indexer's progress phases).
SAVING_STEPS = ("merging", "writing")


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text-muted; }
    StatusBar > #status-index { color: $text; }
    StatusBar > Label { height: 1; padding: 0 1; }
    StatusBar > #status-corpus { width: auto; max-width: 40%; text-overflow: ellipsis; text-wrap: nowrap; }
    StatusBar > #status-index { width: auto; }
    StatusBar > #status-notes { width: auto; color: $secondary; }
    StatusBar > #status-hit { width: auto; color: $warning; display: none; }
    StatusBar > ProgressBar { width: 24; height: 1; display: none; }
    StatusBar.-indexing > ProgressBar { display: block; }
    StatusBar > #status-keys {
        width: 1fr; content-align-horizontal: right; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._saving_since: float | None = None
        self._saving_clock: Timer | None = None
        self._saving_step = ""

    def compose(self) -> ComposeResult:
        yield Label("", id="status-corpus", markup=False)
        # Where the reader is in the search comes first: the rest gives way on narrow screens.
        yield Label("", id="status-hit", markup=False)
        yield Label("", id="status-index", markup=False)
        yield Label("", id="status-notes", markup=False)
        yield ProgressBar(total=None, show_eta=False, show_percentage=True, id="status-progress")
        yield Label("/ search  n/N hits  t tag  T notes  o outline  ? help  q quit", id="status-keys", markup=False)

    def set_corpus(self, path: Path, documents: int) -> None:
        from zhreader.corpus import sample_corpus

        name = "sample corpus" if path == sample_corpus() else printable(short_path(path))
        self.query_one("#status-corpus", Label).update(f"{name} · {documents:,} docs")

    def set_notes(self, count: int, orphaned: int) -> None:
        text = counted(count, "note") if count else ""
        if orphaned:
            text += f" ({orphaned} orphaned)"
        self.query_one("#status-notes", Label).update(text)

    def set_hit(self, number: tuple[int, int] | None) -> None:
        """Which hit the reader is on: "hit 3 of 120" (nothing when it is on none)."""
        self._show_hit(f"hit {number[0]:,} of {number[1]:,}" if number else "")

    def set_match(self, number: int, total: int) -> None:
        """Which match of the find bar the reader is on: "3 of 12 in this document"."""
        self._show_hit(f"{number:,} of {total:,} in this document" if total else "not in this document")

    def _show_hit(self, text: str) -> None:
        label = self.query_one("#status-hit", Label)
        label.update(text)
        label.display = bool(text)  # its padding would show where there is none

    def show_progress(self, phase: str, done: int, total: int) -> None:
        if phase == "index" and total:
            self._stop_saving_clock()
            self.set_index_state(f"indexing {done:,}/{total:,}")
            self.set_progress(done, total)
        elif phase == "commit":
            # Whoosh's own parts of a save say nothing: a bar that moves and a clock that
            # runs show it is working, not stuck, until a step says how far it is.
            self.set_progress(0, None)
            self._saving_step = ""
            if self._saving_since is None:
                self._saving_since = time.monotonic()
                self._saving_clock = self.set_interval(1.0, self._show_saving)
            self._show_saving()
        elif phase in SAVING_STEPS and total:
            self._saving_step = phase
            self.set_progress(done, total)
            self._show_saving()

    def _show_saving(self) -> None:
        if self._saving_since is None:
            return
        elapsed = int(time.monotonic() - self._saving_since)
        step = f" {self._saving_step}" if self._saving_step else ""
        self.set_index_state("saving the index…" + step + (f" {elapsed} s" if elapsed >= 2 else ""))

    def _stop_saving_clock(self) -> None:
        if self._saving_clock is not None:
            self._saving_clock.stop()
        self._saving_clock, self._saving_since = None, None

    def show_unavailable(self, *, searchable: bool) -> None:
        self._stop_saving_clock()
        self.set_progress(None, None)
        self.set_index_state("index update failed · searching the last saved index" if searchable else "no index")

    def show_report(self, report: UpdateReport) -> None:
        """An update ended: what the index holds now, and what changed."""
        self._stop_saving_clock()
        self.set_progress(None, None)
        state = f"index ready · {report.documents:,} docs"
        if report.touched_index:
            state += f" (+{len(report.added):,} ~{len(report.changed):,} -{len(report.removed):,})"
        if report.skipped:
            state += f" · {len(report.skipped):,} skipped"
        self.set_index_state(state)

    def set_index_state(self, text: str) -> None:
        self.query_one("#status-index", Label).update(text)

    def set_progress(self, done: int | None, total: int | None) -> None:
        bar = self.query_one(ProgressBar)
        if done is None:
            self.remove_class("-indexing")
            return
        self.add_class("-indexing")
        bar.update(total=total or None, progress=done)
