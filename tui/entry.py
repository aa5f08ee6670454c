"""The ``zhreader`` console script (and ``python -m zhreader``).

A bare ``zhreader`` opens the reader on the sample corpus straight away; everything else
goes through the command line (``zhreader.tui.cli``), which imports click. Either way,
errors are reported by ``zhreader.tui.reporting``.
"""

from __future__ import annotations

import os
import sys

from zhreader.tui.reporting import guarded, prepare_streams

# Set by the shell completion scripts click writes (`_ZHREADER_COMPLETE=bash_source zhreader`).
COMPLETE_VAR = "_ZHREADER_COMPLETE"


def _dispatch(args: list[str]) -> int | None:
    completing = COMPLETE_VAR in os.environ
    if not ({"-h", "--help", "-V", "--version"} & set(args) or completing):
        from zhreader.corpus.words import backend

        backend()  # a bad ZHREADER_SEGMENTER is said once, before any work
    if not args and not completing:
        from zhreader.tui.launch import open_reader

        return open_reader(None)
    from zhreader.tui.cli import run

    return run(args)


def main() -> None:
    prepare_streams()
    raise SystemExit(guarded(lambda: _dispatch(sys.argv[1:])))
