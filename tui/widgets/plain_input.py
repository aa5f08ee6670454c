"""An input box that shows what it holds as data.

Textual's Input draws its value as it is: a comment pasted with ``ESC ]0;…`` would reach
the terminal. This one shows control characters as symbols (␛) while the value itself,
what is saved, stays exactly what was typed or pasted.
"""

from __future__ import annotations

from typing import Any

from rich.highlighter import Highlighter
from rich.text import Text
from textual.widgets import Input

from zhreader.support.printable import printable


class PlainHighlighter(Highlighter):
    def highlight(self, text: Text) -> None:
        # One character for one: the cursor's column stays where Input computes it.
        text.plain = printable(text.plain)


class PlainInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", PlainHighlighter())
        super().__init__(*args, **kwargs)
