"""Indexing and search: a Whoosh index per corpus with exact n-gram matching and jieba
word ranking. Never imports textual or the ``tui`` package.

Names are loaded on first use (PEP 562): the reader draws its first frame before Whoosh
is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.lazy import lazy_exports

_EXPORTS = {
    "Cancelled": "index.indexer",
    "IndexBusy": "index.indexer",
    "Progress": "index.indexer",
    "UpdateReport": "index.indexer",
    "update_index": "index.indexer",
    "Query": "index.query",
    "QueryError": "index.query",
    "Term": "index.query",
    "parse": "index.query",
    "DocResult": "index.results",
    "Hit": "index.results",
    "SearchResult": "index.results",
    "Snippet": "index.results",
    "DocEntry": "index.searcher",
    "IndexMissing": "index.searcher",
    "SearchCancelled": "index.searcher",
    "Searcher": "index.searcher",
    "IndexError_": "index.store",
    "IndexStore": "index.store",
}

__all__ = [
    "Cancelled",
    "DocEntry",
    "DocResult",
    "Hit",
    "IndexBusy",
    "IndexError_",
    "IndexMissing",
    "IndexStore",
    "Progress",
    "Query",
    "QueryError",
    "SearchCancelled",
    "SearchResult",
    "Searcher",
    "Snippet",
    "Term",
    "UpdateReport",
    "parse",
    "update_index",
]

if TYPE_CHECKING:
    from index.indexer import Cancelled, IndexBusy, Progress, UpdateReport, update_index
    from index.query import Query, QueryError, Term, parse
    from index.results import DocResult, Hit, SearchResult, Snippet
    from index.searcher import DocEntry, IndexMissing, SearchCancelled, Searcher
    from index.store import IndexError_, IndexStore

__getattr__ = lazy_exports("index", _EXPORTS)
