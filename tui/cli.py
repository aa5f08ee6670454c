"""The ``zhreader`` command line: the reader by default, and index/search/show/notes for
scripts.

Data goes to stdout, messages and progress to stderr. Commands raise ``ZhreaderError``s;
``zhreader.tui.reporting`` turns them into one line and the exit code of
``zhreader.errors.ExitCode`` (0 success, 1 nothing found, 2 bad input, 3 the work could
not be done, 130 interrupted). Document text is printed as data: Rich output is built
from Text objects, never markup.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from zhreader import __version__
from zhreader.errors import ExitCode
from zhreader.tui.errors import Interrupted, NoSuchDocument, OutputError
from zhreader.tui.quoting import quoted
from zhreader.tui.reporting import silence_stdout

if TYPE_CHECKING:
    from zhreader.corpus import Corpus
    from zhreader.corpus.notes.export import Placed
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.index import IndexStore, Searcher, UpdateReport

# The engine is imported inside the commands: `zhreader --help` loads nothing of it.

F = TypeVar("F", bound=Callable[..., Any])


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # `zhreader search … | head` closed the pipe: the reader has what it wanted.
        # (Rich's default exits with 1, which here means "nothing found".)
        silence_stdout()
        raise SystemExit(0)


err_console = _Console(stderr=True, highlight=False, soft_wrap=True)
out_console = _Console(highlight=False, soft_wrap=True)


def open_corpus(path: str | None) -> Corpus:
    from zhreader.corpus import Corpus, sample_corpus

    return Corpus.open(path if path is not None else sample_corpus())


def make_store(corpus: Corpus, index_dir: str | None) -> IndexStore:
    from zhreader.index import IndexStore

    return IndexStore.for_corpus(corpus, Path(index_dir) if index_dir else None)


@contextmanager
def _interruptible() -> Iterator[None]:
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted("interrupted: committed work is kept; run the command again to finish") from None


def run_update(corpus: Corpus, store: IndexStore, *, show_progress: bool) -> UpdateReport:
    """Update the index with a Rich progress bar on stderr (when it is a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zhreader.index import Progress as IndexProgress
    from zhreader.index import update_index

    visible = show_progress and err_console.is_terminal
    with (
        _interruptible(),
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[doc]}", markup=False),
            console=err_console,
            transient=True,
            disable=not visible,
        ) as bar,
    ):
        task = bar.add_task("Scanning", total=None, doc="")

        def on_progress(event: IndexProgress) -> None:
            if event.phase == "index":
                bar.update(
                    task, description="Indexing", completed=event.done, total=event.total, doc=event.doc_id or ""
                )
            elif event.phase == "commit":
                bar.update(task, description="Saving", doc="")

        return update_index(corpus, store, on_progress)


def _print_report(report: UpdateReport, corpus: Corpus) -> None:
    parts = [
        f"{len(report.added)} added",
        f"{len(report.changed)} changed",
        f"{len(report.removed)} removed",
        f"{report.unchanged} unchanged",
    ]
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    err_console.print(
        Text(f"{corpus.location}: {report.documents} documents indexed in {report.seconds:.1f} s ({', '.join(parts)})")
    )
    for skipped in report.skipped:
        err_console.print(Text(f"  skipped {skipped.doc_id}: {skipped.reason}"))


def ready_searcher(corpus: Corpus, index_dir: str | None) -> Searcher:
    from zhreader.index import Searcher

    store = make_store(corpus, index_dir)
    report = run_update(corpus, store, show_progress=True)
    for skipped in report.skipped:
        err_console.print(Text(f"zhreader: skipped {skipped.doc_id}: {skipped.reason}"))
    return Searcher.open(store)


class _PipeClosed(Exception):
    """Stdout's reader went away (``| head``). Not an OSError: click would turn that into
    exit status 1, which here means "nothing found"."""


class _DefaultGroup(click.Group):
    """``zhreader PATH`` means ``zhreader open PATH``; subcommands win over paths."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help", "--version")):
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhreader")
def main() -> None:
    """A keyboard-first terminal reader for collections of Chinese documents.

    Run without a command to open the reader on PATH (a folder or a file; the bundled
    sample corpus when PATH is left out).
    """


@main.command("open")
@click.argument("path", required=False)
@click.option("--index-dir", metavar="DIR", help="Keep the index in DIR instead of the user cache.")
@click.option("--notes", "notes_path", metavar="FILE", help="The notes file (default: the corpus' own).")
def open_command(path: str | None, index_dir: str | None, notes_path: str | None) -> None:
    """Open the reader on PATH (default: the sample corpus)."""
    from zhreader.tui.launch import open_reader

    raise click.exceptions.Exit(open_reader(path, index_dir, notes_path))


@main.command("index")
@click.argument("path", required=False)
@click.option("--index-dir", metavar="DIR", help="Keep the index in DIR instead of the user cache.")
def index_command(path: str | None, index_dir: str | None) -> None:
    """Build or update the index of PATH (default: the sample corpus)."""
    corpus = open_corpus(path)
    report = run_update(corpus, make_store(corpus, index_dir), show_progress=True)
    _print_report(report, corpus)


def _snippet_line(hit: Any, width: int = 20) -> Text:
    line = Text("  ")
    line.append(f"¶{hit.block:<4}", style="dim")
    line.append(hit.snippet.left.rjust(width // 2) if len(hit.snippet.left) < width else hit.snippet.left)
    line.append(hit.snippet.hit, style="bold reverse")
    line.append(hit.snippet.right)
    return line


@main.command("search")
@click.argument("query")
@click.option("--corpus", "corpus_path", metavar="PATH", help="Folder or file to search (default: the sample corpus).")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(min=0), help="Documents to show; 0 shows all."
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per matching document, in rank order.")
@click.option("--notes", "notes_path", metavar="FILE", help="Notes file for tag: terms (default: the corpus' own).")
@click.option("--index-dir", metavar="DIR", help="Keep the index in DIR instead of the user cache.")
def search_command(
    query: str, corpus_path: str | None, limit: int, as_json: bool, notes_path: str | None, index_dir: str | None
) -> None:
    """Search for QUERY: space-separated terms all occur, "a phrase", -exclude, a OR b, title:word,
    tag:标签 (passages tagged in the notes)."""
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        notebook: Notebook | None = None

        def passages(tag: str) -> dict[str, list[tuple[int, int]]]:
            nonlocal notebook
            if notebook is None:
                notebook = open_notebook(corpus, searcher, notes_path)
                notebook.reload()
            return notebook.passages(tag)

        result = searcher.search(query, limit=limit or None, passages=passages)
        for notice in result.notices:
            err_console.print(Text(f"zhreader: note: {notice}"))
        if not result.docs:
            err_console.print(Text(f"no documents match {query!r}"))
            raise click.exceptions.Exit(ExitCode.NOT_FOUND)
        if as_json:
            for doc in result.docs:
                sys.stdout.write(json.dumps(doc.as_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return
        for rank, doc in enumerate(result.docs, start=1):
            head = Text(f"{rank:>3}. ")
            head.append(doc.title, style="bold")
            head.append(f"  {doc.doc_id}", style="dim")
            head.append(f"  {doc.hit_count} hit{'s' if doc.hit_count != 1 else ''}", style="cyan")
            out_console.print(head)
            hits = doc.hits
            for hit in hits[:3]:
                out_console.print(_snippet_line(hit))
            if len(hits) > 3:
                out_console.print(Text(f"       … {len(hits) - 3} more", style="dim"))
        shown = len(result.docs)
        summary = f"{result.total_hits} hits in {result.total_docs} of {result.searched_docs} documents"
        if shown < result.total_docs:
            summary += f" (showing {shown}; --limit 0 shows all)"
        err_console.print(Text(f"{summary}, {result.seconds * 1000:.0f} ms", style="dim"))


@main.command("show")
@click.argument("doc")
@click.option(
    "--corpus", "corpus_path", metavar="PATH", help="Folder or file holding DOC (default: the sample corpus)."
)
@click.option("--index-dir", metavar="DIR", help="Keep the index in DIR instead of the user cache.")
def show_command(doc: str, corpus_path: str | None, index_dir: str | None) -> None:
    """Print the display text of DOC, the text hit offsets refer to."""
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        document = searcher.document(doc)
        if document is None:
            raise NoSuchDocument(f"no document {doc!r} in {corpus.location}")
        sys.stdout.write(document.text + "\n")
        sys.stdout.flush()


# -- notes ---------------------------------------------------------------------------


def notes_location(corpus: Corpus, notes_path: str | None) -> Path:
    from zhreader.support import paths

    return Path(notes_path).expanduser() if notes_path else paths.notes_file(corpus.location)


def open_notebook(corpus: Corpus, searcher: Searcher, notes_path: str | None) -> Notebook:
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.corpus.notes.store import NotesFile

    return Notebook(NotesFile(notes_location(corpus, notes_path)), searcher.document)


def _load_notes(notebook: Notebook) -> list[Placed]:
    placed = notebook.reload()
    for problem in notebook.snapshot.problems():
        err_console.print(Text(f"zhreader: warning: {problem}"))
    return placed


def _notes_options(command: F) -> F:
    command = click.option("--index-dir", metavar="DIR", help="Keep the index in DIR instead of the user cache.")(
        command
    )
    command = click.option("--notes", "notes_path", metavar="FILE", help="The notes file (default: the corpus' own).")(
        command
    )
    return click.option("--corpus", "corpus_path", metavar="PATH", help="The corpus (default: the sample corpus).")(
        command
    )


@main.group("notes")
def notes_group() -> None:
    """Tagged passages: list, add, delete and export notes."""


@notes_group.command("path")
@_notes_options
def notes_path_command(corpus_path: str | None, notes_path: str | None, index_dir: str | None) -> None:
    """Print where the corpus' notes file is."""
    corpus = open_corpus(corpus_path)
    click.echo(str(notes_location(corpus, notes_path)))


@notes_group.command("list")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only notes with this tag (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one note a line, with where it is now.")
@_notes_options
def notes_list_command(
    tags: tuple[str, ...], as_json: bool, corpus_path: str | None, notes_path: str | None, index_dir: str | None
) -> None:
    """List notes, with their passages re-anchored on the documents as they are now."""
    from zhreader.corpus.textfold import fold

    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        placed = _load_notes(open_notebook(corpus, searcher, notes_path))
    wanted = {fold(tag.strip()) for tag in tags}
    if wanted:
        placed = [p for p in placed if wanted & {fold(t) for t in p.note.tags}]
    if as_json:
        for item in placed:
            sys.stdout.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    for item in placed:
        line = Text()
        line.append("[" + ", ".join(item.note.tags) + "] ", style="bold magenta")
        line.append(item.title, style="bold")
        line.append(f"  {item.note.doc}", style="dim")
        if item.orphaned:
            line.append("  orphaned", style="red")
        elif item.anchor.status.value != "anchored":
            line.append(f"  {item.anchor.status.value}", style="yellow")
        out_console.print(line)
        quote = " ".join(item.note.quote.split())
        out_console.print(Text(f"    {quoted(quote, 80)}"))
        if item.note.comment:
            out_console.print(Text(f"    {item.note.comment}", style="italic"))
    err_console.print(Text(f"{len(placed)} note{'s' if len(placed) != 1 else ''}", style="dim"))


@notes_group.command("add")
@click.option("--doc", "doc_id", required=True, metavar="DOC", help="Document id (as search and show print it).")
@click.option("--start", required=True, type=int, help="First character (display-text offset).")
@click.option("--end", required=True, type=int, help="Character after the last one.")
@click.option("--tag", "tags", multiple=True, required=True, metavar="TAG", help="A tag (repeatable).")
@click.option("--comment", default="", help="An optional comment.")
@_notes_options
def notes_add_command(
    doc_id: str,
    start: int,
    end: int,
    tags: tuple[str, ...],
    comment: str,
    corpus_path: str | None,
    notes_path: str | None,
    index_dir: str | None,
) -> None:
    """Tag the passage DOC[START:END]; prints the new note's id."""
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.store import NotesFile

    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        document = searcher.document(doc_id)
        if document is None:
            raise NoSuchDocument(f"no document {doc_id!r} in {corpus.location}", exit_code=ExitCode.USAGE)
        note = Note.create(doc_id, document.text, start, end, list(tags), comment, block=document.block_at(start))
        NotesFile(notes_location(corpus, notes_path)).add(note)
    click.echo(note.id)
    quote = " ".join(note.quote.split())
    err_console.print(Text(f"tagged {quoted(quote, 60)} as {', '.join(note.tags)}"))


@notes_group.command("delete")
@click.argument("note_id")
@_notes_options
def notes_delete_command(note_id: str, corpus_path: str | None, notes_path: str | None, index_dir: str | None) -> None:
    """Delete the note NOTE_ID (as notes list --json prints it)."""
    from zhreader.corpus.notes.store import NotesFile

    corpus = open_corpus(corpus_path)
    note = NotesFile(notes_location(corpus, notes_path)).delete(note_id)
    err_console.print(Text(f"deleted the note on {quoted(' '.join(note.quote.split()), 60)}"))


@notes_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE (default: stdout).")
@_notes_options
def notes_export_command(
    fmt: str, output: str | None, corpus_path: str | None, notes_path: str | None, index_dir: str | None
) -> None:
    """Export notes: Markdown grouped by tag, CSV (one row per note and tag, UTF-8 with BOM)
    for spreadsheets, or JSON for tools."""
    from zhreader.corpus.notes import export
    from zhreader.support import atomic

    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        placed = _load_notes(open_notebook(corpus, searcher, notes_path))
    if fmt == "md":
        data = export.to_markdown(placed, str(corpus.location))
    elif fmt == "csv":
        data = export.to_csv(placed)
    else:
        data = export.to_json(placed)
    if output:
        try:
            atomic.write_bytes(Path(output), data.encode("utf-8"))
        except OSError as err:
            raise OutputError(f"cannot write {output}: {err.strerror or err}") from None
        err_console.print(Text(f"{len(placed)} notes written to {output}"))
        return
    sys.stdout.buffer.write(data.encode("utf-8"))
    sys.stdout.flush()


def run(args: list[str]) -> int:
    """Run the command line; ZhreaderErrors reach the caller's reporter."""
    try:
        code = main.main(args, prog_name="zhreader", standalone_mode=False)
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.Abort:
        raise KeyboardInterrupt from None
    except _PipeClosed:
        silence_stdout()
        return 0
    return code if isinstance(code, int) else 0
