"""Reflow text pulled out of PDF pages into the paragraphs a reader expects.

Extraction leaves a hard line break at the end of every printed line, sometimes a blank
line in the middle of a word, and nothing where a paragraph really ends. The rules:

* A line that starts with indentation, a list marker (■, ●, 1.), a heading, a jump note
  ("（上接第2版）") or a byline always starts a new paragraph.
* Inside a block of consecutive lines, a line is joined to the next unless it ends a
  sentence and is visibly shorter than its neighbours (the column width), or it is a
  short line without punctuation (a title above body text).
* Across a blank line, text is joined only when the first part cannot end there: it ends
  with a comma or an opening bracket, fills its column to the edge, is a long line that
  stops mid-sentence, opens reported speech ("李孔燕说，…"), or stops in the middle of a
  word (jieba finds a word spanning the break, or the last word is a function word such
  as 的, 和, 要).
* Tab-separated rows form a table; Markdown headings, Chinese section numbering and jump
  notes stand alone; fenced code blocks are kept verbatim.

Joins put no space between two CJK characters and one space between Latin words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from zhreader.corpus import patterns
from zhreader.corpus.patterns import Ending
from zhreader.corpus.undouble import undouble
from zhreader.support.cells import cells

# A line this wide (about 50 CJK characters) is no heading and no PDF column line:
# it is a paragraph, and if it stops without punctuation it was cut.
LONG_LINE_CELLS = 100
# Wrapped text fills its column; these shares of the widest line in the block say
# "this line reached the edge" and "this line stopped early".
FULL_AFTER_SENTENCE = 0.9
FULL_ACROSS_BLANK = 0.75
SHORT_LINE = 0.6
# Captions and headline blocks are narrow; their lines vary in length without being cut.
NARROW_RUN_CELLS = 30
FULL_ACROSS_BLANK_NARROW = 0.9

_FENCE = re.compile(r"^(```|~~~)")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^:?-{2,}:?$")


class WordBreaks(Protocol):
    def continues(self, left: str, right: str) -> bool:
        """Whether ``left`` + ``right`` is one sentence cut between two CJK characters."""
        ...


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph-level unit before offsets are assigned."""

    kind: str  # "heading" | "numbered" | "jump" | "table" | "pre" | "text"
    text: str
    level: int = 0  # Markdown heading level
    numbering: str = ""  # "章", "一、", … for numbered headings
    lines: int = 1  # source lines joined into it
    marker: bool = False  # starts with a list marker
    byline: bool = False
    # Where each source line landed: (offset in ``text``, line number in the source), so
    # that paged sources can tell the page of any offset.
    origins: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class _Line:
    text: str
    indented: bool
    cells: int
    number: int = 0  # line number in the source text
    first: bool = False  # the document's first line of text
    wrapped: bool = False  # found to go on from the line above, whatever it looks like

    @property
    def byline(self) -> bool:
        return not self.wrapped and patterns.is_byline(self.text)

    @property
    def starts_paragraph(self) -> bool:
        return (
            self.indented
            or _is_standalone(self.text)
            or patterns.LIST_MARKER.match(self.text) is not None
            or self.byline
        )

    @property
    def ends_paragraph(self) -> bool:
        return _is_standalone(self.text) or self.byline


@dataclass
class _Run:
    """Consecutive non-blank text lines. Its measures are computed once, when the run is
    complete: asked for at every line, they made a page-long run (a PDF without blank
    lines) quadratic."""

    lines: list[_Line] = field(default_factory=list)

    @cached_property
    def width(self) -> int:
        return max(line.cells for line in self.lines)

    @cached_property
    def written_as_lines(self) -> bool:
        """Whether the breaks in this run are the source's own (verse, a title above its
        author above the poem, a paragraph a line) rather than text wrapped at a column
        (a PDF page). Wrapping shows in a run of three lines or more: some line that fills
        most of the column (and no more) stops without punctuation and the text goes on
        below it at length (or ends). Two lines are too few to tell; they join as before."""
        lines = self.lines
        if len(lines) < 3:
            return False
        column = self.column
        return not any(
            SHORT_LINE * column <= line.cells <= column / FULL_AFTER_SENTENCE
            and patterns.ending(line.text) is Ending.OPEN
            and (i + 2 == len(lines) or lines[i + 1].cells >= SHORT_LINE * column)
            for i, line in enumerate(lines[:-1])
        )

    @cached_property
    def column(self) -> int:
        """The width the run's text was set in: the widest that two of its wide lines
        share, so that one outlier (a long title, a line of Latin) does not set it."""
        widest = self.width
        widths = sorted((line.cells for line in self.lines if line.cells >= SHORT_LINE * widest), reverse=True)
        for wide, next_wide in itertools.pairwise(widths):
            if next_wide >= FULL_AFTER_SENTENCE * wide:
                return wide
        return widest


def _is_standalone(text: str) -> bool:
    return (
        patterns.MARKDOWN_HEADING.match(text) is not None
        or patterns.numbered_heading(text) is not None
        or patterns.JUMP_NOTE.match(text) is not None
    )


def _is_table_row(line: str) -> bool:
    # A leading tab is indentation; a tab after text separates cells ("专栏2 重点人才计划\t").
    return "\t" in line.lstrip() or _PIPE_ROW.match(line) is not None


def _table_text(rows: list[tuple[int, str]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    out: list[str] = []
    origins: list[tuple[int, int]] = []
    offset = 0
    for number, row in rows:
        if _PIPE_ROW.match(row):
            cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
            if all(_PIPE_RULE.match(cell) for cell in cells if cell) and any(cells):
                continue
        else:
            cells = [cell.strip() for cell in row.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.append("\t".join(cells))
            origins.append((offset, number))
            offset += len(out[-1]) + 1
    return "\n".join(out), tuple(origins)


def _segments(text: str) -> Iterator[_Run | Para]:
    lines = text.split("\n")
    i, n = 0, len(lines)
    run = _Run()
    seen_text = False
    while i < n:
        raw = lines[i]
        if _FENCE.match(raw):
            fence = raw[:3]
            end = i + 1
            while end < n and not lines[end].startswith(fence):
                end += 1
            body = "\n".join(lines[i + 1 : end]).strip("\n")
            if run.lines:
                yield run
                run = _Run()
            if body.strip():
                yield Para("pre", body, lines=end - i + 1, origins=((0, i + 1),))
            i = end + 1
            continue
        if _is_table_row(raw):
            rows = [(i, raw)]
            i += 1
            while i < n:
                if _is_table_row(lines[i]):
                    rows.append((i, lines[i]))
                    i += 1
                    continue
                # One stray blank line inside a table (003's 专栏1) does not end it.
                if not lines[i].strip() and i + 1 < n and _is_table_row(lines[i + 1]):
                    i += 1
                    continue
                break
            table, origins = _table_text(rows)
            if run.lines:
                yield run
                run = _Run()
            if table:
                yield Para("table", table, lines=len(rows), origins=origins)
            continue
        stripped = raw.strip()
        i += 1
        if not stripped:
            if run.lines:
                yield run
                run = _Run()
            continue
        stripped = undouble(stripped) or stripped
        indented = raw[:1].isspace()
        if indented and run.lines:
            # Indentation starts a new text box in extracted PDF text: its own column width.
            yield run
            run = _Run()
        run.lines.append(_Line(stripped, indented, cells(stripped), i - 1, first=not seen_text))
        seen_text = True
    if run.lines:
        yield run


def _join_text(left: str, right: str) -> str:
    a, b = left[-1], right[0]
    if patterns.is_latin_word_char(a) and patterns.is_latin_word_char(b) and (a.isalpha() or b.isalpha()):
        return f"{left} {right}"
    return left + right


def _cut_mid_word(prev: _Line, nxt: _Line, breaks: WordBreaks) -> bool:
    a, b = prev.text[-1], nxt.text[0]
    return patterns.is_han(a) and patterns.is_han(b) and breaks.continues(prev.text, nxt.text)


def _wraps_into_bare_byline(prev: _Line, nxt: _Line, run: _Run) -> bool:
    """A full line cut without punctuation, then a full line starting 记者 (…本报 /
    记者站…): a wrapped sentence, not a byline, which is short and stands alone. PDFs of
    People's Daily had 13 such breaks in 31,000, and 本报记者 was not found across them."""
    full = SHORT_LINE * run.width
    return (
        patterns.is_bare_byline(nxt.text)
        and nxt.cells >= full
        and prev.cells >= full
        and not prev.ends_paragraph
        and patterns.ending(prev.text) is Ending.OPEN
    )


def _joins_within(prev: _Line, nxt: _Line, run: _Run, breaks: WordBreaks) -> bool:
    if _wraps_into_bare_byline(prev, nxt, run):
        nxt.wrapped = True
    if nxt.starts_paragraph or prev.ends_paragraph:
        return False
    if run.written_as_lines or (len(run.lines) >= 3 and prev.cells > run.column / FULL_AFTER_SENTENCE):
        # The source's own lines, or a line wider than the column the text below it was
        # set in (a heading): joining would invent text that a search then matches across
        # them (嘉慶李 + 白居易 has 李白 in it).
        return False
    end = patterns.ending(prev.text)
    if prev.cells >= LONG_LINE_CELLS:
        return end is not Ending.TERMINAL
    if end in (Ending.CONTINUING, Ending.SEMI):
        return True
    if end is Ending.TERMINAL:
        return prev.cells >= FULL_AFTER_SENTENCE * run.width
    return prev.cells >= SHORT_LINE * run.width or _cut_mid_word(prev, nxt, breaks)


def _joins_across_blank(para: list[_Line], prev_run: _Run, nxt: _Line, breaks: WordBreaks) -> bool:
    prev = para[-1]
    # The document's first paragraph is its title: body text below it is never part of it.
    if para[0].first or nxt.starts_paragraph or prev.ends_paragraph:
        return False
    end = patterns.ending(prev.text)
    if end in (Ending.TERMINAL, Ending.SEMI):
        return False
    if end is Ending.CONTINUING or prev.cells >= LONG_LINE_CELLS:
        return True
    if patterns.SPEECH.search(prev.text):
        return True
    if len(prev_run.lines) > 1:
        narrow = prev_run.width < NARROW_RUN_CELLS
        if prev.cells >= (FULL_ACROSS_BLANK_NARROW if narrow else FULL_ACROSS_BLANK) * prev_run.width:
            return True
    return _cut_mid_word(prev, nxt, breaks)


def _standalone_para(line: _Line) -> Para:
    origins = ((0, line.number),)
    heading = patterns.MARKDOWN_HEADING.match(line.text)
    if heading:
        return Para("heading", heading.group(2).strip() or line.text, level=len(heading.group(1)), origins=origins)
    numbering = patterns.numbered_heading(line.text)
    if numbering:
        return Para("numbered", line.text, numbering=numbering, origins=origins)
    return Para("jump", line.text, origins=origins)


def reflow(text: str, breaks: WordBreaks, *, marked_paragraphs: bool = False) -> list[Para]:
    """Split sanitised text into paragraphs (see the module docstring for the rules).

    With ``marked_paragraphs`` the source's blank lines are paragraph ends it marked
    itself (Word, HTML): text is never joined across them."""
    out: list[Para] = []
    current: list[_Line] = []
    current_run: _Run | None = None

    def flush() -> None:
        if current:
            joined = current[0].text
            origins = [(0, current[0].number)]
            for line in current[1:]:
                joined = _join_text(joined, line.text)
                origins.append((len(joined) - len(line.text), line.number))
            first = current[0].text
            out.append(
                Para(
                    "text",
                    joined,
                    lines=len(current),
                    marker=patterns.LIST_MARKER.match(first) is not None,
                    byline=patterns.is_byline(first),
                    origins=tuple(origins),
                )
            )
            current.clear()

    for segment in _segments(text):
        if isinstance(segment, Para):
            flush()
            current_run = None
            out.append(segment)
            continue
        for i, line in enumerate(segment.lines):
            if _is_standalone(line.text):
                flush()
                current_run = None
                out.append(_standalone_para(line))
                continue
            if current and current_run is not None:
                prev = current[-1]
                if i == 0:
                    joined = not marked_paragraphs and _joins_across_blank(current, current_run, line, breaks)
                else:
                    joined = _joins_within(prev, line, segment, breaks)
                if not joined:
                    flush()
            else:
                flush()
            current.append(line)
            current_run = segment
    flush()
    return out
