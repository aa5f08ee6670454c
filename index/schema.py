"""The Whoosh schema of a zhreader index.

* ``id``: the document id (path relative to the corpus), unique.
* ``meta``: stored dict with title span, source size/mtime/hash, encoding, length.
* ``words``: jieba words of the folded display text with their counts (BM25 ranking).
* ``text``, ``blocks``, ``sig``: per-document byte columns, read without unpickling
  anything else: the display text (UTF-8), its blocks (JSON), its n-gram signature.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from whoosh import columns, formats
from whoosh.fields import ID, STORED, FieldType, Schema
from whoosh.system import pack_uint


class WordCounts(FieldType):
    """A scorable field indexed from a ready ``{word: count}`` mapping.

    Counting happens in the analysis workers, so the writer gets one tuple per distinct
    word instead of one Token object per occurrence.
    """

    def __init__(self) -> None:
        # Not "scorable": Whoosh would store and look up a length per posting; BM25 uses
        # the document's length in characters instead (kept in the stored meta).
        super().__init__(formats.Frequency(), None, scorable=False)  # type: ignore[arg-type]  # no analyzer: counted already

    def index(self, value: Any, **kwargs: Any) -> Generator[tuple[bytes, int, float | int, bytes], Any, None]:
        counts: Mapping[str, int] = value
        for word, count in counts.items():
            yield word.encode("utf-8"), count, float(count), pack_uint(count)


class BytesColumn(FieldType):
    """Not indexed, not pickled with the stored fields: one byte string per document."""

    indexed = False

    def __init__(self) -> None:
        super().__init__(None, None)  # type: ignore[arg-type]  # neither indexed nor analysed
        self.column_type = columns.VarBytesColumn()

    def to_column_value(self, value: Any) -> bytes:
        return bytes(value)

    def from_column_value(self, value: Any) -> bytes:  # type: ignore[override]  # Whoosh says str; these hold bytes
        return bytes(value)


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        meta=STORED(),
        words=WordCounts(),
        text=BytesColumn(),
        blocks=BytesColumn(),
        sig=BytesColumn(),
    )
