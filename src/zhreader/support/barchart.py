"""Horizontal bar charts for a terminal: a label, a bar of block characters (eighths of a
cell at its end) and the count, labels padded by terminal cells so Chinese ones align."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from zhreader.support.cells import cells, fit_right
from zhreader.support.printable import printable

_EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
MAX_LABEL = 40  # cells; a longer label is cut


def bar(value: int, largest: int, width: int) -> str:
    """``value`` as a bar of up to ``width`` cells, ``largest`` filling all of them. A
    value above zero always shows at least an eighth."""
    if largest <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / largest))
    full, rest = divmod(eighths, 8)
    return FULL * full + (_EIGHTHS[rest] if rest else "")


def chart(rows: Sequence[tuple[str, int]], width: int = 80) -> list[str]:
    """One line per (label, count), each at most ``width`` cells."""
    if not rows:
        return []
    labels = [printable(label) for label, _ in rows]
    label_width = min(max(cells(label) for label in labels), MAX_LABEL)
    number_width = max(len(f"{count:,}") for _, count in rows)
    bar_width = max(width - label_width - number_width - 3, 1)
    largest = max(count for _, count in rows)
    return [
        f"{fit_right(label, label_width)} {f'{count:,}':>{number_width}} {bar(count, largest, bar_width)}".rstrip()
        for label, (_, count) in zip(labels, rows, strict=True)
    ]


# A date in a document's name: 2024-03-05, 2024_03_05, 2024.03.05 or 20240305, not inside
# a longer number.
_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in(name: str) -> str | None:
    """The first date a name carries, as YYYY-MM-DD."""
    found = _DATE.search(name)
    return f"{found[1]}-{found[3]}-{found[4]}" if found else None


def by_period(dated: Iterable[tuple[str, int]], most: int) -> list[tuple[str, int]]:
    """Counts by day, in time order; by month, then by year, when there would be more
    than ``most`` rows."""
    days: Counter[str] = Counter()
    for day, count in dated:
        days[day] += count
    for size in (10, 7, 4):  # day, month, year
        periods: Counter[str] = Counter()
        for day, count in days.items():
            periods[day[:size]] += count
        if len(periods) <= most or size == 4:
            return sorted(periods.items())
    return []
