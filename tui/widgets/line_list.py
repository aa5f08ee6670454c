"""A virtual list drawn one line at a time (Textual's Line API).

Only the visible rows are ever rendered, so a list of thirty thousand documents costs
what a list of thirty does. Subclasses say how many rows there are, which can take the
cursor, and how to draw one.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from zhreader.tui.widgets.styles import CachedStyles


class LineList(CachedStyles, ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up"),
        # Not ctrl+f: that finds in the open document, from any pane.
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "choose", "Open", id="list.open"),
    ]

    DEFAULT_CSS = """
    LineList {
        overflow-x: hidden;
        border: round $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        scrollbar-size-vertical: 1;
    }
    LineList:focus {
        border: round $accent;
        border-title-color: $text;
    }
    """

    cursor: reactive[int] = reactive(-1)

    class _RowMessage(Message):
        def __init__(self, sender: LineList, row: int) -> None:
            super().__init__()
            self.list = sender
            self.row = row

        @property
        def control(self) -> LineList:
            return self.list

    class Highlighted(_RowMessage):
        """The cursor moved to ``row``."""

    class Chosen(_RowMessage):
        """``row`` was chosen (Enter, or a second click)."""

    # -- for subclasses --------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return 0

    def selectable(self, row: int) -> bool:
        return True

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        raise NotImplementedError

    # -- machinery -------------------------------------------------------------------

    def rows_changed(self, keep_cursor: bool = False) -> None:
        """Call after the rows change."""
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        if not keep_cursor or not (0 <= self.cursor < self.row_count) or not self.selectable(self.cursor):
            self.cursor = self._next_selectable(-1, 1)
        self.refresh()

    def _next_selectable(self, start: int, step: int) -> int:
        row = start + step
        while 0 <= row < self.row_count:
            if self.selectable(row):
                return row
            row += step
        return start if 0 <= start < self.row_count else -1

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if new >= 0:
            self._scroll_cursor_into_view()
            self.post_message(self.Highlighted(self, new))

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)
        self._scroll_cursor_into_view()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = round(self.scroll_y) + y
        base = self.base_style()
        if not 0 <= row < self.row_count:
            return Strip.blank(width, base)
        segments = self.render_row(row, width, selected=row == self.cursor)
        return Strip(segments).adjust_cell_length(width, base)

    def action_move(self, step: int) -> None:
        self.cursor = self._next_selectable(self.cursor, step)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        target = min(max(self.cursor + direction * height, 0), max(self.row_count - 1, 0))
        if not self.selectable(target):
            target = self._next_selectable(target, direction) if self.row_count else -1
        self.cursor = target

    def action_first(self) -> None:
        self.cursor = self._next_selectable(-1, 1)

    def action_last(self) -> None:
        self.cursor = self._next_selectable(self.row_count, -1)

    def action_choose(self) -> None:
        if 0 <= self.cursor < self.row_count:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return  # the border or the scrollbar
        row = round(self.scroll_y) + offset.y
        if 0 <= row < self.row_count and self.selectable(row):
            chosen_again = row == self.cursor
            self.cursor = row
            if chosen_again or event.chain >= 2:
                self.action_choose()


def row_style(widget: LineList, *names: str) -> Style:
    """A component style on top of the widget's own (see CachedStyles.part_style)."""
    return widget.part_style(*names)
