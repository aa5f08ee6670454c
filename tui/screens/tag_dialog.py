"""The dialog that tags a passage: tags (comma-separated, completed from the tags already
used; Chinese through any input method) and an optional comment.

The dialog saves before it closes: a note that cannot be saved (a read-only or locked
notes file, a full disk) leaves it open with the reason, and what was typed is still
there to try again or copy."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static

from zhreader.corpus.errors import NoteError
from zhreader.corpus.notes.model import clean_comment, clean_tags
from zhreader.corpus.textfold import fold
from zhreader.support.printable import printable
from zhreader.tui.quoting import quoted
from zhreader.tui.widgets.plain_input import PlainInput

TAG_SEPARATORS = ",，"


def split_tags(value: str) -> list[str]:
    for separator in TAG_SEPARATORS[1:]:
        value = value.replace(separator, TAG_SEPARATORS[0])
    return [part for part in value.split(TAG_SEPARATORS[0]) if part.strip()]


class TagSuggester(Suggester):
    """Completes the tag being typed (the text after the last comma) from known tags."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        return self.complete(value)

    def complete(self, value: str) -> str | None:
        """``value`` with its last tag completed, or None when no known tag fits."""
        cut = max(value.rfind(sep) for sep in TAG_SEPARATORS) + 1
        typed = value[cut:].lstrip()
        if not typed:
            return None
        already = {fold(tag.strip()) for tag in split_tags(value[:cut])}
        for tag in self.known:
            if fold(tag).startswith(fold(typed)) and fold(tag) not in already and tag != typed:
                return value[: len(value) - len(typed)] + tag
        return None


class TagsInput(PlainInput):
    """The tags box: Tab completes the tag being typed from the tags already used (and
    moves on when there is nothing to complete); Enter moves on to the comment. Both act
    as the key arrives, so the keys typed after them land where the focus went."""

    BINDINGS = [
        Binding("tab", "complete", "Complete the tag, or next field", show=False, id="tag.complete"),
    ]

    def action_complete(self) -> None:
        # Asked now rather than read from the suggestion on screen: that one is computed
        # in a worker and may not have arrived when Tab follows the typing at once.
        suggester = self.suggester
        completed = suggester.complete(self.value) if isinstance(suggester, TagSuggester) else None
        if completed is not None and self.cursor_at_end:
            self.value = completed
            self.cursor_position = len(completed)
        else:
            self.screen.focus_next()

    async def action_submit(self) -> None:
        self.screen.focus_next()


Save = Callable[[list[str], str], str | None]  # tags, comment -> why it failed, or None


class TagDialog(ModalScreen[tuple[list[str], str] | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="tag.cancel"),
        Binding("ctrl+s", "save", "Save", id="tag.save"),
    ]
    DEFAULT_CSS = """
    TagDialog { align: center middle; }
    TagDialog > Vertical {
        width: 72; max-width: 95%; height: auto; padding: 1 2;
        border: round $accent; background: $surface;
    }
    TagDialog #quote { color: $text-muted; max-height: 4; margin-bottom: 1; }
    TagDialog Label { margin-top: 1; }
    TagDialog #error { color: $error; height: auto; }
    TagDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    TagDialog Button { margin-left: 2; }
    """

    def __init__(
        self,
        quote: str,
        known: list[str],
        save: Save,
        tags: tuple[str, ...] = (),
        comment: str = "",
        title: str = "",
    ) -> None:
        super().__init__()
        self._save = save
        self.quote = printable(" ".join(quote.split()))
        self.known = known
        self.tags = tags
        self.comment = comment
        self.title_text = title or "Tag the passage"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "Enter: next / save · Esc: cancel"
            yield Static(Text(quoted(self.quote, 160)), id="quote")  # a Text: the quote is data, not markup
            yield Label("Tags, separated by commas (Tab completes)")
            yield TagsInput(
                ", ".join(self.tags),
                placeholder="人才政策, 数据中心",
                id="tags",
                suggester=TagSuggester(self.known),
                line_breaks=", ",  # tags pasted one a line
                select_on_focus=False,  # coming back to add a tag must not replace the others
            )
            yield Label("Comment (optional)")
            yield PlainInput(self.comment, placeholder="", id="comment", line_breaks=None, select_on_focus=False)
            yield Static("", id="error")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#tags", Input).focus()

    @on(Input.Submitted, "#comment")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            tags = list(clean_tags(split_tags(self.query_one("#tags", Input).value)))
            comment = clean_comment(self.query_one("#comment", Input).value)
        except NoteError as err:
            self.query_one("#error", Static).update(Text(str(err)))
            self.query_one("#tags", Input).focus()
            return
        problem = self._save(tags, comment)
        if problem is not None:
            self.query_one("#error", Static).update(Text(printable(f"Not saved: {problem}")))
            return
        self.dismiss((tags, comment))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
