"""What a search returns: documents in rank order, each with its hits.

Documents are numbers (Whoosh docnums) until one is looked at: a common character
matches nine documents in ten, a screen shows twenty. Hit counts are exact for every
matching document (the document list shows them); hit offsets and snippets are made only
when asked for.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol, overload

if TYPE_CHECKING:
    from zhreader.index.matching import FoldedText

SNIPPET_CONTEXT = 20
TITLE_WEIGHT = 100.0  # a term found in the title outranks any body score


@dataclass(frozen=True, slots=True)
class DocSummary:
    """What the document list shows of a document."""

    docnum: int
    doc_id: str
    title: str
    length: int


@dataclass(frozen=True, slots=True)
class Snippet:
    left: str
    hit: str
    right: str

    def __str__(self) -> str:
        return f"{self.left}{self.hit}{self.right}"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    block: int  # index of the paragraph (block) holding the hit
    snippet: Snippet
    page: int | None = None  # the source's physical page (1-based) for paged sources

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "paragraph": self.block,
            "page": self.page,
            "snippet": str(self.snippet),
            "kwic": {"left": self.snippet.left, "hit": self.snippet.hit, "right": self.snippet.right},
        }


class HitSource(Protocol):
    """What a result asks the searcher for, when it is first asked."""

    def describe(self, docnum: int) -> tuple[str, str]: ...  # (doc id, title)

    def hits(self, docnum: int, limit: int | None) -> list[Hit]: ...

    def spans(self, docnum: int, folded: FoldedText | None = None) -> list[tuple[int, int]]: ...


@dataclass(slots=True)
class DocResult:
    doc_id: str
    title: str
    score: float
    hit_count: int
    docnum: int = field(repr=False)
    _source: HitSource = field(repr=False, compare=False)
    _hits: list[Hit] | None = field(default=None, repr=False, compare=False)
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = self._source.hits(self.docnum, None)
        return self._hits

    def first_hits(self, limit: int) -> list[Hit]:
        """The first hits with snippets, without building all of them."""
        if self._hits is not None:
            return self._hits[:limit]
        return self._source.hits(self.docnum, limit)

    def spans(self) -> list[tuple[int, int]]:
        """Every hit's (start, end) in the display text, in order: what a reader highlights."""
        if self._spans is None:
            self._spans = (
                [(hit.start, hit.end) for hit in self._hits]
                if self._hits is not None
                else self._source.spans(self.docnum)
            )
        return self._spans

    def as_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc_id,
            "title": self.title,
            "score": round(self.score, 4),
            "hit_count": self.hit_count,
            "hits": [hit.as_json() for hit in self.hits],
        }


@dataclass
class Ranking:
    """The matching documents of a search and what ranks them, as plain dicts by docnum:
    a common character matches hundreds of thousands of documents, and one object each
    would cost more than the search. The order is made as far as it is asked for."""

    scores: Mapping[int, float]  # the rank score (title matches count TITLE_WEIGHT each)
    hit_counts: Mapping[int, int]
    position: Callable[[int], int]  # a docnum's place in id order: the tie-break
    _order: list[int] = field(default_factory=list)
    _complete: bool = False

    def __len__(self) -> int:
        return len(self.hit_counts)

    def order(self, upto: int) -> list[int]:
        """The first ``upto`` docnums in rank order (all of them made once needed)."""
        if len(self._order) >= upto or self._complete:
            return self._order
        if upto >= len(self.scores) // 2:
            self._order = sorted(self.scores, key=lambda d: (-self.scores[d], self.position(d)))
            self._complete = True
            return self._order
        # The top ones only; every document tied with the last of them comes along, so
        # the id tie-break is exact at the edge too. One more than asked shows whether
        # any is tied outside; only then are all the scores looked through again.
        top = heapq.nlargest(upto + 1, self.scores.items(), key=itemgetter(1))
        edge = top[upto - 1][1]
        chosen = {d for d, score in top[:upto]}
        if top[upto][1] == edge:
            chosen |= {d for d, score in self.scores.items() if score == edge}
        self._order = sorted(chosen, key=lambda d: (-self.scores[d], self.position(d)))
        return self._order


class RankedDocs(Sequence[DocResult]):
    """The matching documents in rank order; a ``DocResult`` is made when first asked for."""

    def __init__(self, ranking: Ranking, source: HitSource, limit: int | None = None) -> None:
        self._ranking = ranking
        self._source = source
        self._limit = limit
        self._made: dict[int, DocResult] = {}

    def __len__(self) -> int:
        total = len(self._ranking)
        return total if not self._limit else min(total, self._limit)

    @overload
    def __getitem__(self, index: int) -> DocResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[DocResult]: ...

    def __getitem__(self, index: int | slice) -> DocResult | list[DocResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        docnum = self._ranking.order(index + 1)[index]
        return self._make(docnum)

    def __iter__(self) -> Iterator[DocResult]:
        for index in range(len(self)):
            yield self[index]

    def _make(self, docnum: int) -> DocResult:
        made = self._made.get(docnum)
        if made is None:
            doc_id, title = self._source.describe(docnum)
            ranking = self._ranking
            made = DocResult(doc_id, title, ranking.scores[docnum], ranking.hit_counts[docnum], docnum, self._source)
            self._made[docnum] = made
        return made

    def docnums(self) -> list[int]:
        """Every matching document, unordered: no ranking and no stored field is read."""
        return list(self._ranking.hit_counts)

    def count_of(self, docnum: int) -> int:
        """Hits in document ``docnum`` (0 when it does not match)."""
        return self._ranking.hit_counts.get(docnum, 0)

    def matches(self, docnum: int) -> bool:
        return docnum in self._ranking.hit_counts

    def position(self, docnum: int) -> int | None:
        """The rank of a matching document (made in rank order up to it)."""
        if docnum not in self._ranking.hit_counts:
            return None
        order = self._ranking.order(len(self._ranking))
        return order.index(docnum)

    def hits_before(self, docnum: int) -> int | None:
        """The hits of the documents ranked above a matching document ("hit k of N")."""
        position = self.position(docnum)
        if position is None:
            return None
        order = self._ranking.order(len(self._ranking))
        return sum(map(self._ranking.hit_counts.__getitem__, order[:position]))

    def get(self, docnum: int) -> DocResult | None:
        return self._make(docnum) if docnum in self._ranking.hit_counts else None

    def spans(self, docnum: int, folded: FoldedText | None = None) -> list[tuple[int, int]]:
        """A matching document's hits as display-text spans, without describing it (no
        stored field read); ``folded``: its text as the caller has it folded already."""
        return self._source.spans(docnum, folded)


@dataclass
class SearchResult:
    query: str
    docs: RankedDocs
    total_docs: int  # documents matching (docs may be cut by a limit)
    total_hits: int
    notices: tuple[str, ...] = ()
    seconds: float = 0.0
    index_complete: bool = True
    searched_docs: int = 0  # documents in the index
