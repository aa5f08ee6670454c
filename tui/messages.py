"""Messages the background work posts to the main screen (posting is thread-safe).

The controllers (``zhreader.tui.controllers``) post them; the screen routes each to the
widgets that show it. None carries documents: the document list reads the library's
searcher a screenful at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from zhreader.corpus.notes.export import Placed
    from zhreader.index import SearchResult, UpdateReport
    from zhreader.tui.widgets.results_list import ResultDoc


@dataclass
class LibraryOpened(Message):
    """The index (if any) is open: the document list can show it."""

    searchable: bool


class IndexPlanned(Message):
    """An update walked the folder: the files it will index are listed until they are."""


@dataclass
class IndexGrew(Message):
    """An update committed a batch: more documents are listed and searchable."""


@dataclass
class IndexProgress(Message):
    """How far an update is. Only the newest matters: a backlog collapses to it."""

    phase: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class IndexFinished(Message):
    """This reader's update of the index ended; the index is open in its new state."""

    report: UpdateReport


@dataclass
class IndexBusyElsewhere(Message):
    """Another zhreader is updating the index; its commits are picked up as they land."""


@dataclass
class IndexReopened(Message):
    """Another process changed the index; it was opened again in its new state."""


@dataclass
class SearchFinished(Message):
    query: str
    exact_script: bool
    result: SearchResult
    docs: list[ResultDoc]  # what the results pane shows, prepared off the UI thread
    open_first: bool = False


@dataclass
class SearchFailed(Message):
    query: str
    exact_script: bool
    message: str


@dataclass
class FindFinished(Message):
    """The matches of what the find bar holds, found in a worker (a big document)."""

    request: int  # which request this answers: only the newest is shown
    spans: list[tuple[int, int]]


@dataclass
class NotesLoaded(Message):
    """The notes file was (re)read and every note placed on its document."""

    placed: list[Placed]
    problems: list[str]


@dataclass
class CorpusChanged(Message):
    """Files of the corpus changed on disk (a batch, after they settled)."""

    paths: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CorpusChanged)


@dataclass
class WatchFailed(Message):
    """The folder cannot be watched (a watch limit, a vanished folder): say so once."""

    reason: str
