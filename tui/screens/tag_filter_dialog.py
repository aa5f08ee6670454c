"""The dialog that asks for the tag whose passages a view is narrowed to (Tab completes
from the tags in the notes file; empty: no narrowing)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from zhreader.corpus.textfold import fold
from zhreader.support.printable import printable
from zhreader.tui.screens.tag_dialog import TagsInput, TagSuggester


def known_tag(typed: str, known: list[str]) -> str | None:
    """The known tag ``typed`` names (tags compare folded, as notes match them)."""
    wanted = fold(typed.strip())
    return next((tag for tag in known if fold(tag) == wanted), None)


class OneTagInput(TagsInput):
    """Tab completes as in the tag dialog; Enter submits (there is no next field)."""

    async def action_submit(self) -> None:
        await super(TagsInput, self).action_submit()


class TagFilterDialog(ModalScreen[str | None]):
    """Dismissed with the tag chosen, "" for every hit again, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tag_filter.cancel")]
    DEFAULT_CSS = """
    TagFilterDialog { align: center middle; }
    TagFilterDialog > Vertical {
        width: 56; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    TagFilterDialog #tags-known { color: $text-muted; max-height: 3; }
    TagFilterDialog #error { color: $error; height: auto; }
    """

    def __init__(self, known: list[str], current: str | None) -> None:
        super().__init__()
        self.known = known
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Only hits inside passages tagged…"
            box.border_subtitle = "Tab: complete · Enter: narrow (empty: all) · Esc: cancel"
            yield OneTagInput(self.current or "", id="tag", suggester=TagSuggester(self.known), select_on_focus=True)
            yield Static(Text(printable("Tags: " + ", ".join(self.known))), id="tags-known")
            yield Static("", id="error")

    def on_mount(self) -> None:
        self.query_one("#tag", Input).focus()

    @on(Input.Submitted, "#tag")
    def _choose(self, event: Input.Submitted) -> None:
        self.choose(event.value)

    def choose(self, value: str) -> None:
        if not value.strip():
            self.dismiss("")
            return
        tag = known_tag(value, self.known)
        if tag is None:
            self.query_one("#error", Static).update(Text(printable(f"no note has the tag {value.strip()}")))
            return
        self.dismiss(tag)

    def action_cancel(self) -> None:
        self.dismiss(None)
