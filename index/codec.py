"""The Whoosh codec zhreader writes with: whoosh3's own, with counts stored as counts.

A posting's weight is the term's count in the document (``schema.Counts``). whoosh3
pickles a block's weights as Python floats, nine bytes each; counts are whole numbers,
and pickled as ints they take two or three: People's Daily's postings file went from
41.7 to 27.6 MB. The reading side (whoosh3's block reader and
``index.postings``) takes any sequence of numbers, so indexes stay readable by plain
whoosh3.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter

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


class CountsCodec(W3Codec):
    def __init__(self) -> None:
        # Inlining short posting lists would save more, but whoosh3 3.54's inline path is
        # broken (W3TermInfo.set_inline does not exist), so it stays off.
        super().__init__(blocklimit=128, compression=COMPRESSION, inlinelimit=1)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> W3PostingsWriter:
        return _CountsPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
