"""Folding for matching: the same folding for the text and the query.

What folds (the rules and where they come from are in ``corpus.foldgen``, which generates
the table in ``corpus/data/fold.txt``):

* invisible characters (zero-width space, soft hyphen, BOM) are dropped;
* Kangxi radicals and compatibility ideographs become the ideograph (⼈ → 人);
* full-width, half-width, small and vertical forms become the ordinary character
  (１９９８ → 1998, ﹐ and ， → ,);
* case folds fully (GDP → gdp, ß → ss);
* and, unless the exact script is asked for, traditional characters and their variants
  become simplified ones (發展 and 发展 → 发展; 為/爲 → 为; 裏/裡/里 → 里).

Nearly every character folds to exactly one character, so a folded text usually has the
display text's length and offsets carry over; where one does not (ß → ss, a dropped
character), ``fold_map`` gives the display-text offset of every folded character, so a
hit found in the folded text is highlighted on the characters the document really has.
"""

from __future__ import annotations

import re
from array import array
from functools import cache
from importlib.resources import files

Table = dict[int, str]


@cache
def _tables() -> tuple[Table, Table]:
    exact: Table = {}
    blind: Table = {}
    for line in (files("zhreader.corpus") / "data" / "fold.txt").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cp, exact_hex, blind_hex = line.split("\t")
        key = int(cp, 16)
        exact_value = "".join(chr(int(part, 16)) for part in exact_hex.split())
        blind_value = "".join(chr(int(part, 16)) for part in blind_hex.split())
        if exact_value != chr(key):
            exact[key] = exact_value
        blind[key] = blind_value
    return exact, blind


def table(*, exact_script: bool = False) -> Table:
    """The ``str.translate`` table of a fold (built once, about 7,000 entries)."""
    exact, blind = _tables()
    return exact if exact_script else blind


def fold(text: str, *, exact_script: bool = False) -> str:
    """``text`` folded for matching (script-blind unless ``exact_script``)."""
    return text.translate(table(exact_script=exact_script))


@cache
def _irregular(exact_script: bool) -> re.Pattern[str]:
    """Characters that do not fold to exactly one character."""
    chars = [chr(cp) for cp, value in table(exact_script=exact_script).items() if len(value) != 1]
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def fold_map(text: str, *, exact_script: bool = False, folded: str | None = None) -> tuple[str, array[int] | None]:
    """``text`` folded, and the offset in ``text`` of every folded character (one more
    entry at the end: ``len(text)``), or None when every character folded to one (then
    offsets are the same in both). ``folded``: the fold of ``text`` when it is known
    already (the index stores it), which spares folding it again."""
    mapping = table(exact_script=exact_script)
    if _irregular(exact_script).search(text) is None:
        return (folded if folded is not None else text.translate(mapping)), None
    folded = text.translate(mapping)
    origin = array("I")
    for index, ch in enumerate(text):
        origin.extend([index] * len(mapping.get(ord(ch), ch)))
    origin.append(len(text))
    return folded, origin


def to_display(span: tuple[int, int], origin: array[int] | None) -> tuple[int, int]:
    """A span of the folded text as a span of the text it was folded from."""
    if origin is None:
        return span
    start, end = span
    return origin[start], origin[end - 1] + 1 if end > start else origin[start]
