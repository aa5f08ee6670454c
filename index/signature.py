"""N-gram signatures: which characters and character pairs a document contains.

Every document gets a Bloom filter of its folded characters (unigrams) and adjacent
character pairs (bigrams). A literal query can only occur in a document whose
signature contains all the query's n-grams, so the signatures give a candidate set
with no misses; each candidate is then checked against its display text, which
removes the rare false candidates. Matching is exact by construction: the filter can
only narrow the scan, never decide a match.

A signature is one value per document (a Whoosh column) instead of one posting per
document and n-gram, which is what makes indexing faster than a positional n-gram
field: Whoosh's cost is per posting.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable

_MASK64 = (1 << 64) - 1
_K1 = 0x9E3779B97F4A7C15
_K2 = 0xC2B2AE3D27D4EB4F
# Bits per distinct n-gram before rounding up to a power of two (so 4 to 8): with two
# hash functions a 3-key query (any 2-character query) has a false-candidate rate
# below one in a thousand.
BITS_PER_KEY = 4
MIN_BITS = 512
MAX_BITS = 1 << 22


def _pairs(encoded: bytes) -> tuple[int, ...]:
    usable = len(encoded) // 8 * 8
    return struct.unpack(f"<{usable // 8}Q", encoded[:usable])


def keys(folded: str) -> set[int]:
    """The n-gram keys of a folded text: each character's code point, and for each
    adjacent pair a 64-bit number above every code point (two UTF-32 code units)."""
    encoded = folded.encode("utf-32-le")
    found = set(_pairs(encoded))
    found.update(_pairs(encoded[4:]))
    found.update(map(ord, set(folded)))
    return found


def query_keys(folded_part: str) -> set[int]:
    """Keys that any text containing ``folded_part`` must have."""
    return keys(folded_part) if folded_part else set()


def size_for(key_count: int) -> int:
    bits = 1 << max(BITS_PER_KEY * key_count - 1, 1).bit_length()
    return min(max(bits, MIN_BITS), MAX_BITS)


def _positions(key: int, shift: int) -> tuple[int, int]:
    h = (key * _K1) & _MASK64
    return h >> shift, ((h * _K2) & _MASK64) >> shift


def signature(folded: str) -> bytes:
    found = keys(folded)
    bits = size_for(len(found))
    shift = 64 - (bits.bit_length() - 1)
    table = bytearray(bits >> 3)
    for key in found:
        for pos in _positions(key, shift):
            table[pos >> 3] |= 1 << (pos & 7)
    return bytes(table)


def mask(query: Iterable[int], bits: int) -> int:
    """The bits a signature of size ``bits`` must have set to hold every key."""
    shift = 64 - (bits.bit_length() - 1)
    result = 0
    for key in query:
        for pos in _positions(key, shift):
            result |= 1 << pos
    return result


def as_int(sig: bytes) -> int:
    return int.from_bytes(sig, "little")
