"""What the modules beside the main screen (``open_document``, ``find_bar_actions``,
``index_events``, ``reading_actions``, ``note_actions``) use of it. A protocol, not
``MainScreen`` itself: the screen imports those modules, and a module may not import one
that imports it (the import-linter contract)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.timer import Timer, TimerCallback
    from textual.widget import Widget

    from zhreader.errors import ZhreaderError
    from zhreader.tui.controllers.corpus_watch import CorpusWatch
    from zhreader.tui.controllers.find import MatchFinder
    from zhreader.tui.controllers.index_lifecycle import IndexLifecycle
    from zhreader.tui.controllers.notes import NotesController
    from zhreader.tui.controllers.search import SearchController
    from zhreader.tui.library import Library
    from zhreader.tui.positions import Positions
    from zhreader.tui.widgets.document_list import DocumentList
    from zhreader.tui.widgets.find_bar import FindBar
    from zhreader.tui.widgets.notes_list import NotesList
    from zhreader.tui.widgets.outline import OutlineList
    from zhreader.tui.widgets.reader import ReaderView
    from zhreader.tui.widgets.status_bar import StatusBar


class MainHost(Protocol):
    @property
    def app(self) -> App[Any]: ...
    @property
    def library(self) -> Library: ...
    @property
    def index(self) -> IndexLifecycle: ...
    @property
    def folder_watch(self) -> CorpusWatch: ...
    @property
    def search(self) -> SearchController: ...
    @property
    def notes(self) -> NotesController: ...
    @property
    def match_finder(self) -> MatchFinder: ...
    @property
    def positions(self) -> Positions: ...
    @property
    def report(self) -> Callable[[ZhreaderError], None]: ...
    @property
    def reader(self) -> ReaderView: ...
    @property
    def notes_list(self) -> NotesList: ...
    @property
    def outline(self) -> OutlineList: ...
    @property
    def doc_list(self) -> DocumentList: ...
    @property
    def find_bar(self) -> FindBar: ...
    @property
    def status(self) -> StatusBar: ...
    @property
    def open_doc(self) -> str | None: ...
    @property
    def focused(self) -> Widget | None: ...
    @property
    def maximized(self) -> Widget | None: ...
    def maximize(self, widget: Widget, container: bool = True) -> bool: ...
    def minimize(self) -> None: ...
    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None: ...
    def set_interval(
        self,
        interval: float,
        callback: TimerCallback | None = None,
        *,
        name: str | None = None,
        repeat: int = 0,
        pause: bool = False,
    ) -> Timer: ...
    def set_timer(
        self, delay: float, callback: TimerCallback | None = None, *, name: str | None = None, pause: bool = False
    ) -> Timer: ...
    def remove_class(self, *class_names: str, update: bool = True) -> object: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
    def search_for(self, query: str) -> None: ...
    def show_hit(self) -> None: ...
    def open_document(
        self, doc_id: str, *, hit: int | None = None, offset: int | None = None, focus: bool = True
    ) -> None: ...
