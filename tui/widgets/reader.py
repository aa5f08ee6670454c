"""The reader: a document laid out with Chinese line breaking, every hit highlighted.

Drawn with the Line API from a precomputed layout (see ``tui.reader_layout``), so only
visible lines are rendered. Big documents are laid out in a worker thread. Document text
is always emitted as plain segments: it is never parsed as markup, and the display text
holds no control characters (the corpus made them visible symbols), so a document cannot
change the screen, the window title or the terminal's state.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich import box
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events, work
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from corpus import Document, Kind
from tui.reader_layout import Layout, layout
from tui.widgets.styles import CachedStyles

GUTTER = 2
MAX_MEASURE = 96  # cells: longer lines are hard to read
THREAD_LAYOUT_CHARS = 150_000  # above this, lay out in a worker thread
SHORT_COLUMN = 8  # cells every table column keeps before long columns get more

KIND_CLASS = {
    Kind.TITLE: "reader--title",
    Kind.HEADING: "reader--heading",
    Kind.SUBHEAD: "reader--subhead",
    Kind.BYLINE: "reader--byline",
    Kind.NOTE: "reader--note",
    Kind.PRE: "reader--pre",
}


@dataclass(frozen=True, slots=True)
class Position:
    doc_id: str
    offset: int  # display-text offset of the first visible line
    block: int  # the passage cursor
    blocks: int
    percent: int


class ReaderView(CachedStyles, ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "reader--title",
        "reader--heading",
        "reader--subhead",
        "reader--byline",
        "reader--note",
        "reader--pre",
        "reader--table",
        "reader--hit",
        "reader--current-hit",
        "reader--cursor",
        "reader--placeholder",
    }
    BINDINGS = [
        Binding("down,j", "scroll_lines(1)", "Down", show=False, id="reader.down"),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("right_square_bracket", "passage(1)", "Next paragraph", id="reader.next_paragraph"),
        Binding("left_square_bracket", "passage(-1)", "Previous paragraph", id="reader.previous_paragraph"),
    ]

    cursor_block: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        def __init__(self, position: Position) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.hits: list[tuple[int, int]] = []
        self.current_hit = -1
        self._hit_starts: list[int] = []
        self._layout: Layout | None = None
        self._tables: dict[int, list[list[Segment]]] = {}
        self._pending_offset: int | None = None
        self._placeholder = "Select a document and press Enter"

    # -- public API ------------------------------------------------------------------

    def show(
        self,
        document: Document | None,
        *,
        offset: int | None = None,
        hits: list[tuple[int, int]] | None = None,
        current_hit: int = -1,
    ) -> None:
        self.document = document
        self.hits = list(hits or [])
        self._hit_starts = [s for s, _ in self.hits]
        self.current_hit = current_hit
        self._layout = None
        self._tables = {}
        self.set_reactive(ReaderView.cursor_block, 0)
        if current_hit >= 0 and self.hits:
            offset = self.hits[current_hit][0]
        self._pending_offset = offset
        self.border_title = document.title if document else None
        self._relayout()

    def set_hits(self, hits: list[tuple[int, int]], current_hit: int = -1) -> None:
        touched = self._hit_tables()
        self.hits = list(hits)
        self._hit_starts = [s for s, _ in self.hits]
        self.current_hit = current_hit
        self._redraw_tables(touched | self._hit_tables())
        self.refresh()

    def goto_hit(self, index: int) -> bool:
        if not 0 <= index < len(self.hits):
            return False
        touched = self._hit_tables(self.current_hit)
        self.current_hit = index
        self._redraw_tables(touched | self._hit_tables(index))
        self.refresh()
        self.scroll_to_offset(self.hits[index][0], center=True)
        return True

    def scroll_to_offset(self, offset: int, *, center: bool = False) -> None:
        if self.document is None:
            return
        if self._layout is None:
            self._pending_offset = offset
            return
        line = self._layout.line_of(self.document, offset)
        height = self.scrollable_content_region.height
        top = line - height // 3 if center else line
        self.scroll_to(y=max(top, 0), animate=False)
        self.set_reactive(ReaderView.cursor_block, self.document.block_at(offset))
        self._report()
        self.refresh()

    @property
    def top_offset(self) -> int:
        if self._layout is None or not self._layout.lines:
            return 0
        y = min(round(self.scroll_y), len(self._layout.lines) - 1)
        return self._layout.lines[y].start

    # -- layout ----------------------------------------------------------------------

    def _measure(self) -> int:
        return max(min(self.scrollable_content_region.width - GUTTER - 1, MAX_MEASURE), 8)

    def _relayout(self) -> None:
        document = self.document
        if document is None or self.size.width == 0:
            self.virtual_size = Size(0, 1 if document is None else 0)
            self.refresh()
            return
        width = self._measure()
        if len(document.text) > THREAD_LAYOUT_CHARS:
            self._placeholder = f"Laying out {len(document.text):,} characters…"
            self.virtual_size = Size(width, 1)
            self.refresh()
            self._layout_in_thread(document, width)
        else:
            self._apply_layout(document, self._compute(document, width))

    def _compute(self, document: Document, width: int) -> Layout:
        tables: dict[int, list[list[Segment]]] = {}

        def table_lines(block: int) -> int:
            tables[block] = self._render_table(document, block, width)
            return len(tables[block])

        result = layout(document, width, table_lines)
        self._tables = tables
        return result

    @work(thread=True, exclusive=True, group="reader-layout")
    def _layout_in_thread(self, document: Document, width: int) -> None:
        result = self._compute(document, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_layout, document, result)

    def _apply_layout(self, document: Document, result: Layout) -> None:
        if document is not self.document:
            return  # another document was opened meanwhile
        keep = self._pending_offset if self._pending_offset is not None else (self.top_offset if self._layout else None)
        self._layout = result
        self._pending_offset = None
        self.virtual_size = Size(result.width + GUTTER, len(result.lines))
        if keep is not None:
            current = self.current_hit >= 0 and self.hits and self.hits[self.current_hit][0] == keep
            self.scroll_to_offset(keep, center=bool(current))
        else:
            self.scroll_to(y=0, animate=False)
            self._report()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.document is None:
            return
        if self._layout is None or self._layout.width != self._measure():
            if self._layout is not None:
                self._pending_offset = self.top_offset
            self._relayout()

    # -- tables ----------------------------------------------------------------------

    def _hit_tables(self, hit: int | None = None) -> set[int]:
        """Table blocks holding any hit (or just hit number ``hit``)."""
        document = self.document
        if document is None or not self._tables or not self.hits:
            return set()
        if hit is not None:
            return {document.block_at(self.hits[hit][0])} & self._tables.keys() if 0 <= hit < len(self.hits) else set()
        found = set()
        for block in self._tables:
            start, end = document.blocks[block].start, document.blocks[block].end
            first = bisect.bisect_left(self._hit_starts, start)
            if first < len(self._hit_starts) and self._hit_starts[first] < end:
                found.add(block)
        return found

    def _redraw_tables(self, blocks: set[int]) -> None:
        """Tables bake their highlights in: redraw those whose hits changed."""
        document, result = self.document, self._layout
        if document is None or result is None:
            return
        for block in blocks:
            lines = self._render_table(document, block, result.width)
            if len(lines) == len(self._tables[block]):
                self._tables[block] = lines

    def _render_table(self, document: Document, block: int, width: int) -> list[list[Segment]]:
        start = document.blocks[block].start
        rows: list[list[Text]] = []
        position = start
        for raw in document.block_text(block).split("\n"):
            cells: list[Text] = []
            for cell in raw.split("\t"):
                cells.append(self._styled(cell, position, None))
                position += len(cell) + 1
            rows.append(cells)
        columns = max(len(row) for row in rows)
        caption = rows.pop(0)[0] if len(rows) > 1 and len(rows[0]) == 1 and columns > 1 else None
        header = rows.pop(0) if rows and len(rows[0]) == columns and columns > 1 else None
        # Short columns (units, numbers) keep their natural width; the long ones share
        # what is left in proportion to their content. (Rich would squeeze CJK columns,
        # which have no spaces to wrap at, all alike.)
        natural = [1] * columns
        for row in ([header] if header else []) + rows:
            if len(row) == 1 and columns > 1:
                continue  # a group row spanning the table
            for index, cell in enumerate(row):
                natural[index] = max(natural[index], cell.cell_len)
        room = width - 3 * (columns - 1)  # SIMPLE_HEAD without edges: " " rule plus padding
        fixed: list[int | None] = [None] * columns
        if sum(natural) > room:
            # Every column keeps up to SHORT_COLUMN cells (numbers and units stay whole);
            # the rest of the room goes to the columns that want more, by how much.
            floor = [min(n, SHORT_COLUMN) for n in natural]
            extra = max(room - sum(floor), 0)
            want = [n - f for n, f in zip(natural, floor, strict=True)]
            total = sum(want) or 1
            fixed = [max(f + extra * w // total, 2) for f, w in zip(floor, want, strict=True)]
        table = Table(
            box=box.SIMPLE_HEAD,
            title=caption,
            title_justify="left",
            show_header=header is not None,
            expand=False,
            style=self.part_style("reader--table"),
            pad_edge=False,
            show_edge=False,
        )
        for index in range(columns):
            table.add_column(header[index] if header else "", overflow="fold", width=fixed[index])
        for row in rows:
            if len(row) == 1 and columns > 1:
                row[0].stylize("bold")
            table.add_row(*row)
        options = self.app.console.options.update_width(width)
        return self.app.console.render_lines(table, options, pad=False)

    # -- drawing ---------------------------------------------------------------------

    def _styled(self, text: str, start: int, base: Style | None) -> Text:
        content = Text(text.replace("\t", " "), style=base or "")
        end = start + len(text)
        hit_style = self.get_component_rich_style("reader--hit")
        current_style = self.get_component_rich_style("reader--current-hit")
        first = bisect.bisect_left(self._hit_starts, start - 64)
        for index in range(first, len(self.hits)):
            s, e = self.hits[index]
            if s >= end:
                break
            if e <= start:
                continue
            content.stylize(
                current_style if index == self.current_hit else hit_style, max(s, start) - start, min(e, end) - start
            )
        return content

    def _line_segments(self, start: int, end: int, base: Style) -> list[Segment]:
        assert self.document is not None
        text = self.document.text[start:end].replace("\t", " ")
        if not self.hits:
            return [Segment(text, base)]
        hit_style = base + self.part_style("reader--hit")
        current_style = base + self.part_style("reader--current-hit")
        segments: list[Segment] = []
        position = start
        # Hits never span more than a few lines; start the search a little before.
        index = max(bisect.bisect_left(self._hit_starts, start) - 1, 0)
        while index < len(self.hits):
            s, e = self.hits[index]
            if s >= end:
                break
            if e > start:
                s, e = max(s, start), min(e, end)
                if s > position:
                    segments.append(Segment(text[position - start : s - start], base))
                if e > max(s, position):
                    style = current_style if index == self.current_hit else hit_style
                    segments.append(Segment(text[max(s, position) - start : e - start], style))
                    position = e
            index += 1
        if position < end:
            segments.append(Segment(text[position - start :], base))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style()
        document, result = self.document, self._layout
        if document is None or result is None:
            if y == 1:
                placeholder = self.part_style("reader--placeholder")
                return Strip([Segment("  " + self._placeholder, placeholder)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        index = round(self.scroll_y) + y
        if not 0 <= index < len(result.lines):
            return Strip.blank(width, base)
        line = result.lines[index]
        if line.block < 0:
            return Strip.blank(width, base)
        block = document.blocks[line.block]
        cursor_here = line.block == self.cursor_block and self.has_focus
        gutter = Segment("▌ ", self.part_style("reader--cursor")) if cursor_here else Segment("  ", base)
        segments = [gutter]
        if line.table_row >= 0:
            segments.extend(self._tables.get(line.block, [[]])[line.table_row] if line.block in self._tables else [])
        else:
            name = KIND_CLASS.get(block.kind)
            style = self.part_style(name) if name else base
            if line.indent:
                segments.append(Segment(" " * line.indent, base))
            segments.extend(self._line_segments(line.start, line.end, style))
        return Strip(segments).adjust_cell_length(width, base)

    # -- movement --------------------------------------------------------------------

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            if self._layout is not None and self.document is not None and self.document.blocks:
                # The passage cursor stays on screen: scrolled away, it lands on the
                # nearest visible paragraph.
                first, last = self._visible_blocks()
                if not first <= self.cursor_block <= last:
                    self.set_reactive(ReaderView.cursor_block, first if new > old else last)
            self._report()

    def _report(self) -> None:
        document, result = self.document, self._layout
        if document is None or result is None or not result.lines:
            return
        total = max(len(result.lines) - self.scrollable_content_region.height, 1)
        percent = min(round(100 * round(self.scroll_y) / total), 100)
        position = Position(document.id, self.top_offset, self.cursor_block, len(document.blocks), percent)
        self.post_message(self.Moved(position))
        self.border_subtitle = f"¶{self.cursor_block + 1}/{len(document.blocks)} · {percent}%"

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to(y=self.scroll_y + count, animate=False)

    def action_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(self.scrollable_content_region.height - 2, 1), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)
        self.set_reactive(ReaderView.cursor_block, 0)
        self._report()
        self.refresh()

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)
        if self.document is not None and self.document.blocks:
            self.set_reactive(ReaderView.cursor_block, len(self.document.blocks) - 1)
        self._report()
        self.refresh()

    def _visible_blocks(self) -> tuple[int, int]:
        assert self._layout is not None
        top = round(self.scroll_y)
        bottom = top + max(self.scrollable_content_region.height - 1, 0)
        return self._layout.block_of_line(top), self._layout.block_of_line(bottom)

    def action_passage(self, step: int) -> None:
        document, result = self.document, self._layout
        if document is None or result is None or not document.blocks:
            return
        first, last = self._visible_blocks()
        if not first <= self.cursor_block <= last:
            target = first if step > 0 else last
        else:
            target = min(max(self.cursor_block + step, 0), len(document.blocks) - 1)
        self.cursor_block = target
        line_first, line_last = result.block_first[target], result.block_last[target]
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if line_first < top or line_last >= top + height:
            self.scroll_to(
                y=line_first if line_last - line_first >= height or step < 0 else line_last - height + 1, animate=False
            )
        self._report()

    def watch_cursor_block(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if self._layout is None or offset is None:
            return
        self.cursor_block = self._layout.block_of_line(round(self.scroll_y) + offset.y)
        self._report()
