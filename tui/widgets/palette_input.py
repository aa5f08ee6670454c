"""The command palette's input box: Textual's, with keys taken in the order they came
(ctrl+p, ctrl+u and text in one read lost the text) and what it holds drawn as data."""

from __future__ import annotations

from typing import Any

from textual.command import CommandInput

from zhreader.tui.widgets.plain_input import KeysInOrder, PlainHighlighter


# CommandInput first: Textual finds a widget's CSS types (and the palette its box) along
# the first base of each class.
class PaletteInput(CommandInput, KeysInOrder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlighter", PlainHighlighter())
        super().__init__(*args, **kwargs)
