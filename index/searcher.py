"""Search an index: exact literal matching, BM25 ranking, hits with snippets.

For each term: the n-gram signatures give the documents that may contain it (no
misses), and each of those is scanned for the literal (no false hits). Terms are
evaluated rarest group first so later groups only scan survivors.

Ranking, per document: title matches first; then BM25 of the literal occurrences plus
BM25 over jieba words (the query split into words of the index's vocabulary, so no
dictionary load is needed to answer a query). A word-aligned match (马克 the name)
thereby outranks the same characters inside a longer word (马克思).
"""

from __future__ import annotations

import math
import threading
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from whoosh.reading import IndexReader

from zhreader.corpus.document import Document
from zhreader.index import signature
from zhreader.index.errors import Cancelled, IndexMissing, QueryError
from zhreader.index.matching import Matcher, TagMatcher, inside
from zhreader.index.query import Query, Term, parse
from zhreader.index.results import SNIPPET_CONTEXT, DocResult, Hit, RankedDocs, Ranking, SearchResult, Snippet
from zhreader.index.store import Generation, IndexStore

K1 = 1.2
B = 0.75
MAX_WORD_LEN = 8
_CHUNK = 256  # documents scanned between two looks at should_stop


@dataclass(frozen=True, slots=True)
class DocEntry:
    index: int  # position in Searcher.docs
    docnum: int
    doc_id: str
    title: str  # for display, "…" when cut
    title_text: str  # exactly text[title_span]: what title: terms are matched against
    title_span: tuple[int, int]
    length: int
    encoding: str


class Searcher:
    """A read view of one index generation. Thread-safe; cheap to keep open."""

    def __init__(self, generation: Generation) -> None:
        self.generation = generation
        self.complete = generation.complete
        self._lock = threading.RLock()
        self._ix = generation.open()
        self._reader: IndexReader = self._ix.reader()
        docs: list[DocEntry] = []
        for docnum, stored in sorted(self._reader.iter_docs(), key=lambda item: item[1]["id"]):
            meta = stored["meta"]
            docs.append(
                DocEntry(
                    len(docs),
                    docnum,
                    stored["id"],
                    meta["title"],
                    meta["title_text"],
                    tuple(meta["title_span"]),
                    meta["length"],
                    meta["encoding"],
                )
            )
        self.docs = docs
        self._by_id = {entry.doc_id: entry for entry in docs}
        self._texts: list[str | None] = [None] * len(docs)
        self._word_postings: dict[str, dict[int, int]] = {}

    @classmethod
    def open(cls, store: IndexStore) -> Searcher:
        generation = store.current()
        if generation is None:
            raise IndexMissing(f"no index yet for {store.corpus_location} (run: zhreader index)")
        return cls(generation)

    def close(self) -> None:
        with self._lock:
            self._reader.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ---------------------------------------------------------------------

    def entry(self, doc_id: str) -> DocEntry | None:
        return self._by_id.get(doc_id)

    def text(self, entry: DocEntry) -> str:
        cached = self._texts[entry.index]
        if cached is None:
            with self._lock:
                cached = bytes(self._text_column[entry.docnum]).decode("utf-8")
            self._texts[entry.index] = cached
        return cached

    def document(self, doc_id: str) -> Document | None:
        entry = self._by_id.get(doc_id)
        if entry is None:
            return None
        with self._lock:
            blocks = bytes(self._blocks_column[entry.docnum]).decode("utf-8")
        return Document.from_stored(entry.doc_id, self.text(entry), blocks, entry.title_span, entry.encoding)

    def preload(self) -> None:
        """Read every signature and text now (a background thread's job in the TUI)."""
        _ = self._signatures
        for entry in self.docs:
            self.text(entry)

    # Column readers are kept: Whoosh reads a column's whole offset table when one is made.
    @cached_property
    def _text_column(self):  # type: ignore[no-untyped-def]
        return self._reader.column_reader("text")

    @cached_property
    def _blocks_column(self):  # type: ignore[no-untyped-def]
        return self._reader.column_reader("blocks")

    @cached_property
    def _signatures(self) -> dict[int, list[tuple[int, int]]]:
        """Documents grouped by signature size: {bits: [(doc index, signature)]}."""
        groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if not self.docs:
            return {}  # an index with no segment yet has no columns to read
        with self._lock:
            column = self._reader.column_reader("sig")
            for entry in self.docs:
                raw = bytes(column[entry.docnum])
                groups[len(raw) * 8].append((entry.index, signature.as_int(raw)))
        return dict(groups)

    @cached_property
    def _norms(self) -> list[float]:
        """BM25's length normalisation of each document (by index), computed once."""
        avg_length = sum(entry.length for entry in self.docs) / max(len(self.docs), 1)
        return [K1 * (1 - B + B * entry.length / (avg_length or 1)) for entry in self.docs]

    def _idf(self, df: int) -> float:
        n_docs = len(self.docs)
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))

    # -- matching ----------------------------------------------------------------------

    def _candidates(self, matcher: Matcher | TagMatcher) -> list[int]:
        if isinstance(matcher, TagMatcher):
            return [entry.index for entry in self.docs if entry.doc_id in matcher.ranges]
        if matcher.term.field == "title":
            return [entry.index for entry in self.docs]
        found: list[int] = []
        keys = matcher.keys
        for bits, members in self._signatures.items():
            need = signature.mask(keys, bits)
            found.extend(index for index, sig in members if sig & need == need)
        found.sort()
        return found

    def _count(self, matcher: Matcher | TagMatcher, entry: DocEntry) -> int:
        if isinstance(matcher, TagMatcher):
            return len(matcher.ranges.get(entry.doc_id, ()))
        if matcher.term.field == "title":
            return matcher.count(entry.title_text)
        return matcher.count(self.text(entry))

    def _verify(
        self, matcher: Matcher | TagMatcher, pool: list[int], should_stop: Callable[[], bool] | None = None
    ) -> dict[int, int]:
        if isinstance(matcher, Matcher) and matcher.term.field is None:
            # The common case, without _count's dispatch a document: the body is scanned.
            docs, text, count_in = self.docs, self.text, matcher.count

            def count(index: int) -> int:
                return count_in(text(docs[index]))
        else:

            def count(index: int) -> int:
                return self._count(matcher, self.docs[index])

        counts: dict[int, int] = {}
        for start in range(0, len(pool), _CHUNK):
            if should_stop is not None and should_stop():
                raise Cancelled
            for index in pool[start : start + _CHUNK]:
                found = count(index)
                if found:
                    counts[index] = found
        return counts

    def _spans(self, matcher: Matcher | TagMatcher, entry: DocEntry) -> list[tuple[int, int]]:
        if isinstance(matcher, TagMatcher):
            return list(matcher.ranges.get(entry.doc_id, ()))
        if matcher.term.field == "title":
            start, end = entry.title_span
            return matcher.spans(self.text(entry), start, end)
        return matcher.spans(self.text(entry))

    # -- ranking -----------------------------------------------------------------------

    def _in_vocabulary(self, word: str) -> bool:
        with self._lock:
            return ("words", word.encode("utf-8")) in self._reader

    def _query_words(self, matcher: Matcher) -> list[str]:
        """Greedy longest-match split of the term into words the index knows."""
        found: list[str] = []
        for part in matcher.parts:
            i = 0
            while i < len(part):
                for size in range(min(MAX_WORD_LEN, len(part) - i), 0, -1):
                    word = part[i : i + size]
                    if self._in_vocabulary(word):
                        found.append(word)
                        i += size
                        break
                else:
                    i += 1
        return found

    def _postings(self, word: str) -> dict[int, int]:
        cached = self._word_postings.get(word)
        if cached is None:
            with self._lock:
                matcher = self._reader.postings("words", word.encode("utf-8"))
                cached = {}
                while matcher.is_active():
                    cached[matcher.id()] = int(matcher.weight())
                    matcher.next()
            if len(self._word_postings) > 512:
                self._word_postings.clear()
            self._word_postings[word] = cached
        return cached

    def _word_scores(self, matchers: list[Matcher | TagMatcher], alive: set[int]) -> defaultdict[int, float]:
        scores: defaultdict[int, float] = defaultdict(float)
        if not alive:
            return scores
        words = [
            word
            for matcher in matchers
            if isinstance(matcher, Matcher) and matcher.term.field is None
            for word in self._query_words(matcher)
        ]
        if not words:
            return scores
        docs, norms = self.docs, self._norms
        by_docnum = {docs[index].docnum: index for index in alive}
        for word in words:
            postings = self._postings(word)
            idf = self._idf(len(postings))
            for docnum, tf in postings.items():
                index = by_docnum.get(docnum)
                if index is not None:
                    scores[index] += idf * tf * (K1 + 1) / (tf + norms[index])
        return scores

    # -- hits --------------------------------------------------------------------------

    def _all_spans(self, entry: DocEntry, matchers: list[Matcher | TagMatcher]) -> list[tuple[int, int]]:
        """The hits of a document: with tag: terms, the other terms' hits inside the tagged
        passages (or the passages themselves when there are no other terms)."""
        tags = [m for m in matchers if isinstance(m, TagMatcher)]
        others = [m for m in matchers if not isinstance(m, TagMatcher)]
        spans = sorted({span for matcher in others for span in self._spans(matcher, entry)})
        if not tags:
            return spans
        passages = sorted({span for matcher in tags for span in self._spans(matcher, entry)})
        if not others:
            return passages
        return [span for span in spans if inside(span, passages)]

    def _within_passages(
        self,
        groups: list[list[Matcher | TagMatcher]],
        counts: dict[int, dict[int, int]],
        alive: set[int],
    ) -> set[int]:
        """With tag: terms, the other terms count only inside tagged passages."""
        tags = [m for group in groups for m in group if isinstance(m, TagMatcher)]
        if not tags:
            return alive
        kept = set()
        for index in alive:
            entry = self.docs[index]
            passages = sorted({span for matcher in tags for span in self._spans(matcher, entry)})
            satisfied = True
            for group in groups:
                if any(isinstance(m, TagMatcher) for m in group):
                    continue
                found = False
                for matcher in group:
                    count = sum(1 for span in self._spans(matcher, entry) if inside(span, passages))
                    counts.setdefault(id(matcher), {})[index] = count
                    found = found or count > 0
                satisfied = satisfied and found
            if satisfied:
                kept.add(index)
        return kept

    def _hits(self, entry: DocEntry, matchers: list[Matcher | TagMatcher], limit: int | None) -> list[Hit]:
        text = self.text(entry)
        spans = self._all_spans(entry, matchers)
        if limit is not None:
            spans = spans[:limit]
        document = self.document(entry.doc_id) if spans else None
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
            hits.append(Hit(start, end, block, Snippet(left, text[start:end].replace("\t", " "), right)))
        return hits

    # -- search ------------------------------------------------------------------------

    def search(
        self,
        query: str | Query,
        limit: int | None = None,
        should_stop: Callable[[], bool] | None = None,
        passages: Callable[[str], dict[str, list[tuple[int, int]]]] | None = None,
    ) -> SearchResult:
        """Search; ``should_stop`` is polled while scanning (raises Cancelled);
        ``passages(tag)`` answers tag: terms with the tagged passages, by document."""
        started = time.perf_counter()
        parsed = parse(query) if isinstance(query, str) else query

        def matcher_for(term: Term) -> Matcher | TagMatcher:
            if term.field != "tag":
                return Matcher.for_term(term)
            if passages is None:
                raise QueryError("tag: searches the notes, which are not available here")
            return TagMatcher(term, passages(term.text))

        groups = [[matcher_for(term) for term in group] for group in parsed.groups]
        excluded = [matcher_for(term) for term in parsed.excluded]
        positive = [matcher for group in groups for matcher in group]

        candidates = {id(m): self._candidates(m) for m in positive}
        counts: dict[int, dict[int, int]] = {}
        alive: set[int] | None = None
        for group in sorted(groups, key=lambda g: sum(len(candidates[id(m)]) for m in g)):
            group_docs: set[int] = set()
            for matcher in group:
                pool = candidates[id(matcher)]
                if alive is not None:
                    pool = [index for index in pool if index in alive]
                found = self._verify(matcher, pool, should_stop)
                counts[id(matcher)] = found
                group_docs.update(found)
            alive = group_docs if alive is None else alive & group_docs
        if alive is None:
            alive = {entry.index for entry in self.docs}
        alive = self._within_passages(groups, counts, alive)
        for matcher in excluded:
            pool = [index for index in self._candidates(matcher) if index in alive]
            alive -= self._verify(matcher, pool, should_stop).keys()

        ranking = self._rank(positive, counts, candidates, alive)
        source = _HitSource(self, positive, ranking)
        return SearchResult(
            query=parsed.raw,
            docs=RankedDocs(ranking, source.result, limit),
            total_docs=len(ranking.order),
            total_hits=sum(ranking.hit_counts.values()),
            notices=parsed.notices,
            seconds=time.perf_counter() - started,
            index_complete=self.complete,
            searched_docs=len(self.docs),
        )

    def _rank(
        self,
        positive: list[Matcher | TagMatcher],
        counts: dict[int, dict[int, int]],
        candidates: dict[int, list[int]],
        alive: set[int],
    ) -> Ranking:
        """Title matches first, then BM25 of the literal hits plus the word scores.

        Runs for every matching document (tens of thousands for one common character),
        so it goes term by term over plain dicts and makes no object per document."""
        scores = self._word_scores(positive, alive)
        norms = self._norms
        hit_counts: dict[int, int] = dict.fromkeys(alive, 0)
        in_title: defaultdict[int, int] = defaultdict(int)
        # With other terms, tag: terms only pick the passages; the hits are the terms'.
        counted = [m for m in positive if not isinstance(m, TagMatcher)] or positive
        for matcher in counted:
            found = counts.get(id(matcher), {})
            idf = self._idf(len(candidates[id(matcher)]))
            for index, tf in found.items():  # _verify keeps only documents with hits
                if index in hit_counts:
                    hit_counts[index] += tf
                    scores[index] += idf * tf * (K1 + 1) / (tf + norms[index])
            if isinstance(matcher, Matcher):
                titled = alive if matcher.term.field == "title" else self._titled(matcher)
                for index in titled:
                    if found.get(index) and index in hit_counts:
                        in_title[index] += 1
        # Documents are kept sorted by id, so index order is the final tie-break; two
        # stable sorts on one plain number each are many times faster than a tuple sort.
        order = sorted(hit_counts)
        # scores is a defaultdict: a document without word or literal score sorts as 0.0.
        order.sort(key=scores.__getitem__, reverse=True)  # reverse keeps ties' order
        if in_title:
            order.sort(key=in_title.__getitem__, reverse=True)
        return Ranking(order, self._doc_ids, scores, in_title, hit_counts)

    @cached_property
    def _doc_ids(self) -> list[str]:
        return [entry.doc_id for entry in self.docs]

    @cached_property
    def _title_blob(self) -> tuple[str, list[int]]:
        """Every title in one string (NUL between them) and where each starts: one scan
        finds a term in all titles instead of one call a document."""
        starts: list[int] = []
        position = 0
        for entry in self.docs:
            starts.append(position)
            position += len(entry.title_text) + 1
        return "\0".join(entry.title_text for entry in self.docs), starts

    def _titled(self, matcher: Matcher) -> set[int]:
        """The documents (by index) whose title contains a body term."""
        blob, starts = self._title_blob
        titled: set[int] = set()
        for begin, end in matcher.spans(blob):
            index = bisect_right(starts, begin) - 1
            if end > starts[index] + len(self.docs[index].title_text):
                # The query reached across a NUL, which no title holds; then the scan
                # may have stepped over a real match, so ask each title instead.
                return {entry.index for entry in self.docs if matcher.occurs(entry.title_text)}
            titled.add(index)
        return titled


@dataclass(frozen=True, slots=True)
class _HitSource:
    """Makes the DocResults of one search and computes their hits on demand."""

    searcher: Searcher
    matchers: list[Matcher | TagMatcher]
    ranking: Ranking

    def result(self, key: int) -> DocResult:
        entry = self.searcher.docs[key]
        return DocResult(entry.doc_id, entry.title, self.ranking.score(key), self.ranking.hit_counts[key], key, self)

    def hits(self, key: int, limit: int | None) -> list[Hit]:
        return self.searcher._hits(self.searcher.docs[key], self.matchers, limit)

    def spans(self, key: int) -> list[tuple[int, int]]:
        return self.searcher._all_spans(self.searcher.docs[key], self.matchers)
