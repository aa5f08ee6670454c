"""The main screen's keys that act on what the reader shows: copy the passage or the hit
with its source (y, Y), go to a page (p, :), edit the file ($EDITOR, E), the reader full
screen (z), and the concordance of the search (c), whose chosen hit opens in the reader.

They live beside the screen, not in ``tui.controllers``: they open dialogs and screens,
which the controllers (a layer below the screens) may not import.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from zhreader.errors import ZhreaderError
from zhreader.tui.citation import cited, sentence_around
from zhreader.tui.errors import UIError
from zhreader.tui.screens.page_dialog import PageDialog

if TYPE_CHECKING:
    from zhreader.corpus import Document
    from zhreader.tui.screens.main_host import MainHost


class ReadingActions:
    def __init__(self, host: MainHost) -> None:
        self.host = host

    def toggle_maximize(self) -> None:
        host = self.host
        if host.maximized is not None:
            host.minimize()
        elif host.open_doc is None:
            host.notify("Open a document first", timeout=2, markup=False)
        else:
            host.remove_class("-outline")
            host.maximize(host.reader, container=False)
            host.reader.focus()

    def copy_passage(self) -> None:
        reader = self.host.reader
        passage = reader.passage()
        if passage is None or reader.document is None:
            self.host.notify("Open a document first", timeout=2, markup=False)
            return
        self._copy(reader.document, *passage)

    def copy_hit(self) -> None:
        reader = self.host.reader
        if reader.document is None or reader.current_hit < 0:
            self.host.notify("No current hit: / searches, n goes to the next hit", timeout=3, markup=False)
            return
        self._copy(reader.document, *sentence_around(reader.document, *reader.hits[reader.current_hit]))

    def _copy(self, document: Document, start: int, end: int) -> None:
        # OSC 52: the terminal puts it on the system clipboard (where it allows that).
        self.host.app.copy_to_clipboard(cited(document, start, end))
        self.host.notify(f"Copied {end - start:,} characters with their source", timeout=2, markup=False)

    def edit_source(self) -> None:
        """The open document's file in the user's editor at the cursor's paragraph; the
        folder watcher picks up what was saved."""
        from zhreader.corpus.source_lines import read_source
        from zhreader.tui.editor import editor_command, run_editor

        host = self.host
        reader, doc_id = host.reader, host.open_doc
        if reader.document is None or doc_id is None:
            host.notify("Open a document first: E opens its file in your editor", timeout=3, markup=False)
            return
        try:
            path, lines = read_source(host.library.corpus, doc_id)
            line = lines.line_of(reader.document, reader.cursor_block)
            run_editor(editor_command(os.environ, path, line), host.app.suspend)
        except SuspendNotSupported:
            host.report(UIError("This terminal cannot be handed over to an editor"))
        except ZhreaderError as err:
            host.report(err)

    def goto_page(self) -> None:
        reader = self.host.reader
        document = reader.document
        if document is None or document.last_page is None:
            self.host.notify("Only documents with pages (PDFs) can go to a page", timeout=3, markup=False)
            return
        current = reader.page or 1

        def go(page: int | None) -> None:
            offset = document.page_offset(page) if page is not None else None
            if offset is not None and reader.document is document:
                reader.scroll_to_offset(offset)
                reader.focus()

        self.host.app.push_screen(PageDialog(current, document.last_page), go)

    def concordance(self) -> None:
        from zhreader.tui.screens.concordance_screen import Chosen, ConcordanceScreen

        host = self.host
        current, searcher = host.search.current, host.library.searcher
        if current is None or searcher is None or not current.result.docs:
            host.notify("Search first (/): c shows every hit of the search, sorted", timeout=4, markup=False)
            return

        def chosen(hit: Chosen | None) -> None:
            if hit is not None:
                spans = host.search.spans(hit.doc_id)
                index = spans.index((hit.start, hit.end)) if (hit.start, hit.end) in spans else None
                host.open_document(hit.doc_id, hit=index, offset=None if index is not None else hit.start)

        host.app.push_screen(ConcordanceScreen(searcher, current.result, current.query, host.library.notebook), chosen)

    def words(self) -> None:
        from zhreader.tui.screens.words_screen import WordsScreen

        host = self.host
        searcher = host.library.searcher
        if searcher is None:
            host.notify("The index is not ready yet", timeout=4, markup=False)
            return
        current = host.search.current
        result = current.result if current is not None and current.result.docs else None
        query = current.query if current is not None and result is not None else None

        def chosen(word: str | None) -> None:
            if word is not None:
                host.search_for(word)

        host.app.push_screen(WordsScreen(searcher, result, query, host.library.notebook), chosen)
