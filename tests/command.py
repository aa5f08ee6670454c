"""Running the command line in-process, as the console script runs it."""

from __future__ import annotations

from click.testing import CliRunner

from zhreader.tui import cli
from zhreader.tui.reporting import guarded


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``zhreader ARGS``: errors reported as a user sees them."""
    with CliRunner().isolation() as (out, err, _):
        code = guarded(lambda: cli.run(list(args)))
    return code, out.getvalue().decode(), err.getvalue().decode()
