"""Notes out of zhreader: Markdown grouped by tag, CSV for spreadsheets, JSON for tools.

JSON is exact: every string comes back as it was written (escaped where line readers and
terminals would trip). Markdown and CSV are for reading and for spreadsheets: control
characters in them are shown as symbols (␛), and a CSV cell that a spreadsheet would run
as a formula (starting with = + - @, a tab or a carriage return, or their full-width forms)
gets a leading apostrophe, as OWASP recommends against CSV injection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from zhreader.corpus.notes.anchor import Anchor, Status
from zhreader.corpus.notes.model import Note
from zhreader.support import jsonlines, spreadsheet
from zhreader.support.printable import printable
from zhreader.support.spreadsheet import Cell


@dataclass(frozen=True, slots=True)
class Placed:
    """A note with where it is now (after re-anchoring) and its document's title."""

    note: Note
    anchor: Anchor
    title: str
    # Where the passage starts now in a paged source; the page noted when the passage
    # is gone from its document.
    page: int | None = None

    @property
    def orphaned(self) -> bool:
        return self.anchor.status is Status.ORPHANED

    def as_json(self) -> dict[str, Any]:
        note = self.note
        return {
            "id": note.id,
            "doc": note.doc,
            "title": self.title,
            "start": self.anchor.start if not self.orphaned else None,
            "end": self.anchor.end if not self.orphaned else None,
            "page": self.page,
            "quote": note.quote,
            "tags": list(note.tags),
            "comment": note.comment,
            # anchored, moved, fuzzy or orphaned (see anchor.Status)
            "status": self.anchor.status.value,
            "created": note.created,
            "updated": note.updated,
        }


def by_tag(placed: Iterable[Placed]) -> dict[str, list[Placed]]:
    groups: dict[str, list[Placed]] = {}
    for item in placed:
        for tag in item.note.tags:
            groups.setdefault(tag, []).append(item)
    return dict(sorted(groups.items()))


# ASCII punctuation that can start Markdown syntax anywhere in a line, and what can only
# at its start (a heading, a quote, a list item, a setext underline, a thematic break).
_MD_INLINE = frozenset("\\`*_[]<>|~&!")
_MD_LINE_START = frozenset("#>-+=")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def markdown_text(text: str) -> str:
    """One line of data that Markdown shows as written: its syntax characters escaped
    (CommonMark lets any ASCII punctuation be escaped), controls as symbols."""
    shown = printable(" ".join(text.split()))
    escaped = "".join("\\" + ch if ch in _MD_INLINE else ch for ch in shown)
    if escaped[:1] in _MD_LINE_START:
        escaped = "\\" + escaped
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


def _markdown_lines(text: str) -> list[str]:
    """A comment as Markdown: each of its lines kept (a hard break), blank lines as
    paragraph breaks, every line escaped."""
    lines = [markdown_text(line) for line in printable(text, newlines=True).split("\n")]
    out: list[str] = []
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line + ("\\" if line and following else ""))
    return out


def to_markdown(placed: list[Placed], corpus: str) -> str:
    lines = [f"# Notes: {markdown_text(corpus)}", ""]
    for tag, items in by_tag(placed).items():
        lines += [f"## {markdown_text(tag)} ({len(items)})", ""]
        for item in sorted(items, key=lambda i: (i.note.doc, i.anchor.start)):
            lines.append("> " + markdown_text(item.note.quote))
            lines.append("")  # else the attribution renders inside the quote
            where = f"{markdown_text(item.title)} ({markdown_text(item.note.doc)}"
            if item.page is not None:
                where += f", p. {item.page}"
            where += ", orphaned: the passage is no longer in the document)" if item.orphaned else ")"
            lines.append(f"— {where}")
            if item.note.comment:
                lines.append("")
                lines.extend(_markdown_lines(item.note.comment))
            lines.append("")
    if not placed:
        lines.append("No notes yet.")
    return "\n".join(lines).rstrip() + "\n"


CSV_COLUMNS = [
    "tag", "doc", "title", "quote", "comment", "status", "start", "end", "page", "note_id", "created", "updated",
]  # fmt: skip


def to_csv(placed: list[Placed]) -> str:
    """One row per note and tag, UTF-8 with a BOM so spreadsheets read Chinese right."""
    rows: list[list[Cell]] = []
    for tag, items in by_tag(placed).items():
        for item in items:
            data = item.as_json()
            text = [tag, data["doc"], data["title"], data["quote"], data["comment"], data["status"]]
            place = [data[key] for key in ("start", "end", "page")]
            rows.append([*text, *place, data["id"], data["created"], data["updated"]])
    return spreadsheet.to_csv(CSV_COLUMNS, rows)


def to_json(placed: list[Placed]) -> str:
    return jsonlines.dumps([item.as_json() for item in placed], indent=1) + "\n"
