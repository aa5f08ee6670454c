"""What a searcher needs of every document without reading any: its length (for BM25)
and the documents in id order (for the document list), as two arrays of integers.

Computed from the index (the ``id`` lexicon and the ``length`` column: about a second for
three hundred thousand documents) and cached in a file beside it, valid only for the
commit it was made for: opening a searcher then reads a few megabytes and builds no
object per document.
"""

from __future__ import annotations

import heapq
import struct
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path

from whoosh.reading import IndexReader

from zhreader.support import atomic

MAGIC = b"ZHCAT1\n"
_HEADER = struct.Struct("<QII")  # commit generation, documents (with deleted), live documents


@dataclass(frozen=True)
class Catalog:
    generation: int
    lengths: array[int]  # by docnum, for every document slot (0 for deleted ones)
    order: array[int]  # the live docnums, sorted by document id

    @property
    def count(self) -> int:
        return len(self.order)

    def to_bytes(self) -> bytes:
        lengths, order = array("I", self.lengths), array("I", self.order)
        if sys.byteorder != "little":
            lengths.byteswap()
            order.byteswap()
        header = _HEADER.pack(self.generation, len(lengths), len(order))
        return MAGIC + header + lengths.tobytes() + order.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Catalog | None:
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _HEADER.size:
            return None
        generation, slots, live = _HEADER.unpack_from(data, len(MAGIC))
        body = data[len(MAGIC) + _HEADER.size :]
        if len(body) != 4 * (slots + live):
            return None
        lengths, order = array("I"), array("I")
        lengths.frombytes(body[: 4 * slots])
        order.frombytes(body[4 * slots :])
        if sys.byteorder != "little":
            lengths.byteswap()
            order.byteswap()
        return cls(generation, lengths, order)


def _live_ids(reader: IndexReader) -> list[list[tuple[bytes, int]]]:
    """Per segment, (document id, docnum) of its live documents, sorted by id."""
    runs: list[list[tuple[bytes, int]]] = []
    for leaf, offset in reader.leaf_readers():
        deleted = leaf.has_deletions()
        run: list[tuple[bytes, int]] = []
        for doc_id, info in leaf.iter_field("id"):
            local = info.min_id()
            if info.doc_frequency() == 1 and local is not None:
                if not (deleted and leaf.is_deleted(local)):
                    run.append((doc_id, offset + local))
            else:  # deleted and re-added in the same segment: the postings skip the deleted
                for local in leaf.postings("id", doc_id).all_ids():
                    run.append((doc_id, offset + local))
        runs.append(run)
    return runs


def build(reader: IndexReader, generation: int) -> Catalog:
    lengths = array("I", [0]) * reader.doc_count_all()
    if reader.doc_count_all():
        column = reader.column_reader("length")
        for docnum in range(reader.doc_count_all()):
            lengths[docnum] = column[docnum]
    order = array("I", (docnum for _, docnum in heapq.merge(*_live_ids(reader))))
    return Catalog(generation, lengths, order)


def load(path: Path, generation: int) -> Catalog | None:
    try:
        catalog = Catalog.from_bytes(atomic.read_bytes(path))
    except OSError:
        return None
    return catalog if catalog is not None and catalog.generation == generation else None


def save(path: Path, catalog: Catalog) -> None:
    atomic.write_bytes(path, catalog.to_bytes())
