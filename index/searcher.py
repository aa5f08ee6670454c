"""Search an index: exact matching through n-gram postings, BM25 ranking, hits with
snippets.

A term of one or two characters (folded) is one gram of the index, and its postings are
the exact answer: which documents hold it and how often, read without opening a
document. A longer term can only occur where all its pairs occur: the intersection of
their postings gives candidates with no misses, each verified against its folded text,
read from disk. So a search costs what its answer costs, not what the corpus does.
Groups of terms are evaluated most selective first, so later ones only look at the
documents still in the running.

Ranking, per document: title matches first; then BM25 of the literal occurrences plus
BM25 over jieba words (the query split into words of the index's vocabulary, so no
dictionary load is needed to answer a query). A word-aligned match (马克 the name)
thereby outranks the same characters inside a longer word (马克思).

Opening a searcher reads the catalog (two arrays of integers) and nothing per document;
texts, titles and stored fields are read from disk when a document is shown.
"""

from __future__ import annotations

import math
import threading
import time
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from whoosh.reading import IndexReader, TermNotFound

from zhreader.corpus.document import Document
from zhreader.corpus.textfold import fold
from zhreader.index import catalog as catalogs
from zhreader.index.columns import MappedColumn
from zhreader.index.errors import Cancelled, IndexMissing, QueryError
from zhreader.index.matching import FoldedText, Matcher, TagMatcher, inside
from zhreader.index.postings import PostingsCache
from zhreader.index.query import Query, Term, parse
from zhreader.index.results import (
    SNIPPET_CONTEXT,
    TITLE_WEIGHT,
    DocResult,
    DocSummary,
    Hit,
    RankedDocs,
    Ranking,
    SearchResult,
    Snippet,
)
from zhreader.index.store import Generation, IndexStore
from zhreader.index.wordvectors import Vocabulary

K1 = 1.2
B = 0.75
MAX_WORD_LEN = 8
_CHUNK = 256  # documents verified between two looks at should_stop
RESULT_TOP = 200  # rank order made at first for this many documents
SUMMARY_CACHE = 4096  # document-list rows kept (screenfuls, and the palette's candidates)

AnyMatcher = Matcher | TagMatcher
Counts = dict[int, int]  # docnum -> occurrences


def _distinct(groups: list[list[AnyMatcher]]) -> list[list[AnyMatcher]]:
    """The groups without a term repeated in its group, and without a group that repeats an
    earlier one: typing 强磁场 twice (or 发展 and 發展) must not count each hit twice."""
    kept: list[list[AnyMatcher]] = []
    seen: set[frozenset[tuple[object, ...]]] = set()
    for group in groups:
        unique: list[AnyMatcher] = []
        for matcher in group:
            if all(m.key != matcher.key for m in unique):
                unique.append(matcher)
        keys = frozenset(m.key for m in unique)
        if unique and keys not in seen:
            seen.add(keys)
            kept.append(unique)
    return kept


class Searcher:
    """A read view of one index generation. Thread-safe; cheap to open and to keep."""

    def __init__(self, generation: Generation) -> None:
        self.generation = generation
        self.complete = generation.complete
        self._lock = threading.RLock()  # a Whoosh reader is not safe across threads
        self._ix = generation.open()
        self._reader: IndexReader = self._ix.reader()
        toc = self._ix.latest_generation()
        cached = generation.read_catalog(toc)
        self.catalog = cached if cached is not None else catalogs.build(self._reader, toc)
        self._postings = PostingsCache(self._reader, self._lock)
        self._summaries: dict[int, DocSummary] = {}
        lengths = self.catalog.lengths
        live = self.catalog.order
        self._avg_length = (sum(lengths[d] for d in live) / len(live)) if live else 1.0

    @classmethod
    def open(cls, store: IndexStore) -> Searcher:
        from whoosh.index import EmptyIndexError

        generation = store.current()
        if generation is None:
            raise IndexMissing(f"no index yet for {store.corpus_location} (run: zhreader index)")
        try:
            return cls(generation)
        except (OSError, EmptyIndexError):
            # Replaced by a newer generation between finding it and opening it.
            raise IndexMissing(f"the index of {store.corpus_location} changed while it was opened") from None

    def close(self) -> None:
        with self._lock:
            for column in self.__dict__.get("_columns", {}).values():
                column.close()
            self._reader.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ---------------------------------------------------------------------

    @property
    def count(self) -> int:
        """Documents in the index."""
        return self.catalog.count

    def docnum(self, doc_id: str) -> int | None:
        with self._lock:
            try:
                found = self._reader.first_id("id", doc_id)
            except TermNotFound:
                return None
        return found

    def _stored(self, docnum: int) -> dict[str, Any]:
        with self._lock:
            return self._reader.stored_fields(docnum)

    def describe(self, docnum: int) -> tuple[str, str]:
        """(document id, title) of a document."""
        stored = self._stored(docnum)
        return stored["id"], stored["meta"]["title"]

    def summary(self, docnum: int) -> DocSummary:
        with self._lock:
            found = self._summaries.get(docnum)
            if found is None:
                stored = self._stored(docnum)
                meta = stored["meta"]
                found = DocSummary(docnum, stored["id"], meta["title"], meta["length"])
                if len(self._summaries) >= SUMMARY_CACHE:
                    self._summaries.pop(next(iter(self._summaries)))
                self._summaries[docnum] = found
        return found

    def documents(self) -> Iterator[DocSummary]:
        """Every document in id order. Reads every document's stored fields: for tools,
        tests and benchmarks, not for the reader (which pages)."""
        for docnum in self.catalog.order:
            yield self.summary(docnum)

    def named(self, needle: str) -> list[int]:
        """The documents whose title or file name holds ``needle`` (folded), in id order:
        the document list's filter, answered from the title and path grams."""
        parts = fold(needle).split()
        if not parts:
            return list(self.catalog.order)
        found: set[int] | None = None
        for part in parts:
            matcher = Matcher(Term(part), (part,))
            here: set[int] = set()
            for field, read in (("tgrams", self._title_text), ("pgrams", self._doc_id_text)):
                if matcher.decided_by_postings:
                    here.update(self._postings.get(field, part)[0])
                    continue
                candidates = self._candidates(field, matcher.grams, None) or set()
                here.update(d for d in candidates if matcher.occurs(read(d)))
            found = here if found is None else found & here
        position = self._position
        return sorted(found or (), key=position)

    def _title_text(self, docnum: int) -> str:
        return self._title(docnum, exact_script=False)

    def _doc_id_text(self, docnum: int) -> str:
        return fold(self._stored(docnum)["id"])

    def summary_at(self, position: int) -> DocSummary:
        """The document at ``position`` in id order."""
        return self.summary(self.catalog.order[position])

    def position_of(self, doc_id: str) -> int | None:
        """Where a document is in id order (a binary search reading a few ids)."""
        order = self.catalog.order
        low, high = 0, len(order)
        while low < high:
            middle = (low + high) // 2
            if self._stored(order[middle])["id"] < doc_id:
                low = middle + 1
            else:
                high = middle
        if low < len(order) and self._stored(order[low])["id"] == doc_id:
            return low
        return None

    def _raw(self, name: str, docnum: int) -> bytes:
        column = self._columns[name]
        if column.mapped:
            return column.get(docnum)
        with self._lock:
            return column.get(docnum)

    def _column(self, name: str, docnum: int) -> str:
        return self._raw(name, docnum).decode("utf-8")

    @cached_property
    def _columns(self) -> dict[str, MappedColumn]:
        # Kept: Whoosh reads a column's offset table when a reader for it is made.
        if not self.catalog.lengths:
            return {}
        with self._lock:
            return {
                name: MappedColumn(self._reader.column_reader(name))
                for name in ("text", "ftext", "blocks", "title", "pages", "wcounts")
            }

    def text(self, docnum: int) -> str:
        return self._column("text", docnum)

    def folded(self, docnum: int, exact_script: bool = False) -> str:
        if exact_script:
            return fold(self.text(docnum), exact_script=True)
        return self._column("ftext", docnum)

    def document(self, doc_id: str) -> Document | None:
        docnum = self.docnum(doc_id)
        if docnum is None:
            return None
        meta = self._stored(docnum)["meta"]
        return Document.from_stored(
            doc_id,
            self.text(docnum),
            self._column("blocks", docnum),
            tuple(meta["title_span"]),
            meta["encoding"],
            self._column("pages", docnum),
        )

    def word_lexicon(self) -> list[tuple[str, int, int]]:
        """(word, occurrences, documents) from the ``words`` field's term dictionary, once
        per index segment (a word in three segments comes three times): no postings are
        read. Deleted documents still count here until their segment is merged."""
        found: list[tuple[str, int, int]] = []
        with self._lock:
            for leaf, _offset in self._reader.leaf_readers():
                for term, info in leaf.iter_field("words"):
                    found.append((term.decode("utf-8"), int(info.weight()), info.doc_frequency()))
        return found

    def stored_word_counts(self, docnums: Iterable[int]) -> Iterator[bytes]:
        """Each document's word counts as the indexer stored them (``index.wordvectors``)."""
        return (self._raw("wcounts", docnum) for docnum in docnums)

    @cached_property
    def vocabulary(self) -> Vocabulary | None:
        """The words of those counts' ids: read after the index, and only ever appended
        to, so it knows every id of the commit this searcher reads."""
        return self.generation.read_vocabulary()

    def deleted(self) -> list[int]:
        """Docnums of deleted documents whose words the term dictionary still counts."""
        live = set(self.catalog.order)
        return [docnum for docnum in range(len(self.catalog.lengths)) if docnum not in live]

    # -- matching ----------------------------------------------------------------------

    def _poll(self, should_stop: Callable[[], bool] | None) -> None:
        if should_stop is not None and should_stop():
            raise Cancelled

    def _candidates(self, field: str, grams: Iterable[str], pool: AbstractSet[int] | None) -> set[int] | None:
        """Documents holding every gram (None: no restriction, all documents)."""
        found = None if pool is None else set(pool)
        for gram in sorted(grams, key=lambda g: self._frequency(field, g)):
            docnums, _ = self._postings.get(field, gram)
            if found is None:
                found = set(docnums)
            else:
                found.intersection_update(docnums)
            if not found:
                return set()
        return found

    def _frequency(self, field: str, gram: str) -> int:
        with self._lock:
            return self._reader.doc_frequency(field, gram.encode("utf-8"))

    def _gram_counts(self, field: str, gram: str, pool: AbstractSet[int] | None) -> Counts:
        docnums, counts = self._postings.get(field, gram)
        if pool is None:
            return dict(zip(docnums, counts, strict=True))
        if len(pool) * 8 < len(docnums):
            # A few documents left: look them up in the sorted postings.
            found: Counts = {}
            for docnum in pool:
                index = bisect_left(docnums, docnum)
                if index < len(docnums) and docnums[index] == docnum:
                    found[docnum] = counts[index]
            return found
        return {docnum: count for docnum, count in zip(docnums, counts, strict=True) if docnum in pool}

    def _verify(
        self, docs: Iterable[int], count: Callable[[int], int], should_stop: Callable[[], bool] | None
    ) -> Counts:
        found: Counts = {}
        for index, docnum in enumerate(sorted(docs)):
            if index % _CHUNK == 0:
                self._poll(should_stop)
            occurrences = count(docnum)
            if occurrences:
                found[docnum] = occurrences
        return found

    def _title(self, docnum: int, exact_script: bool) -> str:
        return fold(self._column("title", docnum), exact_script=exact_script)

    def _evaluate(
        self, matcher: Matcher, pool: AbstractSet[int] | None, should_stop: Callable[[], bool] | None
    ) -> Counts:
        """The documents (of ``pool``) where the term occurs, with its occurrences."""
        field = "tgrams" if matcher.term.field == "title" else "grams"
        if matcher.decided_by_postings:
            return self._gram_counts(field, matcher.parts[0], pool)
        candidates = self._candidates(field, matcher.grams, pool)
        if candidates is None:
            candidates = set(self.catalog.order)
        if field == "tgrams":
            return self._verify(candidates, lambda d: matcher.count(self._title(d, matcher.exact_script)), should_stop)
        needle = matcher.encoded_literal
        if needle is not None:
            # Counted in the UTF-8 bytes, not decoded: UTF-8 never matches mid-character.
            return self._verify(candidates, lambda d: self._raw("ftext", d).count(needle), should_stop)
        return self._verify(candidates, lambda d: matcher.count(self.folded(d, matcher.exact_script)), should_stop)

    def _in_titles(self, matcher: Matcher, docs: AbstractSet[int], should_stop: Callable[[], bool] | None) -> set[int]:
        """The documents (of ``docs``) whose title holds a body term."""
        title = Matcher(Term(matcher.term.text, "title", matcher.term.phrase, matcher.exact_script), matcher.parts)
        return set(self._evaluate(title, docs, should_stop))

    # -- ranking -----------------------------------------------------------------------

    @cached_property
    def _norms(self) -> array[float]:
        """BM25's length normalisation of every document, by docnum: a lookup per match
        instead of a computation (a common character matches nearly every document)."""
        scale = B / (self._avg_length or 1)
        return array("d", [K1 * (1 - B + scale * length) for length in self.catalog.lengths])

    def _idf(self, df: int) -> float:
        n_docs = max(self.count, 1)
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))

    def _in_vocabulary(self, word: str) -> bool:
        with self._lock:
            return ("words", word.encode("utf-8")) in self._reader

    def _query_words(self, matcher: Matcher) -> list[str]:
        """Greedy longest-match split of the term into words the index knows."""
        found: list[str] = []
        for part in fold(matcher.folded).split():  # words are indexed script-blind
            i = 0
            while i < len(part):
                for size in range(min(MAX_WORD_LEN, len(part) - i), 0, -1):
                    word = part[i : i + size]
                    if size > 1 and self._in_vocabulary(word):
                        found.append(word)
                        i += size
                        break
                else:
                    i += 1
        return found

    def _rank(
        self,
        counted: list[tuple[Matcher, Counts]],
        words: list[str],
        alive: AbstractSet[int],
        should_stop: Callable[[], bool] | None,
    ) -> Ranking:
        norms = self._norms
        scores: dict[int, float] | None = None
        hit_counts: Counts | None = None
        for matcher, found in counted:
            boost = self._idf(len(found)) * (K1 + 1)
            if scores is None and len(found) == len(alive):
                # The usual case, a term that every match holds: one pass builds both.
                scores = {docnum: boost * tf / (tf + norms[docnum]) for docnum, tf in found.items()}
                hit_counts = found if len(counted) == 1 else dict(found)
            else:
                if scores is None or hit_counts is None:
                    scores, hit_counts = dict.fromkeys(alive, 0.0), dict.fromkeys(alive, 0)
                for docnum, tf in found.items():
                    hit_counts[docnum] += tf
                    scores[docnum] += boost * tf / (tf + norms[docnum])
            self._poll(should_stop)
            for docnum in self._in_titles(matcher, alive, should_stop):
                scores[docnum] += TITLE_WEIGHT
        if scores is None or hit_counts is None:
            scores, hit_counts = dict.fromkeys(alive, 0.0), dict.fromkeys(alive, 0)
        for word in words:
            boost = self._idf(len(self._postings.get("words", word)[0])) * (K1 + 1)
            for docnum, tf in self._gram_counts("words", word, alive).items():
                scores[docnum] += boost * tf / (tf + norms[docnum])
        return Ranking(scores, hit_counts, self._position)

    @cached_property
    def _positions(self) -> array[int]:
        """Each docnum's place in id order (the tie-break), made when first needed."""
        positions = array("I", [0]) * len(self.catalog.lengths)
        for place, docnum in enumerate(self.catalog.order):
            positions[docnum] = place
        return positions

    def _position(self, docnum: int) -> int:
        return self._positions[docnum]

    # -- hits --------------------------------------------------------------------------

    def folded_text(self, docnum: int) -> FoldedText:
        """A document's display text with its stored script-blind fold: read, not
        recomputed (most of the cost of a document's hits when a common character has
        thousands of them)."""
        return FoldedText(self.text(docnum), blind=self.folded(docnum))

    def _display_spans(
        self, docnum: int, matchers: list[AnyMatcher], folded: FoldedText | None = None
    ) -> list[tuple[int, int]]:
        """Every hit of the text terms in a document, in display-text offsets."""
        text_matchers = [m for m in matchers if isinstance(m, Matcher)]
        if not text_matchers:
            return []
        if folded is None:
            blind = any(not m.exact_script for m in text_matchers)
            folded = self.folded_text(docnum) if blind else FoldedText(self.text(docnum))
        spans: set[tuple[int, int]] = set()
        for matcher in text_matchers:
            found = folded.spans(matcher)
            if matcher.term.field == "title":
                first, last = self._stored(docnum)["meta"]["title_span"]
                found = [(start, end) for start, end in found if first <= start and end <= last]
            if len(text_matchers) == 1:
                return found  # in text order, each once
            spans.update(found)
        return sorted(spans)

    def _all_spans(
        self, docnum: int, matchers: list[AnyMatcher], doc_id: str | None = None, folded: FoldedText | None = None
    ) -> list[tuple[int, int]]:
        """The hits of a document: with tag: terms, the other terms' hits inside the tagged
        passages (or the passages themselves when there are no other terms)."""
        tags = [m for m in matchers if isinstance(m, TagMatcher)]
        spans = self._display_spans(docnum, matchers, folded)
        if not tags:
            return spans
        if doc_id is None:
            doc_id, _ = self.describe(docnum)
        passages = sorted({span for matcher in tags for span in matcher.ranges.get(doc_id, ())})
        if len(tags) == len(matchers):
            return passages
        return [span for span in spans if inside(span, passages)]

    def _hits(self, docnum: int, matchers: list[AnyMatcher], limit: int | None) -> list[Hit]:
        doc_id, _ = self.describe(docnum)
        spans = self._all_spans(docnum, matchers, doc_id)
        if limit is not None:
            spans = spans[:limit]
        if not spans:
            return []
        text = self.text(docnum)
        document = self.document(doc_id)
        hits: list[Hit] = []
        for start, end in spans:
            # Look for the line's ends only as far as a snippet reaches: a one-line document
            # of megabytes would make every hit scan to its end.
            line_start = text.rfind("\n", max(0, start - SNIPPET_CONTEXT), start) + 1
            line_end = text.find("\n", end, end + SNIPPET_CONTEXT)
            if line_end == -1:
                line_end = len(text)
            left = text[max(line_start, start - SNIPPET_CONTEXT) : start].replace("\t", " ")
            right = text[end : min(line_end, end + SNIPPET_CONTEXT)].replace("\t", " ")
            block = document.block_at(start) if document is not None else 0
            page = document.page_at(start) if document is not None else None
            hits.append(Hit(start, end, block, Snippet(left, text[start:end].replace("\t", " "), right), page))
        return hits

    # -- search ------------------------------------------------------------------------

    def _within_passages(
        self,
        tags: list[TagMatcher],
        groups: list[list[Matcher]],
        counts: dict[int, Counts],
        alive: AbstractSet[int],
    ) -> set[int]:
        """With tag: terms, the other terms count only inside tagged passages."""
        kept: set[int] = set()
        for docnum in alive:
            doc_id, _ = self.describe(docnum)
            passages = sorted({span for matcher in tags for span in matcher.ranges.get(doc_id, ())})
            satisfied = True
            for group in groups:
                found = False
                for matcher in group:
                    inside_count = sum(1 for s in self._display_spans(docnum, [matcher]) if inside(s, passages))
                    counts.setdefault(id(matcher), {})[docnum] = inside_count
                    found = found or inside_count > 0
                satisfied = satisfied and found
            if satisfied:
                kept.add(docnum)
        return kept

    def search(
        self,
        query: str | Query,
        limit: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        passages: Callable[[str], dict[str, list[tuple[int, int]]]] | None = None,
        *,
        exact_script: bool = False,
    ) -> SearchResult:
        """Search; ``should_stop`` is polled while working (raises Cancelled);
        ``passages(tag)`` answers tag: terms with the tagged passages, by document;
        ``exact_script`` makes every term match only its own script."""
        started = time.perf_counter()
        parsed = parse(query, exact_script=exact_script) if isinstance(query, str) else query
        notices = list(parsed.notices)

        def matcher_for(term: Term) -> AnyMatcher | None:
            if term.field == "tag":
                if passages is None:
                    raise QueryError("tag: searches the notes, which are not available here")
                return TagMatcher(term, passages(term.text))
            matcher = Matcher.for_term(term)
            if not matcher.parts:
                notices.append(f"ignored {term.text!r}: nothing in it is searchable")
                return None
            return matcher

        groups = _distinct([[m for m in map(matcher_for, group) if m is not None] for group in parsed.groups])
        excluded = [m for m in map(matcher_for, parsed.excluded) if m is not None]
        if not groups and not excluded:
            raise QueryError("nothing to search for")
        tags = [m for group in groups for m in group if isinstance(m, TagMatcher)]
        tag_docs: set[int] | None = None
        if tags:
            tag_docs = set().union(*(self._docnums(matcher.ranges) for matcher in tags))
        text_groups = [[m for m in group if isinstance(m, Matcher)] for group in groups]
        text_groups = [group for group in text_groups if group]

        counts: dict[int, Counts] = {}
        alive: AbstractSet[int] | None = tag_docs
        for group in sorted(text_groups, key=self._group_cost):
            group_docs: AbstractSet[int]
            if len(group) == 1:  # no OR: the term's own documents, not a copy of them
                found = counts[id(group[0])] = self._evaluate(group[0], alive, should_stop)
                group_docs = found.keys()
            else:
                group_docs = set()
                for matcher in group:
                    found = counts[id(matcher)] = self._evaluate(matcher, alive, should_stop)
                    group_docs |= found.keys()
            alive = group_docs if alive is None else alive & group_docs
            self._poll(should_stop)
        if alive is None:
            alive = set(self.catalog.order)
        if tags and text_groups:
            alive = self._within_passages(tags, text_groups, counts, alive)
        for left_out in excluded:
            if isinstance(left_out, TagMatcher):
                alive -= self._docnums(left_out.ranges)
            elif alive:
                alive -= set(self._evaluate(left_out, alive, should_stop))

        counted = [
            (m, _within(counts.get(id(m), {}), alive, alone=len(group) == 1)) for group in text_groups for m in group
        ]
        if tags and not text_groups:
            tag_counts = self._tag_counts(tags, alive)
            ranking = Ranking(dict.fromkeys(alive, 0.0), tag_counts, self._position)
        else:
            words = [w for group in text_groups for m in group if m.term.field is None for w in self._query_words(m)]
            ranking = self._rank(counted, words, alive, should_stop)
        all_matchers: list[AnyMatcher] = [*tags, *(m for group in text_groups for m in group)]
        source = _HitSource(self, all_matchers)
        ranking.order(min(limit or RESULT_TOP, RESULT_TOP))
        return SearchResult(
            query=parsed.raw,
            docs=RankedDocs(ranking, source, limit),
            total_docs=len(ranking),
            total_hits=sum(ranking.hit_counts.values()),
            notices=tuple(notices),
            seconds=time.perf_counter() - started,
            index_complete=self.complete,
            searched_docs=self.count,
        )

    def _docnums(self, doc_ids: Iterable[str]) -> set[int]:
        found = (self.docnum(doc_id) for doc_id in doc_ids)
        return {docnum for docnum in found if docnum is not None}

    def _tag_counts(self, tags: list[TagMatcher], alive: AbstractSet[int]) -> Counts:
        found: Counts = {}
        for docnum in alive:
            doc_id, _ = self.describe(docnum)
            found[docnum] = len({span for matcher in tags for span in matcher.ranges.get(doc_id, ())})
        return found

    def _group_cost(self, group: list[Matcher]) -> int:
        """How many documents a group's postings hold at most: the rarest first."""
        total = 0
        for matcher in group:
            field = "tgrams" if matcher.term.field == "title" else "grams"
            total += min((self._frequency(field, gram) for gram in matcher.grams), default=0)
        return total


def _within(found: Counts, alive: AbstractSet[int], *, alone: bool) -> Counts:
    """A term's counts restricted to the documents that match the whole query. A term
    alone in its group (no OR) is in every match, so the matches are a subset of its
    documents: the same number means the same documents, and no copy is needed."""
    if alone and len(found) == len(alive):
        return found
    return {docnum: count for docnum, count in found.items() if docnum in alive}


@dataclass(frozen=True, slots=True)
class _HitSource:
    """Describes the documents of one search and computes their hits on demand."""

    searcher: Searcher
    matchers: list[AnyMatcher]

    def describe(self, docnum: int) -> tuple[str, str]:
        return self.searcher.describe(docnum)

    def hits(self, docnum: int, limit: int | None) -> list[Hit]:
        return self.searcher._hits(docnum, self.matchers, limit)

    def spans(self, docnum: int, folded: FoldedText | None = None) -> list[tuple[int, int]]:
        return self.searcher._all_spans(docnum, self.matchers, folded=folded)


__all__ = ["DocResult", "DocSummary", "Searcher"]
