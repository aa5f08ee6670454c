"""Quoting document text in the UI and on the command line."""

from __future__ import annotations


def quoted(text: str, limit: int | None = None) -> str:
    """``text`` between quotation marks, cut to ``limit`` characters with "…".

    Chinese text usually holds “…” itself, and “a “b”” reads as a stutter, so such a
    quote gets corner brackets instead: 「a “b”」."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if "“" in text or "”" in text:
        return f"「{text}」"
    return f"“{text}”"
