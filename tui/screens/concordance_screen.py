"""The concordance of the search on screen: every hit as an aligned KWIC line, sorted by
the left context (read from the hit outwards), the right context or document order,
narrowed to one document or to the passages under a tag on request; Enter opens the hit
in the reader.

The hits are gathered and sorted in a worker thread (a common character has hundreds of
thousands); a line is made when it is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.widgets.kwic_list import KwicList
from zhreader.tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.index import Searcher, SearchResult
    from zhreader.index.concordance import Concordance, Lines

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
        Binding("t", "only_tag", "Only the hits inside passages with a tag", id="concordance.only_tag"),
        Binding("escape", "close", "Back to the reader", id="concordance.close"),
    ]
    DEFAULT_CSS = """
    ConcordanceScreen #kwic { height: 1fr; }
    ConcordanceScreen #kwic-source { height: 1; color: $text-muted; padding: 0 1; }
    """

    @dataclass
    class Ready(Message):
        """Lines gathered (or sorted) in the worker, for the sort and filters asked for."""

        lines: Lines
        sort: str
        only: str | None
        tag: str | None

    def __init__(self, searcher: Searcher, result: SearchResult, query: str, notebook: Notebook | None = None) -> None:
        super().__init__()
        self.searcher = searcher
        self.result = result
        self.search_query = query
        self.notebook = notebook
        self.sort = "doc"
        self.only: str | None = None  # the one document shown, if narrowed
        self.tag: str | None = None  # the tag whose passages the hits are in, if narrowed
        self._concordance: Concordance | None = None

    def compose(self) -> ComposeResult:
        yield KwicList(id="kwic")
        yield Static("", id="kwic-source", markup=False)

    @property
    def kwic(self) -> KwicList:
        return self.query_one(KwicList)

    def on_mount(self) -> None:
        self.kwic.border_title = Content(f"Concordance of {printable(self.search_query)} · making the lines…")
        self.kwic.border_subtitle = "l r d: sort · f: this document · t: a tag · Enter: open · Esc: back"
        self.kwic.focus()
        self._work()

    def _work(self) -> None:
        sort, only, tag = self.sort, self.only, self.tag
        self.run_worker(lambda: self._make(sort, only, tag), name="concordance", exclusive=True, thread=True)

    def _make(self, sort: str, only: str | None, tag: str | None) -> None:
        """In a worker thread."""
        from zhreader.index import Cancelled, concordance

        worker = get_current_worker()
        order = concordance.Sort(sort)
        try:
            if self._concordance is None:
                self._concordance = concordance.Concordance(
                    self.searcher, self.result, sort=order, should_stop=lambda: worker.is_cancelled
                )
            passages = self.notebook.passages(tag) if tag is not None and self.notebook is not None else None
            made = self._concordance.view(order, only, passages, should_stop=lambda: worker.is_cancelled)
        except Cancelled:
            return
        if not worker.is_cancelled:
            self.post_message(self.Ready(made, sort, only, tag))

    def on_concordance_screen_ready(self, message: Ready) -> None:
        if (message.sort, message.only, message.tag) != (self.sort, self.only, self.tag):
            return  # asked for another order since
        self.kwic.show(message.lines, keep=self.kwic.current)
        where = f" in {printable(message.only)}" if message.only else ""
        if message.tag is not None:
            where += f" · tagged {printable(message.tag)}"
        title = f"Concordance of {printable(self.search_query)} · {counted(len(message.lines), 'line')}{where}"
        self.kwic.border_title = Content(f"{title} · {SORT_NAMES[message.sort]}")
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

    def action_only_tag(self) -> None:
        from zhreader.tui.screens.tag_filter_dialog import TagFilterDialog

        if self.notebook is None:
            return
        known = list(self.notebook.tags())
        if not known and self.tag is None:
            self.notify("No note has a tag yet: t in the reader tags a passage", timeout=4, markup=False)
            return

        def chosen(tag: str | None) -> None:
            if tag is not None:
                self.tag = tag or None  # "" shows every hit again
                self._work()

        self.app.push_screen(TagFilterDialog(known, self.tag), chosen)

    def action_close(self) -> None:
        self.dismiss(None)
