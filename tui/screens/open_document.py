"""The document open in the main screen's reader: opening one (from the document list, a
result, a note, the palette, the concordance), at a hit of the search, an offset or where
it was last read, and showing it again when the index changes (its text edited on disk,
or the file gone). Opening another document ends a find in the old one. Moving the
document list's cursor shows its document once the cursor rests; where each document is
read is remembered, and saved a little later.

It lives beside the screen, as ``reading_actions`` does, and talks to it through
``MainHost``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.support.printable import printable
from zhreader.tui.positions import follow_offset

if TYPE_CHECKING:
    from textual.timer import Timer

    from zhreader.tui.screens.find_bar_actions import FindBarActions
    from zhreader.tui.screens.main_host import MainHost
    from zhreader.tui.widgets.reader import Position

PREVIEW_DEBOUNCE = 0.04
SAVE_POSITIONS_AFTER = 2.0


class OpenDocument:
    def __init__(self, host: MainHost, find_bar_actions: FindBarActions) -> None:
        self.host = host
        self.find_bar_actions = find_bar_actions
        self.doc_id: str | None = None  # the id of the document in the reader
        self._preview_timer: Timer | None = None
        # A file being indexed that the list's cursor is on: it opens once it is searchable
        # (focused when it was chosen with Enter), if the cursor is still on it.
        self._awaited: tuple[str, bool] | None = None
        self._save_timer: Timer | None = None

    def open(self, doc_id: str, *, hit: int | None = None, offset: int | None = None, focus: bool = True) -> None:
        host = self.host
        self._awaited = None
        reader = host.reader
        if doc_id != self.doc_id or hit is not None or offset is not None:
            document = host.library.document(doc_id) if doc_id != self.doc_id else reader.document
            if document is None:
                host.notify(f"{printable(doc_id)} is not available", severity="warning", markup=False)
                return
            hits = host.search.spans(doc_id)
            if hit is not None and not 0 <= hit < len(hits):
                hit = None
            if offset is None and hit is None:
                offset = host.positions.get(doc_id)
            if doc_id != self.doc_id:
                self.find_bar_actions.close(keep=False)
                host.match_finder.forget()
                self.doc_id = doc_id
                reader.show(document, offset=offset, hits=hits, current_hit=-1 if hit is None else hit)
                host.outline.show(document)
                reader.set_notes(host.notes.marks(doc_id))
            elif hit is not None:
                self.find_bar_actions.close(keep=False)  # a hit of the search is asked for, not a match
                reader.goto_hit(hit)
            elif offset is not None:
                reader.scroll_to_offset(offset)
        doc_list = host.doc_list
        if doc_list.current is None or doc_list.current.doc_id != doc_id:
            doc_list.select(doc_id)
        host.show_hit()
        if focus:
            reader.focus()

    def refresh(self) -> None:
        """Show the open document as the index has it now: its text may have changed on
        disk (the notes were placed again on the new text), or it may be gone."""
        host = self.host
        reader = host.reader
        doc_id, shown = self.doc_id, reader.document
        if doc_id is None or shown is None:
            return
        document = host.library.document(doc_id)
        if document is None:
            host.notify(f"{printable(doc_id)} is no longer in the folder", severity="warning", markup=False)
            self.find_bar_actions.close(keep=False)
            self.doc_id = None
            reader.show(None)
            host.outline.show(None)
            return
        if document.text == shown.text:
            reader.set_notes(host.notes.marks(doc_id))
            return
        offset = follow_offset(shown.text, document.text, reader.top_offset)
        cursor = None
        if shown.blocks and document.blocks:
            was = shown.blocks[min(reader.cursor_block, len(shown.blocks) - 1)].start
            cursor = document.block_at(follow_offset(shown.text, document.text, was))
        finder = host.match_finder
        finding = finder.active
        if finding:
            finder.stop()  # its matches were of the old text
            finder.origin, finder.stay = offset, True
        reader.show(document, offset=offset, hits=host.search.spans(doc_id), cursor=cursor)
        host.outline.show(document)
        reader.set_notes(host.notes.marks(doc_id))
        if finding:
            self.find_bar_actions.find(host.find_bar.box.value)

    def preview(self, doc_id: str) -> None:
        """The document list's cursor is on ``doc_id``: show it, the focus staying in the
        list, unless the cursor moves on at once."""
        if doc_id == self.doc_id:
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.host.set_timer(PREVIEW_DEBOUNCE, lambda: self.open(doc_id, focus=False))

    def await_indexing(self, doc_id: str, *, chosen: bool) -> None:
        """The list's cursor is on a file the update has not made searchable yet."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._awaited = (doc_id, chosen)
        if chosen:
            self.host.notify(
                f"{printable(doc_id)} is being indexed: it opens here as soon as it is searchable",
                timeout=3,
                markup=False,
            )

    def arrived(self) -> None:
        """The index grew: open the awaited file if it is in now."""
        if self._awaited is None:
            return
        doc_id, chosen = self._awaited
        doc_list = self.host.doc_list
        if doc_list.current_id != doc_id:
            self._awaited = None
        elif doc_list.current is not None:
            self.open(doc_id, focus=chosen)

    def moved(self, position: Position) -> None:
        """The reader moved: remember where, and let the outline follow."""
        self.host.positions.remember(position.doc_id, position.offset)
        self.host.outline.follow(position.offset)
        if self._save_timer is None:
            self._save_timer = self.host.set_timer(SAVE_POSITIONS_AFTER, self._save_positions)

    def _save_positions(self) -> None:
        self._save_timer = None
        self.host.positions.save()
