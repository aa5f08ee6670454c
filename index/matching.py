"""Exact matching of one query term against folded text.

A term matches where its folded form occurs in the folded display text (see
``corpus.textfold``: width, case, Kangxi radicals, and unless the exact script is asked
for, traditional/simplified). Whitespace inside a phrase matches any run of spaces or
tabs. Overlapping occurrences ("哈哈" in "哈哈哈") are all reported: every place the text
occurs is a hit. Spans are offsets into the folded text; ``corpus.textfold`` maps them
to the display text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property

from zhreader.corpus.textfold import fold, fold_map, to_display
from zhreader.index.grams import query_grams
from zhreader.index.query import Term

_GAP = r"[^\S\n]+"


def _has_border(text: str) -> bool:
    """Whether a proper prefix equals a suffix, i.e. occurrences can overlap."""
    return any(text[:k] == text[-k:] for k in range(1, len(text)))


@dataclass(frozen=True)
class Matcher:
    term: Term
    parts: tuple[str, ...]  # folded, whitespace-free pieces of the term

    @classmethod
    def for_term(cls, term: Term) -> Matcher:
        return cls(term, tuple(fold(term.text, exact_script=term.exact_script).split()))

    @property
    def folded(self) -> str:
        return " ".join(self.parts)

    @property
    def exact_script(self) -> bool:
        return self.term.exact_script

    @property
    def key(self) -> tuple[object, ...]:
        """Terms with one key find the same places (发展 and 發展, 强磁场 and "强磁场")."""
        return (self.term.field, self.parts, self.exact_script)

    @cached_property
    def grams(self) -> tuple[str, ...]:
        """The grams whose postings find this term's documents (script-blind: the index
        is; an exact-script term is then verified against the text itself)."""
        blind = fold(self.folded) if self.exact_script else self.folded
        return tuple(sorted({gram for part in blind.split() for gram in query_grams(part)}))

    @property
    def decided_by_postings(self) -> bool:
        """One gram that is the whole term: its postings are the exact answer, counts too."""
        return len(self.parts) == 1 and len(self.parts[0]) <= 2 and not self.exact_script

    @cached_property
    def _literal(self) -> str | None:
        return self.parts[0] if len(self.parts) == 1 else None

    @cached_property
    def encoded_literal(self) -> bytes | None:
        """The term as UTF-8 when its count in the folded text is the count of these
        bytes in the text's UTF-8 (one piece, no overlapping occurrences, any script)."""
        literal = self._literal
        if literal is None or self._overlaps or self.exact_script:
            return None
        return literal.encode("utf-8")

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return re.compile(_GAP.join(re.escape(part) for part in self.parts))

    @cached_property
    def _overlaps(self) -> bool:
        return _has_border(self.folded)

    def count(self, folded_text: str) -> int:
        literal = self._literal
        if literal is not None and not self._overlaps:
            return folded_text.count(literal)
        if literal is None and not self._overlaps:
            return len(self._pattern.findall(folded_text))
        return len(self.spans(folded_text))

    def occurs(self, folded_text: str) -> bool:
        literal = self._literal
        if literal is not None:
            return literal in folded_text
        return self._pattern.search(folded_text) is not None

    def spans(self, folded_text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        stop = len(folded_text) if end is None else end
        found: list[tuple[int, int]] = []
        literal = self._literal
        if literal is not None:
            step = 1 if self._overlaps else len(literal)
            pos = folded_text.find(literal, start, stop)
            while pos != -1:
                found.append((pos, pos + len(literal)))
                pos = folded_text.find(literal, pos + step, stop)
            return found
        pattern = self._pattern
        match = pattern.search(folded_text, start, stop)
        while match is not None:
            found.append(match.span())
            match = pattern.search(folded_text, match.start() + 1 if self._overlaps else match.end(), stop)
        return found


@dataclass
class FoldedText:
    """A display text folded for matching, each way (script-blind, exact script) once, on
    first use: the searcher matches every term of a query against one, the reader's find
    bar every query typed into it."""

    text: str
    blind: str | None = None  # the script-blind fold, when known already (the index stores it)
    _folds: dict[bool, tuple[str, array[int] | None]] = field(default_factory=dict, repr=False)

    def folded(self, *, exact_script: bool) -> tuple[str, array[int] | None]:
        """The fold, and the display offset of each folded character (see ``fold_map``)."""
        if exact_script not in self._folds:
            known = None if exact_script else self.blind
            self._folds[exact_script] = fold_map(self.text, exact_script=exact_script, folded=known)
        return self._folds[exact_script]

    def spans(self, matcher: Matcher) -> list[tuple[int, int]]:
        """Every place ``matcher`` matches, as display-text spans in text order."""
        folded, origin = self.folded(exact_script=matcher.exact_script)
        if origin is None:
            return matcher.spans(folded)
        return [to_display(span, origin) for span in matcher.spans(folded)]


@dataclass(frozen=True)
class TagMatcher:
    """A ``tag:`` term: the passages of the notes carrying the tag, by document id."""

    term: Term
    ranges: dict[str, list[tuple[int, int]]]

    @property
    def key(self) -> tuple[object, ...]:
        return ("tag", self.term.text)


def inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in ranges)
