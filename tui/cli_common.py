"""What the commands share: opening the corpus, bringing its index up to date (with a
progress bar), and a searcher that answers even when the index cannot be updated."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from zhreader.support.plural import counted
from zhreader.support.printable import printable
from zhreader.tui.errors import AmbiguousDocument, Interrupted, NoSuchDocument, OutputError
from zhreader.tui.output import err_console, say, warn

if TYPE_CHECKING:
    from zhreader.corpus import Corpus
    from zhreader.corpus.notes.export import Placed
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.index import IndexStore, Searcher, UpdateReport

INDEX_DIR_HELP = "Keep the index in DIR instead of the user cache."
index_dir_option = click.option("--index-dir", metavar="DIR", type=click.Path(), help=INDEX_DIR_HELP)


FC = TypeVar("FC", bound=Callable[..., Any])


def corpus_option(help: str = "The corpus, a folder or a file (default: the sample corpus).") -> Callable[[FC], FC]:
    return click.option("--corpus", "corpus_path", metavar="PATH", type=click.Path(), help=help)


def notes_option(help: str = "The notes file (default: the corpus' own).") -> Callable[[FC], FC]:
    return click.option("--notes", "notes_path", metavar="FILE", type=click.Path(), help=help)


refresh_option = click.option(
    "--refresh",
    is_flag=True,
    help="Check every file for changes first (else only added, removed or renamed files are noticed).",
)


def open_corpus(path: str | None) -> Corpus:
    from zhreader.corpus import Corpus, sample_corpus

    return Corpus.open(path if path is not None else sample_corpus())


def make_store(corpus: Corpus, index_dir: str | None) -> IndexStore:
    from zhreader.index import IndexStore

    return IndexStore.for_corpus(corpus, Path(index_dir) if index_dir else None)


@contextmanager
def _interruptible() -> Iterator[Callable[[], bool]]:
    """Yields the should_stop of an update: the first ^C asks the indexer to stop at the
    next document, which it does cleanly; a second one interrupts whatever is running.
    A KeyboardInterrupt raised anywhere (in the worker pool's bookkeeping, a finaliser)
    could leave the pool waiting for ever or be swallowed; a flag cannot."""
    import signal
    import threading

    from zhreader.index import Cancelled

    asked = threading.Event()

    def on_sigint(signum: int, frame: object) -> None:
        if asked.is_set():
            raise KeyboardInterrupt
        asked.set()

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, on_sigint) if main_thread else None
    try:
        yield asked.is_set
    except (KeyboardInterrupt, Cancelled):
        raise Interrupted("interrupted: committed work is kept; run the command again to finish") from None
    finally:
        if main_thread:
            signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


def run_update(
    corpus: Corpus, store: IndexStore, *, show_progress: bool, lock_timeout: float | None = None
) -> UpdateReport:
    """Update the index with a Rich progress bar on stderr (when it is a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zhreader.index import Progress as IndexProgress
    from zhreader.index import update_index

    visible = show_progress and err_console.is_terminal
    with (
        _interruptible() as should_stop,
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
                doc = printable(event.doc_id or "")
                bar.update(task, description="Indexing", completed=event.done, total=event.total, doc=doc)
            elif event.phase == "commit":
                bar.update(task, description="Saving", completed=0, total=None, doc="")
            elif event.phase in ("merging", "writing") and event.total:
                description = "Saving: merging" if event.phase == "merging" else "Saving: writing"
                bar.update(task, description=description, completed=event.done, total=event.total, doc="")

        return update_index(corpus, store, on_progress, lock_timeout=lock_timeout, should_stop=should_stop)


def _up_to_date(corpus: Corpus, store: IndexStore) -> bool:
    """A complete index whose corpus folders have not changed since: nothing to walk."""
    generation = store.current()
    if generation is None or not generation.complete:
        return False
    folders = generation.read_folders(generation.latest_toc())
    return folders is not None and corpus.unchanged(folders)


def ready_searcher(corpus: Corpus, index_dir: str | None, *, refresh: bool = False) -> Searcher:
    """A searcher on the corpus' index, updated first when that is needed and possible.

    When no folder of the corpus changed since the index was made (one stat a folder),
    the index is used as it is: no walk, no lock. Else (or with ``refresh``) it is
    brought up to date, but a search never waits for another zhreader that is updating
    it, and an index that cannot be updated (a full disk, a read-only folder) still
    answers from its last complete commit: both with a one-line warning."""
    from zhreader.index import IndexBusy, IndexOwnedElsewhere, Searcher, SearchIndexError

    store = make_store(corpus, index_dir)
    if not refresh and _up_to_date(corpus, store):
        return Searcher.open(store)
    try:
        report = run_update(corpus, store, show_progress=True, lock_timeout=0)
    except IndexBusy:
        generation = store.current()
        if generation is not None and not generation.complete:
            warn("another zhreader is building this index; answering from the part saved so far")
        else:
            warn("another zhreader is updating this index; answering from its last saved state")
    except IndexOwnedElsewhere:
        raise
    except SearchIndexError as err:
        if store.current() is None:
            raise
        warn(f"{err.message}; answering from the last saved index")
    else:
        if report.skipped:
            count = len(report.skipped)
            say(f"zhreader: {counted(count, 'file')} skipped (zhreader index lists them)", "dim")
    return Searcher.open(store)


def notes_location(corpus: Corpus, notes_path: str | None) -> Path:
    from zhreader.support import paths

    return Path(notes_path).expanduser() if notes_path else paths.notes_file(corpus.location)


def open_notebook(corpus: Corpus, searcher: Searcher, notes_path: str | None) -> Notebook:
    from zhreader.corpus.notes.notebook import Notebook
    from zhreader.corpus.notes.store import NotesFile

    return Notebook(NotesFile(notes_location(corpus, notes_path)), searcher.document)


def load_notes(notebook: Notebook) -> list[Placed]:
    placed = notebook.reload()
    for problem in notebook.snapshot.problems():
        warn(problem)
    return placed


SHOWN_CANDIDATES = 5


def resolve_document(searcher: Searcher, corpus: Corpus, doc: str) -> str:
    """The id of the document DOC names: its id, a prefix of one id, or its exact title
    (one document only). No document, or several, is a one-line error that says which."""
    if searcher.docnum(doc) is not None:
        return doc
    needle = doc.strip()
    summaries = [searcher.summary(docnum) for docnum in searcher.named(needle)] if needle else []
    for matches in (
        [s for s in summaries if s.doc_id.startswith(doc)],
        [s for s in summaries if s.title == needle],
    ):
        if len(matches) == 1:
            return matches[0].doc_id
        if len(matches) > 1:
            shown = ", ".join(printable(s.doc_id) for s in matches[:SHOWN_CANDIDATES])
            more = f" and {len(matches) - SHOWN_CANDIDATES} more" if len(matches) > SHOWN_CANDIDATES else ""
            raise AmbiguousDocument(f"{doc!r} names {len(matches)} documents: {shown}{more} (give more of the id)")
    raise NoSuchDocument(f"no document {doc!r} in {corpus.location} (zhreader list shows them)")


def write_output(output: str, content: bytes, protect: Path | None = None) -> None:
    """Write an export to ``output`` atomically (a failure leaves what was there);
    ``protect`` is a file it must never replace (the notes file)."""
    from zhreader.support import atomic
    from zhreader.support.oserrors import reason

    if protect is not None and atomic.target_of(Path(output)) == atomic.target_of(protect):
        raise OutputError(f"cannot write {output}: it is the notes file itself (export to another file)")
    try:
        atomic.write_bytes(Path(output), content)
    except OSError as err:
        raise OutputError(f"cannot write {output}: {reason(err)} (nothing was changed)") from None
