"""The search bar: the query box and, beside it, what the last search found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from zhreader.support.plural import counted
from zhreader.tui.widgets.plain_input import PlainInput

if TYPE_CHECKING:
    from zhreader.index import SearchResult

PLACEHOLDER = '人才 政策  "数据 中心"  -北京  呼和浩特 OR 包头  title:规划'


class SearchBar(Horizontal):
    DEFAULT_CSS = """
    SearchBar { height: 1; background: $boost; }
    SearchBar > #search-label { width: auto; padding: 0 1; color: $accent; text-style: bold; }
    SearchBar > #query { width: 1fr; height: 1; border: none; padding: 0; background: $boost; }
    SearchBar > #query:focus { background: $primary 15%; }
    SearchBar > #search-summary { width: auto; padding: 0 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Label("搜索 /", id="search-label")
        yield PlainInput(placeholder=PLACEHOLDER, id="query")
        yield Label("", id="search-summary", markup=False)

    @property
    def box(self) -> Input:
        return self.query_one("#query", Input)

    def show_result(self, result: SearchResult, *, timings: bool, exact_script: bool = False) -> None:
        summary = f"{counted(result.total_hits, 'hit')} · {result.total_docs:,}/{counted(result.searched_docs, 'doc')}"
        if exact_script:
            summary += " · exact script"
        if timings:
            summary += f" · {result.seconds * 1000:.0f} ms"
        if not result.index_complete:
            summary += " · index still building"
        self.query_one("#search-summary", Label).update(summary)

    def clear_result(self) -> None:
        self.query_one("#search-summary", Label).update("")
