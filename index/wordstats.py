"""Word frequencies of the corpus, of a query's documents or of tagged passages, with their
keyness against the rest of the corpus (``index.association``).

The words are the index's ranking words, counted by the very function that counted them
for the index (``index.analysis.count_words``: jieba's cut of the folded text, words of
two characters or more that hold a letter, digit or ideograph), so a table agrees with
the index word for word. Single characters are not counted: the index does not keep them
as words, the common ones are function words a stop list would drop anyway, and a
character's exact count is what ``search`` and ``concordance`` give.

Where the counts come from:

* a set of documents: the indexer stores each document's word counts beside the
  ``words`` field (the ``wcounts`` column, as word ids: ``index.wordvectors``), so a
  subset's counts are a sum of stored counts, done by ``collections.Counter`` in C; when
  the subset holds more than half the text, the rest is added up and taken off the
  corpus' counts instead;
* the whole corpus: the same sum, or where the text is long for its vocabulary (adding
  up costs about 24 ns a character, walking the term dictionary about 3.5 µs a word) the
  ``words`` field's term dictionary, which holds each word's occurrences and documents
  (no postings read); documents deleted but not yet merged away are then taken off by
  their stored counts;
* tagged passages: segmented again (only whole documents' counts are stored). So is a
  set of documents in an index whose vocabulary file was lost.

Measured on People's Daily (2 shared cores), ×1 / ×10 (2,950 / 29,500 documents; 5.75 M
words at ×10, 58,306 distinct): corpus counts 0.05 / 0.19 s; the documents of 经济 (43%
of the text) 0.02 / 0.14 s, of 改革 开放 (12%) 0.006 / 0.04 s, of 足球 (1%) 0.001 /
0.005 s, of 的 (99%, the rest added up) 0.013 / 0.02 s. Segmenting the documents again,
as this module did before the counts were stored, took 0.29 / 3.0 s for 经济 and 0.08 /
0.84 s for 改革 开放. ``zhreader words 经济`` at ×10, the whole command: 0.66 s (3.2-3.7 s
before). The counts take 23 MB at ×10 (an index of about 230 MB), 2.3 MB at ×1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from zhreader.corpus.stopwords import WordFilter
from zhreader.corpus.textfold import fold
from zhreader.index import association, wordvectors
from zhreader.index.analysis import count_words
from zhreader.index.errors import Cancelled
from zhreader.index.searcher import Searcher

_POLL = 32  # documents between two looks at should_stop
# Adding up stored counts costs about 24 ns per character of text, walking the term
# dictionary about 3.5 µs per word of the vocabulary (People's Daily ×1 and ×10).
_CHARS_PER_TERM = 150


@dataclass
class WordCounts:
    """Occurrences and documents of every word in some text, and its size in words."""

    counts: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)
    documents: int = 0

    @property
    def words(self) -> int:
        return sum(self.counts.values())

    def add(self, counted: Mapping[str, int]) -> None:
        self.counts.update(counted)
        self.docs.update(counted.keys())
        self.documents += 1

    def minus(self, other: WordCounts) -> WordCounts:
        """These counts without ``other``'s (which must be a part of them)."""
        counts = Counter(self.counts)
        counts.subtract(other.counts)
        docs = Counter(self.docs)
        docs.subtract(other.docs)
        return WordCounts(+counts, +docs, self.documents - other.documents)


@dataclass(frozen=True, slots=True)
class Row:
    word: str
    count: int
    docs: int
    rest: int | None = None  # occurrences in the rest of the corpus (a subset's table)
    keyness: float | None = None  # signed G² against the rest

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"word": self.word, "count": self.count, "docs": self.docs}
        if self.keyness is not None:
            found["rest"] = self.rest
            found["keyness"] = round(self.keyness, 4)
        return found


@dataclass(frozen=True)
class Table:
    rows: list[Row]
    words: int  # word occurrences in the subset (before the filter)
    documents: int
    rest_words: int | None = None  # in the rest of the corpus; None for the whole corpus
    rest_documents: int | None = None

    @property
    def compared(self) -> bool:
        return self.rest_words is not None


CSV_COLUMNS = ["word", "count", "docs", "rest", "keyness"]


def csv_rows(table: Table) -> Iterable[list[str | int | float | None]]:
    for row in table.rows:
        keyness = None if row.keyness is None else round(row.keyness, 4)
        yield [row.word, row.count, row.docs, row.rest, keyness]


def _poll(index: int, should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and index % _POLL == 0 and should_stop():
        raise Cancelled


def corpus_counts(searcher: Searcher, should_stop: Callable[[], bool] | None = None) -> WordCounts:
    """The words of every live document of the index: their stored counts added up, or
    the term dictionary's totals, whichever is less work."""
    vocabulary = searcher.vocabulary
    live = searcher.catalog.order
    lengths = searcher.catalog.lengths
    if vocabulary is not None and sum(lengths[d] for d in live) < _CHARS_PER_TERM * len(vocabulary):
        summed = _stored_counts(searcher, live, should_stop)
        if summed is not None:
            return summed
    found = WordCounts(documents=searcher.count)
    for word, count, docs in searcher.word_lexicon():
        found.counts[word] += count
        found.docs[word] += docs
    deleted = searcher.deleted()
    if deleted:
        found = found.minus(document_counts(searcher, deleted, should_stop))
        found.documents = searcher.count
    return found


def document_counts(
    searcher: Searcher, docnums: Iterable[int], should_stop: Callable[[], bool] | None = None
) -> WordCounts:
    """The words of these documents: a sum of their stored counts (or, in an index whose
    vocabulary is lost, a count of their stored folded text segmented again)."""
    docnums = list(docnums)
    found = _stored_counts(searcher, docnums, should_stop)
    return found if found is not None else segmented_counts(searcher, docnums, should_stop)


def _stored_counts(
    searcher: Searcher, docnums: Iterable[int], should_stop: Callable[[], bool] | None
) -> WordCounts | None:
    vocabulary = searcher.vocabulary
    if vocabulary is None:
        return None
    vectors: list[bytes] = []
    for index, vector in enumerate(searcher.stored_word_counts(docnums)):
        _poll(index, should_stop)
        vectors.append(vector)
    occurrences, docs = wordvectors.add_up(vectors)
    try:
        return WordCounts(
            wordvectors.named(occurrences, vocabulary.words), wordvectors.named(docs, vocabulary.words), len(vectors)
        )
    except IndexError:  # an id the vocabulary lacks: the file was replaced by an older one
        return None


def segmented_counts(
    searcher: Searcher, docnums: Iterable[int], should_stop: Callable[[], bool] | None = None
) -> WordCounts:
    """The words of these documents, segmented again from their stored folded text."""
    found = WordCounts()
    for index, docnum in enumerate(docnums):
        _poll(index, should_stop)
        found.add(count_words(searcher.folded(docnum)))
    return found


def subset_counts(
    searcher: Searcher,
    docnums: Iterable[int],
    corpus: WordCounts,
    should_stop: Callable[[], bool] | None = None,
) -> WordCounts:
    """The words of a set of documents: their own counts added up, or the corpus' less
    the rest's when the rest is the smaller text."""
    wanted = set(docnums)
    lengths = searcher.catalog.lengths
    inside = sum(lengths[d] for d in wanted)
    total = sum(lengths[d] for d in searcher.catalog.order)
    if inside * 2 <= total:
        return document_counts(searcher, sorted(wanted), should_stop)
    rest = [d for d in searcher.catalog.order if d not in wanted]
    return corpus.minus(document_counts(searcher, rest, should_stop))


def tagged_passages(
    tags: Iterable[str], passages_of: Callable[[str], Mapping[str, list[tuple[int, int]]]]
) -> dict[str, list[tuple[int, int]]]:
    """The passages of every tag in ``tags`` together, by document id (what
    ``passage_counts`` counts for a query made of tag: terms)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for tag in tags:
        for doc_id, spans in passages_of(tag).items():
            found.setdefault(doc_id, []).extend(spans)
    return found


def passage_counts(
    searcher: Searcher, passages: Mapping[str, list[tuple[int, int]]], should_stop: Callable[[], bool] | None = None
) -> WordCounts:
    """The words of tagged passages (display-text spans by document id), overlapping
    passages counted once. ``documents`` counts the documents holding a passage."""
    found = WordCounts()
    for index, (doc_id, spans) in enumerate(sorted(passages.items())):
        _poll(index, should_stop)
        docnum = searcher.docnum(doc_id)
        if docnum is None:
            continue
        text = searcher.text(docnum)
        counted: Counter[str] = Counter()
        for start, end in _merged(spans):
            counted.update(count_words(fold(text[start:end])))
        found.add(counted)
    return found


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def table(
    subset: WordCounts,
    corpus: WordCounts | None = None,
    keep: WordFilter | None = None,
    top: int | None = None,
    by_keyness: bool = False,
) -> Table:
    """The subset's words, most frequent first (ties by word), or with ``by_keyness`` the
    most over-used first; with ``corpus``, each with its keyness against the corpus less
    the subset."""
    keep = keep or WordFilter()
    words = subset.words
    ordered = sorted((item for item in subset.counts.items() if keep.keeps(item[0])), key=lambda x: (-x[1], x[0]))
    if corpus is None:
        rows = [Row(word, count, subset.docs[word]) for word, count in ordered[:top]]
        return Table(rows, words, subset.documents)
    rest_words = max(corpus.words - words, 0)
    rows = []
    for word, count in ordered if by_keyness else ordered[:top]:
        # Passages segment apart from their documents, so a word may rarely be counted
        # once more in a passage than in its whole document: the rest never goes below 0.
        rest = max(corpus.counts[word] - count, 0)
        rows.append(Row(word, count, subset.docs[word], rest, association.keyness(count, rest, words, rest_words)))
    if by_keyness:
        rows.sort(key=lambda row: (-(row.keyness or 0.0), row.word))
    return Table(rows[:top], words, subset.documents, rest_words, max(corpus.documents - subset.documents, 0))
