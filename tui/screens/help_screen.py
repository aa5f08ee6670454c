"""Help: every key binding with what it does (read from the widgets themselves, so it
cannot go stale; keys as the user's keymap sets them) and the query language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# What index/query.py parses, in the order a new user needs it.
QUERY_HELP = [
    ("人才 政策", "documents containing both (every term must occur)"),
    ('"数据 中心"', "the phrase, spaces included (any run of spaces matches)"),
    ("-北京", "leave out documents containing 北京"),
    ("呼和浩特 OR 包头", "either (also written |; OR binds tighter than the implicit AND)"),
    ("title:规划", '规划 in the title (title:"发展 目标" for a phrase)'),
    ("tag:人才政策", "the passages tagged 人才政策; with other terms, those terms inside them"),
    ("发展", "发展 and 發展 alike: simplified, traditional and variants (為/爲, 裏/裡/里) match"),
    ("=發展", "this script only: 發展, not 发展 (s switches the default for every term)"),
    ("１９９８ ｇｄｐ", "1998 GDP too: width and case do not matter, nor ⼈ (a Kangxi radical) for 人"),
    ("＂ － ： ＝", 'the full-width forms an input method types work as " - : ='),
]

WIDE = 90  # columns from which the binding ids are shown
Section = tuple[str, list[Binding]]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close the help", id="help.close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 96; max-width: 100%; height: 90%; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen .help--heading { text-style: bold underline; color: $accent; margin-top: 1; }
    """

    def __init__(self, sections: list[Section], queries_after: int = 1, keymap: dict[str, str] | None = None) -> None:
        """``queries_after``: how many key sections come before the query language;
        ``keymap``: binding id -> keys, as settings.json rebinds them."""
        super().__init__()
        self.sections = sections
        self.queries_after = queries_after
        self.keymap = keymap or {}
        self._wide = True

    def compose(self) -> ComposeResult:
        self._wide = self.app.size.width >= WIDE
        with VerticalScroll() as scroll:
            scroll.border_title = "zhreader — keys and queries"
            scroll.border_subtitle = "Esc to close · ↑ ↓ scroll"
            for number, (title, bindings) in enumerate(self.sections):
                if number == self.queries_after:
                    yield Static("Search queries (/)", classes="help--heading", markup=False)
                    yield Static(self._query_table())
                yield Static(title, classes="help--heading", markup=False)
                yield Static(self._keys_table(bindings))

    def on_resize(self) -> None:
        if (self.app.size.width >= WIDE) != self._wide:
            self.refresh(recompose=True)

    def _keys(self, binding: Binding) -> str:
        keys = self.keymap.get(binding.id or "", binding.key)
        return ", ".join(self.app.get_key_display(Binding(key.strip(), binding.action)) for key in keys.split(","))

    def _keys_table(self, bindings: list[Binding]) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("keys", style="bold", no_wrap=True, min_width=10)
        table.add_column("action", ratio=1)
        # The id is what settings.json rebinds: left out where it would squeeze the rest.
        if self._wide:
            table.add_column("id", style="dim", no_wrap=True, overflow="ellipsis", max_width=34)
        for binding in bindings:
            row = [Text(self._keys(binding)), Text(binding.description or binding.action)]
            table.add_row(*row, *([Text(binding.id or "")] if self._wide else []))
        return table

    def _query_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("query", style="bold", no_wrap=True, min_width=10)
        table.add_column("finds", ratio=1)
        for query, meaning in QUERY_HELP:
            table.add_row(Text(query), Text(meaning))
        table.add_row(
            Text(""), Text("Every term is literal: it matches inside words too, and one character works.", style="dim")
        )
        return table
