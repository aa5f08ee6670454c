"""An input box that shows what it holds as data, and keeps what is pasted into it.

Textual's Input draws its value as it is: a comment pasted with ``ESC ]0;…`` would reach
the terminal. This one shows control characters as symbols (␛) while the value itself,
what is saved, stays exactly what was typed or pasted.

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


class PlainInput(Input):
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
