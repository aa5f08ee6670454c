"""The main screen: search bar, document list and results on the left, the reader on
the right, the status bar below. Coordinates the background work: opening and updating
the index, and searching as the user types."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from tui.library import DocSummary
from tui.messages import (
    DocumentsArrived,
    IndexFailed,
    IndexFinished,
    IndexProgress,
    LibraryOpened,
    NotesLoaded,
    SearchFailed,
    SearchFinished,
)
from tui.positions import Positions
from tui.screens.tag_dialog import TagDialog
from tui.widgets.document_list import DocumentList, DocumentPane
from tui.widgets.line_list import LineList
from tui.widgets.notes_list import NotesList
from tui.widgets.outline import OutlineList
from tui.widgets.reader import ReaderView
from tui.widgets.results_list import HITS_PER_DOC, MAX_DOCS, ResultDoc, ResultsList
from tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from corpus import Document
    from corpus.notes.export import Placed
    from corpus.notes.model import Note
    from index import DocResult
    from tui.library import Library

# Seconds after the last keystroke. Short: an input method commits a whole word in one
# event, and a search made stale by further typing is cancelled, not queued.
SEARCH_DEBOUNCE = 0.01
PREVIEW_DEBOUNCE = 0.04
PROGRESS_INTERVAL = 0.1


class MainScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="main.search"),
        Binding("n", "next_hit(1)", "Next hit", id="main.next_hit"),
        Binding("N", "next_hit(-1)", "Previous hit", id="main.previous_hit"),
        Binding("o", "toggle_outline", "Outline", id="main.outline"),
        Binding("t", "tag", "Tag the passage", id="main.tag"),
        Binding("e", "edit_note", "Edit its note", id="main.edit_note"),
        Binding("d", "delete_note", "Delete its note", id="main.delete_note"),
        Binding("u", "undo_delete", "Undo a delete", id="main.undo_delete"),
        Binding("T", "toggle_notes", "Notes pane", id="main.notes"),
        Binding("escape", "escape", "Leave / close", show=False, id="main.escape"),
    ]

    def __init__(self, library: Library, positions: Positions) -> None:
        super().__init__()
        self.library = library
        self.positions = positions
        self.cancel = threading.Event()
        self._query = ""
        self._search: SearchFinished | None = None
        self._search_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._save_timer: Timer | None = None
        self._open_doc: str | None = None
        self._indexing = False
        self._deleted: list[Note] = []  # for undo

    # -- composition -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-bar"):
            yield Label("搜索 /", id="search-label")
            yield Input(placeholder='人才 政策  "数据 中心"  -北京  呼和浩特 OR 包头  title:规划', id="query")
            yield Label("", id="search-summary", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield DocumentPane(id="documents")
                yield ResultsList(id="results")
                yield NotesList(id="notes")
            with Container(id="reader-area"):
                yield OutlineList(id="outline")
                yield ReaderView(id="reader")
        yield StatusBar(id="status")

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def doc_list(self) -> DocumentList:
        return self.query_one(DocumentList)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    @property
    def outline(self) -> OutlineList:
        return self.query_one(OutlineList)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.doc_list.border_title = "Documents"
        self.results.border_title = "Results"
        self.status.set_corpus(self.library.corpus.location, 0)
        self.status.set_index_state("opening index…")
        self.doc_list.focus()
        # Opening the index imports Whoosh; a thread doing that now would hold the GIL
        # while the first frame is drawn, so it starts just after.
        self.call_after_refresh(self._load_library)

    # -- background: index -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def _load_library(self) -> None:
        searchable = self.library.open()
        self.post_message(LibraryOpened(self.library.summaries(), searchable))
        if searchable:
            self._read_notes()
        self._update_index()

    def _update_index(self) -> None:
        from index import IndexError_

        last = 0.0
        arrived: list[DocSummary] = []

        def on_document(document: Document) -> None:
            arrived.append(DocSummary(document.id, document.title, len(document.text)))

        def on_progress(event) -> None:
            nonlocal last
            now = time.monotonic()
            if event.phase in ("index", "commit") and now - last < PROGRESS_INTERVAL and event.done < event.total:
                return
            last = now
            if arrived:
                self.post_message(DocumentsArrived(list(arrived)))
                arrived.clear()
            self.post_message(IndexProgress(event.phase, event.done, event.total))

        try:
            report = self.library.update(on_progress, on_document, self.cancel)
        except IndexError_ as err:
            self.post_message(IndexFailed(str(err)))
            return
        except Exception as err:
            if not self.cancel.is_set():
                self.post_message(IndexFailed(f"indexing stopped: {err}"))
            return
        if arrived:
            self.post_message(DocumentsArrived(list(arrived)))
        self.post_message(IndexFinished(report, self.library.summaries()))
        self._read_notes()
        self.library.preload()

    def _read_notes(self) -> None:
        """Read and place the notes (in the calling worker thread)."""
        from corpus.notes.store import NotesError

        try:
            placed = self.library.reload_notes()
        except NotesError as err:
            self.post_message(NotesLoaded([], [], str(err)))
            return
        self.post_message(NotesLoaded(placed, self.library.notebook.snapshot.problems()))

    def on_library_opened(self, message: LibraryOpened) -> None:
        self._set_documents(message.documents)
        if message.searchable:
            self.status.set_index_state("checking for changes…")
        else:
            self.status.set_index_state("building the index…")

    def on_documents_arrived(self, message: DocumentsArrived) -> None:
        known = {doc.doc_id for doc in self.doc_list.documents}
        merged = self.doc_list.documents + [doc for doc in message.documents if doc.doc_id not in known]
        merged.sort(key=lambda doc: doc.doc_id)
        self._set_documents(merged)

    def on_index_progress(self, message: IndexProgress) -> None:
        if message.phase == "index" and message.total:
            self._indexing = True
            self.status.set_index_state(f"indexing {message.done:,}/{message.total:,}")
            self.status.set_progress(message.done, message.total)
        elif message.phase == "commit":
            self.status.set_index_state("saving the index…")

    def on_index_finished(self, message: IndexFinished) -> None:
        self._indexing = False
        self.status.set_progress(None, None)
        report = message.report
        state = f"index ready · {report.documents:,} docs"
        if report.touched_index:
            state += f" (+{len(report.added)} ~{len(report.changed)} -{len(report.removed)})"
        if report.skipped:
            state += f" · {len(report.skipped)} skipped"
            lines = [f"{s.doc_id}: {s.reason}" for s in report.skipped[:8]]
            more = (
                f"\n… {len(report.skipped) - 8} more (zhreader index lists them all)" if len(report.skipped) > 8 else ""
            )
            self.notify("\n".join(lines) + more, title="Skipped files", severity="warning", timeout=8)
        self.status.set_index_state(state)
        self._set_documents(message.documents)
        if self._query:
            self._schedule_search(immediately=True)
        self.set_interval(10, self._check_elsewhere, name="check-index")

    def on_index_failed(self, message: IndexFailed) -> None:
        self._indexing = False
        self.status.set_progress(None, None)
        self.status.set_index_state("index unavailable")
        self.notify(message.message, title="Index", severity="error", timeout=10)

    def _check_elsewhere(self) -> None:
        if not self._indexing:
            self._reopen_if_changed()

    @work(thread=True, exclusive=True, group="reopen")
    def _reopen_if_changed(self) -> None:
        if self.library.notes_changed_elsewhere():
            self._read_notes()  # another zhreader window changed the notes
        if self.library.reopen():
            from index import UpdateReport

            report = UpdateReport(documents=self.library.document_count)
            self.post_message(IndexFinished(report, self.library.summaries()))

    def _set_documents(self, documents: list[DocSummary]) -> None:
        doc_list = self.doc_list
        first = not doc_list.documents
        doc_list.set_documents(documents)
        self.status.set_corpus(self.library.corpus.location, len(documents))
        if first and documents:
            doc_list.cursor = 0

    # -- search ----------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self._schedule_search()

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._search is not None and self._search.result.query == self._query and self._search.docs:
            self._open_hit(self._search.docs[0].doc_id, 0)
        else:
            self._schedule_search(immediately=True, open_first=True)

    def _schedule_search(self, *, immediately: bool = False, open_first: bool = False) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        query = self._query
        if not query.strip():
            self._clear_search()
            return
        if immediately:
            self._run_search(query, open_first)
        else:
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE, lambda: self._run_search(query, False))

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, query: str, open_first: bool) -> None:
        from index import IndexMissing, QueryError, SearchCancelled

        worker = get_current_worker()
        try:
            result = self.library.search(query, limit=None, should_stop=lambda: worker.is_cancelled)
        except SearchCancelled:
            return  # the user typed on: a newer search replaced this one
        except QueryError as err:
            self.post_message(SearchFailed(query, str(err)))
            return
        except IndexMissing:
            self.post_message(
                SearchFailed(query, "the index is still being built: search works as soon as it is saved")
            )
            return
        docs = []
        for doc in result.docs[:MAX_DOCS]:
            if worker.is_cancelled:
                return
            docs.append(ResultDoc(doc.doc_id, doc.title, doc.hit_count, tuple(doc.first_hits(HITS_PER_DOC))))
        counts = result.docs.hit_counts()
        if not worker.is_cancelled:
            self.post_message(SearchFinished(query, result, docs, counts, open_first))

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.query != self._query:
            return  # a stale answer: the user kept typing
        prepared = message
        result = prepared.result
        self._search = prepared
        self.query_one("#sidebar").add_class("-searching")
        notes = "; ".join(result.notices)
        if not result.docs:
            self.results.show([], 0, f"No matches for {message.query}" + (f" ({notes})" if notes else ""))
        else:
            self.results.show(prepared.docs, result.total_docs, notes)
        self.results.border_title = f"Results · {result.total_hits:,} hits in {result.total_docs:,} docs"
        summary = f"{result.total_hits:,} hits · {result.total_docs:,}/{result.searched_docs:,} docs"
        if self.app.show_timings:  # type: ignore[attr-defined]
            summary += f" · {result.seconds * 1000:.0f} ms"
        if not result.index_complete:
            summary += " · index still building"
        self.query_one("#search-summary", Label).update(summary)
        self.doc_list.set_hits(prepared.counts)
        self._refresh_reader_hits()
        if message.open_first and prepared.docs:
            self._open_hit(prepared.docs[0].doc_id, 0)

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.query != self._query:
            return
        self._search = None
        self.query_one("#sidebar").add_class("-searching")
        self.results.show([], 0, message.message)
        self.results.border_title = "Results"
        self.query_one("#search-summary", Label).update("")
        self.doc_list.set_hits(None)
        self._refresh_reader_hits()

    def _clear_search(self) -> None:
        self._search = None
        self.query_one("#sidebar").remove_class("-searching")
        self.results.show([], 0)
        self.query_one("#search-summary", Label).update("")
        self.doc_list.set_hits(None)
        self._refresh_reader_hits()

    def _hits_for(self, doc_id: str | None) -> list[tuple[int, int]]:
        doc = self._result_doc(doc_id)
        return doc.spans() if doc is not None else []

    def _result_doc(self, doc_id: str | None) -> DocResult | None:
        if self._search is None or doc_id is None:
            return None
        return self._search.result.docs.get(doc_id)

    def _refresh_reader_hits(self) -> None:
        self.reader.set_hits(self._hits_for(self._open_doc))

    # -- opening documents -----------------------------------------------------------

    def open_document(
        self, doc_id: str, *, hit: int | None = None, offset: int | None = None, focus: bool = True
    ) -> None:
        if doc_id != self._open_doc or hit is not None or offset is not None:
            document = self.library.document(doc_id) if doc_id != self._open_doc else self.reader.document
            if document is None:
                self.notify(f"{doc_id} is not available", severity="warning")
                return
            hits = self._hits_for(doc_id)
            if hit is not None and not 0 <= hit < len(hits):
                hit = None
            if offset is None and hit is None:
                offset = self.positions.get(doc_id)
            if doc_id != self._open_doc:
                self._open_doc = doc_id
                self.reader.show(document, offset=offset, hits=hits, current_hit=-1 if hit is None else hit)
                self.outline.show(document)
                self._mark_notes()
            elif hit is not None:
                self.reader.goto_hit(hit)
            elif offset is not None:
                self.reader.scroll_to_offset(offset)
        if self.doc_list.current is None or self.doc_list.current.doc_id != doc_id:
            self.doc_list.select(doc_id)
        if focus:
            self.reader.focus()

    def _open_hit(self, doc_id: str, hit: int) -> None:
        self.open_document(doc_id, hit=hit)

    @on(LineList.Highlighted, "#doc-list")
    def _preview(self, message: LineList.Highlighted) -> None:
        current = self.doc_list.current
        if current is None or current.doc_id == self._open_doc:
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        doc_id = current.doc_id
        self._preview_timer = self.set_timer(PREVIEW_DEBOUNCE, lambda: self.open_document(doc_id, focus=False))

    @on(LineList.Chosen, "#doc-list")
    def _choose_document(self, message: LineList.Chosen) -> None:
        current = self.doc_list.current
        if current is not None:
            hits = self._hits_for(current.doc_id)
            if hits and current.doc_id != self._open_doc:
                self.open_document(current.doc_id, hit=0)
            else:
                self.open_document(current.doc_id)

    @on(LineList.Chosen, "#results")
    def _choose_result(self, message: LineList.Chosen) -> None:
        target = self.results.target(message.row)
        if target is not None:
            self._open_hit(*target)

    @on(LineList.Chosen, "#outline")
    def _choose_section(self, message: LineList.Chosen) -> None:
        entries = self.outline.entries
        if 0 <= message.row < len(entries):
            self.reader.scroll_to_offset(entries[message.row].start)
            self.remove_class("-outline")
            self.reader.focus()

    def on_reader_view_moved(self, message: ReaderView.Moved) -> None:
        position = message.position
        self.positions.remember(position.doc_id, position.offset)
        self.outline.follow(position.offset)
        if self._save_timer is None:
            self._save_timer = self.set_timer(2.0, self._save_positions)

    def _save_positions(self) -> None:
        self._save_timer = None
        self.positions.save()

    # -- actions ---------------------------------------------------------------------

    def action_focus_search(self) -> None:
        box = self.query_one("#query", Input)
        box.focus()
        box.cursor_position = len(box.value)

    def action_next_hit(self, step: int) -> None:
        prepared = self._search
        if prepared is None or not prepared.result.docs:
            self.notify("No search results: press / to search", timeout=2)
            return
        docs = prepared.result.docs
        reader = self.reader
        here = docs.position(self._open_doc) if self._open_doc is not None else None
        if here is not None:
            nxt = reader.current_hit + step if reader.current_hit >= 0 else (0 if step > 0 else len(reader.hits) - 1)
            if 0 <= nxt < len(reader.hits):
                reader.goto_hit(nxt)
                return
            position = here + step
        else:
            position = 0 if step > 0 else len(docs) - 1
        if not 0 <= position < len(docs):
            position %= len(docs)
            self.notify("Wrapped around to the " + ("first" if step > 0 else "last") + " result", timeout=2)
        doc = docs[position]
        self.open_document(doc.doc_id, hit=0 if step > 0 else max(doc.hit_count - 1, 0))

    def action_toggle_outline(self) -> None:
        if self.has_class("-outline"):
            self.remove_class("-outline")
            self.reader.focus()
            return
        if self._open_doc is None:
            self.notify("Open a document first", timeout=2)
            return
        self.add_class("-outline")
        self.outline.follow(self.reader.top_offset)
        self.outline.focus()

    def action_escape(self) -> None:
        focused = self.focused
        if self.has_class("-outline"):
            self.remove_class("-outline")
            self.reader.focus()
        elif isinstance(focused, Input) and focused.id == "query":
            (self.reader if self._open_doc else self.doc_list).focus()
        elif focused is self.reader or focused is self.results:
            self.doc_list.focus()

    # -- notes -----------------------------------------------------------------------

    def on_notes_loaded(self, message: NotesLoaded) -> None:
        if message.error:
            self.notify(message.error, title="Notes", severity="error", timeout=10)
        for problem in message.problems:
            self.notify(problem, title="Notes", severity="warning", timeout=8)
        self._show_notes()

    def _show_notes(self) -> None:
        placed = self.library.placed_notes
        self.query_one(NotesList).show(placed)
        self.status.set_notes(len(placed), sum(1 for p in placed if p.orphaned))
        self._mark_notes()

    def _mark_notes(self) -> None:
        if self._open_doc is None:
            return
        marks = []
        for placed in self.library.notebook.in_document(self._open_doc):
            label = "◆ " + " · ".join(placed.note.tags)
            if placed.note.comment:
                comment = " ".join(placed.note.comment.split())
                label += "  — " + (comment if len(comment) <= 60 else comment[:60] + "…")
            marks.append((placed.anchor.start, placed.anchor.end, placed.note.id, label))
        self.reader.set_notes(marks)

    def _placed(self, note_id: str) -> Placed | None:
        return next((p for p in self.library.placed_notes if p.note.id == note_id), None)

    def _known_tags(self) -> list[str]:
        counts = self.library.notebook.tags()
        return sorted(counts, key=lambda tag: -counts[tag])

    def _note_failed(self, err: Exception) -> None:
        self.notify(str(err), title="Notes", severity="error", timeout=10)

    def action_tag(self) -> None:
        reader = self.reader
        passage = reader.passage()
        if passage is None or self._open_doc is None:
            self.notify("Open a document and put the cursor on a paragraph first ([ ] move it)", timeout=3)
            return
        doc_id = self._open_doc
        start, end = passage
        quote = reader.document.text[start:end] if reader.document else ""

        def done(answer: tuple[list[str], str] | None) -> None:
            from corpus.notes.model import NoteError
            from corpus.notes.store import NotesError

            if answer is None:
                return
            try:
                self.library.add_note(doc_id, start, end, *answer)
            except (NoteError, NotesError) as err:
                self._note_failed(err)
                return
            reader.action_cancel_selection()
            self._show_notes()
            self.notify("Tagged " + ", ".join(answer[0]), timeout=2)

        self.app.push_screen(TagDialog(quote, self._known_tags()), done)

    def _note_here(self) -> Placed | None:
        ids = self.reader.notes_here()
        if not ids:
            self.notify("No note here: t tags this paragraph (v selects a part of it)", timeout=3)
            return None
        return self._placed(ids[0])

    def action_edit_note(self) -> None:
        placed = self._note_here()
        if placed is None:
            return

        def done(answer: tuple[list[str], str] | None) -> None:
            from corpus.notes.model import NoteError
            from corpus.notes.store import NotesError

            if answer is None:
                return
            try:
                self.library.edit_note(placed, *answer)
            except (NoteError, NotesError) as err:
                self._note_failed(err)
                return
            self._show_notes()

        dialog = TagDialog(
            placed.note.quote, self._known_tags(), placed.note.tags, placed.note.comment, "Edit the note"
        )
        self.app.push_screen(dialog, done)

    def action_delete_note(self) -> None:
        from corpus.notes.store import NotesError

        placed = self._note_here()
        if placed is None:
            return
        try:
            note = self.library.delete_note(placed.note.id)
        except NotesError as err:
            self._note_failed(err)
            return
        self._deleted.append(note)
        self._show_notes()
        self.notify(f"Deleted the note {', '.join(note.tags)}: press u to undo", timeout=5)

    def action_undo_delete(self) -> None:
        from corpus.notes.store import NotesError

        if not self._deleted:
            self.notify("Nothing to undo", timeout=2)
            return
        note = self._deleted.pop()
        try:
            self.library.restore_note(note)
        except NotesError as err:
            self._deleted.append(note)
            self._note_failed(err)
            return
        self._show_notes()
        self.notify("Note restored", timeout=2)

    def action_toggle_notes(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.toggle_class("-notes")
        if sidebar.has_class("-notes"):
            self.query_one(NotesList).focus()
        else:
            self.doc_list.focus()

    @on(LineList.Chosen, "#notes")
    def _choose_note(self, message: LineList.Chosen) -> None:
        placed = self.query_one(NotesList).target(message.row)
        if placed is None:
            return
        if placed.orphaned:
            self.notify("This passage is no longer in its document; its quote is kept in the note", timeout=4)
            return
        self.open_document(placed.note.doc, offset=placed.anchor.start)

    def rebuild_index(self) -> None:
        """Update the index now, in the background (from the command palette)."""
        if self._indexing:
            self.notify("The index is already being updated", timeout=2)
            return
        self.status.set_index_state("checking for changes…")
        self._run_update()

    @work(thread=True, exclusive=True, group="library")
    def _run_update(self) -> None:
        self._update_index()

    def shutdown(self) -> None:
        """Stop background work and keep the reading positions."""
        self.cancel.set()
        self.positions.save()
