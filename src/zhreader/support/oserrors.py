"""One short, lower-case reason for an operating-system error, for messages that name the
file themselves ("cannot write notes.md: the disk is full")."""

from __future__ import annotations

import errno

from zhreader.support.atomic import NotARegularFile, ReadOnlyFile


def reason(err: OSError) -> str:
    if isinstance(err, ReadOnlyFile):
        return "the file is read-only"
    if isinstance(err, NotARegularFile):
        return "not a regular file"
    if err.errno == errno.ENOSPC:
        return "the disk is full"
    if err.errno == errno.EROFS:
        return "the file system is read-only"
    if isinstance(err, PermissionError) or err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "it is a folder"
    if isinstance(err, FileNotFoundError):
        return "no such file or folder"
    if err.errno == errno.ELOOP:
        return "symlink loop"
    return (err.strerror or str(err)).lower()
