"""Command palette (ctrl+p): open a document by title; the app's own actions are system
commands (see ZhreaderApp.get_system_commands)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from zhreader.support.printable import printable

if TYPE_CHECKING:
    from zhreader.index.results import DocSummary
    from zhreader.tui.screens.main_screen import MainScreen

MAX_CANDIDATES = 200


def _plain(text: str) -> str:
    """Text shown as it is. Textual types a hit's help as str but renders a Content
    unchanged, where a str would be read as markup: a file name is data."""
    return cast(str, Content(printable(text)))


def _highlight(matcher: Matcher, text: str) -> Content:
    """The fuzzy match highlighted in ``text`` shown as data (Textual's own
    ``Matcher.highlight`` reads the candidate as markup)."""
    shown = printable(text)
    content = Content(shown)
    _, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    for offset in offsets:
        if not shown[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class DocumentCommands(Provider):
    """Open any document by (part of) its title or file name."""

    @property
    def _main(self) -> MainScreen:
        # The reader's default screen is its main screen.
        return cast("MainScreen", self.app.get_default_screen())

    def _documents(self, needle: str = "", limit: int = 30) -> list[DocSummary]:
        """The first documents in id order, or those whose title or file name holds
        ``needle`` (found through the index: a corpus may hold a million documents)."""
        source = self._main.doc_list.source
        if source is None:
            return []
        docnums = source.named(needle)[:limit] if needle.strip() else source.catalog.order[:limit]
        return [source.summary(docnum) for docnum in docnums]

    async def discover(self) -> Hits:
        for doc in self._documents():
            # Content, not a str: a title is data and must never be read as markup.
            open_doc = partial(self._open, doc.doc_id)
            yield DiscoveryHit(Content(f"Open {printable(doc.title)}"), open_doc, help=_plain(doc.doc_id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # Every hit reads "Open <title>": the word open in a query is no part of a title.
        needle = " ".join(word for word in query.split() if word.lower() != "open")
        for doc in self._documents(needle, limit=MAX_CANDIDATES):
            text = f"Open {doc.title}  {doc.doc_id}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), partial(self._open, doc.doc_id), help=_plain(doc.doc_id))

    def _open(self, doc_id: str) -> None:
        self._main.open_document(doc_id)
