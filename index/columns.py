"""One document's bytes from a Whoosh byte column, by slicing the column file in memory.

Whoosh reads a value through four layers and a seek and a read on a shared file handle
(so under a lock): about 9 µs a document. Verifying a four-character term that matches
twenty thousand documents reads each of them, so that cost was most of the search. The
column files are mapped read-only here and sliced with the offsets Whoosh's own reader
has already loaded; a slice needs no lock. Any column this does not recognise is read
through Whoosh.
"""

from __future__ import annotations

import contextlib
import mmap
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

Reader = Callable[[int], bytes]


class _Segment:
    def __init__(self, data: mmap.mmap, base: int, offsets: Any, lengths: Any) -> None:
        self.data = data
        self.base = base
        self.offsets = offsets
        self.lengths = lengths

    def get(self, docnum: int) -> bytes:
        start = self.base + self.offsets[docnum]
        return self.data[start : start + self.lengths[docnum]]


def _unwrapped(reader: Any) -> Any:
    """Whoosh wraps a column reader in one that translates values (ours are bytes)."""
    return reader.raw_column() if hasattr(reader, "raw_column") else reader


def _segment(reader: Any) -> _Segment | None:
    """The mapped form of one segment's VarBytesColumn reader, if it is one."""
    reader = _unwrapped(reader)
    try:
        dbfile, base, offsets, lengths = reader._dbfile, reader._basepos, reader._offsets, reader._lengths
        fileno = dbfile.file.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    try:
        data = mmap.mmap(fileno, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    return _Segment(data, base, offsets, lengths)


class MappedColumn:
    """``column[docnum]`` as bytes, for every segment of an index reader's column."""

    def __init__(self, whoosh_reader: Any) -> None:
        raw = _unwrapped(whoosh_reader)
        parts = getattr(raw, "_readers", None)
        starts = getattr(raw, "_doc_offsets", None)
        if parts is None or starts is None:
            parts, starts = [raw], [0]
        segments = [_segment(part) for part in parts]
        self._starts: list[int] = list(starts)
        self._segments: list[_Segment] | None = None
        if all(segment is not None for segment in segments):
            self._segments = [segment for segment in segments if segment is not None]
        self._fallback = raw

    @property
    def mapped(self) -> bool:
        return self._segments is not None

    def get(self, docnum: int) -> bytes:
        segments = self._segments
        if segments is None:
            return bytes(self._fallback[docnum])
        index = bisect_right(self._starts, docnum) - 1 if len(segments) > 1 else 0
        return segments[index].get(docnum - self._starts[index])

    def close(self) -> None:
        for segment in self._segments or ():
            with contextlib.suppress(BufferError, ValueError):
                segment.data.close()
