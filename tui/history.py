"""Search history: the queries searched, newest last, kept between runs in the user state
directory (one file for every corpus: a query is worth trying on any of them).

Read leniently (a damaged file means an empty history) and written atomically; a history
that cannot be saved is not worth an error."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from zhreader.support import atomic, jsonlines, paths

LIMIT = 500


class SearchHistory:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.state_dir() / "search_history.json"
        self.queries: list[str] = self._load()

    def _load(self) -> list[str]:
        try:
            raw = json.loads(atomic.read_bytes(self.path).decode("utf-8"))
        except (OSError, ValueError):
            return []
        queries = raw.get("queries") if isinstance(raw, dict) else None
        return [q for q in queries if isinstance(q, str) and q.strip()][-LIMIT:] if isinstance(queries, list) else []

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest (once: an older copy is dropped)."""
        if not query.strip() or (self.queries and self.queries[-1] == query):
            return
        with contextlib.suppress(ValueError):
            self.queries.remove(query)
        self.queries.append(query)
        del self.queries[:-LIMIT]
        with contextlib.suppress(OSError):
            atomic.write_text(self.path, jsonlines.dumps({"queries": self.queries}))
