"""Collocates: the words within ±N words of every hit of a query, with how much more (or
less) often they come there than chance would have them (``index.association``).

Around each hit (its exact offsets from the search), the text of its paragraph before and
after the hit is folded and segmented as the index segments (``index.analysis.
index_words``: words of two characters or more), the hit itself standing as one unit, as
AntConc treats the node. The last N words before it and the first N after it are its
window; windows never cross a paragraph. Where the context had to be cut inside the
paragraph, its outermost word is not taken (it may be half a word), and more context is
read until N whole words are found.

Every word in a window counts, once per hit (two hits close together both count a word
between them). Stop-words and numbers occupy their places in the window, so the window
is N words of the text, but they are not listed. With R the words in all windows, O the
collocate's count there, C its count in the corpus and N the corpus' words:
E = R·C/N, MI = log2(O/E), LL the signed log-likelihood of the 2×2 table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from zhreader.corpus.stopwords import WordFilter
from zhreader.corpus.textfold import fold
from zhreader.index import association
from zhreader.index.analysis import index_words
from zhreader.index.errors import Cancelled
from zhreader.index.results import SearchResult
from zhreader.index.searcher import Searcher
from zhreader.index.wordstats import WordCounts

_POLL = 64  # hits between two looks at should_stop
_CHARS_PER_WORD = 4  # first guess at the context a word takes (single characters between)


class Measure(StrEnum):
    LL = "ll"
    MI = "mi"


@dataclass(frozen=True, slots=True)
class Collocate:
    word: str
    observed: int  # in the windows
    left: int  # of which before the hit
    right: int
    expected: float
    corpus: int  # occurrences in the corpus
    score: float

    def as_json(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "observed": self.observed,
            "left": self.left,
            "right": self.right,
            "expected": round(self.expected, 4),
            "corpus": self.corpus,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Collocates:
    rows: list[Collocate]
    hits: int
    window: int
    window_words: int  # R: words in all windows
    corpus_words: int  # N
    measure: Measure


CSV_COLUMNS = ["word", "observed", "left", "right", "expected", "corpus", "score"]


def csv_rows(found: Collocates) -> list[list[str | int | float | None]]:
    return [
        [c.word, c.observed, c.left, c.right, round(c.expected, 4), c.corpus, round(c.score, 4)] for c in found.rows
    ]


def _side(text: str, start: int, end: int, window: int, before: bool) -> list[str]:
    """The ``window`` words nearest the hit on one side, within the hit's line."""
    if window <= 0:
        return []
    reach = window * _CHARS_PER_WORD + 8
    while True:
        if before:
            line_start = text.rfind("\n", max(0, start - reach), start) + 1
            lo = max(line_start, start - reach)
            cut = lo > line_start
            found = list(index_words(fold(text[lo:start])))
            whole = found[1:] if cut else found
            if len(whole) >= window or not cut:
                return whole[-window:]
        else:
            line_end = text.find("\n", end, end + reach)
            hi = line_end if line_end != -1 else min(len(text), end + reach)
            cut = line_end == -1 and hi < len(text)
            found = list(index_words(fold(text[end:hi])))
            whole = found[:-1] if cut else found
            if len(whole) >= window or not cut:
                return whole[:window]
        reach *= 2


def windows(text: str, start: int, end: int, window: int) -> tuple[list[str], list[str]]:
    """(words before, words after) the hit ``text[start:end]``, up to ``window`` each."""
    return _side(text, start, end, window, True), _side(text, start, end, window, False)


def collocates(
    searcher: Searcher,
    result: SearchResult,
    corpus: WordCounts,
    window: int = 5,
    min_freq: int = 3,
    measure: Measure = Measure.LL,
    keep: WordFilter | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Collocates:
    keep = keep or WordFilter()
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    hits = 0
    for docnum in sorted(result.docs.docnums()):
        found = result.docs.get(docnum)
        if found is None:
            continue
        spans = found.spans()
        if not spans:
            continue
        text = searcher.text(docnum)
        for start, end in spans:
            if hits % _POLL == 0 and should_stop is not None and should_stop():
                raise Cancelled
            hits += 1
            before, after = windows(text, start, end, window)
            left.update(before)
            right.update(after)
    window_words = sum(left.values()) + sum(right.values())
    n = corpus.words
    rows: list[Collocate] = []
    for word, observed in (left + right).items():
        if observed < min_freq or not keep.keeps(word):
            continue
        c = corpus.counts.get(word, 0)
        if measure is Measure.MI:
            score = association.mutual_information(observed, window_words, c, n)
        else:
            score = association.log_likelihood(observed, window_words, c, n)
        expected = association.expected(window_words, c, n)
        rows.append(Collocate(word, observed, left[word], right[word], expected, c, score))
    rows.sort(key=lambda row: (-row.score, -row.observed, row.word))
    return Collocates(rows, hits, window, window_words, n, measure)
