"""The notes pane: tags with counts and, under each, its passages (document title and
quote); notes whose passage could not be found again have their own group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment

from zhreader.support.cells import cells, fit
from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.quoting import quoted
from zhreader.tui.widgets.line_list import LineList, row_style

if TYPE_CHECKING:
    from zhreader.corpus.notes.export import Placed

ORPHANED = "orphaned (passage not found)"


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str  # "tag" | "note"
    text: str
    count: int = 0
    placed: Placed | None = None


class NotesList(LineList):
    COMPONENT_CLASSES = {"notes-list--cursor", "notes-list--tag", "notes-list--count", "notes-list--orphaned"}
    DEFAULT_CSS = """
    NotesList > .notes-list--cursor { background: $accent 60%; }
    NotesList > .notes-list--tag { color: $secondary; text-style: bold; }
    NotesList > .notes-list--orphaned { color: $error; text-style: bold; }
    NotesList > .notes-list--count { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[_Row] = []

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def selectable(self, row: int) -> bool:
        return self.rows[row].kind == "note"

    def show(self, placed: list[Placed]) -> None:
        groups: dict[str, list[Placed]] = {}
        orphaned = []
        for item in placed:
            if item.orphaned:
                orphaned.append(item)
                continue
            for tag in item.note.tags:
                groups.setdefault(tag, []).append(item)
        rows: list[_Row] = []
        for tag in sorted(groups):
            items = sorted(groups[tag], key=lambda p: (p.note.doc, p.anchor.start))
            rows.append(_Row("tag", tag, len(items)))
            rows.extend(_Row("note", p.title, placed=p) for p in items)
        if orphaned:
            rows.append(_Row("tag", ORPHANED, len(orphaned)))
            rows.extend(_Row("note", p.title, placed=p) for p in orphaned)
        self.rows = rows
        self.border_subtitle = "e edit · d delete · u undo" if placed else ""
        self.border_title = (
            f"Notes · {len(placed)} in {counted(len(groups), 'tag')}"
            if placed
            else "Notes (none yet: t tags a passage)"
        )
        self.rows_changed(keep_cursor=True)

    def target(self, row: int) -> Placed | None:
        return self.rows[row].placed if 0 <= row < len(self.rows) else None

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        spec = self.rows[row]
        base = self.base_style()
        if spec.kind == "tag":
            name = "notes-list--orphaned" if spec.text == ORPHANED else "notes-list--tag"
            count = f" {spec.count}"
            return [
                Segment(" ◆ ", row_style(self, name)),
                Segment(fit(printable(spec.text), width - len(count) - 3), row_style(self, name)),
                Segment(count, row_style(self, "notes-list--count")),
            ]
        assert spec.placed is not None
        cursor = row_style(self, "notes-list--cursor") if selected else base
        # A note's quote comes from the notes file, which may have been edited by hand.
        quote = printable(" ".join(spec.placed.note.quote.split()))
        title = fit(printable(spec.text), max(width // 3, 6))
        return [
            Segment("   ", cursor),
            Segment(title, cursor + row_style(self, "notes-list--count") if not selected else cursor),
            Segment(" · ", cursor),
            Segment(fit(quoted(quote), max(width - 6 - cells(title), 4)), cursor),
        ]
