"""Search results grouped by document, in rank order, with aligned KWIC lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style

from zhreader.support.cells import cells
from zhreader.tui.widgets.document_list import fit
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
        self.rows: list[Row] = []

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def selectable(self, row: int) -> bool:
        return self.rows[row].kind in ("doc", "hit")

    def show(self, docs: list[ResultDoc], total_docs: int, message: str = "") -> None:
        self.docs = docs
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
        self.border_title = f"Results · {result.total_hits:,} hits in {result.total_docs:,} docs"

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
            title = fit(doc.title, width - cells(count) - 2)
            gap = max(width - cells(title) - cells(count) - 1, 0)
            return [
                Segment(" ", cursor or base),
                Segment(title, styled("results-list--title")),
                Segment(" " * gap, cursor or base),
                Segment(count, styled("results-list--count")),
            ]
        hit = doc.hits[spec.hit]
        indent = 3
        body = max(width - indent, 4)
        hit_text = fit(hit.snippet.hit, max(body // 2, 2))
        left_room = max((body - cells(hit_text)) * 2 // 5, 0)
        left = _left_context(hit.snippet.left, left_room)
        right = fit(hit.snippet.right, max(body - left_room - cells(hit_text), 0))
        return [
            Segment(" " * indent, cursor or base),
            Segment(" " * (left_room - cells(left)), cursor or base),
            Segment(left, styled("results-list--context")),
            Segment(hit_text, styled("results-list--hit")),
            Segment(right, styled("results-list--context")),
        ]
