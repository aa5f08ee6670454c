"""Analysis in worker processes: results in order, a bounded look-ahead, prompt stops.

Not ``concurrent.futures.ProcessPoolExecutor``: its workers share one result pipe, and a
worker killed while writing a result (the out-of-memory killer, a ``kill -9``) leaves the
executor reading the rest of that message forever; ``zhreader index`` hung so. Here each
worker has a pipe of its own, so a death is an end of file on that pipe or its process
sentinel. The document a worker died on (a PDF that crashes PDFium or needs more memory
than a worker may take) is skipped with one line, and a new worker goes on with the rest
of its batch; only a run of deaths stops the update with an error.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from zhreader.corpus.discovery import Skipped, SourceFile
from zhreader.index.analysis import Analyzed, analyze
from zhreader.index.errors import Cancelled, SearchIndexError

WAIT_POLL_SECONDS = 0.25  # how often a wait for a worker looks at should_stop
PARENT_POLL_SECONDS = 0.5
FAREWELL_SECONDS = 5.0  # a worker told to end has this long before it is killed
# Deaths after which the workers are taken to be broken, not the documents they were on.
MAX_DEATHS = 8
DIED = "reading it stopped the analysis process (it crashed or ran out of memory)"

Batch = list[SourceFile]
Results = list[Analyzed | Skipped]


class WorkerDied(SearchIndexError):
    def __init__(self) -> None:
        super().__init__(
            "index update stopped: an analysis worker process died (out of memory?); the last committed index is kept"
        )


def has_descriptor(stream: object) -> bool:
    fileno = getattr(stream, "fileno", None)
    try:
        return fileno is not None and int(fileno()) >= 0
    except (OSError, ValueError):
        return False


@contextlib.contextmanager
def _real_stderr(needed: bool) -> Iterator[None]:
    """multiprocessing hands sys.stderr's descriptor to the processes it starts; an app
    that captures output (Textual) replaces sys.stderr with an object that has none."""
    if not needed or sys.__stderr__ is None:
        yield
        return
    saved = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def _silence_stderr() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


def _watch_parent(parent: int) -> None:
    """A worker busy with a big document (half a minute for tens of megabytes) would
    outlive a killed indexer until it next reads its pipe, holding a jieba dictionary of
    ~100 MB; once re-parented, it ends."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(0)


def memory_cap() -> int | None:
    """The address space a worker may take: a quarter of the machine's memory (at least
    2 GB), so that a document which makes a parser allocate without end kills its worker,
    not the machine."""
    try:
        physical = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        return None
    return max(2 << 30, physical // 4)


def _cap_memory() -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    cap = memory_cap()
    if cap is None:  # pragma: no cover - not POSIX
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft == resource.RLIM_INFINITY or soft > cap:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _serve(conn: Connection, silence: bool, parent: int) -> None:
    """A worker's life: analyse each batch it is sent, until told to end (``None``) or
    its indexer goes away."""
    # Ctrl-C reaches the whole process group: the indexer stops its workers itself, so
    # they neither die half-way through a batch nor print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if silence:
        # Under an app that draws on the terminal, a stray warning would land in the
        # middle of its screen.
        _silence_stderr()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()
    _cap_memory()
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        # One reply per document, so that a death tells the indexer which one killed it.
        for source in batch:
            reply: tuple[str, Any]
            try:
                reply = ("ok", analyze(source))
            except Exception as err:  # a bug: raised again in the indexer, as the batch's result
                reply = ("error", err)
            try:
                conn.send(reply)
            except (BrokenPipeError, EOFError):
                return
            except Exception as err:  # an exception that does not pickle
                conn.send(("error", RuntimeError(f"{type(err).__name__}: {err}")))


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    batch: int | None = None  # the position of the batch it is analysing
    todo: Batch = field(default_factory=list)  # the documents of that batch it was sent
    results: Results = field(default_factory=list)  # and their results so far


class _Pool:
    """The worker processes, and how to start one (again, after a death)."""

    def __init__(self, context: Any, captured: bool) -> None:
        self.context = context
        self.captured = captured
        self.workers: list[_Worker] = []
        self.deaths = 0

    def start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        with _real_stderr(self.captured):
            process = self.context.Process(
                target=_serve,
                args=(theirs, self.captured, os.getpid()),
                name=f"zhreader-analysis-{len(self.workers) + self.deaths}",
                daemon=True,
            )
            process.start()
        theirs.close()  # else a worker's death would not end the pipe for us
        return _Worker(process, ours)

    def replace(self, dead: _Worker) -> _Worker:
        """A new worker in place of ``dead``, given the rest of its batch; the document
        it died on is skipped."""
        self.deaths += 1
        if self.deaths > MAX_DEATHS or dead.batch is None or len(dead.results) >= len(dead.todo):
            raise WorkerDied
        dead.results.append(Skipped(dead.todo[len(dead.results)].doc_id, DIED))
        _stop([dead], gently=False)
        worker = self.start()
        self.workers[self.workers.index(dead)] = worker
        worker.batch, worker.todo, worker.results = dead.batch, dead.todo, dead.results
        rest = dead.todo[len(dead.results) :]
        if rest:
            try:
                worker.conn.send(rest)
            except OSError:
                raise WorkerDied from None
        return worker


def analyse_in_workers(
    batches: list[Batch], workers: int, should_stop: Callable[[], bool] | None = None
) -> Iterator[Results]:
    """Each batch's results, in the order of ``batches``. ``should_stop`` is polled while
    waiting; stopping early (``Cancelled``, an error, the caller closing the iterator)
    kills the workers at once, whatever they are analysing."""
    context = multiprocessing.get_context("spawn")  # the caller may be a threaded app: fork is unsafe
    pool = _Pool(context, captured=not has_descriptor(sys.stderr))
    finished = False
    try:
        for _ in range(min(workers, len(batches))):
            pool.workers.append(pool.start())
        yield from _ordered(pool, batches, 4 * len(pool.workers), should_stop)
        finished = True
    finally:
        _stop(pool.workers, gently=finished)


def _ordered(
    pool: _Pool, batches: list[Batch], window: int, should_stop: Callable[[], bool] | None
) -> Iterator[Results]:
    done: dict[int, Results] = {}
    next_batch = next_out = 0
    while next_out < len(batches):
        for worker in pool.workers:
            # The window bounds the results held here while one slow batch holds up the rest.
            if worker.batch is None and next_batch < min(len(batches), next_out + window):
                try:
                    worker.conn.send(batches[next_batch])
                except OSError:
                    raise WorkerDied from None
                worker.batch, worker.todo, worker.results = next_batch, batches[next_batch], []
                next_batch += 1
        if next_out in done:
            yield done.pop(next_out)
            next_out += 1
            continue
        busy = [worker for worker in pool.workers if worker.batch is not None]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=WAIT_POLL_SECONDS)
        if not ready:
            if should_stop is not None and should_stop():
                raise Cancelled
            continue
        for worker in busy:
            if worker.conn in ready:
                try:
                    status, payload = worker.conn.recv()
                except (EOFError, OSError):  # it died writing its results
                    worker = pool.replace(worker)
                else:
                    if status == "error":
                        raise payload
                    worker.results.append(payload)
            elif worker.process.sentinel in ready:
                worker = pool.replace(worker)
            if worker.batch is not None and len(worker.results) == len(worker.todo):
                done[worker.batch], worker.batch = worker.results, None


def _stop(pool: list[_Worker], *, gently: bool) -> None:
    for worker in pool:
        if gently:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        else:
            worker.process.kill()
    for worker in pool:
        worker.process.join(FAREWELL_SECONDS if gently else None)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        worker.process.close()
