"""The one place the command line reports errors: one line on stderr, the documented
exit code, never a traceback for anything a user can cause."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable

from zhreader.errors import ExitCode, ZhreaderError
from zhreader.support.printable import printable

PREFIX = "zhreader: error: "


def print_line(line: str) -> None:
    """One line on stderr, as data: never markup, never a terminal escape."""
    try:
        sys.stderr.write(printable(line) + "\n")
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


def prepare_streams() -> None:
    """Output that a terminal or pipe cannot encode (``PYTHONIOENCODING=ascii``) is
    written as escapes instead of stopping the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _os_failure(err: OSError) -> int:
    """An OSError nothing closer handled: most often stdout itself (a full disk, a pipe
    whose reader left). What was not written is dropped, so exit does not fail again."""
    silence_stdout()
    if err.errno == errno.EPIPE:
        return 0
    if err.filename:
        return report(ZhreaderError(f"{err.strerror or err}: {err.filename}"))
    return report(ZhreaderError(f"cannot write the output: {err.strerror or err}"))


def guarded(run: Callable[[], int | None]) -> int:
    """Run a command; turn what a user can cause into one line and an exit code."""
    try:
        code = run() or 0
        sys.stdout.flush()  # now, so that a full disk is reported, not ignored at exit
        return code
    except ZhreaderError as err:
        return report(err)
    except KeyboardInterrupt:
        print_line("zhreader: interrupted")
        return int(ExitCode.INTERRUPTED)
    except OSError as err:  # stdout onto a full disk, a closed pipe
        return _os_failure(err)
    except UnicodeError as err:  # text that cannot be encoded where it must go
        return report(ZhreaderError(f"cannot encode the text: {err}"))
