"""Search results grouped by document, in rank order, with aligned KWIC lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style

from zhreader.support.cells import cells, fit
from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.widgets.line_list import LineList, row_style

if TYPE_CHECKING:
    from zhreader.index import Hit, SearchResult

HITS_PER_DOC = 3
MAX_DOCS = 200


@dataclass(frozen=True, slots=True)
class ResultDoc:
    doc_id: str
    title: str
    hit_count: int
    hits: tuple[Hit, ...]  # the first few, for the KWIC lines


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "doc" | "hit" | "more" | "note"
    doc: int = -1
    hit: int = -1
    text: str = ""


def _left_context(text: str, room: int) -> str:
    out, used = [], 0
    for ch in reversed(text):
        w = cells(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(reversed(out))


def places(docs: list[ResultDoc]) -> dict[int, str]:
    """Where each document whose title another one shares is: its folder when the folders
    differ, else its path (two files of one folder with the same title)."""
    by_title: dict[str, list[int]] = {}
    for index, doc in enumerate(docs):
        by_title.setdefault(doc.title, []).append(index)
    out: dict[int, str] = {}
    for indexes in by_title.values():
        if len(indexes) < 2:
            continue
        folders = [docs[i].doc_id.rpartition("/")[0] for i in indexes]
        distinct = len(set(folders)) == len(folders)
        for index, folder in zip(indexes, folders, strict=True):
            out[index] = printable((folder or ".") + "/" if distinct else docs[index].doc_id)
    return out


class ResultsList(LineList):
    COMPONENT_CLASSES = {
        "results-list--cursor",
        "results-list--title",
        "results-list--count",
        "results-list--context",
        "results-list--hit",
        "results-list--dim",
    }
    DEFAULT_CSS = """
    ResultsList > .results-list--cursor { background: $accent 25%; }
    ResultsList:focus > .results-list--cursor { background: $accent 60%; }
    ResultsList > .results-list--title { text-style: bold; }
    ResultsList > .results-list--count { color: $warning; }
    ResultsList > .results-list--context { color: $text-muted; }
    ResultsList > .results-list--hit { color: $text; background: $warning 35%; text-style: bold; }
    ResultsList > .results-list--dim { color: $text-muted; text-style: italic; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.docs: list[ResultDoc] = []
        self.places: dict[int, str] = {}  # doc index -> where it is, for titles shown twice
        self.rows: list[Row] = []

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def selectable(self, row: int) -> bool:
        return self.rows[row].kind in ("doc", "hit")

    def show(self, docs: list[ResultDoc], total_docs: int, message: str = "") -> None:
        self.docs = docs
        self.places = places(docs)
        rows: list[Row] = []
        if message:
            rows.append(Row("note", text=message))
        for index, doc in enumerate(docs):
            rows.append(Row("doc", index))
            rows.extend(Row("hit", index, n) for n in range(len(doc.hits)))
            if doc.hit_count > len(doc.hits):
                rows.append(Row("more", index, text=f"… {doc.hit_count - len(doc.hits):,} more"))
        if total_docs > len(docs):
            rows.append(Row("note", text=f"showing {len(docs):,} of {total_docs:,} documents: refine the query"))
        self.rows = rows
        self.scroll_to(y=0, animate=False)
        self.rows_changed()

    def show_result(self, query: str, result: SearchResult, docs: list[ResultDoc]) -> None:
        notes = "; ".join(result.notices)
        if result.docs:
            self.show(docs, result.total_docs, notes)
        else:
            self.show([], 0, f"No matches for {query}" + (f" ({notes})" if notes else ""))
        self.border_title = f"Results · {counted(result.total_hits, 'hit')} in {counted(result.total_docs, 'doc')}"

    def show_message(self, message: str) -> None:
        self.show([], 0, message)
        self.border_title = "Results"

    def target(self, row: int) -> tuple[str, int] | None:
        """(doc id, hit index) a row leads to."""
        if not 0 <= row < len(self.rows):
            return None
        spec = self.rows[row]
        if spec.kind == "doc":
            return self.docs[spec.doc].doc_id, 0
        if spec.kind == "hit":
            return self.docs[spec.doc].doc_id, spec.hit
        return None

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        spec = self.rows[row]
        base = self.base_style()
        cursor = row_style(self, "results-list--cursor") if selected else None

        def styled(name: str) -> Style:
            style = row_style(self, name)
            return style + cursor if cursor else style

        if spec.kind == "note":
            return [Segment(" " + fit(spec.text, width - 1), row_style(self, "results-list--dim"))]
        if spec.kind == "more":
            return [Segment("     " + fit(spec.text, width - 5), row_style(self, "results-list--dim"))]
        doc = self.docs[spec.doc]
        if spec.kind == "doc":
            count = f" {doc.hit_count:,}"
            room = width - cells(count) - 2
            place = self.places.get(spec.doc, "")
            if place:
                place = " " + _left_context(place, max(room // 2 - 1, 4))
                if place.strip() != self.places[spec.doc]:
                    place = " …" + place[2:]  # the end of a path tells it apart; its start gives way
            title = fit(doc.title, room - cells(place))
            gap = max(width - cells(title) - cells(place) - cells(count) - 1, 0)
            return [
                Segment(" ", cursor or base),
                Segment(title, styled("results-list--title")),
                Segment(place, styled("results-list--dim")),
                Segment(" " * gap, cursor or base),
                Segment(count, styled("results-list--count")),
            ]
        hit = doc.hits[spec.hit]
        indent = 3
        shown = kwic(hit.snippet.left, hit.snippet.hit, hit.snippet.right, max(width - indent, 4))
        return [
            Segment(" " * indent, cursor or base),
            Segment(shown.pad, cursor or base),
            Segment(shown.left, styled("results-list--context")),
            Segment(shown.hit, styled("results-list--hit")),
            Segment(shown.cut, styled("results-list--dim")),
            Segment(shown.right, styled("results-list--context")),
        ]


@dataclass(frozen=True, slots=True)
class Kwic:
    pad: str  # spaces that align the hits of a list
    left: str
    hit: str
    cut: str  # says how much of the hit is not shown ("" when it is whole)
    right: str


def kwic(left: str, hit: str, right: str, width: int) -> Kwic:
    """A KWIC line of ``width`` cells: the hit whole, the context shortened around it
    (two fifths of the room to the left). A hit wider than the line shows its start and
    how many characters of it are left out."""
    hit_cells = cells(hit)
    if hit_cells <= width:
        room = width - hit_cells
        left_room = room * 2 // 5
        shown_left = _left_context(left, left_room)
        pad = " " * (left_room - cells(shown_left))
        return Kwic(pad, shown_left, hit, "", fit(right, room - left_room))
    prefix = _prefix(hit, width)
    while prefix:
        cut = f"…+{len(hit) - len(prefix)}"
        if cells(prefix) + cells(cut) <= width:
            return Kwic("", "", prefix, cut, "")
        prefix = prefix[:-1]
    return Kwic("", "", _prefix(hit, width - 1), "…", "")


def _prefix(text: str, room: int) -> str:
    out, used = [], 0
    for ch in text:
        w = cells(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(out)
