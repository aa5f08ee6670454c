"""The reader: a document laid out with Chinese line breaking, every hit highlighted.

Over 400 lines for a reason: one ScrollView owns scrolling, the passage cursor, the
selection and mouse input, which all share its layout state. What can be computed without
it lives beside it: the layout (``tui.reader_layout``), painting highlights
(``tui.reader_paint``), moving a selection (``tui.selection``) and tables
(``widgets.reader_table``).

Drawn with the Line API from a precomputed layout (see ``tui.reader_layout``), so only
visible lines are rendered. Big documents are laid out in a worker thread. Document text
is always emitted as plain segments: it is never parsed as markup, and the display text
holds no control characters (the corpus made them visible symbols), so a document cannot
change the screen, the window title or the terminal's state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from zhreader.corpus import Document, Kind
from zhreader.support.printable import printable
from zhreader.tui.reader_layout import Layout, layout
from zhreader.tui.reader_paint import Hits, Palette, highlighted, layers
from zhreader.tui.reader_paint import segments as paint
from zhreader.tui.selection import Sentences, first_sentence, nudge
from zhreader.tui.widgets.reader_table import render_table
from zhreader.tui.widgets.styles import CachedStyles

GUTTER = 2
MAX_MEASURE = 96  # cells: longer lines are hard to read
THREAD_LAYOUT_CHARS = 150_000  # above this, lay out in a worker thread
_AT_KEY = "zhreader-at"  # marks the character a table line is looked for by
_AT = Style(meta={_AT_KEY: True})

KIND_CLASS = {
    Kind.TITLE: "reader--title",
    Kind.HEADING: "reader--heading",
    Kind.SUBHEAD: "reader--subhead",
    Kind.BYLINE: "reader--byline",
    Kind.JUMP: "reader--jump",
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
        "reader--jump",
        "reader--pre",
        "reader--table",
        "reader--hit",
        "reader--current-hit",
        "reader--cursor",
        "reader--placeholder",
        "reader--tagged",
        "reader--tag-mark",
        "reader--tag-label",
        "reader--selection",
    }
    DEFAULT_CSS = """
    ReaderView {
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        scrollbar-size-vertical: 1;
    }
    ReaderView:focus { border: round $accent; border-title-color: $text; }
    ReaderView > .reader--title { text-style: bold; color: $accent; }
    ReaderView > .reader--heading { text-style: bold; color: $primary-lighten-2; }
    ReaderView > .reader--subhead { text-style: bold; }
    ReaderView > .reader--byline { color: $text-muted; }
    /* A newspaper's jump note, （上接第2版）: layout furniture, read past. */
    ReaderView > .reader--jump { color: $text-muted; text-style: italic; }
    ReaderView > .reader--pre { color: $text-muted; }
    ReaderView > .reader--table { color: $text; }
    ReaderView > .reader--hit { background: $warning 35%; }
    ReaderView > .reader--current-hit { background: $warning; color: $background; text-style: bold; }
    ReaderView > .reader--cursor { color: $accent; }
    ReaderView > .reader--placeholder { color: $text-muted; text-style: italic; }
    /* A passage the user tagged: tinted, marked in the gutter, labelled below. */
    ReaderView > .reader--tagged { background: $secondary 20%; }
    ReaderView > .reader--tag-mark { color: $secondary; }
    ReaderView > .reader--tag-label { color: $secondary; text-style: italic; }
    ReaderView > .reader--selection { background: $primary 45%; text-style: underline; }
    """
    BINDINGS = [
        Binding("down,j", "scroll_lines(1)", "Down", show=False, id="reader.down"),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        # Not ctrl+f: that finds in the document (settings.json's keymap can give it back).
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("right_square_bracket", "passage(1)", "Next paragraph", id="reader.next_paragraph"),
        Binding("left_square_bracket", "passage(-1)", "Previous paragraph", id="reader.previous_paragraph"),
        Binding("v", "select", "Select a passage", id="reader.select"),
        Binding("l,shift+right", "adjust('end', 1)", "Selection: end +1", show=False, id="reader.select_end_more"),
        Binding("h,shift+left", "adjust('end', -1)", "Selection: end -1", show=False, id="reader.select_end_less"),
        Binding("H", "adjust('start', -1)", "Selection: start -1", show=False, id="reader.select_start_more"),
        Binding("L", "adjust('start', 1)", "Selection: start +1", show=False, id="reader.select_start_less"),
        Binding(
            "right_curly_bracket",
            "sentence_start(1)",
            "Selection: start a sentence later",
            show=False,
            id="reader.select_start_next_sentence",
        ),
        Binding(
            "left_curly_bracket",
            "sentence_start(-1)",
            "Selection: start a sentence earlier",
            show=False,
            id="reader.select_start_previous_sentence",
        ),
        Binding("escape", "cancel_selection", "Cancel the selection", show=False, id="reader.cancel_selection"),
    ]

    cursor_block: reactive[int] = reactive(0, init=False)

    class Moved(Message):
        def __init__(self, position: Position) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self._hits = Hits()
        self._layout: Layout | None = None
        self._tables: dict[int, list[list[Segment]]] = {}
        self._pending_offset: int | None = None
        # Where the last jump (to a page, a note, a section) landed, until the view moves:
        # the page shown is that one's even when the text cannot scroll it to the top.
        self._landed: int | None = None
        self._placeholder = "Select a document and press Enter"
        self.notes: list[tuple[int, int, str]] = []  # (start, end, note id) of tagged passages
        self._labels: dict[int, list[str]] = {}
        self.selection: tuple[int, int] | None = None  # a range narrowed by keys or the mouse
        self._drag_from: int | None = None
        self._keep_cursor: int | None = None

    # -- public API ------------------------------------------------------------------

    @property
    def hits(self) -> list[tuple[int, int]]:
        """The search hits in the open document, in text order."""
        return self._hits.spans

    @property
    def current_hit(self) -> int:
        """The index of the hit ``n``/``N`` is at (-1: none yet)."""
        return self._hits.current

    def show(
        self,
        document: Document | None,
        *,
        offset: int | None = None,
        hits: list[tuple[int, int]] | None = None,
        current_hit: int = -1,
        cursor: int | None = None,
    ) -> None:
        """``cursor``: the paragraph the cursor stays on (else the one ``offset`` shows)."""
        self.document = document
        self._hits = Hits(list(hits or []), current_hit)
        self._layout = None
        self._tables = {}
        self.notes, self._labels, self.selection = [], {}, None
        self.__dict__.pop("_sentences", None)
        self.set_reactive(ReaderView.cursor_block, 0)
        self._keep_cursor = cursor
        if current_hit >= 0 and self.hits:
            offset = self.hits[current_hit][0]
        self._pending_offset = offset
        # Content, not a str: Textual reads a str border title as markup; a title is data.
        self.border_title = Content(printable(document.title)) if document else None
        self._relayout()

    def set_hits(self, hits: list[tuple[int, int]], current_hit: int = -1) -> None:
        touched = self._hit_tables()
        self._hits = Hits(list(hits), current_hit)
        self._redraw_tables(touched | self._hit_tables())
        self.refresh()

    def goto_hit(self, index: int) -> bool:
        if not 0 <= index < len(self.hits):
            return False
        touched = self._hit_tables(self.current_hit)
        self._hits = self._hits.with_current(index)
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
        line = self._layout.line_of(self.document, offset) + self._table_line(offset)
        height = self.scrollable_content_region.height
        top = line - height // 3 if center else line
        self.scroll_to(y=max(top, 0), animate=False)
        self._landed = offset
        self.set_reactive(ReaderView.cursor_block, self.document.block_at(offset))
        self._report()
        self.refresh()

    @property
    def laid_out(self) -> bool:
        """Whether the open document's layout is ready (big ones are laid out in a thread)."""
        return self._layout is not None

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

        result = layout(document, width, table_lines, self._labels)
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
        if self._keep_cursor is not None:
            self.set_reactive(ReaderView.cursor_block, self._keep_cursor)
            self._keep_cursor = None
            self._report()  # the border's ¶ is the cursor's
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.document is None:
            return
        if self._layout is None or self._layout.width != self._measure():
            if self._layout is not None:
                self._pending_offset = self.top_offset
                self._keep_cursor = self.cursor_block  # a new width is no reason to move it
            self._relayout()

    # -- tables ----------------------------------------------------------------------

    def _hit_tables(self, hit: int | None = None) -> set[int]:
        """Table blocks holding any hit (or just hit number ``hit``)."""
        document = self.document
        if document is None or not self._tables or not self.hits:
            return set()
        if hit is not None:
            return {document.block_at(self.hits[hit][0])} & self._tables.keys() if 0 <= hit < len(self.hits) else set()
        blocks = document.blocks
        return {block for block in self._tables if self._hits.any_in(blocks[block].start, blocks[block].end)}

    def _redraw_tables(self, blocks: set[int]) -> None:
        """Tables bake their highlights in: redraw those whose hits changed."""
        document, result = self.document, self._layout
        if document is None or result is None:
            return
        for block in blocks:
            lines = self._render_table(document, block, result.width)
            if len(lines) == len(self._tables[block]):
                self._tables[block] = lines

    def _table_line(self, offset: int) -> int:
        """The line within its table's drawing that shows ``offset`` (0 outside tables): a
        hit in row 30 of a tall table is scrolled to, not the table's caption."""
        document, result = self.document, self._layout
        if document is None or result is None:
            return 0
        block = document.block_at(offset)
        if block not in self._tables:
            return 0

        def marked(cell: str, start: int) -> Text:
            text = highlighted(cell, start, self._hits, self._cell_palette())
            if start <= offset < start + len(cell):
                text.stylize(_AT, offset - start, offset - start + 1)
            return text

        drawing = render_table(document, block, result.width, marked, Style(), self.app.console)
        for row, segments in enumerate(drawing):
            if any(segment.style is not None and segment.style.meta.get(_AT_KEY) for segment in segments):
                return row
        return 0

    def _render_table(self, document: Document, block: int, width: int) -> list[list[Segment]]:
        return render_table(
            document,
            block,
            width,
            lambda cell, offset: highlighted(cell, offset, self._hits, self._cell_palette()),
            self.part_style("reader--table"),
            self.app.console,
        )

    # -- drawing ---------------------------------------------------------------------

    def _palette(self) -> Palette:
        return Palette(
            self.part_style("reader--tagged"),
            self.part_style("reader--hit"),
            self.part_style("reader--current-hit"),
            self.part_style("reader--selection"),
        )

    def _cell_palette(self) -> Palette:
        # Table cells lie on the table's own style: their highlights are partial styles.
        component = self.get_component_rich_style
        return Palette(
            component("reader--tagged"),
            component("reader--hit"),
            component("reader--current-hit"),
            component("reader--selection"),
        )

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
        noted = any(s < max(line.end, line.start + 1) and e > line.start for s, e, _ in self.notes)
        segments = [
            Segment("▌", self.part_style("reader--cursor")) if cursor_here else Segment(" ", base),
            Segment("•", self.part_style("reader--tag-mark")) if noted and not line.label else Segment(" ", base),
        ]
        if line.label:
            segments.append(Segment(line.label, self.part_style("reader--tag-label")))
        elif line.table_row >= 0:
            segments.extend(self._tables.get(line.block, [[]])[line.table_row] if line.block in self._tables else [])
        else:
            name = KIND_CLASS.get(block.kind)
            style = self.part_style(name) if name else base
            if line.indent:
                segments.append(Segment(" " * line.indent, base))
            tagged = [(s, e) for s, e, _ in self.notes]
            over = layers(line.start, line.end, self._hits, tagged, self.selection, self._palette())
            segments.extend(paint(document.text, line.start, line.end, style, over))
        return Strip(segments).adjust_cell_length(width, base)

    # -- notes and the selection -------------------------------------------------------

    def set_notes(self, marks: list[tuple[int, int, str, str]]) -> None:
        """The open document's notes as (start, end, note id, label); each label is shown
        under the paragraph where its note ends."""
        document = self.document
        self.notes = sorted((start, end, note_id) for start, end, note_id, _ in marks)
        labels: dict[int, list[str]] = {}
        if document is not None:
            for start, end, _, label in sorted(marks):
                labels.setdefault(document.block_at(max(end - 1, start)), []).append(label)
        if labels != self._labels:
            self._labels = labels
            if document is not None and self._layout is not None:
                self._pending_offset = self.top_offset
                self._keep_cursor = self.cursor_block  # a re-layout is no reason to move it
                self._relayout()
        self.refresh()

    def passage(self) -> tuple[int, int] | None:
        """What a tag applies to: the selection, else the paragraph under the cursor."""
        document = self.document
        if document is None or not document.blocks:
            return None
        if self.selection is not None:
            return self.selection
        block = document.blocks[min(self.cursor_block, len(document.blocks) - 1)]
        return block.start, block.end

    def notes_here(self) -> list[str]:
        """Ids of the notes touching the selection or the paragraph under the cursor."""
        passage = self.passage()
        if passage is None:
            return []
        start, end = passage
        return [note_id for s, e, note_id in self.notes if s < end and e > start]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("adjust", "sentence_start", "cancel_selection"):
            return self.selection is not None
        return True

    @cached_property
    def _sentences(self) -> Sentences:
        return Sentences.of(self.document) if self.document is not None else Sentences([])

    def _set_selection(self, selection: tuple[int, int] | None, *, follow: int | None = None) -> None:
        self.selection = selection
        if selection is not None and follow is not None and self.document is not None:
            self.set_reactive(ReaderView.cursor_block, self.document.block_at(follow))
            self._keep_visible(follow)
        self._report()
        self.refresh()

    def _keep_visible(self, offset: int) -> None:
        if self.document is None or self._layout is None:
            return
        line = self._layout.line_of(self.document, offset)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if line < top:
            self.scroll_to(y=line, animate=False)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False)

    def action_select(self) -> None:
        """Start selecting: the first sentence of the paragraph; again: stop."""
        document = self.document
        if document is None or not document.blocks:
            return
        if self.selection is not None:
            self.action_cancel_selection()
            return
        self._set_selection(first_sentence(document, self.cursor_block))

    def action_cancel_selection(self) -> None:
        self._set_selection(None)

    def action_adjust(self, edge: str, step: int) -> None:
        if self.selection is None or self.document is None:
            return
        selection, follow = nudge(self.selection, edge, step, len(self.document.text))
        self._set_selection(selection, follow=follow)

    def action_sentence_start(self, step: int) -> None:
        if self.selection is None:
            return
        selection = self._sentences.move_start(self.selection, step)
        self._set_selection(selection, follow=selection[0])

    def _sentence_end(self, step: int) -> None:
        if self.selection is None:
            return
        selection = self._sentences.extend_end(self.selection, step)
        self._set_selection(selection, follow=selection[1] - 1)

    def _offset_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        document, result = self.document, self._layout
        if offset is None or document is None or result is None:
            return None
        return result.offset_at(document, round(self.scroll_y) + offset.y, offset.x - GUTTER)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._drag_from = self._offset_at(event)
        self._dragged = False
        if self._drag_from is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_from is None or not event.button:
            return
        here = self._offset_at(event)
        if here is not None and here != self._drag_from and self.document is not None:
            self._dragged = True
            low, high = sorted((self._drag_from, here))
            self._set_selection((low, high + 1 if high < len(self.document.text) else high), follow=here)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self.release_mouse()
            self._drag_from = None

    # -- movement --------------------------------------------------------------------

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._landed = None
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
        if self.selection is not None:
            start, end = self.selection
            self.border_subtitle = f"selected {end - start:,} 字 · t tag · [ ] {{ }} h l H L adjust · Esc cancel"
        else:
            page = self.page
            where = f"p. {page}/{document.last_page} · " if page is not None else ""
            self.border_subtitle = f"{where}¶{self.cursor_block + 1}/{len(document.blocks)} · {percent}%"

    @property
    def page(self) -> int | None:
        """The source page at the cursor: of the cursor paragraph's start, or of the top of
        the screen when that paragraph began above it (None for unpaged documents)."""
        document = self.document
        if document is None or not document.pages or not document.blocks:
            return None
        block = document.blocks[min(self.cursor_block, len(document.blocks) - 1)]
        if self._landed is not None and block.start <= self._landed <= block.end:
            return document.page_at(self._landed)
        return document.page_at(max(block.start, self.top_offset) if self._layout is not None else block.start)

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
        if self.selection is not None:
            self._sentence_end(step)
            return
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
        if getattr(self, "_dragged", False):
            self._dragged = False
            return  # the end of a drag: the selection stays
        if self.selection is not None:
            self._set_selection(None)
        self.cursor_block = self._layout.block_of_line(round(self.scroll_y) + offset.y)
        self._report()
