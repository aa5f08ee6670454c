"""Find a note's passage again in the current display text of its document.

In order: the same text (hash) or the same quote at the same range; else the quote
elsewhere, the context choosing between repeats; else the best approximate match above
a threshold (candidates come from where the quote's pieces or its context still occur,
each scored by similarity to the quote). A note that cannot be placed is orphaned: kept
and shown with its quote, never deleted.

A short quote is no evidence on its own: 强磁场 also occurs in the title of the article
whose paragraph held it, and a note must not jump there when that paragraph is deleted.
So a quote shorter than ``EVIDENCE`` characters is placed elsewhere only where the text
around it agrees with the note's context for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Indel

from zhreader.corpus.notes.model import Note, text_hash

FUZZY_THRESHOLD = 0.6  # similarity (0-1) a changed passage must keep to be found again
EVIDENCE = 16  # characters of quote plus agreeing context that place a note elsewhere
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


def _enough_evidence(note: Note, context: int, length: int) -> bool:
    """Whether a quote of ``length`` with ``context`` agreeing characters around it is
    the note's passage (a note whose document has no text around it needs none)."""
    available = len(note.prefix) + len(note.suffix)
    return context >= min(max(EVIDENCE - length, 0), available)


def _best_exact(note: Note, text: str) -> tuple[int, int] | None:
    size = len(note.quote)
    # Repeats: the context decides; on a tie, the one nearest the old position.
    scored = [
        (context, -abs(p - note.start), p)
        for p in _occurrences(text, note.quote)
        if _enough_evidence(note, context := _context_score(note, text, p, p + size), size)
    ]
    if not scored:
        return None
    best = max(scored)[2]
    return best, best + size


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
    best: tuple[float, float, int, int] | None = None
    for start, end in _candidates(note, text):
        similarity = Indel.normalized_similarity(note.quote, text[start:end])
        if similarity < FUZZY_THRESHOLD:
            continue
        context = _context_score(note, text, start, end)
        if not _enough_evidence(note, context, round(len(note.quote) * similarity)):
            continue
        score = similarity + 0.1 * context / max(len(note.prefix) + len(note.suffix), 1)
        if best is None or score > best[0]:
            best = (score, similarity, start, end)
    if best is None:
        return ORPHANED
    _, similarity, start, end = best
    return Anchor(Status.FUZZY, start, end, similarity)
