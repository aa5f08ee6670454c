"""Find a note's passage again in the current display text of its document.

In order: the same text (hash) or the same quote at the same range; else the quote
elsewhere, the context choosing between repeats; else the best approximate match above
a threshold (candidates come from where the quote's pieces or its context still occur,
each scored by similarity to the quote). A note that cannot be placed is orphaned: kept
and shown with its quote, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from zhreader.corpus.notes.model import Note, text_hash

FUZZY_THRESHOLD = 0.6  # similarity (0-1) a changed passage must keep to be found again
_PIECE = 4  # quote pieces this long are searched for exactly


class Status(StrEnum):
    ANCHORED = "anchored"  # found where it was
    MOVED = "moved"  # found unchanged, elsewhere
    FUZZY = "fuzzy"  # found changed
    ORPHANED = "orphaned"  # not found (or its document is gone)


@dataclass(frozen=True, slots=True)
class Anchor:
    status: Status
    start: int = -1
    end: int = -1
    similarity: float = 1.0

    @property
    def placed(self) -> bool:
        return self.status is not Status.ORPHANED


ORPHANED = Anchor(Status.ORPHANED, similarity=0.0)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _context_score(note: Note, text: str, start: int, end: int) -> int:
    before = text[max(0, start - len(note.prefix)) : start]
    after = text[end : end + len(note.suffix)]
    return _common_suffix(before, note.prefix) + _common_prefix(after, note.suffix)


def _occurrences(text: str, needle: str, limit: int = 1000) -> list[int]:
    found: list[int] = []
    pos = text.find(needle)
    while pos != -1 and len(found) < limit:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def _best_exact(note: Note, text: str) -> tuple[int, int] | None:
    positions = _occurrences(text, note.quote)
    if not positions:
        return None
    # Repeats: the context decides; on a tie, the one nearest the old position.
    best = max(positions, key=lambda p: (_context_score(note, text, p, p + len(note.quote)), -abs(p - note.start)))
    return best, best + len(note.quote)


def _candidates(note: Note, text: str) -> set[tuple[int, int]]:
    quote, size = note.quote, len(note.quote)
    found: set[tuple[int, int]] = set()
    if size >= 2 * _PIECE:
        # Where the quote's first or last part survives, the passage starts or ends there.
        for piece_start in range(0, size - _PIECE + 1, max(_PIECE, size // 6)):
            piece = quote[piece_start : piece_start + _PIECE]
            for pos in _occurrences(text, piece, 50):
                start = max(0, pos - piece_start)
                for length in (size, size - 1, size + 1):
                    found.add((start, min(len(text), start + length)))
    if note.prefix:
        for pos in _occurrences(text, note.prefix[-_PIECE:], 50):
            start = pos + min(_PIECE, len(note.prefix))
            found.add((start, min(len(text), start + size)))
            if note.suffix:
                end = text.find(note.suffix[:_PIECE], start)
                if end != -1 and size // 2 <= end - start <= 2 * size:
                    found.add((start, end))
    if note.suffix:
        for pos in _occurrences(text, note.suffix[:_PIECE], 50):
            found.add((max(0, pos - size), pos))
    return {(s, e) for s, e in found if e > s}


def anchor(note: Note, text: str, digest: str | None = None) -> Anchor:
    """Where ``note`` is in ``text`` now (``digest``: the text's hash, if known)."""
    digest = digest if digest is not None else text_hash(text)
    in_range = 0 <= note.start < note.end <= len(text)
    if digest == note.hash and in_range:
        return Anchor(Status.ANCHORED, note.start, note.end)
    if in_range and text[note.start : note.end] == note.quote:
        return Anchor(Status.ANCHORED, note.start, note.end)
    exact = _best_exact(note, text)
    if exact is not None:
        return Anchor(Status.MOVED, *exact)
    best: tuple[float, int, int] | None = None
    for start, end in _candidates(note, text):
        similarity = SequenceMatcher(None, note.quote, text[start:end], autojunk=False).ratio()
        context = _context_score(note, text, start, end) / max(len(note.prefix) + len(note.suffix), 1)
        score = similarity + 0.1 * context
        if similarity >= FUZZY_THRESHOLD and (best is None or score > best[0]):
            best = (score, start, end)
    if best is None:
        return ORPHANED
    _, start, end = best
    return Anchor(Status.FUZZY, start, end, SequenceMatcher(None, note.quote, text[start:end]).ratio())
