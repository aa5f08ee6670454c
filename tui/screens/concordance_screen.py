"""The concordance of the search on screen: every hit as an aligned KWIC line, sorted by
the left context (read from the hit outwards), the right context or document order,
narrowed to one document on request; Enter opens the hit in the reader.

The lines are made and sorted in a worker thread: a common character has tens of
thousands of hits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.widgets.kwic_list import KwicList
from zhreader.tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from zhreader.index import Searcher, SearchResult
    from zhreader.index.concordance import Line

SORT_NAMES = {"left": "left context", "right": "right context", "doc": "document order"}


@dataclass(frozen=True, slots=True)
class Chosen:
    """The hit to open: its document and where it is."""

    doc_id: str
    start: int
    end: int


class ConcordanceScreen(Screen[Chosen | None]):
    BINDINGS = [
        Binding("l", "sort('left')", "Sort by the left context", id="concordance.sort_left"),
        Binding("r", "sort('right')", "Sort by the right context", id="concordance.sort_right"),
        Binding("d", "sort('doc')", "Document order", id="concordance.sort_doc"),
        Binding("f", "only_document", "Only this document (again: all)", id="concordance.only_document"),
        Binding("escape", "close", "Back to the reader", id="concordance.close"),
    ]
    DEFAULT_CSS = """
    ConcordanceScreen #kwic { height: 1fr; }
    ConcordanceScreen #kwic-source { height: 1; color: $text-muted; padding: 0 1; }
    """

    @dataclass
    class Ready(Message):
        """Lines made (or sorted) in the worker, for the sort and filter asked for."""

        lines: list[Line]
        sort: str
        only: str | None

    def __init__(self, searcher: Searcher, result: SearchResult, query: str) -> None:
        super().__init__()
        self.searcher = searcher
        self.result = result
        self.search_query = query
        self.sort = "doc"
        self.only: str | None = None  # the one document shown, if narrowed
        self._all: list[Line] | None = None

    def compose(self) -> ComposeResult:
        yield KwicList(id="kwic")
        yield Static("", id="kwic-source", markup=False)

    @property
    def kwic(self) -> KwicList:
        return self.query_one(KwicList)

    def on_mount(self) -> None:
        self.kwic.border_title = f"Concordance of {printable(self.search_query)} · making the lines…"
        self.kwic.border_subtitle = "l r d: sort · f: this document · Enter: open · Esc: back"
        self.kwic.focus()
        self._work()

    def _work(self) -> None:
        sort, only = self.sort, self.only
        self.run_worker(lambda: self._make(sort, only), name="concordance", exclusive=True, thread=True)

    def _make(self, sort: str, only: str | None) -> None:
        """In a worker thread."""
        from zhreader.index import Cancelled, concordance

        worker = get_current_worker()
        try:
            if self._all is None:
                self._all = concordance.lines(self.searcher, self.result, should_stop=lambda: worker.is_cancelled)
            chosen = self._all if only is None else [line for line in self._all if line.doc_id == only]
            made = concordance.sorted_lines(chosen, concordance.Sort(sort))
        except Cancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.Ready(made, sort, only))

    def on_concordance_screen_ready(self, message: Ready) -> None:
        if (message.sort, message.only) != (self.sort, self.only):
            return  # asked for another order since
        self.kwic.show(message.lines, keep=self.kwic.current)
        where = f" in {printable(message.only)}" if message.only else ""
        title = f"Concordance of {printable(self.search_query)} · {counted(len(message.lines), 'line')}{where}"
        self.kwic.border_title = f"{title} · {SORT_NAMES[message.sort]}"
        self._describe()

    @on(LineList.Highlighted, "#kwic")
    def _describe(self) -> None:
        line = self.kwic.current
        source = self.query_one("#kwic-source", Static)
        if line is None:
            source.update("")
            return
        source.update(Text(printable(f"{line.title} · {line.doc_id} · {line.start:,}")))

    @on(LineList.Chosen, "#kwic")
    def _open(self, message: LineList.Chosen) -> None:
        line = self.kwic.current
        if line is not None:
            self.dismiss(Chosen(line.doc_id, line.start, line.end))

    def action_sort(self, sort: str) -> None:
        self.sort = sort
        self._work()

    def action_only_document(self) -> None:
        line = self.kwic.current
        if self.only is not None:
            self.only = None
        elif line is not None:
            self.only = line.doc_id
        else:
            return
        self._work()

    def action_close(self) -> None:
        self.dismiss(None)
