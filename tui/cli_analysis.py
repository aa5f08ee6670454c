"""``zhreader concordance`` and ``zhreader words``: a query's hits as sorted KWIC lines,
and the words of the corpus or of a query's documents with their keyness and collocates."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click
from rich.text import Text

from zhreader.errors import ExitCode
from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.cli_common import corpus_option, index_dir_option, open_corpus, ready_searcher, write_output
from zhreader.tui.output import data, out_console, say

if TYPE_CHECKING:
    from zhreader.index import Searcher, SearchResult

FORMATS = ["txt", "csv", "json"]
output_option = click.option(
    "-o", "--output", metavar="FILE", type=click.Path(), help="Write to FILE (default: stdout)."
)
exact_script_option = click.option(
    "--exact-script", is_flag=True, help="Match only the script typed (no simplified/traditional folding)."
)


def _search(searcher: Searcher, query: str, exact_script: bool) -> SearchResult:
    result = searcher.search(query, exact_script=exact_script)
    for notice in result.notices:
        say(f"zhreader: note: {notice}")
    return result


def _emit(content: str, output: str | None, what: str) -> None:
    if output:
        write_output(output, content.encode("utf-8"))
        say(f"{what} written to {output}")
        return
    sys.stdout.buffer.write(content.encode("utf-8"))


# A query such as -北京 is the query, not an unknown option.
@click.command("concordance", context_settings={"ignore_unknown_options": True})
@click.argument("query")
@click.option(
    "--sort",
    type=click.Choice(["left", "right", "doc"]),
    default="doc",
    show_default=True,
    help=(
        "Order: by the left context read from the hit outwards, by the right context (their first 16 "
        "characters, folded; then document order), or by document."
    ),
)
@click.option(
    "--width",
    default=30,
    show_default=True,
    type=click.IntRange(min=1, max=200),
    help="Terminal cells of context on each side (txt); characters of context (csv, json).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="txt", show_default=True)
@output_option
@exact_script_option
@corpus_option("Folder or file to search (default: the sample corpus).")
@index_dir_option
def concordance_command(
    query: str,
    sort: str,
    width: int,
    fmt: str,
    output: str | None,
    exact_script: bool,
    corpus_path: str | None,
    index_dir: str | None,
) -> None:
    """Every hit of QUERY as a key-word-in-context line, the left contexts right-aligned so
    the hits line up (East Asian widths counted); CSV (UTF-8 with BOM, formula-safe) or
    JSON for other tools."""
    from zhreader.index import concordance
    from zhreader.support import jsonlines, spreadsheet
    from zhreader.support.cells import fit_left, fit_right

    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        result = _search(searcher, query, exact_script)
        found = list(concordance.lines(searcher, result, width, concordance.Sort(sort)))
    if not found:
        say(f"no hits of {query!r}")
        raise click.exceptions.Exit(ExitCode.NOT_FOUND)
    summary = f"{counted(len(found), 'line')} of {query!r}, sorted by {sort}"
    if fmt == "csv":
        _emit(spreadsheet.to_csv(concordance.CSV_COLUMNS, concordance.csv_rows(found)), output, summary)
        return
    if fmt == "json":
        record = {"query": query, "sort": sort, "context": width, "lines": [line.as_json() for line in found]}
        _emit(jsonlines.dumps(record, indent=1) + "\n", output, summary)
        return
    if output or not out_console.is_terminal:
        # Plain lines for a file or a pipe: Rich's rendering of each line would be most of the time.
        rows = [f"{fit_left(x.left, width)} {x.hit} {fit_right(x.right, width)}  {printable(x.doc_id)}" for x in found]
        _emit("\n".join(rows) + "\n", output, summary)
        if output:
            return
    else:
        for line in found:
            row = Text(fit_left(line.left, width) + " ")
            row.append(line.hit, style="bold reverse")
            row.append(" " + fit_right(line.right, width) + "  ")
            row.append(data(line.doc_id, "dim"))
            out_console.print(row)
    say(f"{summary}, in {counted(result.total_docs, 'document')}", "dim")
