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


FOLLOW_WINDOW = 24  # characters of the old text that find the reading position again


def follow_offset(old: str, new: str, offset: int) -> int:
    """Where the text read at ``offset`` of ``old`` is in ``new`` (the file changed on
    disk): the text from there (a shorter piece of it if the longer one was edited), or
    the text just before it, found nearest to where it was; else the same share of the
    way through."""
    offset = min(max(offset, 0), len(old))
    for start, end, shift in (
        (offset, offset + FOLLOW_WINDOW, 0),
        (offset, offset + FOLLOW_WINDOW // 3, 0),
        (offset - FOLLOW_WINDOW, offset, FOLLOW_WINDOW),
    ):
        needle = old[max(start, 0) : end]
        if len(needle.strip()) < 2:
            continue
        found = _nearest(new, needle, offset)
        if found is not None:
            return min(found + min(shift, offset), len(new))
    return round(offset * len(new) / max(len(old), 1))


def _nearest(text: str, needle: str, near: int) -> int | None:
    best: int | None = None
    position = text.find(needle)
    while position != -1:
        if best is None or abs(position - near) < abs(best - near):
            best = position
        if position > near:
            break
        position = text.find(needle, position + 1)
    return best
