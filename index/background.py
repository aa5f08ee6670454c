"""An index update in a process of its own, for the reader.

In the reader's process, an update shares the interpreter lock with the UI thread: every
posting the writer adds, the UI may take the lock from, and every redraw holds the writer
up. The first index of People's Daily took 15 s there against 12 s for ``zhreader index``.
Here the reader only waits on a pipe and reads the commits as they land.

The child is ``python -m zhreader.index.background``. It reads its job (pickled) from its
standard input, and then a line ``stop`` or the end of that input (the reader quit or
died) asks it to stop; it stops as ``zhreader index`` does on a first Ctrl-C, keeping what
it committed. It writes pickled messages to its standard output: progress events, then one
of the report, an error, or ``cancelled``. Its standard error goes to a temporary file, so
nothing it or a library prints lands on the reader's screen; the last line of it explains
a child that died without a word.

The child is in a session of its own: a signal sent to the terminal's processes (a hang-up)
does not cut a commit short. It ends at the next document once its reader has gone.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from zhreader.index.errors import Cancelled, SearchIndexError

if TYPE_CHECKING:
    from zhreader.corpus import Corpus
    from zhreader.index.indexer import Progress, ProgressCallback, UpdateReport
    from zhreader.index.store import IndexStore

WAIT_POLL_SECONDS = 0.1  # how often the reader's wait looks at should_stop
# After asking the child to stop, the reader waits this long for it to say it stopped (a
# quit waits for it); a commit under way goes on in the child, which then ends by itself.
STOP_ACK_SECONDS = 0.5
DYING_SECONDS = 2.0  # how long a child whose output ended has to exit before it is killed
# The child sends "index" events at most this often (and always the last one).
PROGRESS_INTERVAL = 0.05


@dataclass(frozen=True, slots=True)
class Job:
    corpus: Corpus
    store: IndexStore
    lock_timeout: float | None
    batch_docs: int | None
    first_batch_seconds: float | None
    workers: int | None


def update_in_process(
    corpus: Corpus,
    store: IndexStore,
    progress: ProgressCallback,
    *,
    should_stop: Callable[[], bool],
    lock_timeout: float | None = None,
    batch_docs: int | None = None,
    first_batch_seconds: float | None = None,
    workers: int | None = None,
) -> UpdateReport:
    """``update_index`` run in a child process: the same progress events (``index`` ones
    thinned out), report and errors."""
    job = Job(corpus, store, lock_timeout, batch_docs, first_batch_seconds, workers)
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(
                # -P: the reader's working folder may hold anything, a "zhreader" among it.
                [sys.executable, "-P", "-m", "zhreader.index.background"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as err:
            raise SearchIndexError(f"cannot start the indexing process: {err.strerror or err}") from None
        assert child.stdin is not None and child.stdout is not None
        messages: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
        threading.Thread(target=_read_messages, args=(child.stdout, messages), daemon=True,
                         name="index-child-reader").start()  # fmt: skip
        try:
            child.stdin.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
            child.stdin.flush()
        except OSError:
            pass  # it died at once: its standard error says why, below
        try:
            return _follow(child, messages, errors, progress, should_stop)
        except BaseException:
            # Cancelled, an error the child sent, or one of the caller's progress callback:
            # in each case the child is, or is told to be, on its way out (its output is
            # still drained, so it never blocks writing).
            _ask_to_stop(child)
            raise
        finally:
            _end(child)


def _read_messages(stream: IO[bytes], messages: queue.Queue[tuple[Any, ...] | None]) -> None:
    try:
        while True:
            messages.put(pickle.load(stream))
    except (EOFError, OSError, pickle.UnpicklingError):
        messages.put(None)


def _follow(
    child: subprocess.Popen[bytes],
    messages: queue.Queue[tuple[Any, ...] | None],
    errors: IO[bytes],
    progress: ProgressCallback,
    should_stop: Callable[[], bool],
) -> UpdateReport:
    stop_sent: float | None = None
    while True:
        if stop_sent is None and should_stop():
            stop_sent = time.monotonic()
            _ask_to_stop(child)
        try:
            message = messages.get(timeout=WAIT_POLL_SECONDS)
        except queue.Empty:
            if stop_sent is not None and time.monotonic() - stop_sent > STOP_ACK_SECONDS:
                raise Cancelled from None
            continue
        if message is None:
            raise SearchIndexError(_death_of(child, errors)) from None
        kind = message[0]
        if kind == "progress":
            progress(message[1])
        elif kind == "report":
            report: UpdateReport = message[1]
            return report
        elif kind == "cancelled":
            raise Cancelled
        else:  # "error"
            raise message[1]


def _ask_to_stop(child: subprocess.Popen[bytes]) -> None:
    assert child.stdin is not None
    with contextlib.suppress(OSError):
        child.stdin.write(b"stop\n")
        child.stdin.flush()


def _end(child: subprocess.Popen[bytes]) -> None:
    """The child said its last word, died or was told to stop: its input is closed (an
    end it reads as "stop") and it is reaped in the background, so the reader does not
    wait for it to exit."""
    assert child.stdin is not None
    with contextlib.suppress(OSError):
        child.stdin.close()
    threading.Thread(target=child.wait, daemon=True, name="index-child-reaper").start()


def _death_of(child: subprocess.Popen[bytes], errors: IO[bytes]) -> str:
    try:
        code = child.wait(DYING_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        code = child.wait()
    errors.seek(0)
    lines = [line.strip() for line in errors.read().decode("utf-8", "replace").splitlines() if line.strip()]
    why = f": {lines[-1]}" if lines else ""
    how = f"was killed by signal {-code}" if code < 0 else f"ended with code {code}"
    return f"index update stopped: the indexing process {how}{why} (the last committed index is kept)"


# -- in the child ------------------------------------------------------------------------


class _Channel:
    """The child's side: messages out; ``stopping`` once asked to stop or orphaned."""

    def __init__(self, out: IO[bytes], commands: IO[bytes]) -> None:
        self.out = out
        self.commands = commands
        self.stopping = threading.Event()
        self._last_index = 0.0

    def listen(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            for line in self.commands:
                if line.strip() == b"stop":
                    break
        self.stopping.set()

    def send(self, *message: Any) -> None:
        try:
            pickle.dump(message, self.out, protocol=pickle.HIGHEST_PROTOCOL)
            self.out.flush()
        except OSError:  # the reader is gone: nobody is waiting for the rest
            self.stopping.set()

    def progress(self, event: Progress) -> None:
        if event.phase == "index" and event.done < event.total:
            now = time.monotonic()
            if now - self._last_index < PROGRESS_INTERVAL:
                return
            self._last_index = now
        self.send("progress", event)


def _portable(err: BaseException) -> BaseException:
    """``err`` if it survives pickling (the reader raises it again), else its message as
    a SearchIndexError."""
    try:
        pickle.loads(pickle.dumps(err))
    except Exception:
        return SearchIndexError(str(err))
    return err


def main() -> int:
    out, commands = sys.stdout.buffer, sys.stdin.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the messages
    try:
        job: Job = pickle.load(commands)
    except (EOFError, OSError, pickle.UnpicklingError):
        return 2
    channel = _Channel(out, commands)
    threading.Thread(target=channel.listen, daemon=True, name="commands").start()

    from zhreader.errors import ZhreaderError
    from zhreader.index.indexer import update_index

    try:
        report = update_index(
            job.corpus,
            job.store,
            channel.progress,
            workers=job.workers,
            should_stop=channel.stopping.is_set,
            lock_timeout=job.lock_timeout,
            batch_docs=job.batch_docs,
            first_batch_seconds=job.first_batch_seconds,
        )
    except Cancelled:
        channel.send("cancelled")
        return 130
    except ZhreaderError as err:
        channel.send("error", _portable(err))
        return 3
    except Exception as err:  # a bug: the reader reports it as its own
        traceback.print_exc()
        channel.send("error", _portable(err))
        return 70
    channel.send("report", report)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stderr.flush()
    # Tearing down the interpreter after a build frees millions of objects one by one
    # (a second at ×1); every message is out, so that is skipped.
    os._exit(code)
