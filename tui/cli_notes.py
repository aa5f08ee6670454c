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
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "qdpx"]), default="md", show_default=True)
@click.option(
    "-o", "--output", metavar="FILE", type=click.Path(), help="Write to FILE (default: stdout; qdpx needs one)."
)
@_notes_options
def notes_export_command(
    fmt: str, output: str | None, corpus_path: str | None, notes_path: str | None, index_dir: str | None
) -> None:
    """Export notes: Markdown grouped by tag, CSV (one row per note and tag, UTF-8 with BOM,
    formula-safe) for spreadsheets, JSON for tools, or a REFI-QDA project (.qdpx) that
    QualCoder, NVivo, ATLAS.ti and MAXQDA open: tags as codes, notes as coded passages of
    their documents' text."""
    import sys

    from zhreader.corpus.notes import export

    if fmt == "qdpx" and not output:
        raise click.UsageError("--format qdpx writes a zip file: give it with -o FILE.qdpx")
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:
        placed = load_notes(open_notebook(corpus, searcher, notes_path))
        if fmt == "qdpx" and output:
            from zhreader.corpus.notes import qdpx

            content, count = qdpx.write(placed, searcher.document, corpus.location.name or str(corpus.location))
            write_output(output, content, protect=notes_location(corpus, notes_path))
            left_out = sum(1 for item in placed if item.orphaned)
            extra = f" ({left_out} orphaned left out: their passages are gone)" if left_out else ""
            say(f"{counted(count, 'note')} written to {output}{extra}")
            return
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


@notes_group.command("import")
@click.argument("project", type=click.Path(dir_okay=False))
@_notes_options
def notes_import_command(project: str, corpus_path: str | None, notes_path: str | None, index_dir: str | None) -> None:
    """Import the coded text passages of a REFI-QDA project (.qdpx, from QualCoder, NVivo,
    ATLAS.ti, MAXQDA or zhreader) as notes: codes become tags, memos comments. Each is
    placed on the document its source names (the document id or file name) by its range
    and quote; one that cannot be placed is kept as an orphaned note. Importing the same
    project again adds nothing twice."""
    from zhreader.corpus.notes import qdpx
    from zhreader.corpus.notes.store import NotesFile
    from zhreader.support.oserrors import reason

    try:
        with open(project, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise qdpx.QdpxError(f"cannot read {project}: {reason(err)}") from None
    parsed = qdpx.read(data)
    corpus = open_corpus(corpus_path)
    with ready_searcher(corpus, index_dir) as searcher:

        def resolve(name: str) -> str | None:
            if searcher.docnum(name) is not None:
                return name
            base = name.rsplit("/", 1)[-1]
            found = [searcher.summary(d).doc_id for d in searcher.named(base)] if base.strip() else []
            same = [doc_id for doc_id in found if doc_id.rsplit("/", 1)[-1] == base]
            return same[0] if len(same) == 1 else None

        made = qdpx.to_notes(parsed, searcher.document, resolve)
    for problem in parsed.skipped:
        say(f"zhreader: skipped {problem}")
    added = NotesFile(notes_location(corpus, notes_path)).add_all([item.note for item in made])
    new = {note.id for note in added}
    orphaned = sum(1 for item in made if not item.placed and item.note.id in new)
    summary = f"{counted(len(added), 'note')} imported from {project}"
    if orphaned:
        summary += f", {orphaned} orphaned (kept: their passage was not found)"
    if len(added) < len(made):
        summary += f", {len(made) - len(added)} already there"
    say(summary)
