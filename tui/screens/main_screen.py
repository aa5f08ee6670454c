"""The main screen: search bar, document list and results on the left, the reader on the
right, the status bar below.

A router: the background work lives in the controllers (the index's life, watching the
folder, searching, finding in a document, notes), the drawing in the widgets, and beside
this screen, talking to it through ``MainHost``, the modules that act on what it shows:
``open_document`` (the document in the reader: opening one, its preview from the
document list, where it is read, showing it again when the index changes),
``find_bar_actions`` (ctrl+f and the find bar's keys), ``index_events`` (the document
list and the status bar following the index, updates when the folder changes),
``reading_actions`` (copy, go to a page, the editor, full screen, the concordance, the
words) and ``note_actions`` (tag, edit, delete). This screen composes them, turns key
bindings into their calls and routes the messages of the controllers and widgets to
them; the search's results and hits, the notes loaded and the worker failures it shows
itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerFailed, WorkerState

from zhreader.errors import ZhreaderError
from zhreader.tui.controllers.corpus_watch import CorpusWatch
from zhreader.tui.controllers.find import MatchFinder
from zhreader.tui.controllers.index_lifecycle import GROUP as INDEX_GROUP
from zhreader.tui.controllers.index_lifecycle import IndexLifecycle
from zhreader.tui.controllers.notes import NotesController
from zhreader.tui.controllers.search import SearchController
from zhreader.tui.history import SearchHistory
from zhreader.tui.messages import (
    CorpusChanged,
    FindFinished,
    IndexBusyElsewhere,
    IndexFinished,
    IndexGrew,
    IndexPlanned,
    IndexProgress,
    IndexReopened,
    LibraryOpened,
    NotesLoaded,
    SearchFailed,
    SearchFinished,
    WatchFailed,
)
from zhreader.tui.positions import Positions
from zhreader.tui.screens.find_bar_actions import FindBarActions
from zhreader.tui.screens.index_events import IndexEvents
from zhreader.tui.screens.note_actions import NoteActions
from zhreader.tui.screens.open_document import OpenDocument
from zhreader.tui.screens.reading_actions import ReadingActions
from zhreader.tui.settings import Settings
from zhreader.tui.widgets.document_list import DocumentList
from zhreader.tui.widgets.find_bar import FindBar
from zhreader.tui.widgets.line_list import LineList
from zhreader.tui.widgets.notes_list import NotesList
from zhreader.tui.widgets.outline import OutlineList
from zhreader.tui.widgets.reader import ReaderView
from zhreader.tui.widgets.results_list import ResultsList
from zhreader.tui.widgets.search_bar import SearchBar
from zhreader.tui.widgets.sidebar import Sidebar
from zhreader.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from zhreader.tui.library import Library

MATCH_SCRIPT = "match_script"  # settings.json: "any" (the default) or "exact"


class MainScreen(Screen[None]):
    BINDINGS = [
        # A priority binding acts as the key arrives, before the keys typed after it are
        # handed to whatever has focus: "/中国" in one read (a fast typist, a paste) must
        # land in the search box, not in the document list's filter.
        Binding("slash", "focus_search", "Search", id="main.search", priority=True),
        Binding("n", "next_hit(1)", "Next hit (after a find: the next match)", id="main.next_hit"),
        Binding("N", "next_hit(-1)", "Previous hit (after a find: the previous match)", id="main.previous_hit"),
        Binding("ctrl+f", "find", "Find in this document as you type", id="main.find"),
        Binding("o", "toggle_outline", "Outline", id="main.outline"),
        Binding("t", "tag", "Tag the passage", id="main.tag"),
        Binding("e", "edit_note", "Edit the note (here, or selected in the notes pane)", id="main.edit_note"),
        Binding("d", "delete_note", "Delete the note (here, or selected in the notes pane)", id="main.delete_note"),
        Binding("u", "undo_delete", "Undo a delete", id="main.undo_delete"),
        Binding("T", "toggle_notes", "Notes pane", id="main.notes"),
        Binding("s", "toggle_script", "Script: any / exact", id="main.script"),
        Binding("p,colon", "goto_page", "Go to page", id="main.goto_page"),
        Binding("y", "copy_passage", "Copy the passage with its source", id="main.copy_passage"),
        Binding("Y", "copy_hit", "Copy the current hit's sentence with its source", id="main.copy_hit"),
        Binding("c", "concordance", "Concordance of the search (sorted KWIC lines)", id="main.concordance"),
        Binding("w", "words", "Words and collocates of the search (or of the corpus)", id="main.words"),
        Binding("E", "edit_source", "Edit the file in $VISUAL / $EDITOR, at this paragraph", id="main.edit_source"),
        Binding("z", "toggle_maximize", "Reader full screen (Esc or z: back)", id="main.maximize"),
        Binding(
            "escape", "escape", "Leave the search box, close the outline, end a find", show=False, id="main.escape"
        ),
    ]

    def __init__(
        self,
        library: Library,
        positions: Positions,
        report: Callable[[ZhreaderError], None],
        settings: Settings,
        history: SearchHistory,
        *,
        show_timings: bool = True,
    ) -> None:
        super().__init__()
        self.history = history
        self.show_timings = show_timings  # search latency in the summary (off for snapshots)
        self.library = library
        self.positions = positions
        self.report = report
        self.settings = settings
        self.index = IndexLifecycle(self, library)
        self.folder_watch = CorpusWatch(self, library.corpus.root)
        exact = settings.get(MATCH_SCRIPT) == "exact"
        self.search = SearchController(self, library, exact_script=exact)
        self.notes = NotesController(self, library, report)
        self.match_finder = MatchFinder(self)
        self.reading = ReadingActions(self)
        self.note_actions = NoteActions(self)
        self.find_bar_actions = FindBarActions(self)
        self.opened = OpenDocument(self, self.find_bar_actions)
        self.index_events = IndexEvents(self, self.opened)

    # -- composition -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar", history=self.history)
        with Horizontal(id="body"):
            yield Sidebar(id="sidebar")
            with Container(id="reader-area"):
                yield OutlineList(id="outline")
                yield ReaderView(id="reader")
                yield FindBar(id="find-bar")
        yield StatusBar(id="status")

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def doc_list(self) -> DocumentList:
        return self.sidebar.doc_list

    @property
    def results(self) -> ResultsList:
        return self.sidebar.results

    @property
    def outline(self) -> OutlineList:
        return self.query_one(OutlineList)

    @property
    def notes_list(self) -> NotesList:
        return self.sidebar.notes_list

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def open_doc(self) -> str | None:
        """The id of the document in the reader."""
        return self.opened.doc_id

    def on_mount(self) -> None:
        self.doc_list.border_title = "Documents"
        self.results.border_title = "Results"
        self.status.set_corpus(self.library.corpus.location, 0)
        self.status.set_index_state("opening index…")
        self.doc_list.focus()
        # Opening the index imports Whoosh; a thread doing that now would hold the GIL
        # while the first frame is drawn, so it starts just after.
        self.call_after_refresh(self.index.start)

    # -- the index -------------------------------------------------------------------

    def on_library_opened(self, message: LibraryOpened) -> None:
        self.index_events.library_opened(message.searchable)

    def on_index_planned(self, message: IndexPlanned) -> None:
        self.index_events.planned()

    def on_index_grew(self, message: IndexGrew) -> None:
        self.index_events.grew()

    def on_index_progress(self, message: IndexProgress) -> None:
        self.status.show_progress(message.phase, message.done, message.total)

    def on_index_finished(self, message: IndexFinished) -> None:
        self.index_events.finished(message.report)

    def on_corpus_changed(self, message: CorpusChanged) -> None:
        self.index_events.folder_changed()

    def on_watch_failed(self, message: WatchFailed) -> None:
        self.index_events.watch_failed(message.reason)

    def on_index_busy_elsewhere(self, message: IndexBusyElsewhere) -> None:
        self.index_events.busy_elsewhere()

    def on_index_reopened(self, message: IndexReopened) -> None:
        self.index_events.reopened()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one handler of worker failures (the controllers' workers all run on this
        screen): a ZhreaderError is reported and the reader goes on; anything else is a
        bug, which stops the reader with a traceback and a non-zero exit status."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == INDEX_GROUP:
            self.index.ended()
            self.status.show_unavailable(searchable=self.library.searchable)
        if isinstance(error, ZhreaderError):
            self.report(error)
        elif error is not None:
            raise WorkerFailed(error)

    def rebuild_index(self) -> None:
        """Update the index now, in the background (from the command palette)."""
        self.index_events.rebuild()

    # -- search ----------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.find_bar_actions.close(keep=False)
        if not self.search.set_query(event.value):
            self._clear_search()

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        self.history.add(self.search.query)
        current = self.search.current
        if current is not None and current.result.query == self.search.query and current.docs:
            self.open_document(current.docs[0].doc_id, hit=0)
        else:
            self.search.schedule(immediately=True, open_first=True)

    def on_search_finished(self, message: SearchFinished) -> None:
        if not self.search.accept(message):
            return  # a stale answer: the user kept typing
        self.sidebar.show_search(message.query, message.result, message.docs)
        self.query_one(SearchBar).show_result(
            message.result, timings=self.show_timings, exact_script=message.exact_script
        )
        self._refresh_reader_hits()
        if message.open_first and message.docs:
            self.open_document(message.docs[0].doc_id, hit=0)

    def on_search_failed(self, message: SearchFailed) -> None:
        if not self.search.reject(message):
            return
        self.sidebar.show_search_problem(message.message)
        self.query_one(SearchBar).clear_result()
        self._refresh_reader_hits()

    def _clear_search(self) -> None:
        self.sidebar.clear_search()
        self.query_one(SearchBar).clear_result()
        self._refresh_reader_hits()

    def _refresh_reader_hits(self) -> None:
        if self.match_finder.active:
            return  # the reader shows the find's matches until the find is closed
        self.reader.set_hits(self.search.spans(self.open_doc))
        self.show_hit()

    def show_hit(self) -> None:
        reader = self.reader
        if self.match_finder.active:
            self.status.set_match(reader.current_hit + 1, len(reader.hits))
        else:
            self.status.set_hit(self.search.hit_number(self.open_doc, reader.current_hit))

    # -- find in the document ----------------------------------------------------------

    def action_find(self) -> None:
        self.find_bar_actions.open()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.find_bar_actions.find(event.value)

    def on_find_finished(self, message: FindFinished) -> None:
        self.find_bar_actions.finished(message)

    @on(FindBar.Step)
    def _find_step(self, message: FindBar.Step) -> None:
        if self.match_finder.active:
            self.find_bar_actions.step(message.step)

    @on(FindBar.Closed)
    def _find_closed(self, message: FindBar.Closed) -> None:
        self.find_bar_actions.leave(keep=message.keep)

    # -- opening documents -----------------------------------------------------------

    def open_document(
        self, doc_id: str, *, hit: int | None = None, offset: int | None = None, focus: bool = True
    ) -> None:
        self.opened.open(doc_id, hit=hit, offset=offset, focus=focus)

    @on(LineList.Highlighted, "#doc-list")
    def _preview(self, message: LineList.Highlighted) -> None:
        current = self.doc_list.current
        if current is not None:
            self.opened.preview(current.doc_id)
        elif (pending := self.doc_list.current_id) is not None:
            self.opened.await_indexing(pending, chosen=False)

    @on(LineList.Chosen, "#doc-list")
    def _choose_document(self, message: LineList.Chosen) -> None:
        current = self.doc_list.current
        if current is not None:
            first_hit = self.search.spans(current.doc_id) and current.doc_id != self.open_doc
            self.open_document(current.doc_id, hit=0 if first_hit else None)
        elif (pending := self.doc_list.current_id) is not None:
            self.opened.await_indexing(pending, chosen=True)

    @on(LineList.Chosen, "#results")
    def _choose_result(self, message: LineList.Chosen) -> None:
        target = self.results.target(message.row)
        self.history.add(self.search.query)
        if target is not None:
            doc_id, hit = target
            self.open_document(doc_id, hit=hit)

    @on(LineList.Chosen, "#outline")
    def _choose_section(self, message: LineList.Chosen) -> None:
        entries = self.outline.entries
        if 0 <= message.row < len(entries):
            self.reader.scroll_to_offset(entries[message.row].start)
            self.remove_class("-outline")
            self.reader.focus()

    @on(LineList.Chosen, "#notes")
    def _choose_note(self, message: LineList.Chosen) -> None:
        placed = self.notes_list.target(message.row)
        if placed is None:
            return
        if placed.orphaned:
            self.notify(
                "This passage is no longer in its document; its quote is kept in the note", timeout=4, markup=False
            )
            return
        self.open_document(placed.note.doc, offset=placed.anchor.start)

    def on_reader_view_moved(self, message: ReaderView.Moved) -> None:
        self.opened.moved(message.position)

    # -- actions ---------------------------------------------------------------------

    def action_focus_search(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction  # a "/" typed into a box is text
        self.find_bar_actions.close(keep=False)
        self.focus_search()

    def focus_search(self) -> None:
        box = self.query_one(SearchBar).box
        # At once, not through focus() (a callback queued behind the keys already typed).
        self.set_focus(box)
        box.cursor_position = len(box.value)

    def action_toggle_script(self) -> None:
        exact = not self.search.exact_script
        self.settings.set(MATCH_SCRIPT, "exact" if exact else "any")
        self.search.set_exact_script(exact)
        self.find_bar_actions.again()
        self.notify(
            "Exact script: 发展 finds 发展 only (the default from now on)"
            if exact
            else "Any script: 发展 finds 發展 too, and variants such as 為/爲 (the default from now on)",
            timeout=4,
            markup=False,
        )

    def action_next_hit(self, step: int) -> None:
        if self.match_finder.active:
            self.find_bar_actions.step(step)
            return
        reader = self.reader
        target = self.search.step(self.open_doc, reader.current_hit, len(reader.hits), step)
        if target is None:
            self.notify("No search results: press / to search", timeout=2, markup=False)
            return
        if target.wrapped:
            self.notify(
                "Wrapped around to the " + ("first" if step > 0 else "last") + " result", timeout=2, markup=False
            )
        if target.doc_id == self.open_doc:
            reader.goto_hit(target.hit)
            self.show_hit()
        else:
            self.open_document(target.doc_id, hit=target.hit)

    def action_toggle_outline(self) -> None:
        if self.has_class("-outline"):
            self.remove_class("-outline")
            self.reader.focus()
            return
        if self.open_doc is None:
            self.notify("Open a document first", timeout=2, markup=False)
            return
        self.add_class("-outline")
        self.outline.follow(self.reader.top_offset)
        self.outline.focus()

    def action_escape(self) -> None:
        focused = self.focused
        if self.has_class("-outline"):
            self.remove_class("-outline")
            self.reader.focus()
        elif self.match_finder.active:
            self.find_bar_actions.close(keep=False)
        elif isinstance(focused, Input) and focused.id == "query":
            (self.reader if self.open_doc else self.doc_list).focus()
        elif focused is self.reader or focused is self.results:
            self.doc_list.focus()

    def action_toggle_maximize(self) -> None:
        self.reading.toggle_maximize()

    def action_copy_passage(self) -> None:
        self.reading.copy_passage()

    def action_copy_hit(self) -> None:
        self.reading.copy_hit()

    def action_edit_source(self) -> None:
        self.reading.edit_source()

    # -- notes -----------------------------------------------------------------------

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        for problem in message.problems:
            self.notify(problem, title="Notes", severity="warning", timeout=8, markup=False)
        placed = message.placed
        self.notes_list.show(placed)
        self.status.set_notes(len(placed), sum(1 for p in placed if p.orphaned))
        if self.open_doc is not None:
            self.reader.set_notes(self.notes.marks(self.open_doc))

    def action_goto_page(self) -> None:
        self.reading.goto_page()

    def action_tag(self) -> None:
        self.note_actions.tag()

    def action_edit_note(self) -> None:
        self.note_actions.edit_note()

    def action_delete_note(self) -> None:
        self.note_actions.delete_note()

    def action_undo_delete(self) -> None:
        self.notes.undo_delete()

    def action_concordance(self) -> None:
        self.reading.concordance()

    def action_words(self) -> None:
        self.reading.words()

    def search_for(self, query: str) -> None:
        """Put ``query`` in the search box, which searches for it."""
        self.query_one(SearchBar).box.value = query

    def action_toggle_notes(self) -> None:
        self.sidebar.toggle_notes()

    def on_unmount(self) -> None:
        self.folder_watch.stop()  # its thread sees this within a fifth of a second

    def shutdown(self) -> None:
        """Stop background work and keep the reading positions."""
        self.folder_watch.stop()
        self.index.stop()
        self.positions.save()
