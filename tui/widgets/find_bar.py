"""The find bar: search within the open document as you type (ctrl+f).

It draws the box and turns its keys into messages; the main screen finds the matches
(``controllers.find``) and shows them in the reader (``screens.find_bar_actions``). What
is typed is literal text, never a query of the search language, and is shown as data
(``PlainInput``).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from zhreader.tui.widgets.plain_input import PlainInput


class FindInput(PlainInput):
    BINDINGS = [
        Binding("enter,down", "step(1)", "The next match (wraps around)", id="find.next"),
        Binding("shift+enter,up", "step(-1)", "The previous match", id="find.previous"),
        Binding("tab", "close(True)", "To the reader, matches kept: n N walk them, Esc drops them", id="find.keep"),
        Binding("escape", "close(False)", "Close: the reader shows the search's hits again", id="find.close"),
    ]

    def action_step(self, step: int) -> None:
        self.post_message(FindBar.Step(step))

    def action_close(self, keep: bool) -> None:
        self.post_message(FindBar.Closed(keep))


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar { height: 1; background: $boost; dock: bottom; display: none; }
    FindBar.-open { display: block; }
    FindBar > #find-label { width: auto; padding: 0 1; color: $accent; text-style: bold; }
    FindBar > #find { width: 1fr; min-width: 14; height: 1; border: none; padding: 0; background: $boost; }
    FindBar > #find:focus { background: $primary 15%; }
    FindBar > #find-hint { width: auto; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    FindBar.-none > #find { background: $error 25%; }
    """

    class Step(Message):
        """Enter (1) or shift+Enter (-1): go to the next or previous match."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        """Esc (``keep`` False: back to the search's hits) or Tab (``keep``: the matches
        stay in the reader for n and N)."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def compose(self) -> ComposeResult:
        yield Label("查找 ^F", id="find-label")
        yield FindInput(placeholder="find in this document (any script, any width)", id="find")
        yield Label("↵ next  ⇧↵ previous  Tab keep  Esc close", id="find-hint")

    @property
    def box(self) -> Input:
        return self.query_one("#find", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")

    def close(self) -> None:
        self.remove_class("-open")

    def show_found(self, found: bool) -> None:
        """Tint the box when the text typed is nowhere in the document."""
        self.set_class(not found, "-none")
