"""Build and incrementally update a corpus' index.

A run compares the folder with the index: files not indexed yet are added; a file whose
size or mtime differ is read and hashed, and re-indexed only if its content changed
(a merely touched file is remembered in the manifest); indexed files that disappeared,
or that can no longer be read, are removed. Work is committed in batches, so an
interrupted run keeps what it finished and the next run continues from there.

Analysis (decoding, reflow, jieba, signatures) runs in worker processes for big jobs;
the Whoosh writer stays in this process.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import NO_MERGE, IndexWriter, SegmentWriter

from zhreader.corpus.discovery import Corpus, Skipped, SourceFile
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.formats import TEXT_SUFFIXES, suffix_of
from zhreader.corpus.loader import content_hash, read_bytes
from zhreader.index import catalog
from zhreader.index.analysis import Analyzed, analyze
from zhreader.index.codec import CountsCodec
from zhreader.index.errors import Cancelled, IndexBusy, SearchIndexError
from zhreader.index.pool import FastPool
from zhreader.index.segments import merge_into
from zhreader.index.store import Generation, IndexStore
from zhreader.index.wordvectors import Vocabulary
from zhreader.index.workers import analyse_in_workers
from zhreader.support.locking import LockTimeout, LockWaitStopped
from zhreader.support.oserrors import reason

# Commit after this many documents or seconds, whichever comes first: a kill loses at
# most one batch, and each commit costs a Whoosh segment write.
BATCH_DOCS = 5000
BATCH_SECONDS = 60.0
FIRST_BATCH_SECONDS = 10.0
# Below this much text, starting worker processes (each loads jieba) costs more than
# it saves.
PARALLEL_MIN_BYTES = 2 * 1024 * 1024
WORKER_CHUNK = 16
WRITER_LIMIT_MB = 128
# An update merges the small segments earlier updates left (see merge_small_segments).
SMALL_SEGMENT_DOCS = 1000
MERGE_AT = 4


@dataclass(frozen=True, slots=True)
class Progress:
    # "scan" | "planned" (the walk is over: ``total`` files to index; ``doc_ids`` are the
    # new ones among them, ``places`` their places in the order "index" and "committed"
    # events count) | "index" | "commit" (saving begins) | "merging" (saving: documents of
    # older segments read back) | "writing" (saving: postings written) | "committed"
    # (searchable) | "done"
    phase: str
    done: int = 0
    total: int = 0
    doc_id: str | None = None
    doc_ids: tuple[str, ...] = ()
    places: tuple[int, ...] = ()


@dataclass
class UpdateReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    repaired: list[Skipped] = field(default_factory=list)  # read, with damage repaired (the reason says what)
    ignored: dict[str, int] = field(default_factory=dict)  # files of types zhreader does not read, by suffix
    rebuilt: bool = False
    seconds: float = 0.0
    documents: int = 0  # in the index after the run

    @property
    def touched_index(self) -> bool:
        return bool(self.added or self.changed or self.removed)


ProgressCallback = Callable[[Progress], None]


def _manifest(generation: Generation, ix: whoosh_index.Index) -> tuple[dict[str, tuple[int, int, str]], bool]:
    """{doc: (size, mtime_ns, hash)} of what is indexed, and whether it came from the
    manifest cache (valid only for the commit it was written for) or the stored fields."""
    cached = generation.read_manifest(ix.latest_generation())
    if cached is not None:
        return cached, True
    with ix.reader() as reader:
        return {
            stored["id"]: (stored["meta"]["size"], stored["meta"]["mtime_ns"], stored["meta"]["hash"])
            for _, stored in reader.iter_docs()
        }, False


def _describe_os_error(err: OSError) -> str:
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the index folder is not writable"
    return reason(err)


def _batch_docs() -> int:
    # ZHREADER_BATCH_DOCS: a tuning knob (and how the tests make interruptions likely).
    try:
        return max(1, int(os.environ.get("ZHREADER_BATCH_DOCS", BATCH_DOCS)))
    except ValueError:
        return BATCH_DOCS


def merge_small_segments(
    writer: SegmentWriter, segments: list[Any], on_progress: Callable[[int, int], None] | None = None
) -> list[Any]:
    """Whoosh's merge policy for an update's commit: the segments smaller than a
    hundredth of the index (at least SMALL_SEGMENT_DOCS documents) are merged once there
    are MERGE_AT of them; big segments are never rewritten by an update.

    Whoosh's own policy (MERGE_SMALL) merges by a Fibonacci rule on segment counts: after
    a build committed in equal batches it rewrote 22 of them (110,000 documents) on each
    of the next one-file updates at ×100: 147 s and 2.9 GB a time."""

    total = sum(segment.doc_count_all() for segment in segments)
    limit = max(SMALL_SEGMENT_DOCS, total // 100)
    small = [segment for segment in segments if segment.doc_count_all() < limit]
    if len(small) < MERGE_AT:
        return segments
    merge_into(writer, small, on_progress)
    return [segment for segment in segments if segment not in small]


def merge_after_batches(
    writer: SegmentWriter, segments: list[Any], on_progress: Callable[[int, int], None] | None = None
) -> list[Any]:
    """The merge policy of the last commit of a run that committed batches (a build, a
    big update): everything into one segment when the batches left more than MERGE_AT
    segments (each one costs every query a look-up); a few are left as they are, small
    ones merged as updates merge them. Merging a small segment means reading back every
    term it holds: the first batch of a first build (the documents it lists after two
    seconds) costs 5 s to merge on People's Daily ×1, a query over two segments a
    fraction of a millisecond more."""
    if len(segments) + 1 > MERGE_AT:
        merge_into(writer, segments, on_progress)
        return []
    return merge_small_segments(writer, segments, on_progress)


class _Batcher:
    """Owns the Whoosh writer; commits every BATCH_DOCS documents or BATCH_SECONDS (the
    first batch of a run after FIRST_BATCH_SECONDS: a first build killed after a minute
    keeps what it did). ``before_commit`` saves what must be on disk before a commit's
    documents can be read (the vocabulary of their word ids)."""

    def __init__(
        self,
        ix: whoosh_index.Index,
        progress: ProgressCallback,
        batch_docs: int,
        first_seconds: float,
        before_commit: Callable[[], None],
    ) -> None:
        self.ix = ix
        self.before_commit = before_commit
        self.progress = progress
        self.batch_docs = batch_docs
        self.writer: IndexWriter | None = None
        self.pending = 0
        self.started = time.monotonic()
        self.seconds = first_seconds
        self.batches = 0  # batches committed (without merging) since the last final commit

    def get(self) -> IndexWriter:
        if self.writer is None:
            # Segments as separate files: Whoosh copies a compound segment into memory when
            # it opens it (3 GB for a decade of newspapers).
            writer = self.ix.writer(codec=CountsCodec(), compound=False)
            assert isinstance(writer, SegmentWriter)
            # Whoosh sorts and pickles every posting; n-gram postings come in document
            # order and are kept as arrays per term instead (index.pool).
            pool = FastPool(writer.temp_storage().folder, WRITER_LIMIT_MB)
            pool.on_progress = self._writing
            writer.pool = pool  # type: ignore[assignment]
            self.writer = writer
            self.started = time.monotonic()
        return self.writer

    def wrote(self, done: int, total: int) -> None:
        self.pending += 1
        if self.pending >= self.batch_docs or time.monotonic() - self.started >= self.seconds:
            self.commit(done, total, final=False)
            self.seconds = BATCH_SECONDS

    def commit(self, done: int, total: int, *, final: bool) -> None:
        if self.writer is None:
            if not (final and self.batches):
                return
            # The last batch ended exactly at a batch boundary: its segments still need the
            # final merge, or every later one-file update would merge them (minutes at ×100).
            self.get()
            assert self.writer is not None
        self.progress(Progress("commit", done, total))
        # Intermediate commits skip merging. The final commit of a run that committed
        # batches (a build, a big update) merges everything into one segment, once, when
        # they are many (merge_after_batches); any other final commit merges only the
        # small segments updates leave behind.
        try:
            self.before_commit()
            if not final:
                self.writer.commit(mergetype=NO_MERGE)
            elif self.batches:
                self.writer.commit(mergetype=functools.partial(merge_after_batches, on_progress=self._merging))
            else:
                self.writer.commit(mergetype=functools.partial(merge_small_segments, on_progress=self._merging))
        except BaseException:
            self.cancel()
            raise
        self.batches = 0 if final else self.batches + 1
        self.writer, self.pending = None, 0
        self.progress(Progress("committed", done, total))

    # What a commit says while it saves: it can take minutes at ×100, a bar that fills says
    # how far it is.
    def _merging(self, read: int, of: int) -> None:
        self.progress(Progress("merging", read, of))

    def _writing(self, wrote: int, of: int) -> None:
        self.progress(Progress("writing", wrote, of))

    def cancel(self) -> None:
        writer, self.writer, self.pending = self.writer, None, 0
        if writer is None:
            return
        # whoosh3 releases its write lock even when cancelling fails (a full disk).
        with contextlib.suppress(Exception):
            writer.cancel()


def _analyses(
    sources: list[SourceFile], workers: int, should_stop: Callable[[], bool] | None = None
) -> Generator[Analyzed | Skipped, None, None]:
    """Analyse in order, in worker processes when it pays off: a worker that dies stops
    the update with an error; ``should_stop`` is polled while waiting for a worker."""
    # A small job of plain text is done here; a single big document still goes to a
    # worker, so quitting need not wait for the half minute its analysis can take. PDFs,
    # Word files, web pages and EPUBs always do: a 2 KB PDF can crash PDFium or ask it
    # for gigabytes, and only a worker can die of that without taking zhreader along.
    native = any(suffix_of(source.doc_id) not in TEXT_SUFFIXES for source in sources)
    if not native and (workers <= 1 or sum(source.size for source in sources) < PARALLEL_MIN_BYTES):
        for source in sources:
            yield analyze(source)
        return
    batches = [sources[i : i + WORKER_CHUNK] for i in range(0, len(sources), WORKER_CHUNK)]
    for results in analyse_in_workers(batches, max(workers, 1), should_stop):
        yield from results


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def update_index(
    corpus: Corpus,
    store: IndexStore,
    progress: ProgressCallback | None = None,
    *,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
    lock_timeout: float | None = None,
    batch_docs: int | None = None,
    first_batch_seconds: float | None = None,
) -> UpdateReport:
    """Bring the index up to date with the corpus. Raises ``IndexBusy`` when another
    process holds the write lock past ``lock_timeout``, ``Cancelled`` as soon as
    ``should_stop()`` says so (polled per document), ``SearchIndexError`` for disk problems
    (the last commit stays readable)."""
    notify: ProgressCallback = progress or (lambda event: None)
    started = time.monotonic()
    store.check_ours()  # before the lock file lands in a folder of the user's
    try:
        lock = store.write_lock(timeout=lock_timeout)
        lock.acquire(should_stop)
    except LockTimeout:
        raise IndexBusy("another zhreader process is updating this index") from None
    except LockWaitStopped:
        raise Cancelled from None
    except OSError as err:
        raise SearchIndexError(f"cannot write the index in {store.root}: {_describe_os_error(err)}") from None
    try:
        batch = batch_docs or _batch_docs()
        first = FIRST_BATCH_SECONDS if first_batch_seconds is None else first_batch_seconds
        report = _update_locked(corpus, store, notify, workers or _default_workers(), should_stop, batch, first)
    except OSError as err:
        raise SearchIndexError(
            f"index update stopped: {_describe_os_error(err)} (the last committed index is kept)"
        ) from None
    finally:
        lock.release()
    report.seconds = time.monotonic() - started
    notify(Progress("done", report.documents, report.documents))
    return report


def _plan(
    sources: Iterable[SourceFile], manifest: dict[str, tuple[int, int, str]], report: UpdateReport
) -> tuple[list[SourceFile], bool]:
    """The files to (re)index; and whether touched files updated the manifest."""
    work: list[SourceFile] = []
    touched = False
    for source in sources:
        known = manifest.get(source.doc_id)
        if known is None:
            work.append(source)
            continue
        size, mtime_ns, digest = known
        if (source.size, source.mtime_ns) == (size, mtime_ns):
            report.unchanged += 1
            continue
        try:
            same = content_hash(read_bytes(source)) == digest
        except DocumentError:
            same = False  # let analysis report why it cannot be read
        if same:
            manifest[source.doc_id] = (source.size, source.mtime_ns, digest)  # touched, not changed
            touched = True
            report.unchanged += 1
        else:
            work.append(source)
    return work, touched


def _save_vocabulary(generation: Generation, vocabulary: Vocabulary) -> None:
    if vocabulary.grew:
        generation.write_vocabulary(vocabulary)


def _update_locked(
    corpus: Corpus,
    store: IndexStore,
    notify: ProgressCallback,
    workers: int,
    should_stop: Callable[[], bool] | None,
    batch_docs: int,
    first_batch_seconds: float,
) -> UpdateReport:
    report = UpdateReport()
    generation: Generation | None = store.current()
    if generation is None:
        generation = store.create_generation()
        report.rebuilt = True
    ix = generation.open()
    vocabulary = generation.read_vocabulary()
    if vocabulary is None:
        if ix.doc_count_all():
            # The words its documents' stored word ids stand for are lost: new documents
            # cannot be given ids that agree with theirs, so the index is made again.
            generation = store.create_generation()
            report.rebuilt = True
            ix = generation.open()
        vocabulary = Vocabulary()
    manifest, cached = _manifest(generation, ix)
    indexed = set(manifest)

    notify(Progress("scan"))
    sources: list[SourceFile] = []
    folders: dict[str, int] = {}
    for item in corpus.scan(folders, report.ignored):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            sources.append(item)
    present = {source.doc_id for source in sources}
    removed = sorted(doc for doc in manifest if doc not in present)
    work, touched = _plan(sources, manifest, report)
    new = [(place, source.doc_id) for place, source in enumerate(work) if source.doc_id not in indexed]
    notify(Progress("planned", 0, len(work), doc_ids=tuple(d for _, d in new), places=tuple(p for p, _ in new)))

    save = functools.partial(_save_vocabulary, generation, vocabulary)
    batcher = _Batcher(ix, notify, batch_docs, first_batch_seconds, save)
    try:
        if removed:
            writer = batcher.get()
            for doc_id in removed:
                writer.delete_by_term("id", doc_id)
            report.removed.extend(removed)
        total = len(work)
        # closing(): workers are killed as soon as this loop stops, not when the generator
        # happens to be collected.
        with contextlib.closing(_analyses(work, workers, should_stop)) as analyses:
            for done, result in enumerate(analyses, start=1):
                if should_stop is not None and should_stop():
                    raise Cancelled
                writer = batcher.get()
                if isinstance(result, Skipped):
                    report.skipped.append(result)
                    if result.doc_id in indexed:
                        # It was indexed but cannot be read now: keep no stale copy.
                        writer.delete_by_term("id", result.doc_id)
                        report.removed.append(result.doc_id)
                    notify(Progress("index", done, total, result.doc_id))
                    continue
                fields = {
                    "id": result.doc_id,
                    "meta": result.meta(),
                    "grams": result.grams,
                    "tgrams": result.title_grams,
                    "pgrams": result.path_grams,
                    "words": result.word_counts,
                    "wcounts": vocabulary.encode(result.word_counts),
                    "text": result.text.encode("utf-8"),
                    "ftext": result.folded.encode("utf-8"),
                    "blocks": result.blocks_json.encode("utf-8"),
                    "pages": result.pages_json.encode("utf-8"),
                    "title": result.title.encode("utf-8"),
                    "length": len(result.text),
                }
                if result.doc_id in indexed:
                    writer.update_document(**fields)
                    report.changed.append(result.doc_id)
                else:
                    writer.add_document(**fields)
                    report.added.append(result.doc_id)
                if result.repair:
                    report.repaired.append(Skipped(result.doc_id, result.repair))
                manifest[result.doc_id] = (result.size, result.mtime_ns, result.content_hash)
                notify(Progress("index", done, total, result.doc_id))
                batcher.wrote(done, total)
        batcher.commit(total, total, final=True)
    except BaseException:
        batcher.cancel()
        raise
    for doc_id in report.removed:
        manifest.pop(doc_id, None)
    toc = generation.latest_toc()
    if report.touched_index or touched or not cached:
        generation.write_manifest(toc, manifest)
    if report.touched_index or generation.read_catalog(toc) is None:
        with ix.reader() as reader:
            generation.write_catalog(catalog.build(reader, toc))
    generation.write_folders(toc, folders)
    if not generation.complete:
        generation = generation.write_meta(complete=True)
    store.remove_other_generations(keep=generation)
    report.documents = len(manifest)
    return report
