"""An input box that shows what it holds as data, and keeps what is pasted into it.

Textual's Input draws its value as it is: a comment pasted with ``ESC ]0;…`` would reach
the terminal. This one shows control characters as symbols (␛) while the value itself,
what is saved, stays exactly what was typed or pasted.

Keys that arrive together (a fast typist, an input method committing a phrase, a paste
sent as keys) are handed to the focused widget one after another, but Textual runs a
widget's own bindings only once the key has come back up to the App, after the keys that
followed it were inserted: "/", ctrl+u, "人才" in one read cleared 人才 instead of the old
query. This box runs its own bindings as each key arrives, in order; and a key that was
handed to it after a binding moved the focus away (Enter, Tab) goes on to the widget that
has the focus now.

Textual's Input also keeps only the first line of a paste, so a comment pasted from a
document lost every line after its first, silently. Here a paste goes in whole: its line
breaks are kept (a comment; shown as ␊), or replaced (a space in a query, a comma between
tags pasted one a line).
"""

from __future__ import annotations

import re
from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual import events
from textual.widgets import Input

from zhreader.support.printable import printable

# What str.splitlines splits at: a line break of any kind, CR LF counted once.
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class PlainHighlighter(Highlighter):
    def highlight(self, text: Text) -> None:
        # One character for one: the cursor's column stays where Input computes it.
        text.plain = printable(text.plain)


class KeysInOrder(Input):
    """An Input that runs its own bindings as each key arrives (see the module's
    docstring), for every box keys are typed into fast: this module's, the palette's."""

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        # screen.focused, not has_focus: that one changes when the Blur event is handled,
        # which is queued behind these keys.
        if screen.focused is not self and screen.focused is not None:
            # Queued for this box before the focus left it: the key belongs where it went.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        active = screen.active_bindings.get(event.key)
        if active is not None and active.node is self and active.enabled and not active.binding.priority:
            event.stop()
            event.prevent_default()
            await self.run_action(active.binding.action)
            return
        await super()._on_key(event)


class PlainInput(KeysInOrder):
    def __init__(self, *args: Any, line_breaks: str | None = " ", **kwargs: Any) -> None:
        """``line_breaks``: what a line break in pasted text becomes (None: kept)."""
        kwargs.setdefault("highlighter", PlainHighlighter())
        super().__init__(*args, **kwargs)
        self.line_breaks = line_breaks

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler would insert the first line again
        text = event.text
        if not text:
            return
        if self.line_breaks is not None:
            text = LINE_BREAKS.sub(self.line_breaks, text.strip("\r\n"))
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
