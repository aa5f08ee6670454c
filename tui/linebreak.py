"""Line breaking for Chinese text in a terminal grid.

Rich and Textual break lines only at spaces. Chinese needs more: a line may break between
any two CJK characters; closing punctuation (，。、；：？！）」』”’》〉…) never starts a
line and opening punctuation (（「『“‘《〈) never ends one (GB/T 15834); ——and …… are
not split; Latin words are not split unless longer than a whole line.

A terminal cannot squeeze or hang punctuation, so the rule is kept by pushing out: when
a closing mark does not fit, the character before it moves to the next line with it.

Everything here works on offsets, so a caller can map search hits onto screen lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zhreader.support.cells import cells, graphemes

# Closing punctuation and postfix signs (％ ‰ ℃ after a number) never start a line.
NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】〕〗｝］,.;:?!)]}%…·—～–％‰‱℃℉°′″．｡､｣")
NO_LINE_END = frozenset("（「『“‘《〈【〔〖｛［([{｢")

# What is drawn together with the character before it: combining marks, variation
# selectors, emoji modifiers and tags, the keycap, kana voicing marks; ZWJ and the next
# character. Breaking inside would split one drawn glyph (and Rich measures the whole).
_EXTEND = (
    "(?:[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\u3099\u309a\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef]|\u200d.)*"
)
_WORD = "[A-Za-z0-9\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
# Atoms: a Latin word or number, half- or full-width (letters/digits with inner ' . - joins,
# 1,000 and ３．５ whole); a run of spaces; a pair of dashes or ellipses; a flag; or any
# other character with what is drawn with it.
_ATOM = re.compile(
    f"{_WORD}{_EXTEND}(?:{_WORD}{_EXTEND})*(?:['’.\\-,．:]{_WORD}{_EXTEND}(?:{_WORD}{_EXTEND})*)*"
    f"|[ \t]+|——|……|[\U0001f1e6-\U0001f1ff]{{2}}|.{_EXTEND}",
    re.S,
)


def _groups(text: str, start: int, end: int) -> Iterator[tuple[int, int, int, bool]]:
    """Unbreakable groups as (start, end, cells, is_space): atoms glued together where
    a break between them would put a closer at a line start or an opener at a line end."""
    group_start = group_end = -1
    group_cells = 0
    glue_next = False
    for match in _ATOM.finditer(text, start, end):
        a_start, a_end = match.span()
        atom = match.group()
        if atom[0] in " \t":
            if group_start != -1:
                yield group_start, group_end, group_cells, False
                group_start = -1
            glue_next = False
            yield a_start, a_end, len(atom), True
            continue
        width = cells(atom)
        if group_start != -1 and (glue_next or atom[0] in NO_LINE_START):
            group_end = a_end
            group_cells += width
        else:
            if group_start != -1:
                yield group_start, group_end, group_cells, False
            group_start, group_end, group_cells = a_start, a_end, width
        glue_next = atom[-1] in NO_LINE_END
    if group_start != -1:
        yield group_start, group_end, group_cells, False


def wrap(text: str, width: int, start: int = 0, end: int | None = None, *, indent: int = 0) -> list[tuple[int, int]]:
    """Break ``text[start:end]`` into lines of at most ``width`` cells.

    Returns (start, end) offsets per line; spaces at a break are left out of both lines.
    ``indent`` cells are reserved on every line after the first (hanging indent).
    """
    stop = len(text) if end is None else end
    width = max(width, 2)
    rest = max(width - indent, 2)
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = start
    used = 0
    limit = width

    def flush() -> None:
        nonlocal line_start, used, limit
        assert line_start is not None
        lines.append((line_start, _trim_spaces(text, line_start, line_end)))
        line_start, used, limit = None, 0, rest

    for g_start, g_end, g_cells, is_space in _groups(text, start, stop):
        if is_space:
            if line_start is None:
                continue  # a line never starts with the spaces of a break
            if used + g_cells <= limit:
                used += g_cells
                line_end = g_end
            else:
                flush()
            continue
        if line_start is not None and used + g_cells > limit:
            flush()
        if g_cells > limit:
            # Longer than a whole line (a URL, a long number): split between clusters.
            for c_start, c_end, w in graphemes(text[g_start:g_end]):
                if line_start is not None and used + w > limit:
                    flush()
                if line_start is None:
                    line_start = g_start + c_start
                line_end = g_start + c_end
                used += w
            continue
        if line_start is None:
            line_start = g_start
        line_end = g_end
        used += g_cells
    if line_start is not None:
        flush()
    if not lines:
        lines.append((start, start))
    return lines


def _trim_spaces(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t":
        end -= 1
    return end
