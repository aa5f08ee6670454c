"""Text that came from outside zhreader (file names, paths, tags, comments) shown on a
terminal as data: every character that a terminal would obey instead of draw becomes a
visible symbol, so a file named ``\\x1b]0;…\\x07`` can neither retitle the window nor clear
the screen, and a lone surrogate (an undecodable file name) cannot stop the output.

Document text needs none of this: its display text was made safe when it was built
(``zhreader.corpus.sanitize``). This is for everything else, on every surface.
"""

from __future__ import annotations

from functools import cache


@cache
def _table(keep_newlines: bool) -> dict[int, str]:
    table = {cp: chr(0x2400 + cp) for cp in range(0x20)}  # control pictures: ␛ for ESC
    table[0x7F] = "\u2421"
    for cp in range(0x80, 0xA0):  # C1 controls, CSI (U+009B) among them
        table[cp] = "\ufffd"
    # U+2028 and U+2029 end lines in some viewers (and in str.splitlines).
    table[0x2028] = table[0x2029] = "\u2424"
    # Bidirectional embeddings, overrides and isolates: a terminal that does bidi would
    # reorder what follows (a file name could then read as another).
    for cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = "\ufffd"
    # Joiners and emoji variation selectors: terminals disagree on the width they give a
    # sequence (see zhreader.corpus.sanitize); without them every terminal agrees.
    for cp in (0x200D, 0xFE0E, 0xFE0F):
        table[cp] = ""
    # Lone surrogates (file names that are not UTF-8) cannot be written out at all.
    for cp in range(0xD800, 0xE000):
        table[cp] = "\ufffd"
    if keep_newlines:
        del table[ord("\n")], table[ord("\t")]
    return table


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` with controls as visible symbols; ``newlines`` keeps ``\\n`` and tabs."""
    return text.translate(_table(newlines))
