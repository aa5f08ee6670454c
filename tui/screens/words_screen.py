"""Words and collocates, in the reader: the words of the search's documents (or of the
passages under a tag, or of the whole corpus without a search) with their keyness
against the rest of the corpus, and the words around the search's hits with their
association score; what ``zhreader words`` and ``zhreader collocates`` print.

Counting runs in a worker thread (seconds on a large corpus); the corpus' counts, which
every table compares against, are made once per screen. Enter searches for the word
under the cursor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.widgets.line_list import LineList
from zhreader.tui.widgets.table_list import Column, TableList

if TYPE_CHECKING:
    from collections.abc import Callable

    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.corpus.stopwords import WordFilter
    from zhreader.index import Searcher, SearchResult
    from zhreader.index.collocates import Collocates
    from zhreader.index.wordstats import WordCounts

TOP = 500  # rows a table keeps: a reader looks at the head; the CLI exports all
WINDOWS = (1, 2, 3, 5, 8, 10)


@dataclass(frozen=True, slots=True)
class Asked:
    """What the table shows: the words (by count or keyness) or the collocates."""

    collocates: bool = False
    by_keyness: bool = False
    measure: str = "ll"
    window: int = 5
    stopwords: bool = True


class WordsScreen(Screen[str | None]):
    BINDINGS = [
        Binding("w", "show(False)", "Words of the search's documents", id="words.words"),
        Binding("c", "show(True)", "Collocates: the words around the hits", id="words.collocates"),
        Binding("s", "toggle_keyness", "Words: sort by count / by keyness", id="words.keyness"),
        Binding("m", "toggle_measure", "Collocates: log-likelihood / mutual information", id="words.measure"),
        Binding("plus,equals_sign", "window(1)", "Collocates: a wider window", id="words.wider"),
        Binding("minus", "window(-1)", "Collocates: a narrower window", id="words.narrower"),
        Binding("x", "toggle_stopwords", "Leave out function words: on / off", id="words.stopwords"),
        Binding("escape", "close", "Back to the reader", id="words.close"),
    ]
    DEFAULT_CSS = """
    WordsScreen #words-table { height: 1fr; }
    WordsScreen #words-summary { height: auto; color: $text-muted; padding: 0 1; }
    """

    @dataclass
    class Ready(Message):
        asked: Asked
        columns: list[Column]
        rows: list[list[str]]
        bars: list[int]
        words: list[str]
        summary: str
        title: str

    def __init__(
        self, searcher: Searcher, result: SearchResult | None, query: str | None, notebook: Notebook | None = None
    ) -> None:
        super().__init__()
        self.searcher = searcher
        self.result = result
        self.search_query = query
        self.notebook = notebook
        self.asked = Asked(by_keyness=result is not None)
        self.words: list[str] = []
        self._corpus: WordCounts | None = None
        self._subset: WordCounts | None = None

    def compose(self) -> ComposeResult:
        yield TableList(id="words-table")
        yield Static("", id="words-summary", markup=False)

    @property
    def table(self) -> TableList:
        return self.query_one(TableList)

    def on_mount(self) -> None:
        self.table.border_subtitle = "w: words · c: collocates · s m + - x: options · Enter: search · Esc: back"
        self.table.focus()
        self._work()

    def _work(self) -> None:
        asked = self.asked
        self.table.border_title = Content(f"{self._what(asked)} · counting…")
        self.run_worker(lambda: self._make(asked), name="words", exclusive=True, thread=True)

    def _what(self, asked: Asked) -> str:
        query = printable(self.search_query or "")
        if asked.collocates:
            return f"Collocates of {query} (±{asked.window} words, {asked.measure.upper()})"
        if self.result is None:
            return "Words of the corpus"
        return f"Words of {query}" + (" by keyness" if asked.by_keyness else " by count")

    def _make(self, asked: Asked) -> None:
        """In a worker thread."""
        from zhreader.corpus.stopwords import WordFilter
        from zhreader.index import Cancelled, collocates, wordstats

        worker = get_current_worker()

        def stop() -> bool:
            return worker.is_cancelled

        keep = WordFilter(stopwords=asked.stopwords)
        try:
            if self._corpus is None:
                self._corpus = wordstats.corpus_counts(self.searcher, stop)
            corpus = self._corpus
            if asked.collocates and self.result is not None:
                found = collocates.collocates(
                    self.searcher, self.result, corpus, asked.window, 3, collocates.Measure(asked.measure), keep, stop
                )
                ready = self._collocates_table(asked, found)
            else:
                ready = self._words_table(asked, corpus, keep, stop)
        except Cancelled:
            return
        if not worker.is_cancelled:
            self.post_message(ready)

    def _words_table(self, asked: Asked, corpus: WordCounts, keep: WordFilter, stop: Callable[[], bool]) -> Ready:
        from zhreader.index import wordstats

        if self.result is None:
            found = wordstats.table(corpus, None, keep, TOP)
            where = f"{found.words:,} words in {counted(found.documents, 'document')}"
        else:
            if self._subset is None:
                self._subset = self._subset_counts(self.result, corpus, stop)
            if self._subset.words >= corpus.words:
                # Every document matches: no rest of the corpus to weigh the words against.
                found = wordstats.table(self._subset, None, keep, TOP)
                where = f"{found.words:,} words in {counted(found.documents, 'document')}: every document matches"
            else:
                found = wordstats.table(self._subset, corpus, keep, TOP, by_keyness=asked.by_keyness)
                where = (
                    f"{found.words:,} words in {counted(found.documents, 'document')}, "
                    f"against {found.rest_words or 0:,} in the rest (keyness: signed log-likelihood G²)"
                )
        columns = [Column("word"), Column("count", True), Column("docs", True, drop=2)]
        if found.compared:
            columns += [Column("rest", True, drop=1), Column("keyness", True)]
        rows = []
        for row in found.rows:
            cells = [row.word, f"{row.count:,}", f"{row.docs:,}"]
            if row.keyness is not None:
                cells += [f"{row.rest or 0:,}", f"{row.keyness:+.1f}"]
            rows.append(cells)
        summary = f"{counted(len(rows), 'word')} shown · {where}" + _stopwords_note(asked)
        words = [row.word for row in found.rows]
        title = self._what(asked) if found.compared or self.result is None else f"Words of {self.search_query}"
        return self.Ready(asked, columns, rows, [row.count for row in found.rows], words, summary, printable(title))

    def _subset_counts(self, result: SearchResult, corpus: WordCounts, stop: Callable[[], bool]) -> WordCounts:
        from zhreader.index import wordstats
        from zhreader.index.query import only_tags

        tags = only_tags(result.query)
        if tags is not None and self.notebook is not None:
            passages = wordstats.tagged_passages(tags, self.notebook.passages)
            return wordstats.passage_counts(self.searcher, passages, stop)
        return wordstats.subset_counts(self.searcher, result.docs.docnums(), corpus, stop)

    def _collocates_table(self, asked: Asked, found: Collocates) -> Ready:
        columns = [
            Column("word"),
            Column("observed", True),
            Column("left", True, drop=2),
            Column("right", True, drop=2),
            Column("expected", True, drop=3),
            Column("corpus", True, drop=1),
            Column(asked.measure.upper(), True),
        ]
        shown = found.rows[:TOP]
        rows = [
            [
                c.word,
                f"{c.observed:,}",
                f"{c.left:,}",
                f"{c.right:,}",
                f"{c.expected:.2f}",
                f"{c.corpus:,}",
                f"{c.score:+.2f}",
            ]
            for c in shown
        ]
        summary = (
            f"{counted(len(rows), 'collocate')} shown (3 times or more) · {counted(found.hits, 'hit')}, "
            f"{found.window_words:,} words in the windows" + _stopwords_note(asked)
        )
        words = [c.word for c in shown]
        return self.Ready(asked, columns, rows, [c.observed for c in shown], words, summary, self._what(asked))

    def on_words_screen_ready(self, message: Ready) -> None:
        if message.asked != self.asked:
            return  # asked for another table since
        self.words = message.words
        self.table.show(message.columns, message.rows, message.bars)
        self.table.border_title = Content(message.title)
        self.query_one("#words-summary", Static).update(Text(message.summary))

    @on(LineList.Chosen, "#words-table")
    def _search(self) -> None:
        row = self.table.current
        if row is not None and row < len(self.words):
            self.dismiss(self.words[row])

    def _ask(self, asked: Asked) -> None:
        if asked != self.asked:
            self.asked = asked
            self._work()

    def action_show(self, collocates: bool) -> None:
        if collocates and self.result is None:
            self.notify("Search first (/): collocates are the words around a search's hits", markup=False)
            return
        self._ask(replace(self.asked, collocates=collocates))

    def action_toggle_keyness(self) -> None:
        if self.result is not None and not self.asked.collocates:
            self._ask(replace(self.asked, by_keyness=not self.asked.by_keyness))

    def action_toggle_measure(self) -> None:
        if self.asked.collocates:
            self._ask(replace(self.asked, measure="mi" if self.asked.measure == "ll" else "ll"))

    def action_window(self, step: int) -> None:
        if not self.asked.collocates:
            return
        place = WINDOWS.index(self.asked.window) if self.asked.window in WINDOWS else WINDOWS.index(5)
        window = WINDOWS[min(max(place + step, 0), len(WINDOWS) - 1)]
        self._ask(replace(self.asked, window=window))

    def action_toggle_stopwords(self) -> None:
        self._ask(replace(self.asked, stopwords=not self.asked.stopwords))

    def action_close(self) -> None:
        self.dismiss(None)


def _stopwords_note(asked: Asked) -> str:
    return " · function words left out (x: keep them)" if asked.stopwords else " · function words kept (x: leave out)"
