"""Exact matching of one query term against display text.

A term matches where its folded form equals the folded display text. Folding is one
character to one character, so instead of folding every candidate document, each query
character becomes the set of display characters that fold to it ("1" -> [1１]) and the
display text is scanned directly; the matches are offsets into the display text.
Whitespace inside a phrase matches any run of spaces or tabs. Overlapping occurrences
("哈哈" in "哈哈哈") are all reported: every place the text occurs is a hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from zhreader.corpus.textfold import fold, needs_folding, variants
from zhreader.index import signature
from zhreader.index.query import Term

_GAP = r"[^\S\n]+"


def _has_border(text: str) -> bool:
    """Whether a proper prefix equals a suffix, i.e. occurrences can overlap."""
    return any(text[:k] == text[-k:] for k in range(1, len(text)))


def _char_pattern(ch: str) -> str:
    options = variants(ch)
    if len(options) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(option) for option in sorted(options)) + "]"


@dataclass(frozen=True)
class Matcher:
    term: Term
    parts: tuple[str, ...]  # folded, whitespace-free pieces of the term

    @classmethod
    def for_term(cls, term: Term) -> Matcher:
        return cls(term, tuple(fold(term.text).split()))

    @property
    def folded(self) -> str:
        return " ".join(self.parts)

    @cached_property
    def keys(self) -> frozenset[int]:
        found: set[int] = set()
        for part in self.parts:
            found |= signature.query_keys(part)
        return frozenset(found)

    @cached_property
    def _literal(self) -> str | None:
        """The plain string to find when no character has other spellings."""
        if len(self.parts) == 1 and not needs_folding(self.parts[0]):
            return self.parts[0]
        return None

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(_GAP.join("".join(_char_pattern(ch) for ch in part) for part in self.parts))

    @cached_property
    def _overlaps(self) -> bool:
        return _has_border(self.folded)

    def count(self, text: str) -> int:
        literal = self._literal
        if literal is not None and not self._overlaps:
            return text.count(literal)
        if literal is None and not self._overlaps:
            return len(self._pattern.findall(text))
        return len(self.spans(text))

    def occurs(self, text: str) -> bool:
        literal = self._literal
        if literal is not None:
            return literal in text
        return self._pattern.search(text) is not None

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        stop = len(text) if end is None else end
        found: list[tuple[int, int]] = []
        literal = self._literal
        if literal is not None:
            step = 1 if self._overlaps else len(literal)
            pos = text.find(literal, start, stop)
            while pos != -1:
                found.append((pos, pos + len(literal)))
                pos = text.find(literal, pos + step, stop)
            return found
        pattern = self._pattern
        match = pattern.search(text, start, stop)
        while match is not None:
            found.append(match.span())
            match = pattern.search(text, match.start() + 1 if self._overlaps else match.end(), stop)
        return found


@dataclass(frozen=True)
class TagMatcher:
    """A ``tag:`` term: the passages of the notes carrying the tag, by document id."""

    term: Term
    ranges: dict[str, list[tuple[int, int]]]


def inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)
