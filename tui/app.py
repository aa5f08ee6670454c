"""The Textual application: a reader for one corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from zhreader.errors import ZhreaderError
from zhreader.support.printable import printable
from zhreader.tui.errors import UIError
from zhreader.tui.history import SearchHistory
from zhreader.tui.library import Library
from zhreader.tui.positions import Positions
from zhreader.tui.screens.help_screen import HelpScreen
from zhreader.tui.screens.main_screen import MainScreen
from zhreader.tui.settings import Settings
from zhreader.tui.widgets.document_list import DocumentList, DocumentPane
from zhreader.tui.widgets.find_bar import FindInput
from zhreader.tui.widgets.line_list import LineList
from zhreader.tui.widgets.reader import ReaderView
from zhreader.tui.widgets.search_bar import QueryInput

if TYPE_CHECKING:
    from pathlib import Path

    from textual.command import Provider

    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore


def _document_commands() -> type[Provider]:
    # Imported when the palette first opens, not before the first frame.
    from zhreader.tui.palette import DocumentCommands

    return DocumentCommands


def _bindings(*tables: Sequence[Binding | tuple[str, ...]]) -> list[Binding]:
    """The Binding objects of binding tables (all of ours are Bindings, with ids)."""
    return [binding for table in tables for binding in table if isinstance(binding, Binding)]


# Textual's own Tab/Shift+Tab, listed in the help under ids like ours.
PANE_BINDINGS = [
    Binding("tab", "app.focus_next", "Next pane", id="app.next_pane"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", id="app.previous_pane"),
]

# Input's own Enter in the tag dialog (no id: Input's binding is not rebound).
TAG_ENTER = [Binding("enter", "submit", "In the tags: on to the comment; in the comment: save")]


class ZhreaderApp(App[None]):
    TITLE = "zhreader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {lambda: _document_commands()}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", id="app.command_palette"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        store: IndexStore,
        *,
        positions: Positions | None = None,
        settings: Settings | None = None,
        show_timings: bool = True,
        notes_path: Path | None = None,
        history: SearchHistory | None = None,
    ) -> None:
        super().__init__()
        self.history = history or SearchHistory()
        self.show_timings = show_timings  # search latency in the summary (off for snapshots)
        self._main: MainScreen | None = None
        self.library = Library(corpus, store, notes_path)
        self.positions = positions or Positions(corpus.location)
        self.settings = settings or Settings()
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        # "keymap" in settings.json: {"binding id": "keys"}, e.g. {"main.next_hit": "n,f3"}.
        if self.keymap:
            self.set_keymap(self.keymap)

    def get_default_screen(self) -> MainScreen:
        # The main screen is the default one, so the very first frame is the reader.
        if self._main is None:
            self._main = MainScreen(
                self.library,
                self.positions,
                self.report,
                self.settings,
                self.history,
                show_timings=self.show_timings,
            )
        return self._main

    def on_mount(self) -> None:
        if self.settings.problem:
            self.report(UIError(f"{self.settings.problem}; running with the defaults (the file is left as it is)"))

    def watch_theme(self, theme: str) -> None:
        if hasattr(self, "settings"):
            self.settings.set("theme", theme)

    @property
    def keymap(self) -> dict[str, str]:
        """settings.json's "keymap": binding id -> keys."""
        keymap = self.settings.get("keymap")
        if not isinstance(keymap, dict):
            return {}
        return {str(k): str(v) for k, v in keymap.items() if isinstance(v, str)}

    @property
    def main(self) -> MainScreen:
        return self.get_default_screen()

    def action_command_palette(self) -> None:
        """Textual's palette, with an input box that takes keys in the order they came."""
        from zhreader.tui.screens.command_palette import ZhreaderCommandPalette

        if self.use_command_palette and not isinstance(self.screen, ZhreaderCommandPalette):
            self.push_screen(ZhreaderCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        from zhreader.tui.screens.concordance_screen import ConcordanceScreen
        from zhreader.tui.screens.tag_dialog import TagDialog, TagsInput

        sections = [
            ("Everywhere", _bindings(self.BINDINGS, MainScreen.BINDINGS, PANE_BINDINGS)),
            # (the query language comes here)
            (
                "Reader (v selects a part of a paragraph; then [ ] { } h l H L adjust it)",
                _bindings(ReaderView.BINDINGS),
            ),
            ("Find in the document (ctrl+f)", _bindings(FindInput.BINDINGS)),
            ("Lists: documents, results, outline, notes", _bindings(LineList.BINDINGS)),
            ("Search box", _bindings(QueryInput.BINDINGS)),
            ("Document list", _bindings(DocumentList.BINDINGS, DocumentPane.BINDINGS)),
            ("Tag dialog (t, e)", _bindings(TagsInput.BINDINGS, TAG_ENTER, TagDialog.BINDINGS)),
            ("Concordance (c)", _bindings(ConcordanceScreen.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections, queries_after=1, keymap=self.keymap))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main
        yield SystemCommand("Search", "Focus the search box (/)", main.focus_search)
        yield SystemCommand(
            "Toggle outline", "Show or hide the open document's outline (o)", main.action_toggle_outline
        )
        yield SystemCommand("Next hit", "Jump to the next search hit (n)", lambda: main.action_next_hit(1))
        yield SystemCommand(
            "Concordance", "Every hit of the search as a sorted, aligned KWIC line (c)", main.action_concordance
        )
        yield SystemCommand(
            "Script: any / exact",
            "Whether 发展 finds 發展 too, or only the script typed (s)",
            main.action_toggle_script,
        )
        yield SystemCommand("Rebuild index", "Update the index now (picks up changed files)", main.rebuild_index)
        yield SystemCommand("Help", "Show every key binding (?)", self.action_help)

    def report(self, err: ZhreaderError, title: str = "") -> None:
        """The one place the reader tells the user about a problem: a notification whose
        text is data (never markup), and the reader goes on."""
        self.notify(printable(err.message), title=title or "zhreader", severity="error", timeout=10, markup=False)

    async def action_quit(self) -> None:
        self.quit_with(0)

    def quit_with(self, return_code: int) -> None:
        """Stop background work, keep the reading positions, and end with ``return_code``."""
        if self._main is not None:
            self._main.shutdown()
        self.exit(return_code=return_code)
