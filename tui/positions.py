"""Reading positions, remembered per corpus and document between runs.

A small JSON file per corpus in the user state directory; written atomically, read
leniently (a damaged file just means starting at the top).
"""

from __future__ import annotations

import json
from pathlib import Path

from zhreader.support import atomic, jsonlines, paths

LIMIT = 5000  # documents remembered per corpus; the oldest are forgotten


class Positions:
    def __init__(self, corpus_location: Path, folder: Path | None = None) -> None:
        base = folder if folder is not None else paths.state_dir() / "positions"
        self.path = base / f"{paths.corpus_key(corpus_location)}.json"
        self._offsets: dict[str, int] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, int]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(raw, dict):
            return {}
        return {str(k): int(v) for k, v in raw.get("offsets", {}).items() if isinstance(v, int) and v >= 0}

    def get(self, doc_id: str) -> int | None:
        return self._offsets.get(doc_id)

    def remember(self, doc_id: str, offset: int) -> None:
        if self._offsets.get(doc_id) == offset and next(reversed(self._offsets), None) == doc_id:
            return
        self._offsets.pop(doc_id, None)
        self._offsets[doc_id] = offset  # insertion order = recency
        while len(self._offsets) > LIMIT:
            self._offsets.pop(next(iter(self._offsets)))
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        try:
            atomic.write_text(self.path, jsonlines.dumps({"offsets": self._offsets}))
            self._dirty = False
        except OSError:
            pass  # losing a reading position is not worth interrupting the reader
