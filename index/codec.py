"""The Whoosh codec zhreader writes with: whoosh3's own, with counts stored as counts.

A posting's weight is the term's count in the document (``schema.Counts``). whoosh3
pickles a block's weights as Python floats, nine bytes each; counts are whole numbers,
and pickled as ints they take two or three: People's Daily's postings file went from
41.7 to 27.6 MB. The reading side (whoosh3's block reader and
``index.postings``) takes any sequence of numbers, so indexes stay readable by plain
whoosh3.
"""

from __future__ import annotations

import copy
import pickle
import sys
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3PostingsWriter
from whoosh.filedb.structfile import StructFile

# zlib's fastest level, for posting blocks of 80 bytes or more (whoosh3 leaves smaller ones
# alone): on People's Daily the postings shrink by a seventh and the build takes no longer.
COMPRESSION = 1


class _CountsPostingsWriter(W3PostingsWriter):
    def _mini_weights(self) -> Any:
        weights = self._weights
        first = weights[0] if weights else 1.0
        if all(weight == first for weight in weights):
            return None if first == 1.0 else first  # whoosh3's own forms: a float, or none for ones
        if all(weight.is_integer() for weight in weights):
            return tuple(int(weight) for weight in weights)
        return tuple(weights)


class _PositionKept(StructFile):
    """A file being written, its position counted as it is written. whoosh3 asks for the
    position of the postings and term files a few times per term, and a buffered file's
    tell() is an lseek system call that also lets go of the GIL: 4.3 s of a 14.6 s build
    of People's Daily in the command line, 7 s in the reader, where the UI thread takes
    the GIL at each of them."""

    def __init__(self, wrapped: StructFile) -> None:
        super().__init__(wrapped.file, name=wrapped._name)
        self._wrapped = wrapped
        self._position: int = wrapped.tell()

    def write(self, data: bytes) -> int:
        self.file.write(data)
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    # StructFile writes these to its file directly, past write().
    def write_pickle(self, obj: Any, protocol: int = -1) -> None:
        self.write(pickle.dumps(obj, protocol))

    def write_array(self, arry: Any) -> None:
        if sys.byteorder == "little":  # arrays are written big-endian, as whoosh does
            arry = copy.copy(arry)
            arry.byteswap()
        self.write(arry.tobytes())

    def raw_file(self) -> Any:
        raise RuntimeError("written through _PositionKept only: its position is counted")

    def seek(self, *args: Any, **kwargs: Any) -> Any:
        moved = self.file.seek(*args, **kwargs)
        self._position = self.file.tell()
        return moved

    def close(self) -> None:
        self._wrapped.close()  # its onclose too
        self.is_closed = True


class _FieldWriter(W3FieldWriter):
    def _create_file(self, ext: str) -> StructFile:
        return _PositionKept(super()._create_file(ext))


class CountsCodec(W3Codec):
    def __init__(self) -> None:
        # Inlining short posting lists would save more, but whoosh3 3.54's inline path is
        # broken (W3TermInfo.set_inline does not exist), so it stays off.
        super().__init__(blocklimit=128, compression=COMPRESSION, inlinelimit=1)

    def field_writer(self, storage: Any, segment: Any) -> W3FieldWriter:
        return _FieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return _CountsPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
