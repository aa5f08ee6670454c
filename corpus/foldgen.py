"""Generate zhreader's fold table (``corpus/data/fold.txt``): a developer's tool.

    pip install opencc && python -m zhreader.corpus.foldgen

Matching folds text and query alike, character by character, with two tables:

* exact script: invisible characters (zero-width space, soft hyphen, BOM, bidirectional
  controls) dropped; Kangxi
  radicals and CJK compatibility ideographs to the ideograph they stand for (⼈ → 人);
  full-width, half-width, small and vertical forms to the ordinary character (１ → 1,
  ﹐ → , and ， → ,); full Unicode case folding (A → a, ß → ss).
* script-blind (the default): the same, then every traditional character, and every
  regional or Japanese variant, to its simplified form, taken character by character from
  OpenCC's converters (t2s, tw2s, hk2s, jp2t then t2s) where they give one character:
  發/髮 → 发, 為/爲 → 为, 裏/裡 → 里. OpenCC keeps 著 as 著, so 著 and 着 stay apart.

Each table maps a character to its fixed point (folding twice changes nothing). The table
is generated once and shipped as data, so the fold, and with it every index, does not
change when OpenCC or Python's Unicode data are upgraded; a test compares the shipped
table with a fresh one when opencc is installed.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from zhreader.corpus.sanitize import BIDI_CONTROLS, INVISIBLE

TABLE = Path(__file__).resolve().parent / "data" / "fold.txt"

# The display text has these removed (corpus.sanitize), so a query drops them too.
DROPPED = INVISIBLE + BIDI_CONTROLS
WIDTH_TAGS = ("<wide>", "<narrow>", "<small>", "<vertical>")
_HAN_RANGES = (
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0x20000, 0x2A6E0),
    (0x2A700, 0x2EBF0),
    (0x2F800, 0x2FA20),
    (0x30000, 0x323B0),
)


def _ideograph(ch: str) -> str | None:
    """The ideograph a Kangxi radical or compatibility ideograph stands for."""
    cp = ord(ch)
    if 0x2E80 <= cp < 0x2FE0 or 0xF900 <= cp < 0xFB00 or 0x2F800 <= cp < 0x2FA20:
        repl = unicodedata.normalize("NFC" if cp >= 0xF900 else "NFKC", ch)
        if len(repl) == 1 and repl != ch and unicodedata.category(repl) == "Lo":
            return repl
    return None


def _width(ch: str) -> str | None:
    decomposition = unicodedata.decomposition(ch)
    if decomposition.startswith(WIDTH_TAGS):
        parts = decomposition.split()
        if len(parts) == 2:
            return chr(int(parts[1], 16))
    return None


def exact_step(ch: str) -> str:
    """One step of the exact-script fold of one character."""
    if ch in DROPPED:
        return ""
    replaced = _ideograph(ch) or _width(ch)
    if replaced is not None:
        return replaced
    return ch.casefold()


def _fixed_point(ch: str, step: Callable[[str], str]) -> str:
    current = ch
    for _ in range(8):
        following = "".join(step(c) for c in current)
        if following == current:
            return current
        current = following
    raise ValueError(f"the fold of U+{ord(ch):04X} does not settle")


def _script_converters() -> list[Callable[[str], str]]:
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    jp2t = opencc.OpenCC("jp2t").convert
    return [t2s, opencc.OpenCC("tw2s").convert, opencc.OpenCC("hk2s").convert, lambda ch: t2s(jp2t(ch))]


def _han() -> Iterator[str]:
    for start, stop in _HAN_RANGES:
        for cp in range(start, stop):
            yield chr(cp)


def _simplified(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def script_map() -> dict[str, str]:
    """{character: the simplified character of its class}, for characters not already so.

    Each converter's one-character results join characters into classes (敘 → 叙 in
    t2s, 敍 → 叙 in hk2s, 経 → 經 in jp2t). A class folds to its one simplified member:
    the member t2s leaves alone (in GB 2312, if several are). A join that would put two
    such members in one class is not made: the converters are taken in order of trust
    (t2s, tw2s, hk2s, then the Japanese variants), so 濾 stays with 滤, not with 沪."""
    converters = _script_converters()
    t2s = converters[0]
    parent: dict[str, str] = {}
    target: dict[str, str | None] = {}  # a class root's simplified member

    def find(ch: str) -> str:
        while parent.get(ch, ch) != ch:
            ch = parent[ch]
        return ch

    def own_target(ch: str) -> str | None:
        return ch if t2s(ch) == ch and _simplified(ch) else None

    for convert in converters:
        for ch in _han():
            other = convert(ch)
            if len(other) != 1 or other == ch:
                continue
            for member in (ch, other):
                if member not in parent:
                    parent[member] = member
                    target[member] = own_target(member)
            a, b = find(ch), find(other)
            if a == b:
                continue
            if target[a] is not None and target[b] is not None:
                continue  # two simplified characters: they stay apart
            root, child = min(a, b), max(a, b)
            parent[child] = root
            target[root] = target[a] if target[a] is not None else target[b]
    mapping: dict[str, str] = {}
    for ch in parent:
        simplified = target[find(ch)]
        if simplified is None:
            # No member is in GB 2312 (rare extension characters): t2s's own choice.
            simplified = t2s(ch) if len(t2s(ch)) == 1 else None
        if simplified is not None and simplified != ch:
            mapping[ch] = simplified
    return mapping


def build() -> dict[str, tuple[str, str]]:
    """{character: (exact fold, script-blind fold)} for every character that folds."""
    exact: dict[str, str] = {}
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        folded = _fixed_point(ch, exact_step)
        if folded != ch:
            exact[ch] = folded
    script = script_map()

    def blind_step(ch: str) -> str:
        return "".join(script.get(c, c) for c in exact_step(ch))

    table: dict[str, tuple[str, str]] = {}
    for ch in sorted({*exact, *script}):
        folds = (exact.get(ch, ch), _fixed_point(ch, blind_step))
        if folds != (ch, ch):
            table[ch] = folds
    return table


def _hex(text: str) -> str:
    return " ".join(f"{ord(ch):04X}" for ch in text)


def render(table: dict[str, tuple[str, str]]) -> str:
    import opencc

    lines = [
        "# zhreader fold table: code point, exact-script fold, script-blind fold (hex; empty = dropped).",
        "# Generated by `python -m zhreader.corpus.foldgen`; see that module for the rules.",
        f"# Unicode {unicodedata.unidata_version}; traditional/simplified data from OpenCC {opencc.__version__}",
        "# (https://github.com/BYVoid/OpenCC), Copyright (c) Carbo Kuo and contributors,",
        "# licensed under the Apache License, Version 2.0.",
    ]
    lines += [f"{ord(ch):04X}\t{_hex(exact)}\t{_hex(blind)}" for ch, (exact, blind) in table.items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    TABLE.parent.mkdir(exist_ok=True)
    TABLE.write_text(render(build()), encoding="utf-8")
    print(f"wrote {TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
