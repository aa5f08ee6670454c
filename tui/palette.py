"""Command palette (ctrl+p): open a document by title; the app's own actions are system
commands (see ZhreaderApp.get_system_commands)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content


class DocumentCommands(Provider):
    """Open any document by (part of) its title or file name."""

    def _documents(self) -> list:
        return self.app.main.doc_list.documents  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for doc in self._documents()[:30]:
            # Content, not a str: a title is data and must never be read as markup.
            yield DiscoveryHit(Content(f"Open {doc.title}"), partial(self._open, doc.doc_id), help=Content(doc.doc_id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for doc in self._documents():
            text = f"Open {doc.title}  {doc.doc_id}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._open, doc.doc_id), help=Content(doc.doc_id))

    def _open(self, doc_id: str) -> None:
        self.app.main.open_document(doc_id)  # type: ignore[attr-defined]
