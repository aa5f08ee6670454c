"""The ``zhreader`` command line: the reader by default, and index/search/show/notes for
scripts.

Data goes to stdout, messages and progress to stderr. Commands raise ``ZhreaderError``s;
``zhreader.tui.reporting`` turns them into one line and the exit code of
``zhreader.errors.ExitCode`` (0 success, 1 nothing found, 2 bad input, 3 the work could
not be done, 130 interrupted). Document text is printed as data: Rich output is built
from Text objects, never markup.
"""

from __future__ import annotations

import difflib
import os
from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem
from rich.text import Text

from zhreader import __version__
from zhreader.errors import ExitCode
from zhreader.support.plural import counted
from zhreader.tui.cli_analysis import concordance_command
from zhreader.tui.cli_common import (
    corpus_option,
    index_dir_option,
    make_store,
    notes_option,
    open_corpus,
    open_notebook,
    ready_searcher,
    refresh_option,
    resolve_document,
    run_update,
)
from zhreader.tui.cli_notes import notes_group
from zhreader.tui.cli_words import collocates_command, print_chart, words_command
from zhreader.tui.errors import NoSuchDocument, NothingIndexed
from zhreader.tui.output import data, emit_json, emit_text, out_console, say
from zhreader.tui.reporting import print_line, silence_stdout

if TYPE_CHECKING:
    from zhreader.corpus.notes.notebook import Notebook

# The engine is imported inside the commands: `zhreader --help` loads nothing of it.


VERSION_OPTIONS = ("-V", "--version")


class _PipeClosed(Exception):
    """Stdout's reader went away (``| head``). Not an OSError: click would turn that into
    exit status 1, which here means "nothing found"."""


class _DefaultGroup(click.Group):
    """``zhreader PATH`` means ``zhreader open PATH``; subcommands win over paths."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:
            return super().parse_args(ctx, args)  # shell completion: offer the subcommands
        if not args or (
            args[0] not in self.commands and args[0] not in (*self.get_help_option_names(ctx), *VERSION_OPTIONS)
        ):
            if args and not os.path.exists(args[0]):
                close = difflib.get_close_matches(args[0], list(self.commands), n=1, cutoff=0.6)
                if close:
                    raise click.UsageError(f"no command or path {args[0]!r}; did you mean {close[0]!r}?", ctx)
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        # `zhreader PATH` opens PATH: a word that starts no command completes as a path.
        return super().shell_complete(ctx, incomplete) or [CompletionItem(incomplete, type="file")]

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, *VERSION_OPTIONS, prog_name="zhreader")
def main() -> None:
    """A keyboard-first terminal reader for collections of Chinese documents.

    Run without a command to open the reader on PATH (a folder or a file; the bundled
    sample corpus when PATH is left out).
    """


@main.command("open")
@click.argument("path", required=False, type=click.Path())
@index_dir_option
@notes_option()
def open_command(path: str | None, index_dir: str | None, notes_path: str | None) -> None:
    """Open the reader on PATH (default: the sample corpus)."""
    from zhreader.tui.launch import open_reader

    raise click.exceptions.Exit(open_reader(path, index_dir, notes_path))


@main.command("index")
@click.argument("path", required=False, type=click.Path())
@index_dir_option
def index_command(path: str | None, index_dir: str | None) -> None:
    """Build or update the index of PATH (default: the sample corpus)."""
    from zhreader.corpus.discovery import ignored_summary
    from zhreader.index import IndexBusy

    corpus = open_corpus(path)
    store = make_store(corpus, index_dir)
    try:
        report = run_update(corpus, store, show_progress=True, lock_timeout=0)
    except IndexBusy:
        say("zhreader: waiting for another zhreader that is updating this index…")
        report = run_update(corpus, store, show_progress=True)
    parts = [
        f"{len(report.added)} added",
        f"{len(report.changed)} changed",
        f"{len(report.removed)} removed",
        f"{report.unchanged} unchanged",
    ]
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    say(f"{corpus.location}: {report.documents} documents indexed in {report.seconds:.1f} s ({', '.join(parts)})")
    for skipped in report.skipped:
        say(f"  skipped {skipped.doc_id}: {skipped.reason}")
    for repaired in report.repaired:
        say(f"  repaired {repaired.doc_id}: {repaired.reason}")
    ignored = ignored_summary(report.ignored)
    if ignored:
        say(f"  {ignored}")
    if not report.documents:
        if report.skipped:
            what = f"no file there could be read ({len(report.skipped)} skipped)"
        elif ignored:
            what = f"it holds no file of a type zhreader reads ({ignored})"
        else:
            what = "it holds no documents"
        raise NothingIndexed(f"nothing to index in {corpus.location}: {what}")


def _snippet_line(hit: Any, width: int = 20) -> Text:
    line = Text("  ")
    line.append(f"¶{hit.block:<4}", style="dim")
    line.append(hit.snippet.left.rjust(width // 2) if len(hit.snippet.left) < width else hit.snippet.left)
    line.append(hit.snippet.hit, style="bold reverse")
    line.append(hit.snippet.right)
    return line


# A query such as -北京 (leave out documents with 北京) is the query, not an unknown option.
@main.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query")
@corpus_option("Folder or file to search (default: the sample corpus).")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(min=0), help="Documents to show; 0 shows all."
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per matching document, in rank order.")
@notes_option("Notes file for tag: terms (default: the corpus' own).")
@click.option("--exact-script", is_flag=True, help="Match only the script typed (no simplified/traditional folding).")
@click.option(
    "--chart",
    is_flag=True,
    help="A bar chart of the hits over the --limit documents with most hits (and over time when names carry dates).",
)
@refresh_option
@index_dir_option
def search_command(
    query: str,
    corpus_path: str | None,
    limit: int,
    as_json: bool,
    notes_path: str | None,
    exact_script: bool,
    chart: bool,
    refresh: bool,
    index_dir: str | None,
) -> None:
    """Search for QUERY: space-separated terms all occur, "a phrase", -exclude, a OR b, title:word,
    tag:标签 (passages tagged in the notes)."""
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir, refresh=refresh) as searcher:
        notebook: Notebook | None = None

        def passages(tag: str) -> dict[str, list[tuple[int, int]]]:
            nonlocal notebook
            if notebook is None:
                notebook = open_notebook(corpus, searcher, notes_path)
                notebook.reload()
            return notebook.passages(tag)

        # A chart counts over every matching document; --limit is how many bars it draws.
        result = searcher.search(
            query, limit=None if chart else limit or None, passages=passages, exact_script=exact_script
        )
        for notice in result.notices:
            say(f"zhreader: note: {notice}")
        if not result.docs:
            if result.searched_docs:
                say(f"no documents match {query!r}")
            else:
                say(f"no documents to search in {corpus.location}")
            raise click.exceptions.Exit(ExitCode.NOT_FOUND)
        if chart:
            print_chart(searcher, result, limit)
            return
        if as_json:
            for doc in result.docs:
                emit_json(doc.as_json())
            return
        for rank, doc in enumerate(result.docs, start=1):
            head = Text(f"{rank:>3}. ")
            head.append(data(doc.title, "bold"))
            head.append(data(f"  {doc.doc_id}", "dim"))
            head.append(f"  {counted(doc.hit_count, 'hit')}", style="cyan")
            out_console.print(head)
            # Only the hits shown are made: a one-line 5 MB document has 200,000 of 的.
            for hit in doc.first_hits(3):
                out_console.print(_snippet_line(hit))
            if doc.hit_count > 3:
                out_console.print(Text(f"       … {doc.hit_count - 3:,} more", style="dim"))
        shown = len(result.docs)
        summary = f"{counted(result.total_hits, 'hit')} in {result.total_docs:,} of "
        summary += f"{result.searched_docs:,} documents"
        if shown < result.total_docs:
            summary += f" (showing {shown}; --limit 0 shows all)"
        say(f"{summary}, {result.seconds * 1000:.0f} ms", "dim")


@main.command("show")
@click.argument("doc")
@corpus_option("Folder or file holding DOC (default: the sample corpus).")
@index_dir_option
def show_command(doc: str, corpus_path: str | None, index_dir: str | None) -> None:
    """Print the display text of DOC, the text hit offsets refer to. DOC is a document id
    (as list and search print it), a prefix of one, or a document's exact title."""
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        document = searcher.document(resolve_document(searcher, corpus, doc))
        if document is None:
            raise NoSuchDocument(f"no document {doc!r} in {corpus.location} (zhreader list shows them)")
        emit_text(document.text + "\n")


@main.command("list")
@corpus_option()
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: doc, title, chars; one document a line.")
@refresh_option
@index_dir_option
def list_command(corpus_path: str | None, as_json: bool, refresh: bool, index_dir: str | None) -> None:
    """List the documents: id, title and length in characters, in id order."""
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir, refresh=refresh) as searcher:
        count = 0
        for summary in searcher.documents():
            count += 1
            if as_json:
                emit_json({"doc": summary.doc_id, "title": summary.title, "chars": summary.length})
                continue
            line = Text(f"{summary.length:>9,}  ", style="dim")
            line.append(data(summary.doc_id, "bold"))
            line.append(data(f"  {summary.title}"))
            out_console.print(line)
    say(f"{counted(count, 'document')} in {corpus.location}", "dim")
    if not count:
        raise click.exceptions.Exit(ExitCode.NOT_FOUND)


main.add_command(notes_group)
main.add_command(concordance_command)
main.add_command(words_command)
main.add_command(collocates_command)


def run(args: list[str]) -> int:
    """Run the command line; ZhreaderErrors reach the caller's reporter."""
    try:
        code = main.main(args, prog_name="zhreader", standalone_mode=False)
    except click.ClickException as err:
        # One line, through the one printer (an argument is data: it may hold escapes).
        hint = ""
        if isinstance(err, click.UsageError) and err.ctx is not None:
            hint = f" ({err.ctx.command_path} --help lists what it takes)"
        print_line(f"zhreader: error: {err.format_message()}{hint}")
        return err.exit_code
    except click.Abort:
        raise KeyboardInterrupt from None
    except _PipeClosed:
        silence_stdout()
        return 0
    return code if isinstance(code, int) else 0
