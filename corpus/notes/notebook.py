"""The notes of one corpus, placed on the documents as they are now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from zhreader.corpus.document import Document
from zhreader.corpus.notes.anchor import Anchor, Status, anchor
from zhreader.corpus.notes.export import Placed
from zhreader.corpus.notes.store import NotesFile, Snapshot
from zhreader.corpus.textfold import fold
from zhreader.support.printable import printable


@dataclass
class Notebook:
    file: NotesFile
    document: Callable[[str], Document | None]  # by id; None when not in the corpus

    def __post_init__(self) -> None:
        self._anchors: dict[tuple[str, str, int, int, str], Anchor] = {}
        self.snapshot = Snapshot()
        self.placed: list[Placed] = []

    def reload(self) -> list[Placed]:
        """Read the file and place every note (cached per note and document text)."""
        self.snapshot = self.file.load()
        placed: list[Placed] = []
        documents: dict[str, Document | None] = {}
        for note in self.snapshot.notes:
            if note.doc not in documents:
                documents[note.doc] = self.document(note.doc)
            document = documents[note.doc]
            if document is None:
                # Its document is gone: known by its id, which comes from the file, as data.
                placed.append(Placed(note, Anchor(Status.ORPHANED, similarity=0.0), printable(note.doc), note.page))
                continue
            key = (note.id, note.updated, note.start, note.end, document.text_hash)
            found = self._anchors.get(key)
            if found is None:
                found = self._anchors[key] = anchor(note, document.text, document.text_hash)
            page = note.page if found.status is Status.ORPHANED else document.page_at(found.start)
            placed.append(Placed(note, found, document.title, page))
        self.placed = placed
        return placed

    def tags(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.placed:
            for tag in item.note.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))

    def in_document(self, doc_id: str) -> list[Placed]:
        return [item for item in self.placed if item.note.doc == doc_id and not item.orphaned]

    def passages(self, tag: str) -> dict[str, list[tuple[int, int]]]:
        """Where the passages tagged ``tag`` are now, by document (tags compare folded)."""
        wanted = fold(tag.strip())
        found: dict[str, list[tuple[int, int]]] = {}
        for item in self.placed:
            if item.orphaned or not any(fold(t) == wanted for t in item.note.tags):
                continue
            found.setdefault(item.note.doc, []).append((item.anchor.start, item.anchor.end))
        return {doc: sorted(ranges) for doc, ranges in found.items()}
