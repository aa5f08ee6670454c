"""Undo the doubled glyphs PDF extraction makes of bold headlines.

A bold headline is often drawn twice, slightly offset, and extraction then emits every
run twice: "呼和浩特呼和浩特：：筑起聚才筑起聚才““强磁场强磁场””". Such a line splits
completely into runs that each appear twice in a row; prose does not.
"""

from __future__ import annotations

from functools import cache

_MAX_LINE = 240


def undouble(line: str) -> str | None:
    """The line read once, or None when the line is not a doubled headline."""
    n = len(line)
    if n < 6 or n > _MAX_LINE or n % 2:
        return None

    @cache
    def runs_from(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        # Longest run first: "新高地新高地" is one run, not a guess about its halves.
        first = line[i]
        for size in range((n - i) // 2, 0, -1):
            if line[i + size] == first and line.startswith(line[i : i + size], i + size):
                rest = runs_from(i + 2 * size)
                if rest is not None:
                    return (line[i : i + size], *rest)
        return None

    runs = runs_from(0)
    if runs is None:
        return None
    once = "".join(runs)
    # Reduplication exists in prose ("谢谢", "天天向上天天向上" as a chant): require several
    # runs and real variety before calling a line damaged.
    if len(runs) < 3 and not (len(runs) == 2 and n >= 8):
        return None
    if len(set(once)) < 3 or all(len(run) == 1 for run in runs):
        return None
    return once
