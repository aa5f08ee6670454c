"""``zhreader notes``: list, add, delete and export tagged passages from scripts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.text import Text

from zhreader.errors import ExitCode
from zhreader.support.plural import counted
from zhreader.tui.cli_common import (
    corpus_option,
    index_dir_option,
    load_notes,
    notes_location,
    notes_option,
    open_corpus,
    open_notebook,
    ready_searcher,
    resolve_document,
    write_output,
)
from zhreader.tui.errors import NoSuchDocument
from zhreader.tui.output import data, emit_json, out_console, say
from zhreader.tui.quoting import quoted

F = TypeVar("F", bound=Callable[..., Any])


def _notes_options(command: F) -> F:
    command = index_dir_option(command)
    command = notes_option()(command)
    return corpus_option()(command)


@click.group("notes")
def notes_group() -> None:
    """Tagged passages: list, add, delete and export notes."""


@notes_group.command("path")
@_notes_options
def notes_path_command(corpus_path: str | None, notes_path: str | None, index_dir: str | None) -> None:
    """Print where the corpus' notes file is."""
    corpus = open_corpus(corpus_path)
    out_console.print(data(str(notes_location(corpus, notes_path))))


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
        placed = load_notes(open_notebook(corpus, searcher, notes_path))
    wanted = {fold(tag.strip()) for tag in tags}
    if wanted:
        placed = [p for p in placed if wanted & {fold(t) for t in p.note.tags}]
    if as_json:
        for item in placed:
            emit_json(item.as_json())
        return
    for item in placed:
        line = Text()
        line.append(data("[" + ", ".join(item.note.tags) + "] ", "bold magenta"))
        line.append(data(item.title, "bold"))
        line.append(data(f"  {item.note.doc}", "dim"))
        if item.orphaned:
            line.append("  orphaned", style="red")
        elif item.anchor.status.value != "anchored":
            line.append(f"  {item.anchor.status.value}", style="yellow")
        out_console.print(line)
        quote = " ".join(item.note.quote.split())
        out_console.print(data(f"    {quoted(quote, 80)}"))
        if item.note.comment:
            out_console.print(data(f"    {item.note.comment}", "italic"))
    say(counted(len(placed), "note"), "dim")


@notes_group.command("add")
@click.option(
    "--doc",
    "doc_id",
    required=True,
    metavar="DOC",
    help="Document id (as list and search print it), a prefix of one, or its title.",
)
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
        try:
            doc_id = resolve_document(searcher, corpus, doc_id)
        except NoSuchDocument as err:
            raise NoSuchDocument(err.message, exit_code=ExitCode.USAGE) from None
        document = searcher.document(doc_id)
        if document is None:
            raise NoSuchDocument(f"no document {doc_id!r} in {corpus.location}", exit_code=ExitCode.USAGE)
        note = Note.create(
            doc_id,
            document.text,
            start,
            end,
            list(tags),
            comment,
            block=document.block_at(start),
            page=document.page_at(start),
        )
        NotesFile(notes_location(corpus, notes_path)).add(note)
    out_console.print(data(note.id))
    quote = " ".join(note.quote.split())
    say(f"tagged {quoted(quote, 60)} as {', '.join(note.tags)}")


@notes_group.command("delete")
@click.argument("note_id")
@_notes_options
def notes_delete_command(note_id: str, corpus_path: str | None, notes_path: str | None, index_dir: str | None) -> None:
    """Delete the note NOTE_ID (as notes list --json prints it)."""
    from zhreader.corpus.notes.store import NotesFile

    corpus = open_corpus(corpus_path)
    note = NotesFile(notes_location(corpus, notes_path)).delete(note_id)
    say(f"deleted the note on {quoted(' '.join(note.quote.split()), 60)}")


@notes_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json"]), default="md", show_default=True)
@click.option("-o", "--output", metavar="FILE", type=click.Path(), help="Write to FILE (default: stdout).")
@_notes_options
def notes_export_command(
    fmt: str, output: str | None, corpus_path: str | None, notes_path: str | None, index_dir: str | None
) -> None:
    """Export notes: Markdown grouped by tag, CSV (one row per note and tag, UTF-8 with BOM,
    formula-safe) for spreadsheets, or JSON for tools."""
    import sys

    from zhreader.corpus.notes import export

    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        placed = load_notes(open_notebook(corpus, searcher, notes_path))
    if fmt == "md":
        text = export.to_markdown(placed, str(corpus.location))
    elif fmt == "csv":
        text = export.to_csv(placed)
    else:
        text = export.to_json(placed)
    if output:
        write_output(output, text.encode("utf-8"), protect=notes_location(corpus, notes_path))
        say(f"{len(placed)} notes written to {output}")
        return
    sys.stdout.buffer.write(text.encode("utf-8"))
