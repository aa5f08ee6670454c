"""What the command line prints: data on stdout, messages on stderr.

Every piece of text that came from outside (a file name, a path, a tag, a comment) is
printed as data: Rich output is built from Text objects, never markup, and controls are
shown as symbols (``zhreader.support.printable``). JSON Lines escape what line readers and
terminals trip on (``zhreader.support.jsonlines``).
"""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from zhreader.support import jsonlines
from zhreader.support.printable import printable
from zhreader.tui.reporting import silence_stdout


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # `zhreader search … | head` closed the pipe: the reader has what it wanted.
        # (Rich's default exits with 1, which here means "nothing found".)
        silence_stdout()
        raise SystemExit(0)


err_console = _Console(stderr=True, highlight=False, soft_wrap=True)
out_console = _Console(highlight=False, soft_wrap=True)


def data(text: str, style: str = "") -> Text:
    """A piece of outside text for Rich, shown exactly and harmlessly."""
    return Text(printable(text), style=style)


def say(message: str, style: str = "") -> None:
    """One line on stderr."""
    err_console.print(data(message, style))


def warn(message: str) -> None:
    say(f"zhreader: warning: {message}")


def _stdout_takes(sample: str) -> bool:
    try:
        sample.encode(sys.stdout.encoding or "utf-8")
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def emit_json(value: Any) -> None:
    """One JSON Lines record on stdout; ASCII-escaped when stdout cannot take Chinese
    (``PYTHONIOENCODING=ascii``): still JSON, and it reads back the same."""
    line = jsonlines.dumps(value, ascii_only=not _stdout_takes("中"))
    sys.stdout.write(line + "\n")


def emit_text(text: str) -> None:
    """Text that is data already safe for a terminal (display text), as it is."""
    sys.stdout.write(text)
