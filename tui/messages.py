"""Messages the background workers post to the UI (posting is thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from corpus.notes.export import Placed
    from index import SearchResult, UpdateReport
    from tui.library import DocSummary
    from tui.widgets.results_list import ResultDoc


@dataclass
class LibraryOpened(Message):
    """The index (if any) is open; ``documents`` are what can be listed now."""

    documents: list[DocSummary]
    searchable: bool


@dataclass
class DocumentsArrived(Message):
    """Documents analysed during a first build, readable before the index is saved."""

    documents: list[DocSummary]


@dataclass
class IndexProgress(Message):
    phase: str
    done: int
    total: int


@dataclass
class IndexFinished(Message):
    report: UpdateReport
    documents: list[DocSummary]


@dataclass
class IndexFailed(Message):
    message: str


@dataclass
class SearchFinished(Message):
    query: str
    result: SearchResult
    docs: list[ResultDoc]  # what the results pane shows, prepared off the UI thread
    counts: dict[str, int]  # hits per document
    open_first: bool = False


@dataclass
class SearchFailed(Message):
    query: str
    message: str


@dataclass
class NotesLoaded(Message):
    """The notes file was (re)read and every note placed on its document."""

    placed: list[Placed]
    problems: list[str]
    error: str | None = None  # the file could not be read at all
