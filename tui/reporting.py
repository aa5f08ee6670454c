"""The one place the command line reports errors: one line on stderr, the documented
exit code, never a traceback for anything a user can cause."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from zhreader.errors import ExitCode, ZhreaderError

PREFIX = "zhreader: error: "


def print_line(line: str) -> None:
    """One line on stderr, as data: never markup, never a terminal escape."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to report to


def report(err: ZhreaderError) -> int:
    """Say ``err`` in one line; the exit code to leave with."""
    print_line(PREFIX + err.message)
    return int(err.exit_code)


def silence_stdout() -> None:
    """Stdout is a pipe its reader closed (``| head``): drop further output quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def guarded(run: Callable[[], int | None]) -> int:
    """Run a command; turn what a user can cause into one line and an exit code."""
    try:
        return run() or 0
    except ZhreaderError as err:
        return report(err)
    except KeyboardInterrupt:
        print_line("zhreader: interrupted")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        silence_stdout()
        return 0
