"""Help: every key binding (read from the widgets themselves, so it cannot go stale)
and the query language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

QUERY_HELP = [
    ("人才 政策", "documents containing both"),
    ('"数据 中心"', "the phrase, spaces included"),
    ("-北京", "leave out documents containing 北京"),
    ("呼和浩特 OR 包头", "either"),
    ("title:规划", "规划 in the title"),
    ("发展", "发展 and 發展 alike: simplified, traditional and variants (為/爲, 裏/裡/里) match"),
    ("=發展", "this script only: 發展, not 发展 (s switches the default for every term)"),
    ("1998 / １９９８ / GDP / ｇｄｐ", "width and case do not matter, nor ⼈ (a Kangxi radical) for 人"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90; max-width: 95%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "zhreader — keys"
            scroll.border_subtitle = "Esc to close"
            yield Static(self._keys_table())
            yield Static(self._query_table())

    def _keys_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("action")
        table.add_column("id", style="dim", no_wrap=True)
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "", "")
            for binding in bindings:
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(",")
                )
                table.add_row(Text(keys), Text(binding.description or binding.action), Text(binding.id or ""))
            table.add_row("", "", "")
        return table

    def _query_table(self) -> Table:
        table = Table(
            box=None, show_header=False, padding=(0, 2), expand=True, title="Search queries", title_justify="left"
        )
        table.add_column("query", style="bold", no_wrap=True)
        table.add_column("finds")
        for query, meaning in QUERY_HELP:
            table.add_row(Text(query), Text(meaning))
        table.add_row(
            Text(""), Text("Every term is literal: it matches inside words too, and one character works.", style="dim")
        )
        return table
