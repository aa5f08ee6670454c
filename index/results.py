"""What a search returns: documents in rank order, each with its hits.

Hit counts are computed for every matching document (the document list shows them);
hit offsets and snippets only when asked for, since a one-character query can have
hundreds of thousands of hits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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


@dataclass
class DocResult:
    doc_id: str
    title: str
    score: float
    hit_count: int
    # (limit) -> the first `limit` hits (all for None); computed on demand.
    _load_hits: Callable[[int | None], list[Hit]] = field(repr=False, compare=False)
    _load_spans: Callable[[], list[tuple[int, int]]] = field(repr=False, compare=False)
    _hits: list[Hit] | None = field(default=None, repr=False, compare=False)
    _spans: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = self._load_hits(None)
        return self._hits

    def first_hits(self, limit: int) -> list[Hit]:
        """The first hits with snippets, without building all of them."""
        if self._hits is not None:
            return self._hits[:limit]
        return self._load_hits(limit)

    def spans(self) -> list[tuple[int, int]]:
        """Every hit's (start, end), in order: what a reader needs to highlight."""
        if self._spans is None:
            self._spans = [(hit.start, hit.end) for hit in self._hits] if self._hits is not None else self._load_spans()
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
class SearchResult:
    query: str
    docs: list[DocResult]
    total_docs: int  # documents matching (docs may be cut by a limit)
    total_hits: int
    notices: tuple[str, ...] = ()
    seconds: float = 0.0
    index_complete: bool = True
    searched_docs: int = 0  # documents in the index
