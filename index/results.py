"""What a search returns: documents in rank order, each with its hits.

Hit counts are computed for every matching document (the document list shows them);
hit offsets and snippets only when asked for, since a one-character query can have
hundreds of thousands of hits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, overload

SNIPPET_CONTEXT = 20


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

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "paragraph": self.block,
            "snippet": str(self.snippet),
            "kwic": {"left": self.snippet.left, "hit": self.snippet.hit, "right": self.snippet.right},
        }


class HitSource(Protocol):
    """Computes a document's hits when they are first asked for."""

    def hits(self, key: int, limit: int | None) -> list[Hit]: ...

    def spans(self, key: int) -> list[tuple[int, int]]: ...


@dataclass(slots=True)
class DocResult:
    doc_id: str
    title: str
    score: float
    hit_count: int
    _key: int = field(repr=False, compare=False)  # the document, for the HitSource
    _source: HitSource = field(repr=False, compare=False)
    _hits: list[Hit] | None = field(default=None, repr=False, compare=False)
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = self._source.hits(self._key, None)
        return self._hits

    def first_hits(self, limit: int) -> list[Hit]:
        """The first hits with snippets, without building all of them."""
        if self._hits is not None:
            return self._hits[:limit]
        return self._source.hits(self._key, limit)

    def spans(self) -> list[tuple[int, int]]:
        """Every hit's (start, end), in order: what a reader needs to highlight."""
        if self._spans is None:
            self._spans = (
                [(hit.start, hit.end) for hit in self._hits]
                if self._hits is not None
                else self._source.spans(self._key)
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


@dataclass(frozen=True, slots=True)
class Ranking:
    """The matching documents of a search, as ranked: their keys in rank order and, by
    key, what ranked them. Kept as plain lists and dicts: a common character matches
    tens of thousands of documents, and one object each would cost more than the search."""

    order: list[int]
    doc_ids: Sequence[str]  # by key, for every document of the index
    scores: Mapping[int, float]
    title_hits: Mapping[int, int]  # terms found in the title
    hit_counts: Mapping[int, int]

    def score(self, key: int) -> float:
        """What the order sorts by, as one number: title matches count for 100 each."""
        return self.title_hits.get(key, 0) * 100.0 + self.scores.get(key, 0.0)


class RankedDocs(Sequence[DocResult]):
    """The matching documents in rank order. A ``DocResult`` is made when one is first
    asked for: one character can match tens of thousands of documents, a screen shows
    twenty, and making them all is most of such a search's time."""

    def __init__(self, ranking: Ranking, make: Callable[[int], DocResult], limit: int | None = None) -> None:
        self._ranking = ranking
        self._order = ranking.order if not limit else ranking.order[:limit]
        self._make = make
        self._made: dict[int, DocResult] = {}
        self._positions: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> DocResult: ...

    @overload
    def __getitem__(self, index: slice) -> list[DocResult]: ...

    def __getitem__(self, index: int | slice) -> DocResult | list[DocResult]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._order)))]
        if index < 0:
            index += len(self._order)
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._make(self._order[index])  # IndexError past the end
        return made

    def hit_counts(self) -> dict[str, int]:
        doc_ids, counts = self._ranking.doc_ids, self._ranking.hit_counts
        return {doc_ids[key]: counts[key] for key in self._order}

    def position(self, doc_id: str) -> int | None:
        if self._positions is None:
            doc_ids = self._ranking.doc_ids
            self._positions = {doc_ids[key]: n for n, key in enumerate(self._order)}
        return self._positions.get(doc_id)

    def get(self, doc_id: str) -> DocResult | None:
        position = self.position(doc_id)
        return None if position is None else self[position]


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
