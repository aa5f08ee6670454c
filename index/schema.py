"""The Whoosh schema of a zhreader index.

* ``id``: the document id (path relative to the corpus), unique.
* ``meta``: stored dict with title, title span, source size/mtime/hash, encoding, length.
* ``grams``: every character and every pair of adjacent characters of the folded display
  text (whitespace aside), each with its count: the postings that find a term without
  reading any document (``index.grams``).
* ``tgrams``: the same for the title, for ``title:`` terms and for ranking titles first;
  ``pgrams`` for the document id (its path), for finding documents by file name.
* ``words``: jieba words of the folded (simplified) text with their counts (BM25 ranking).
* ``text``, ``ftext``, ``blocks``, ``title``, ``pages``: per-document byte columns read
  without unpickling anything else: the display text and its fold (UTF-8), its blocks
  (JSON), its title, where its source pages start (JSON, empty for unpaged sources);
  ``length``: the display text's length (a numeric column).
* ``wcounts``: the ``words`` counts of each document again, as word ids (a byte column,
  ``index.wordvectors``), so the words of any set of documents are a sum.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from whoosh import columns, formats
from whoosh.fields import ID, STORED, FieldType, Schema


class Counts(FieldType):
    """A field indexed from a ready ``{term: count}`` mapping, the count as the posting's
    weight (so Whoosh keeps, per term, its document and total counts).

    Counting happens in the analysis workers, so the writer gets one tuple per distinct
    term instead of one Token object per occurrence; no value is stored per posting."""

    def __init__(self) -> None:
        # Not "scorable": Whoosh would store and look up a length per posting; BM25 uses
        # the document's length in characters instead (kept in the catalog).
        super().__init__(formats.Existence(), None, scorable=False)  # type: ignore[arg-type]  # no analyzer: counted already

    def index(self, value: Any, **kwargs: Any) -> Generator[tuple[bytes, int, float | int, bytes], Any, None]:
        counts: Mapping[str, int] = value
        for term, count in counts.items():
            yield term.encode("utf-8"), count, float(count), b""


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


class LengthColumn(FieldType):
    """The display text's length in characters, for BM25 (read into the catalog)."""

    indexed = False

    def __init__(self) -> None:
        super().__init__(None, None)  # type: ignore[arg-type]  # neither indexed nor analysed
        self.column_type = columns.NumericColumn("I")

    def to_column_value(self, value: Any) -> int:  # type: ignore[override]  # a number, not bytes
        return int(value)

    def from_column_value(self, value: Any) -> int:  # type: ignore[override]  # a number, not a str
        return int(value)


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        meta=STORED(),
        grams=Counts(),
        tgrams=Counts(),
        pgrams=Counts(),
        words=Counts(),
        text=BytesColumn(),
        ftext=BytesColumn(),
        blocks=BytesColumn(),
        title=BytesColumn(),
        pages=BytesColumn(),
        wcounts=BytesColumn(),
        length=LengthColumn(),
    )
