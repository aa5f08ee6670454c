"""Indexing and search: a Whoosh index per corpus with exact n-gram matching and jieba
word ranking. Never imports textual or the ``tui`` package."""

from index.indexer import Cancelled, IndexBusy, Progress, UpdateReport, update_index
from index.query import Query, QueryError, Term, parse
from index.results import DocResult, Hit, SearchResult, Snippet
from index.searcher import DocEntry, IndexMissing, Searcher
from index.store import IndexError_, IndexStore

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
    "SearchResult",
    "Searcher",
    "Snippet",
    "Term",
    "UpdateReport",
    "parse",
    "update_index",
]
