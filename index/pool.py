"""A posting pool for Whoosh's segment writer that knows postings arrive in document order.

Whoosh's own pool (``whoosh.writing.PostingPool``) keeps one tuple per posting and sorts
them all at commit, writing runs to disk one pickle per posting when memory runs out:
for n-gram postings, several hundred bytes and most of the build time each. Here every
term gets two arrays (documents, counts) to which its postings are appended: documents
come in increasing order, so only the terms are sorted. When the pool grows past its
limit it writes a run, term by term, as raw arrays; at commit the runs are merged by term,
and a term's postings are the concatenation of its pieces (runs cover increasing ranges
of documents). What Whoosh gets from ``iter_postings`` is exactly what its own pool gives.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import struct
import tempfile
from array import array
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

# (field name, term, docnum, weight, value) as Whoosh's writer adds and reads them.
Posting = tuple[str, bytes, int, float, bytes | None]

_TERM_OVERHEAD = 240  # bytes a term costs in memory (dict entry, key, two arrays)
_POSTING_BYTES = 8  # a docnum and a count
_RECORD = struct.Struct("<III")  # key length, postings, value flag


class FastPool:
    def __init__(self, temp_dir: str | None = None, limitmb: int = 256) -> None:
        self.limit = limitmb * 1024 * 1024
        self.temp_dir = temp_dir
        self._terms: dict[tuple[str, bytes], tuple[array[int], array[int]]] = {}
        self._values: dict[tuple[str, bytes], list[bytes | None]] = {}  # only for terms with values
        self._size = 0
        self._runs: list[str] = []
        self.fieldnames: set[str] = set()
        # Told (postings handed to Whoosh, postings in all) about every hundredth of the
        # postings while they are written: what a commit's progress is measured in.
        self.on_progress: Callable[[int, int], None] | None = None
        self._spilled = 0  # postings written to runs (counted per term, not per posting)

    # -- what Whoosh's writer calls ------------------------------------------------------

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = (array("I"), array("I"))
            self.fieldnames.add(fieldname)
            self._size += _TERM_OVERHEAD + len(text)
        docnums, counts = found
        if docnums and docnum < docnums[-1]:
            # Not in document order (a merge adding an older segment): keep it right.
            self._sorted_insert(key, docnum, weight, value)
        else:
            docnums.append(docnum)
            counts.append(int(weight))
            if value or key in self._values:
                self._values.setdefault(key, [None] * (len(docnums) - 1)).append(value)
        self._size += _POSTING_BYTES
        if self._size > self.limit:
            self._spill()

    def iter_postings(self) -> Iterator[Posting]:
        in_memory = sum(len(docnums) for docnums, _ in self._terms.values())
        told = _Teller(self.on_progress, self._spilled + in_memory)
        if not self._runs:
            yield from self._iter_memory(told)
            told.end()
            return
        if self._terms:
            self._spill()
        readers = [self._read_run(path) for path in self._runs]
        current: tuple[str, bytes] | None = None
        pieces: list[tuple[array[int], array[int], list[bytes | None] | None]] = []
        # Counted here, and told only at each hundredth: this loop runs once a term, tens
        # of millions of times in a big build's last commit.
        done, next_told = 0, told.step
        for key, docnums, counts, values in heapq.merge(*readers, key=lambda record: record[0]):
            if key != current and current is not None:
                yield from self._postings_of(current, pieces)
                if done >= next_told:
                    next_told = told.tell(done)
                pieces = []
            current = key
            pieces.append((docnums, counts, values))
            done += len(docnums)
        if current is not None:
            yield from self._postings_of(current, pieces)
        told.end()

    def cleanup(self) -> None:
        for path in self._runs:
            with contextlib.suppress(OSError):
                os.remove(path)
        self._runs = []
        self._terms.clear()
        self._values.clear()
        self._spilled = 0

    # -- inside ---------------------------------------------------------------------------

    def _sorted_insert(self, key: tuple[str, bytes], docnum: int, weight: float, value: bytes | None) -> None:
        docnums, counts = self._terms[key]
        pairs = sorted([*zip(docnums, counts, strict=True), (docnum, int(weight))])
        docnums[:] = array("I", (d for d, _ in pairs))
        counts[:] = array("I", (c for _, c in pairs))
        if value or key in self._values:
            values = self._values.setdefault(key, [None] * (len(docnums) - 1))
            values.append(value)  # values of such postings are not used by zhreader's fields

    def _iter_memory(self, told: _Teller) -> Iterator[Posting]:
        values = self._values
        done, next_told = 0, told.step
        for key in sorted(self._terms):
            docnums, counts = self._terms[key]
            yield from self._postings_of(key, [(docnums, counts, values.get(key))])
            done += len(docnums)
            if done >= next_told:
                next_told = told.tell(done)

    @staticmethod
    def _postings_of(
        key: tuple[str, bytes], pieces: list[tuple[array[int], array[int], list[bytes | None] | None]]
    ) -> Iterator[Posting]:
        fieldname, text = key
        for docnums, counts, values in pieces:
            if values is None:
                for docnum, count in zip(docnums, counts, strict=True):
                    yield fieldname, text, docnum, float(count), None
            else:
                for docnum, count, value in zip(docnums, counts, values, strict=True):
                    yield fieldname, text, docnum, float(count), value

    def _spill(self) -> None:
        fd, path = tempfile.mkstemp(prefix="zhreader-pool-", suffix=".run", dir=self.temp_dir)
        with os.fdopen(fd, "wb") as handle:
            for key in sorted(self._terms):
                docnums, counts = self._terms[key]
                self._write_record(handle, key, docnums, counts, self._values.get(key))
                self._spilled += len(docnums)
        self._runs.append(path)
        self._terms.clear()
        self._values.clear()
        self._size = 0

    @staticmethod
    def _write_record(
        handle: BinaryIO, key: tuple[str, bytes], docnums: array[int], counts: array[int], values: list[Any] | None
    ) -> None:
        fieldname, text = key
        encoded = fieldname.encode("utf-8") + b"\0" + text
        handle.write(_RECORD.pack(len(encoded), len(docnums), values is not None))
        handle.write(encoded)
        handle.write(docnums.tobytes())
        handle.write(counts.tobytes())
        if values is not None:
            import pickle

            blob = pickle.dumps(values)
            handle.write(struct.pack("<I", len(blob)) + blob)

    @staticmethod
    def _read_run(
        path: str,
    ) -> Iterator[tuple[tuple[str, bytes], array[int], array[int], list[bytes | None] | None]]:
        with open(path, "rb") as handle:
            while header := handle.read(_RECORD.size):
                key_size, count, has_values = _RECORD.unpack(header)
                fieldname, _, text = handle.read(key_size).partition(b"\0")
                docnums, counts = array("I"), array("I")
                docnums.frombytes(handle.read(4 * count))
                counts.frombytes(handle.read(4 * count))
                values = None
                if has_values:
                    import pickle

                    (size,) = struct.unpack("<I", handle.read(4))
                    values = pickle.loads(handle.read(size))
                yield (fieldname.decode("utf-8"), text), docnums, counts, values


class _Teller:
    """Tells ``on_progress`` (postings handed to Whoosh, postings in all) at each
    hundredth, which the loops count to per term, and at the end."""

    def __init__(self, on_progress: Callable[[int, int], None] | None, total: int) -> None:
        self.on_progress = on_progress
        self.total = total
        # No progress wanted: a step no count reaches, so the loops never call.
        self.step = max(total // 100, 1) if on_progress is not None else total + 1

    def tell(self, done: int) -> int:
        """Tell ``done``; the count to tell at next."""
        if self.on_progress is not None:
            self.on_progress(min(done, self.total), self.total)
        return done + self.step

    def end(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.total, self.total)
