"""Errors of the user-interface layer (the reader and the command line)."""

from __future__ import annotations

from zhreader.errors import ExitCode, ZhreaderError


class UIError(ZhreaderError):
    """A problem of the reader or the command line itself."""


class NeedsTerminal(UIError):
    """The reader was started without a terminal to draw on."""

    exit_code = ExitCode.USAGE


class NoSuchDocument(UIError):
    """A document id that is not in the corpus."""

    exit_code = ExitCode.NOT_FOUND


class AmbiguousDocument(UIError):
    """A prefix or title that names more than one document."""

    exit_code = ExitCode.USAGE


class NothingIndexed(UIError):
    """A corpus with no document that could be read."""

    exit_code = ExitCode.NOT_FOUND


class OutputError(UIError):
    """An export or a printout could not be written where the user asked."""


class Interrupted(UIError):
    """Ctrl-C, with what was kept."""

    exit_code = ExitCode.INTERRUPTED
