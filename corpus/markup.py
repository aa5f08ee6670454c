"""HTML to text blocks with the standard library's parser (EPUB chapters are XHTML).

Headings stay headings, tables stay tables, paragraphs and list items are blocks, ``<br>``
is a line break; ruby readings (``<rt>``, ``<rp>``) are dropped so that 漢字 with its
pinyin above it reads, and is found, as 漢字; scripts, styles and the head are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

from zhreader.corpus.extracted import TextBlocks

_SKIPPED = frozenset({"head", "script", "style", "rt", "rp", "template", "svg", "math", "noscript"})
_BLOCKS = frozenset(
    {
        "p", "div", "li", "dt", "dd", "blockquote", "section", "article", "aside", "header", "footer",
        "figcaption", "pre", "address", "nav", "main", "ul", "ol", "dl", "figure", "hr", "body", "center",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"})


class _Converter(HTMLParser):
    def __init__(self, out: TextBlocks) -> None:
        super().__init__(convert_charrefs=True)
        self.out = out
        self.skip = 0  # depth inside skipped elements
        self.text: list[str] = []
        self.heading = 0
        self.rows: list[list[str]] | None = None  # the table being read
        self.cell: list[str] | None = None
        self.table_depth = 0

    def flush(self) -> None:
        text = "".join(self.text)
        self.text = []
        if self.heading:
            self.out.heading(self.heading, text)
        else:
            self.out.paragraph(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        if self.skip or tag in _SKIPPED:
            self.skip += 1
            return
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self.flush()
                self.rows = []
        elif self.table_depth:
            if tag == "tr" and self.rows is not None:
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = []
        elif tag in _HEADINGS:
            self.flush()
            self.heading = _HEADINGS[tag]
        elif tag in _BLOCKS:
            self.flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            return
        if tag == "br":
            (self.cell if self.cell is not None else self.text).append("\n" if self.cell is None else " ")
        elif tag == "hr" and not self.table_depth:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        if self.table_depth:
            if tag in ("td", "th") and self.cell is not None and self.rows is not None:
                if not self.rows:
                    self.rows.append([])
                self.rows[-1].append("".join(self.cell))
                self.cell = None
            elif tag == "table":
                self.table_depth -= 1
                if not self.table_depth and self.rows is not None:
                    self.out.table(self.rows)
                    self.rows = None
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading = 0
        elif tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.table_depth:
            if self.cell is not None:
                self.cell.append(data)
            return
        self.text.append(_WHITESPACE.sub(_space, data))


# HTML collapses white space; a line break of the source between two CJK characters is
# nothing at all (a space there would split a word, and a search for it).
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")


def _space(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    if "\n" in match.group() and start > 0 and end < len(text) and _is_wide(text[start - 1]) and _is_wide(text[end]):
        return ""
    return " "


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def html_to_blocks(html: str, out: TextBlocks) -> None:
    converter = _Converter(out)
    converter.feed(html)
    converter.close()
    converter.flush()
