"""The left side of the main screen: the document list, and below it either the search
results (while a search is active) or the notes pane (``T``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical

from zhreader.tui.widgets.document_list import DocumentList, DocumentPane
from zhreader.tui.widgets.notes_list import NotesList
from zhreader.tui.widgets.results_list import ResultDoc, ResultsList

if TYPE_CHECKING:
    from zhreader.index import SearchResult


class Sidebar(Vertical):
    DEFAULT_CSS = """
    Sidebar { width: 38%; min-width: 24; max-width: 64; }
    Sidebar > DocumentPane { height: 1fr; }
    Sidebar > ResultsList { display: none; height: 2fr; }
    Sidebar.-searching > ResultsList { display: block; }
    Sidebar > NotesList { display: none; height: 2fr; }
    Sidebar.-notes > NotesList { display: block; }
    Sidebar.-notes > ResultsList { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield DocumentPane(id="documents")
        yield ResultsList(id="results")
        yield NotesList(id="notes")

    @property
    def doc_list(self) -> DocumentList:
        return self.query_one(DocumentList)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def notes_list(self) -> NotesList:
        return self.query_one(NotesList)

    def show_search(self, query: str, result: SearchResult, docs: list[ResultDoc]) -> None:
        self.add_class("-searching")
        self.results.show_result(query, result, docs)
        self.doc_list.set_hits(result.docs, result.total_docs)

    def show_search_problem(self, message: str) -> None:
        self.add_class("-searching")
        self.results.show_message(message)
        self.doc_list.set_hits(None)

    def clear_search(self) -> None:
        self.remove_class("-searching")
        self.results.show([], 0)
        self.doc_list.set_hits(None)

    def toggle_notes(self) -> None:
        """Show or hide the notes pane, and focus what is shown."""
        self.toggle_class("-notes")
        (self.notes_list if self.has_class("-notes") else self.doc_list).focus()
