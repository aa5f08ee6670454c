"""Indexing and search: a Whoosh index per corpus with exact n-gram matching and jieba
word ranking. Never imports textual or the ``tui`` package.

Names are loaded on first use (PEP 562): the reader draws its first frame before Whoosh
is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.support.lazy import lazy_exports

_EXPORTS = {
    "Cancelled": "zhreader.index.errors",
    "IndexBusy": "zhreader.index.errors",
    "IndexMissing": "zhreader.index.errors",
    "IndexOwnedElsewhere": "zhreader.index.errors",
    "QueryError": "zhreader.index.errors",
    "SearchIndexError": "zhreader.index.errors",
    "Progress": "zhreader.index.indexer",
    "UpdateReport": "zhreader.index.indexer",
    "update_index": "zhreader.index.indexer",
    "Query": "zhreader.index.query",
    "Term": "zhreader.index.query",
    "parse": "zhreader.index.query",
    "DocResult": "zhreader.index.results",
    "DocSummary": "zhreader.index.results",
    "RankedDocs": "zhreader.index.results",
    "Hit": "zhreader.index.results",
    "SearchResult": "zhreader.index.results",
    "Snippet": "zhreader.index.results",
    "Searcher": "zhreader.index.searcher",
    "IndexStore": "zhreader.index.store",
}

__all__ = [
    "Cancelled",
    "DocResult",
    "DocSummary",
    "Hit",
    "IndexBusy",
    "IndexMissing",
    "IndexOwnedElsewhere",
    "IndexStore",
    "Progress",
    "Query",
    "QueryError",
    "RankedDocs",
    "SearchIndexError",
    "SearchResult",
    "Searcher",
    "Snippet",
    "Term",
    "UpdateReport",
    "parse",
    "update_index",
]

if TYPE_CHECKING:
    from zhreader.index.errors import (
        Cancelled,
        IndexBusy,
        IndexMissing,
        IndexOwnedElsewhere,
        QueryError,
        SearchIndexError,
    )
    from zhreader.index.indexer import Progress, UpdateReport, update_index
    from zhreader.index.query import Query, Term, parse
    from zhreader.index.results import DocResult, DocSummary, Hit, RankedDocs, SearchResult, Snippet
    from zhreader.index.searcher import Searcher
    from zhreader.index.store import IndexStore

__getattr__ = lazy_exports(__name__, _EXPORTS)
