"""The dialog that asks for a page to go to (documents with pages: PDFs)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from zhreader.tui.widgets.plain_input import PlainInput


def parse_page(value: str, last: int) -> int | str:
    """The page typed (full-width digits too), or why it is not one."""
    digits = value.strip()
    if not digits.isdecimal():
        return f"type a page number from 1 to {last}"
    page = int(digits)  # int() reads any decimal digits, full-width ones included
    if not 1 <= page <= last:
        return f"there is no page {page}: pages run from 1 to {last}"
    return page


class PageDialog(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="page.cancel")]
    DEFAULT_CSS = """
    PageDialog { align: center middle; }
    PageDialog > Vertical {
        width: 40; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    PageDialog #error { color: $error; height: auto; }
    """

    def __init__(self, current: int, last: int) -> None:
        super().__init__()
        self.current = current
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Go to page (1–{self.last})"
            box.border_subtitle = "Enter: go · Esc: cancel"
            yield PlainInput(str(self.current), id="page", select_on_focus=True)
            yield Static("", id="error")

    def on_mount(self) -> None:
        self.query_one("#page", Input).focus()

    @on(Input.Submitted, "#page")
    def _go(self, event: Input.Submitted) -> None:
        page = parse_page(event.value, self.last)
        if isinstance(page, str):
            self.query_one("#error", Static).update(Text(page))
            return
        self.dismiss(page)

    def action_cancel(self) -> None:
        self.dismiss(None)
