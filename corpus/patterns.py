"""What lines look like: headings, list markers, jump notes, bylines, line endings.

Kept apart from the reflow logic so the rules can be read (and tested) one by one.
"""

from __future__ import annotations

import re
from enum import Enum

_NUM = "一二三四五六七八九十百千零〇两"
_DIGITS = "0-9０-９"

MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t\u3000]+(.*?)(?:[ \t]+#+)?[ \t]*$")

# Chinese structural numbering, outermost first. A document's levels are assigned by
# rank among the kinds it actually uses, so a report with only 章/节 starts at level 1.
NUMBERED_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("卷", re.compile(rf"^第[{_NUM}{_DIGITS}]+卷(?=[\s:：]|$)")),
    ("编", re.compile(rf"^第[{_NUM}{_DIGITS}]+编(?=[\s:：]|$)")),
    ("篇", re.compile(rf"^第[{_NUM}{_DIGITS}]+篇(?=[\s:：]|$)")),
    ("部分", re.compile(rf"^第[{_NUM}{_DIGITS}]+部分(?=[\s:：]|$)")),
    ("章", re.compile(rf"^第[{_NUM}{_DIGITS}]+章(?=[\s:：]|$)")),
    ("节", re.compile(rf"^第[{_NUM}{_DIGITS}]+节(?=[\s:：]|$)")),
    ("一、", re.compile(rf"^[{_NUM}]+、")),
    ("（一）", re.compile(rf"^[（(][{_NUM}]+[）)]")),
)
# Headings are short; "一、坚持……。" running on for a paragraph is a list item.
NUMBERED_HEADING_MAX_CHARS = 40

LIST_MARKER = re.compile(
    r"^(?:[■□●○◆◇▲△▼▽★☆►▶•※◎➢➤√❖▪▫◼◻]"
    r"|——"
    r"|[-*+>][ \t]"
    rf"|[{_DIGITS}]{{1,3}}[.．、](?![{_DIGITS}])"
    rf"|[（(][{_DIGITS}]{{1,3}}[）)]"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    rf"|第[{_NUM}{_DIGITS}]+条"
    r"|【)"
)

# "（上接第2版）", "■上接第1版", "■下转第6版": page jump notes of a newspaper layout.
JUMP_NOTE = re.compile(rf"^[（(【\[■]?\s*[上下]\s*[接转]\s*第?\s*[{_DIGITS}{_NUM}]+\s*版\s*[)）】\]]?$")

# "李孔燕说，围绕……": reported speech opens a sentence; such a line is never a heading.
SPEECH = re.compile(r"(?:说|表示|指出|认为|介绍|强调|谈到|称)[，,：:]")

BYLINE = re.compile(r"^[●◎]?\s*(?:本报记者|本报通讯员|本报特约记者|新华社记者|记者|通讯员)")
BYLINE_MAX_CHARS = 40
BARE_BYLINE = re.compile(r"^(?:记者|通讯员)")

# Closing quotes and brackets may follow a sentence end: "…奔赴。”" ends a sentence,
# "…“双向奔赴”" does not.
CLOSERS = "”’」』）)】》〉\"'"
TERMINAL = "。．！？!?…."
SEMI = "；;：:"
CONTINUING = "，,、—–-·“‘（(《〈「『【["


class Ending(Enum):
    TERMINAL = "terminal"  # a sentence ends here
    SEMI = "semi"  # ；or ：, a clause ends but the thought goes on
    CONTINUING = "continuing"  # a sentence cannot end here (comma, opening bracket)
    OPEN = "open"  # a word character: a heading, a caption, or a cut sentence


def ending(text: str) -> Ending:
    core = text.rstrip(CLOSERS)
    if not core:
        return Ending.OPEN
    last = core[-1]
    if last in TERMINAL:
        # A closing quote after the sentence end is still an end; "……”" too.
        return Ending.TERMINAL
    if len(core) < len(text) and last not in CONTINUING:
        # "…“双向奔赴”": a quotation closed mid-sentence.
        return Ending.OPEN
    if last in SEMI:
        return Ending.SEMI
    if last in CONTINUING:
        return Ending.CONTINUING
    return Ending.OPEN


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x3134F or 0xF900 <= cp <= 0xFAFF


def is_latin_word_char(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or ("\u00c0" <= ch <= "\u024f" and ch.isalpha())


def numbered_heading(text: str) -> str | None:
    """The numbering kind ("章", "一、", …) when the line is a numbered heading."""
    if len(text) > NUMBERED_HEADING_MAX_CHARS:
        return None
    for kind, pattern in NUMBERED_HEADINGS:
        if pattern.match(text):
            if kind in ("一、", "（一）") and ending(text) is Ending.TERMINAL:
                return None
            return kind
    return None


def is_byline(text: str) -> bool:
    return len(text) <= BYLINE_MAX_CHARS and BYLINE.match(text) is not None


def is_bare_byline(text: str) -> bool:
    """A byline by its bare 记者 / 通讯员 alone: also what a line wrapped after 本报 or
    before 站 starts with."""
    return is_byline(text) and BARE_BYLINE.match(text) is not None
