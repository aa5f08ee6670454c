"""The outline of the open document: its title, headings and subheads, indented by
level; choosing one moves the reader there."""

from __future__ import annotations

from rich.segment import Segment

from zhreader.corpus import Document, OutlineEntry
from zhreader.support.cells import fit
from zhreader.tui.widgets.line_list import LineList, row_style


class OutlineList(LineList):
    COMPONENT_CLASSES = {"outline-list--cursor", "outline-list--level0", "outline-list--level1"}
    DEFAULT_CSS = """
    OutlineList > .outline-list--cursor { background: $accent 60%; }
    OutlineList > .outline-list--level0 { text-style: bold; color: $accent; }
    OutlineList > .outline-list--level1 { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[OutlineEntry] = []

    @property
    def row_count(self) -> int:
        return len(self.entries)

    def show(self, document: Document | None) -> None:
        self.entries = document.outline() if document is not None else []
        self.border_title = f"Outline {len(self.entries)}" if self.entries else "Outline (none)"
        self.rows_changed()

    def follow(self, offset: int) -> None:
        """Put the cursor on the section that contains ``offset``."""
        row = -1
        for index, entry in enumerate(self.entries):
            if entry.start <= offset:
                row = index
            else:
                break
        if row >= 0 and row != self.cursor:
            self.set_reactive(OutlineList.cursor, row)
            self._scroll_cursor_into_view()
            self.refresh()

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        entry = self.entries[row]
        style = row_style(self, "outline-list--level0" if entry.level == 0 else "outline-list--level1")
        if entry.level > 1:
            style = self.base_style()
        if selected:
            style = style + row_style(self, "outline-list--cursor")
        indent = " " * (1 + 2 * max(entry.level - 1, 0))
        return [
            Segment(indent, style if selected else self.base_style()),
            Segment(fit(entry.text, width - len(indent)), style),
        ]
