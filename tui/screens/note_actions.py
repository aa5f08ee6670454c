"""The main screen's keys that tag a passage (t) and edit (e) or delete (d) a note: the
one under the reader's cursor, or the one selected in the notes pane when it has the
focus. Saving, deleting and undoing are the notes controller's (``tui.controllers.notes``).

They live beside the screen, not in ``tui.controllers``: they open the tag dialog, which
the controllers (a layer below the screens) may not import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.tui.screens.tag_dialog import TagDialog

if TYPE_CHECKING:
    from zhreader.corpus.notes.export import Placed
    from zhreader.tui.screens.main_host import MainHost


class NoteActions:
    def __init__(self, host: MainHost) -> None:
        self.host = host

    def _note_here(self) -> Placed | None:
        """The note ``e`` and ``d`` act on: the one selected in the notes pane when it has
        the focus (orphaned notes too), else the one under the reader's cursor."""
        host = self.host
        if host.focused is host.notes_list:
            placed = host.notes_list.target(host.notes_list.cursor)
            if placed is None:
                host.notify("No note selected: j k move between notes", timeout=3, markup=False)
            return placed
        ids = host.reader.notes_here()
        if not ids:
            host.notify("No note here: t tags this paragraph (v selects a part of it)", timeout=3, markup=False)
            return None
        return host.notes.find(ids[0])

    def tag(self) -> None:
        host = self.host
        reader = host.reader
        passage = reader.passage()
        if passage is None or host.open_doc is None or reader.document is None:
            host.notify(
                "Open a document and put the cursor on a paragraph first ([ ] move it)", timeout=3, markup=False
            )
            return
        doc_id, (start, end) = host.open_doc, passage

        def save(tags: list[str], comment: str) -> str | None:
            return host.notes.add(doc_id, start, end, tags, comment)

        def saved(answer: tuple[list[str], str] | None) -> None:
            if answer is not None:
                reader.action_cancel_selection()

        quote = reader.document.text[start:end]
        host.app.push_screen(TagDialog(quote, host.notes.known_tags(), save), saved)

    def edit_note(self) -> None:
        placed = self._note_here()
        if placed is None:
            return
        host = self.host

        def save(tags: list[str], comment: str) -> str | None:
            return host.notes.edit(placed, tags, comment)

        note = placed.note
        dialog = TagDialog(note.quote, host.notes.known_tags(), save, note.tags, note.comment, "Edit the note")
        host.app.push_screen(dialog)

    def delete_note(self) -> None:
        placed = self._note_here()
        if placed is not None:
            self.host.notes.delete(placed)
