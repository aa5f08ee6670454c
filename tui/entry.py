"""The ``zhreader`` console script (and ``python -m zhreader``).

A bare ``zhreader`` opens the reader on the sample corpus straight away; everything else
goes through the command line (``zhreader.tui.cli``), which imports click. Either way,
errors are reported by ``zhreader.tui.reporting``.
"""

from __future__ import annotations

import sys

from zhreader.tui.reporting import guarded, prepare_streams


def _dispatch(args: list[str]) -> int | None:
    if not {"-h", "--help", "--version"} & set(args):
        from zhreader.corpus.words import backend

        backend()  # a bad ZHREADER_SEGMENTER is said once, before any work
    if not args:
        from zhreader.tui.launch import open_reader

        return open_reader(None)
    from zhreader.tui.cli import run

    return run(args)


def main() -> None:
    prepare_streams()
    raise SystemExit(guarded(lambda: _dispatch(sys.argv[1:])))
