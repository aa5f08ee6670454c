"""Errors of the index layer, and the one way a caller stops work early."""

from __future__ import annotations

from zhreader.errors import ExitCode, ZhreaderError


class SearchIndexError(ZhreaderError):
    """The index cannot be built, opened or updated; the last commit stays readable."""


class IndexMissing(SearchIndexError):
    """There is no index (yet) that this zhreader can read."""


class IndexBusy(SearchIndexError):
    """Another process holds the index's write lock."""


class IndexOwnedElsewhere(SearchIndexError):
    """The index folder holds another corpus' index."""

    exit_code = ExitCode.USAGE


class QueryError(SearchIndexError):
    """A query with nothing to search for, or too long to take."""

    exit_code = ExitCode.USAGE


class Cancelled(Exception):
    """The caller asked the work to stop (a newer search, quitting during an update).

    Not an error, so not a ``ZhreaderError``: nothing is reported. An interrupted update
    keeps the batches it committed."""
