"""Analysis in worker processes: results in order, a bounded look-ahead, prompt stops.

Not ``concurrent.futures.ProcessPoolExecutor``: its workers share one result pipe, and a
worker killed while writing a result (the out-of-memory killer, a ``kill -9``) leaves the
executor reading the rest of that message forever; ``zhreader index`` hung so. Here each
worker has a pipe of its own, so a death is an end of file on that pipe or its process
sentinel, and the update stops with an error instead.
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
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from zhreader.corpus.discovery import Skipped, SourceFile
from zhreader.index.analysis import Analyzed, analyze_batch
from zhreader.index.errors import Cancelled, SearchIndexError

WAIT_POLL_SECONDS = 0.25  # how often a wait for a worker looks at should_stop
PARENT_POLL_SECONDS = 0.5
FAREWELL_SECONDS = 5.0  # a worker told to end has this long before it is killed

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
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        reply: tuple[str, Any]
        try:
            reply = ("ok", analyze_batch(batch))
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


def analyse_in_workers(
    batches: list[Batch], workers: int, should_stop: Callable[[], bool] | None = None
) -> Iterator[Results]:
    """Each batch's results, in the order of ``batches``. ``should_stop`` is polled while
    waiting; stopping early (``Cancelled``, an error, the caller closing the iterator)
    kills the workers at once, whatever they are analysing."""
    context = multiprocessing.get_context("spawn")  # the caller may be a threaded app: fork is unsafe
    captured = not has_descriptor(sys.stderr)
    pool: list[_Worker] = []
    finished = False
    try:
        with _real_stderr(captured):
            for number in range(min(workers, len(batches))):
                ours, theirs = context.Pipe()
                process = context.Process(
                    target=_serve, args=(theirs, captured, os.getpid()), name=f"zhreader-analysis-{number}", daemon=True
                )
                process.start()
                theirs.close()  # else a worker's death would not end the pipe for us
                pool.append(_Worker(process, ours))
        yield from _ordered(pool, batches, 4 * len(pool), should_stop)
        finished = True
    finally:
        _stop(pool, gently=finished)


def _ordered(
    pool: list[_Worker], batches: list[Batch], window: int, should_stop: Callable[[], bool] | None
) -> Iterator[Results]:
    done: dict[int, Results] = {}
    next_batch = next_out = 0
    while next_out < len(batches):
        for worker in pool:
            # The window bounds the results held here while one slow batch holds up the rest.
            if worker.batch is None and next_batch < min(len(batches), next_out + window):
                try:
                    worker.conn.send(batches[next_batch])
                except OSError:
                    raise WorkerDied from None
                worker.batch, next_batch = next_batch, next_batch + 1
        if next_out in done:
            yield done.pop(next_out)
            next_out += 1
            continue
        busy = [worker for worker in pool if worker.batch is not None]
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
                    raise WorkerDied from None
                if status == "error":
                    raise payload
                assert worker.batch is not None
                done[worker.batch], worker.batch = payload, None
            elif worker.process.sentinel in ready:
                raise WorkerDied


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
