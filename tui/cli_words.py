"""``zhreader words`` and ``zhreader collocates``: word frequencies with keyness, and the
words around a query's hits; and the bar chart of ``search --chart``."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import click

from zhreader.errors import ExitCode
from zhreader.support.plural import counted
from zhreader.tui.cli_analysis import FORMATS, _emit, exact_script_option, output_option
from zhreader.tui.cli_common import (
    corpus_option,
    index_dir_option,
    notes_option,
    open_corpus,
    open_notebook,
    ready_searcher,
)
from zhreader.tui.output import say

if TYPE_CHECKING:
    from zhreader.corpus import Corpus
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.index import Searcher, SearchResult
    from zhreader.index.wordstats import Table, WordCounts

stopwords_option = click.option(
    "--stopwords/--no-stopwords",
    default=True,
    show_default=True,
    help="Leave out Chinese function words (the list shipped in zhreader/corpus/data/stopwords.txt).",
)
all_option = click.option("--all", "keep_all", is_flag=True, help="Keep pure numbers (1998, 3.5%) too.")


class PassageFinder:
    """Answers tag: terms from the notes file, read once when first asked."""

    def __init__(self, corpus: Corpus, searcher: Searcher, notes_path: str | None) -> None:
        self._corpus, self._searcher, self._notes_path = corpus, searcher, notes_path
        self._notebook: Notebook | None = None

    def __call__(self, tag: str) -> dict[str, list[tuple[int, int]]]:
        if self._notebook is None:
            self._notebook = open_notebook(self._corpus, self._searcher, self._notes_path)
            self._notebook.reload()
        return self._notebook.passages(tag)


def _txt_table(found: Table) -> str:
    from zhreader.support.cells import cells, fit_right
    from zhreader.support.printable import printable

    words = [printable(row.word) for row in found.rows]
    width = max([cells(word) for word in words] + [4])
    head = f"{'rank':>5}  {fit_right('word', width)} {'count':>9} {'docs':>7}"
    if found.compared:
        head += f" {'rest':>9} {'keyness':>10}"
    lines = [head]
    for rank, (word, row) in enumerate(zip(words, found.rows, strict=True), start=1):
        line = f"{rank:>5}  {fit_right(word, width)} {row.count:>9,} {row.docs:>7,}"
        if row.keyness is not None:
            line += f" {row.rest:>9,} {row.keyness:>+10.2f}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@click.command("words", context_settings={"ignore_unknown_options": True})
@click.argument("query", required=False)
@click.option("--top", default=50, show_default=True, type=click.IntRange(min=0), help="Words to list; 0 lists all.")
@click.option(
    "--sort",
    type=click.Choice(["count", "keyness"]),
    default="count",
    show_default=True,
    help="Most frequent first, or (with QUERY) the most over-used against the rest of the corpus first.",
)
@stopwords_option
@all_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@output_option
@exact_script_option
@notes_option("Notes file for tag: queries (default: the corpus' own).")
@corpus_option("Folder or file to count (default: the sample corpus).")
@index_dir_option
def words_command(
    query: str | None,
    top: int,
    sort: str,
    stopwords: bool,
    keep_all: bool,
    fmt: str,
    output: str | None,
    exact_script: bool,
    notes_path: str | None,
    corpus_path: str | None,
    index_dir: str | None,
) -> None:
    """The words of the corpus, or of the documents matching QUERY, or of the passages
    tagged X (QUERY tag:X): occurrences, documents, and with QUERY the keyness against the
    rest of the corpus (signed log-likelihood G²: + over-used, - under-used). Words are
    the index's: jieba words of two characters or more, folded (發展 counts as 发展)."""
    from zhreader.corpus.stopwords import WordFilter
    from zhreader.index import wordstats
    from zhreader.index.query import only_tags
    from zhreader.support import jsonlines, spreadsheet

    corpus = open_corpus(corpus_path)
    keep = WordFilter(stopwords=stopwords, numbers=not keep_all)
    with ready_searcher(corpus, index_dir) as searcher:
        everything = wordstats.corpus_counts(searcher)
        subset: WordCounts | None = None
        what = "the corpus"
        if query is not None:
            finder = PassageFinder(corpus, searcher, notes_path)
            tags = only_tags(query)
            if tags is not None:
                subset = wordstats.passage_counts(searcher, wordstats.tagged_passages(tags, finder))
                what = f"the passages of {query!r}"
            else:
                result = searcher.search(query, passages=finder, exact_script=exact_script)
                for notice in result.notices:
                    say(f"zhreader: note: {notice}")
                subset = wordstats.subset_counts(searcher, result.docs.docnums(), everything)
                what = f"the documents matching {query!r}"
            if not subset.documents:
                say(f"no documents match {query!r}" if tags is None else f"no passages tagged as {query!r}")
                raise click.exceptions.Exit(ExitCode.NOT_FOUND)
    found = (
        wordstats.table(subset, everything, keep, top or None, by_keyness=sort == "keyness")
        if subset is not None
        else wordstats.table(everything, None, keep, top or None)
    )
    summary = (
        f"{counted(len(found.rows), 'word')} of {what}: {found.words:,} words in {counted(found.documents, 'document')}"
    )
    if found.compared:
        summary += f", against {found.rest_words:,} in the rest"
    if fmt == "csv":
        _emit(spreadsheet.to_csv(wordstats.CSV_COLUMNS, wordstats.csv_rows(found)), output, summary)
    elif fmt == "json":
        record = {
            "query": query,
            "words": found.words,
            "documents": found.documents,
            "rest_words": found.rest_words,
            "rest_documents": found.rest_documents,
            "rows": [row.as_json() for row in found.rows],
        }
        _emit(jsonlines.dumps(record, indent=1) + "\n", output, summary)
    else:
        _emit(_txt_table(found), output, summary)
        if not output:
            say(summary, "dim")


@click.command("collocates", context_settings={"ignore_unknown_options": True})
@click.argument("query")
@click.option(
    "--window", default=5, show_default=True, type=click.IntRange(min=1, max=50), help="Words each side of a hit."
)
@click.option(
    "--min-freq",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Times a word must come in the windows.",
)
@click.option(
    "--measure",
    type=click.Choice(["ll", "mi"]),
    default="ll",
    show_default=True,
    help="Rank by log-likelihood (signed) or by mutual information.",
)
@click.option(
    "--top", default=50, show_default=True, type=click.IntRange(min=0), help="Collocates to list; 0 lists all."
)
@stopwords_option
@all_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@output_option
@exact_script_option
@notes_option("Notes file for tag: terms (default: the corpus' own).")
@corpus_option("Folder or file to search (default: the sample corpus).")
@index_dir_option
def collocates_command(
    query: str,
    window: int,
    min_freq: int,
    measure: str,
    top: int,
    stopwords: bool,
    keep_all: bool,
    fmt: str,
    output: str | None,
    exact_script: bool,
    notes_path: str | None,
    corpus_path: str | None,
    index_dir: str | None,
) -> None:
    """The words within WINDOW words of each hit of QUERY, ranked by how much more often
    they come there than chance would have them: observed, expected (E = R·C/N) and the
    score (signed log-likelihood of the 2×2 table, or MI = log2(O/E))."""
    from zhreader.corpus.stopwords import WordFilter
    from zhreader.index import collocates, wordstats
    from zhreader.support import jsonlines, spreadsheet
    from zhreader.support.cells import cells, fit_right
    from zhreader.support.printable import printable

    corpus = open_corpus(corpus_path)
    keep = WordFilter(stopwords=stopwords, numbers=not keep_all)
    with ready_searcher(corpus, index_dir) as searcher:
        result = searcher.search(query, passages=PassageFinder(corpus, searcher, notes_path), exact_script=exact_script)
        for notice in result.notices:
            say(f"zhreader: note: {notice}")
        if not result.total_hits:
            say(f"no hits of {query!r}")
            raise click.exceptions.Exit(ExitCode.NOT_FOUND)
        everything = wordstats.corpus_counts(searcher)
        found = collocates.collocates(searcher, result, everything, window, min_freq, collocates.Measure(measure), keep)
    rows = found.rows[: top or None]
    summary = (
        f"{counted(len(rows), 'collocate')} of {query!r} within ±{window} words of "
        f"{counted(found.hits, 'hit')} ({found.window_words:,} words in the windows), by {measure}"
    )
    if fmt == "csv":
        _emit(spreadsheet.to_csv(collocates.CSV_COLUMNS, collocates.csv_rows(found)[: top or None]), output, summary)
        return
    if fmt == "json":
        record = {
            "query": query,
            "window": window,
            "measure": measure,
            "hits": found.hits,
            "window_words": found.window_words,
            "corpus_words": found.corpus_words,
            "rows": [row.as_json() for row in rows],
        }
        _emit(jsonlines.dumps(record, indent=1) + "\n", output, summary)
        return
    words = [printable(row.word) for row in rows]
    width = max([cells(word) for word in words] + [4])
    head = f"{'rank':>5}  {fit_right('word', width)} {'obs':>7} {'left':>6} {'right':>6} {'exp':>9} {'corpus':>8}"
    lines = [f"{head} {measure:>9}"]
    for rank, (word, row) in enumerate(zip(words, rows, strict=True), start=1):
        lines.append(
            f"{rank:>5}  {fit_right(word, width)} {row.observed:>7,} {row.left:>6,} {row.right:>6,} "
            f"{row.expected:>9.2f} {row.corpus:>8,} {row.score:>+9.2f}"
        )
    _emit("\n".join(lines) + "\n", output, summary)
    if not output:
        say(summary, "dim")


def print_chart(searcher: Searcher, result: SearchResult, top: int) -> None:
    """The hits of a search over its documents (the most first) and, when document names
    carry dates, over time."""
    from zhreader.support.barchart import by_period, chart, date_in

    docs = result.docs
    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    ranked = sorted(docs.docnums(), key=lambda d: (-docs.count_of(d), d))
    rows = [(searcher.describe(d)[0], docs.count_of(d)) for d in ranked[: top or None]]
    out = [f"hits of {result.query!r} by document ({len(rows)} of {result.total_docs:,}, most first)"]
    out += chart(rows, width)
    dated = []
    for docnum in ranked:
        day = date_in(searcher.describe(docnum)[0])
        if day is not None:
            dated.append((day, docs.count_of(docnum)))
    if dated:
        periods = by_period(dated, max(top, 12))
        out += ["", f"hits by date ({counted(len(dated), 'dated document')})"]
        out += chart(periods, width)
    _emit("\n".join(out) + "\n", None, "")
