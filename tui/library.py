"""The reader's model of a corpus: the index (a searcher over its last commit), search,
and notes, behind one lock.

Knows nothing of Textual: workers call it from threads, the UI asks it for documents. The
document list reads the searcher a screenful at a time; nothing here holds an object per
document, so a decade of newspapers costs what a screen of it does.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zhreader.corpus import Corpus, Document
    from zhreader.corpus.notes.export import Placed
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.index import IndexStore, Searcher, SearchResult, UpdateReport
    from zhreader.index import Progress as IndexProgress

# The index modules (and Whoosh) are imported by the methods that run in workers, after
# the reader's first frame.

# The first batch is committed after half a second, so the list fills at once: what the
# workers finished by then (about 200 documents of People's Daily, listed 2.5 s after start;
# a two-second batch of 600 took 5.6 s, its commit being three times the work). After that,
# batches as big as the command line's: each commit costs (1000-document batches made the
# first index of People's Daily take 32 s in the reader; it takes 15 s, 12 s in `index`).
READER_BATCH_DOCS = 5000
READER_FIRST_BATCH_SECONDS = 0.5


class Library:
    def __init__(self, corpus: Corpus, store: IndexStore, notes_path: Path | None = None) -> None:
        from zhreader.support import paths

        self.corpus = corpus
        self.store = store
        self.notes_path = notes_path or paths.notes_file(corpus.location)
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._stamp: tuple[str, int] | None = None
        self._notebook: Notebook | None = None
        self._notes_mtime: float | None = None
        # The files an update found that the index does not list yet, in the order it
        # indexes them, their places in that order, and the place its last commit reached
        # (one object: the UI thread reads it while the update's thread replaces it).
        self._planned: tuple[list[str], list[int], int] = ([], [], 0)

    # -- index ---------------------------------------------------------------------

    def open(self) -> bool:
        """Open the current index, if there is one this version can read."""
        from zhreader.index import IndexMissing, Searcher

        try:
            searcher = Searcher.open(self.store)
        except IndexMissing:
            return False
        with self._lock:
            self._searcher = searcher
            self._stamp = self.store.current_stamp()
        return True

    @property
    def searcher(self) -> Searcher | None:
        """A searcher over the last commit (it stays usable after a newer one opens)."""
        return self._searcher

    @property
    def searchable(self) -> bool:
        return self._searcher is not None

    @property
    def pending(self) -> list[str]:
        """The files the update under way found and has not made searchable yet (new
        ones: a changed file is listed already), in the order it indexes them."""
        doc_ids, places, committed = self._planned
        return doc_ids[bisect.bisect_left(places, committed) :]

    def _plan(self, doc_ids: tuple[str, ...] = (), places: tuple[int, ...] = ()) -> None:
        self._planned = (list(doc_ids), list(places), 0)

    @property
    def document_count(self) -> int:
        searcher = self._searcher
        return searcher.count if searcher is not None else 0

    def changed_elsewhere(self) -> bool:
        """Whether another process committed to the index since it was opened."""
        stamp = self.store.current_stamp()
        return stamp is not None and stamp != self._stamp

    def update(
        self,
        on_progress: Callable[[IndexProgress], None],
        should_stop: Callable[[], bool],
    ) -> UpdateReport:
        """Bring the index up to date, in a process of its own (``index.background``);
        every commit is searchable as soon as it lands."""
        from zhreader.index.background import update_in_process

        def progress(event: IndexProgress) -> None:
            if event.phase == "planned":
                self._plan(event.doc_ids, event.places)
            elif event.phase == "committed":
                self._reopen_if_changed()
                doc_ids, places, _ = self._planned
                self._planned = (doc_ids, places, event.done)
            on_progress(event)

        try:
            report = update_in_process(
                self.corpus,
                self.store,
                progress,
                should_stop=should_stop,
                lock_timeout=0,  # another zhreader is updating: its commits are picked up instead
                batch_docs=READER_BATCH_DOCS,
                first_batch_seconds=READER_FIRST_BATCH_SECONDS,
            )
            self._reopen_if_changed(force=report.touched_index)
        finally:
            self._plan()
        return report

    def _reopen_if_changed(self, force: bool = False) -> bool:
        from zhreader.index import IndexMissing, Searcher

        if not force and self._searcher is not None and not self.changed_elsewhere():
            return False
        try:
            searcher = Searcher.open(self.store)
        except IndexMissing:
            return False
        with self._lock:
            # The previous searcher is left to the garbage collector: a search running in
            # another thread, or the document list, may still be reading it.
            self._searcher = searcher
            self._stamp = self.store.current_stamp()
        return True

    def reopen(self) -> bool:
        """Pick up an index another process changed; True when something changed."""
        if not self.changed_elsewhere():
            return False
        return self._reopen_if_changed(force=True)

    # -- documents -----------------------------------------------------------------

    def document(self, doc_id: str) -> Document | None:
        searcher = self._searcher
        return searcher.document(doc_id) if searcher is not None else None

    # -- search --------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        *,
        exact_script: bool = False,
    ) -> SearchResult:
        from zhreader.index import IndexMissing

        searcher = self._searcher
        if searcher is None:
            raise IndexMissing("the index is still being built: search works as soon as its first part is saved")
        return searcher.search(
            query, limit=limit, should_stop=should_stop, passages=self.passages, exact_script=exact_script
        )

    # -- notes ---------------------------------------------------------------------

    @property
    def notebook(self) -> Notebook:
        if self._notebook is None:
            from zhreader.corpus.notes.notebook import Notebook
            from zhreader.corpus.notes.store import NotesFile

            self._notebook = Notebook(NotesFile(self.notes_path), self.document)
        return self._notebook

    def reload_notes(self) -> list[Placed]:
        """Read the notes file and place every note on the documents as they are now
        (raises NotesFileError when the file cannot be read)."""
        with self._lock:
            self._notes_mtime = self.notebook.file.mtime
            return self.notebook.reload()

    def notes_changed_elsewhere(self) -> bool:
        return self.notebook.file.mtime != self._notes_mtime

    @property
    def placed_notes(self) -> list[Placed]:
        return self.notebook.placed

    def passages(self, tag: str) -> dict[str, list[tuple[int, int]]]:
        return self.notebook.passages(tag)

    def add_note(self, doc_id: str, start: int, end: int, tags: list[str], comment: str) -> Note:
        """Raises NoteError (bad input) or NotesFileError (the file)."""
        from zhreader.corpus.notes.model import Note

        document = self.document(doc_id)
        if document is None:
            from zhreader.corpus.errors import NoteError

            raise NoteError(f"{doc_id} is not available")
        note = Note.create(
            doc_id,
            document.text,
            start,
            end,
            tags,
            comment,
            block=document.block_at(start),
            page=document.page_at(start),
        )
        self.notebook.file.add(note)
        self.reload_notes()
        return note

    def edit_note(self, placed: Placed, tags: list[str], comment: str) -> Note:
        moved = None
        document = self.document(placed.note.doc)
        if document is not None and not placed.orphaned:
            # Editing a note that was found again elsewhere pins it where it is now.
            start = placed.anchor.start
            moved = placed.note.moved_to(
                document.text, start, placed.anchor.end, document.block_at(start), document.page_at(start)
            )
        note = self.notebook.file.update(placed.note.id, tags=tags, comment=comment, moved=moved)
        self.reload_notes()
        return note

    def delete_note(self, note_id: str) -> Note:
        note = self.notebook.file.delete(note_id)
        self.reload_notes()
        return note

    def restore_note(self, note: Note) -> None:
        self.notebook.file.add(note)
        self.reload_notes()
