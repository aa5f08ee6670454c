"""Notes in the reader: reading and placing them in the background, and the actions that
change them (tag, edit, delete, undo), each saved at once under the notes file's lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from zhreader.errors import ZhreaderError
from zhreader.support.printable import printable
from zhreader.tui.messages import NotesLoaded

if TYPE_CHECKING:
    from textual.screen import Screen

    from zhreader.corpus.notes.export import Placed
    from zhreader.corpus.notes.model import Note
    from zhreader.tui.library import Library

GROUP = "notes"
LABEL_COMMENT_CHARS = 60


class NotesController:
    def __init__(self, host: Screen[Any], library: Library, report: Callable[[ZhreaderError], None]) -> None:
        self.host = host
        self.library = library
        self.report = report
        self._deleted: list[Note] = []  # for undo, newest last

    # -- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.host.run_worker(self._read, name="read the notes", group=GROUP, thread=True, exit_on_error=False)

    def check_elsewhere(self) -> None:
        """Another zhreader window may have changed the notes file."""
        if self.library.notes_changed_elsewhere():
            self.reload()

    def _read(self) -> None:
        placed = self.library.reload_notes()
        self.host.post_message(NotesLoaded(placed, self.library.notebook.snapshot.problems()))

    def _changed(self) -> None:
        self.host.post_message(NotesLoaded(self.library.placed_notes, []))

    # -- what the reader shows -----------------------------------------------------------

    @property
    def placed(self) -> list[Placed]:
        return self.library.placed_notes

    def marks(self, doc_id: str) -> list[tuple[int, int, str, str]]:
        """The document's notes as (start, end, note id, label) for the reader."""
        marks = []
        for placed in self.library.notebook.in_document(doc_id):
            label = "◆ " + " · ".join(placed.note.tags)
            if placed.note.comment:
                comment = printable(" ".join(placed.note.comment.split()))
                cut = comment if len(comment) <= LABEL_COMMENT_CHARS else comment[:LABEL_COMMENT_CHARS] + "…"
                label += "  — " + cut
            marks.append((placed.anchor.start, placed.anchor.end, placed.note.id, label))
        return marks

    def find(self, note_id: str) -> Placed | None:
        return next((p for p in self.library.placed_notes if p.note.id == note_id), None)

    def known_tags(self) -> list[str]:
        """Tags in use, most used first (the dialog completes from them)."""
        counts = self.library.notebook.tags()
        return sorted(counts, key=lambda tag: -counts[tag])

    # -- changes -------------------------------------------------------------------------

    def add(self, doc_id: str, start: int, end: int, tags: list[str], comment: str) -> str | None:
        """Save a note on ``doc_id[start:end]``; why it could not be, or None. The tag
        dialog shows the reason and stays open."""
        try:
            self.library.add_note(doc_id, start, end, tags, comment)
        except ZhreaderError as err:
            return err.message
        self._changed()
        self.host.notify("Tagged " + ", ".join(printable(tag) for tag in tags), timeout=2, markup=False)
        return None

    def edit(self, placed: Placed, tags: list[str], comment: str) -> str | None:
        try:
            self.library.edit_note(placed, tags, comment)
        except ZhreaderError as err:
            return err.message
        self._changed()
        return None

    def delete(self, placed: Placed) -> None:
        try:
            note = self.library.delete_note(placed.note.id)
        except ZhreaderError as err:
            self.report(err)
            return
        self._deleted.append(note)
        self._changed()
        tags = ", ".join(printable(tag) for tag in note.tags)
        self.host.notify(f"Deleted the note {tags}: press u to undo", timeout=5, markup=False)

    def undo_delete(self) -> None:
        if not self._deleted:
            self.host.notify("Nothing to undo", timeout=2, markup=False)
            return
        note = self._deleted.pop()
        try:
            self.library.restore_note(note)
        except ZhreaderError as err:
            self._deleted.append(note)
            self.report(err)
            return
        self._changed()
        self.host.notify("Note restored", timeout=2, markup=False)
