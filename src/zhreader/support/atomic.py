"""Reading and writing files safely: writes happen completely or not at all (temp file,
fsync, rename), reads never hang.

The file replaced is the one the user meant: a symlink is written through to its target
(the link stays a link), the file keeps its permissions, and what cannot be replaced
safely is refused before anything is written: a device, a FIFO or a folder (renaming over
``/dev/full`` would replace the device node) and a read-only file (its owner made it so).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class NotARegularFile(OSError):
    """The path names a device, a FIFO, a socket or a folder."""


class ReadOnlyFile(PermissionError):
    """The file's permissions forbid writing (which root could ignore, but must not)."""


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def target_of(path: Path) -> Path:
    """The file a write to ``path`` must change: symlinks followed to their target."""
    return Path(os.path.realpath(path))


def check_writable(path: Path) -> int:
    """The mode the new file gets; raises NotARegularFile or ReadOnlyFile."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
    if not st.st_mode & 0o222:
        raise ReadOnlyFile(errno.EACCES, "the file is read-only", str(path))
    return stat.S_IMODE(st.st_mode)


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file (at most ``limit`` + 1 of them). Never blocks: a FIFO
    put where a file was is refused (NotARegularFile), not waited on."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read() if limit is None else handle.read(limit + 1)
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Replace the file ``path`` names with ``data``; a crash leaves either the old or the
    new file. Raises OSError (NotARegularFile, ReadOnlyFile among them) and changes
    nothing when it cannot."""
    target = target_of(path)
    mode = check_writable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # POSIX; Windows keeps its default
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
