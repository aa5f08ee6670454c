"""Character-level repair: newlines, control characters, invisible characters and
the radical/compatibility look-alikes that PDF extraction puts in place of ideographs.

Document text is data. Control characters become visible Control Pictures (ESC shows
as ␛) so no document can move a terminal's cursor, retitle its window or inject
markup, and so that what is shown is what can be searched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_NEWLINES = re.compile(r"\r\n?|[\f\v\x85\u2028\u2029]")
# Zero-width space, word joiner, BOM/zero-width no-break space, soft hyphen: they split
# words invisibly ("中\u200b国" would not match 中国) and carry no meaning in prose.
# Also the zero-width joiner and the variation selectors 15/16: terminals disagree on how
# wide they make an emoji (tmux 3.3 draws ❤️ in one cell, kitty in two; a ZWJ family in
# two cells or six), so no width a reader computes could fit them all. Without them every
# terminal draws ❤ and 👨👩👧 as wide as Unicode says.
INVISIBLE = "\u200b\u2060\ufeff\u00ad\u200d\ufe0e\ufe0f"
# Bidirectional embeddings, overrides and isolates reorder how a terminal draws a line
# (text could be made to read as other text); they carry nothing a reader of Chinese needs.
BIDI_CONTROLS = "".join(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))


@cache
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = dict.fromkeys(map(ord, INVISIBLE + BIDI_CONTROLS))
    for cp in range(0x20):
        if chr(cp) not in "\t\n":
            table[cp] = chr(0x2400 + cp)
    table[0x7F] = "\u2421"
    for cp in range(0x80, 0xA0):
        table[cp] = "\ufffd"
    # Kangxi radicals (⼈ for 人) and CJK compatibility ideographs: same glyph, other code
    # point, so a search for 人 would miss them. Only one-to-one replacements are taken.
    for cp in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)):
        ch = chr(cp)
        repl = unicodedata.normalize("NFC" if cp >= 0xF900 else "NFKC", ch)
        if len(repl) == 1 and repl != ch and unicodedata.category(repl) == "Lo":
            table[cp] = repl
    return table


def sanitize(text: str) -> str:
    """Normalise newlines to ``\\n`` and make every character safe and searchable."""
    return _NEWLINES.sub("\n", text).translate(_table())
