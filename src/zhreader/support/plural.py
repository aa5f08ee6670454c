"""Counts in messages: "1 hit", "2 hits", "12,345 documents"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` with thousands separators and ``noun`` in the singular or plural (+s)."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
