"""The command palette (ctrl+p): Textual's, composed with ``PaletteInput`` in place of its
input box. The rest (providers, results, keys) is Textual's own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator

from zhreader.tui.widgets.palette_input import PaletteInput


class ZhreaderCommandPalette(CommandPalette):
    def compose(self) -> ComposeResult:
        # Textual's compose, with PaletteInput (a CommandInput: the palette finds it as one).
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield PaletteInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
