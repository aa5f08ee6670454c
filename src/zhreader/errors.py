"""The one error contract of zhreader.

Every problem worth telling a user is a ``ZhreaderError``: its ``message`` is one line
(no traceback, no markup), its ``exit_code`` what the command line exits with. Each layer
has its own subclass (``CorpusError``, ``SearchIndexError``, ``ReaderError``) and the
surfaces report them in one place each: the command line in ``zhreader.tui.reporting``,
the reader in ``ZhreaderApp.report`` (worker failures reach it through
``MainScreen.on_worker_state_changed``).

Cancellation (a search made stale by typing, an update stopped by quitting) is not an
error and stays outside this hierarchy.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_FOUND = 1  # a search or look-up found nothing (as grep does)
    USAGE = 2  # bad input: usage, a missing path, an empty query, an invalid note
    FAILED = 3  # the work could not be done: disk full, read-only or locked files, a damaged notes file
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # the reader ended by kill (128 + SIGTERM), after restoring the terminal


class ZhreaderError(Exception):
    """A problem for the user, said in one line."""

    exit_code: int = ExitCode.FAILED

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
