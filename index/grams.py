"""The n-grams of folded text: every character and every pair of adjacent characters,
whitespace aside (a query part never holds whitespace, so no gram needs it).

A term of one or two characters is found by its own gram, with exact counts, without
reading a document; a longer term can only occur where all its pairs occur, so the
intersection of their postings gives candidates with no misses, which are then verified.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from operator import add


def grams(folded: str) -> Counter[str]:
    """{gram: occurrences} of a folded text."""
    # Counted in C over all characters and pairs, whitespace dropped after: there are
    # far fewer distinct grams than characters.
    counts: Counter[str] = Counter(folded)
    counts.update(map(add, folded, folded[1:]))
    for gram in [gram for gram in counts if any(ch.isspace() for ch in gram)]:
        del counts[gram]
    return counts


def query_grams(part: str) -> list[str]:
    """The grams a folded, whitespace-free query part needs: itself when it is one or two
    characters (its postings decide), else its pairs (they give candidates)."""
    if len(part) <= 2:
        return [part]
    return sorted({a + b for a, b in pairwise(part)})
