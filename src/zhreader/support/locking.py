"""An exclusive lock on a file, shared by processes (fcntl on POSIX, msvcrt on Windows).

The operating system drops the lock when its holder dies, so a ``kill -9`` never leaves
a stale lock behind.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class LockTimeout(Exception):
    pass


class LockWaitStopped(Exception):
    """``should_stop`` said so while waiting for the lock."""


class FileLock:
    def __init__(self, path: Path, timeout: float | None = None, poll: float = 0.05) -> None:
        self.path = path
        self.timeout = timeout  # None waits forever, 0 tries once
        self.poll = poll
        self._fd: int | None = None

    def _try(self, fd: int) -> bool:
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:  # pragma: no cover - Windows
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def acquire(self, should_stop: Callable[[], bool] | None = None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while not self._try(fd):
            if deadline is not None and time.monotonic() >= deadline:
                os.close(fd)
                raise LockTimeout(f"{self.path} is locked by another process")
            if should_stop is not None and should_stop():
                os.close(fd)
                raise LockWaitStopped(str(self.path))
            time.sleep(self.poll)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            else:  # pragma: no cover - Windows
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
