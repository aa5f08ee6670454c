"""Errors of the corpus layer: documents, their folder, the segmenter, notes."""

from __future__ import annotations

from zhreader.errors import ExitCode, ZhreaderError


class CorpusError(ZhreaderError):
    """A problem with documents or notes."""


class CorpusPathError(CorpusError):
    """The corpus path itself is unusable (missing, unreadable, not a file or folder)."""

    exit_code = ExitCode.USAGE


class DocumentError(CorpusError):
    """One file is not a readable document. Never stops a corpus from loading: it becomes
    a skipped file with this message as its reason."""


class SegmenterError(CorpusError):
    """``ZHREADER_SEGMENTER`` asks for a segmenter that cannot be used."""

    exit_code = ExitCode.USAGE


class NoteError(CorpusError):
    """An invalid note (bad tag, bad range): the user's input, not the file."""

    exit_code = ExitCode.USAGE


class NoteNotFound(CorpusError):
    """No note has the id asked for."""

    exit_code = ExitCode.NOT_FOUND


class NotesFileError(CorpusError):
    """The notes file cannot be read or changed (locked, read-only, full disk, damaged)."""
