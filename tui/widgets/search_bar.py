"""The search bar: the query box and, beside it, what the last search found."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from zhreader.support.plural import counted
from zhreader.tui.widgets.plain_input import PlainInput

if TYPE_CHECKING:
    from zhreader.index import SearchResult
    from zhreader.tui.history import SearchHistory

PLACEHOLDER = '人才 政策  "数据 中心"  -北京  呼和浩特 OR 包头  title:规划'


class QueryInput(PlainInput):
    """The search box: up and down recall the queries searched before (and come back to
    what was being typed)."""

    BINDINGS = [
        Binding("up", "history(-1)", "Search box: an earlier query", show=False, id="search.earlier"),
        Binding("down", "history(1)", "Search box: a later query", show=False, id="search.later"),
    ]

    def __init__(self, history: SearchHistory | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.history = history
        self._place: int | None = None  # where in the history the box is (None: the draft)
        self._recalled: str | None = None
        self._draft = ""

    def action_history(self, step: int) -> None:
        queries = self.history.queries if self.history is not None else []
        if self.value != self._recalled:
            self._place, self._draft = None, self.value  # typed since: a new draft
        # From the draft only back; in the history back to its start, forward to the draft.
        place = (len(queries) - 1 if step < 0 else -1) if self._place is None else self._place + step
        if place < 0:
            self.app.bell()
            return
        recalled = self._draft if place >= len(queries) else queries[place]
        self._place = None if place >= len(queries) else place
        self._recalled = recalled
        self.value = recalled
        self.cursor_position = len(recalled)


class SearchBar(Horizontal):
    DEFAULT_CSS = """
    SearchBar { height: 1; background: $boost; }
    SearchBar > #search-label { width: auto; padding: 0 1; color: $accent; text-style: bold; }
    SearchBar > #query { width: 1fr; height: 1; border: none; padding: 0; background: $boost; }
    SearchBar > #query:focus { background: $primary 15%; }
    SearchBar > #search-summary { width: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, *, history: SearchHistory | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.history = history

    def compose(self) -> ComposeResult:
        yield Label("搜索 /", id="search-label")
        yield QueryInput(self.history, placeholder=PLACEHOLDER, id="query")
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
