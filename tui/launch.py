"""The ``zhreader`` entry point.

``zhreader`` and ``zhreader PATH`` open the reader straight away: the command-line
machinery (click) is imported only for the other commands, so the first frame is not
kept waiting for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS = frozenset({"open", "index", "search", "show", "notes"})


def _plain_open(args: list[str]) -> str | bool | None:
    """The PATH of a bare ``zhreader [PATH]`` call, None for no PATH, False otherwise."""
    if not args:
        return None
    if len(args) == 1 and args[0] not in COMMANDS and not args[0].startswith("-"):
        return args[0]
    return False


def open_reader(path: str | None, index_dir: str | None = None, notes_path: str | None = None) -> int:
    from corpus import Corpus, CorpusError, sample_corpus
    from index import IndexStore

    try:
        corpus = Corpus.open(path if path is not None else sample_corpus())
    except CorpusError as err:
        print(f"zhreader: error: {err}", file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.__stderr__ is not None and sys.__stderr__.isatty()):
        # Textual draws on stderr and reads keys from stdin.
        print(
            "zhreader: error: the reader needs a terminal; for scripts use: zhreader search, show or index",
            file=sys.stderr,
        )
        return 2
    from tui.app import ZhreaderApp

    store = IndexStore.for_corpus(corpus, None if index_dir is None else Path(index_dir))
    ZhreaderApp(corpus, store, notes_path=Path(notes_path).expanduser() if notes_path else None).run()
    return 0


def _segmenter_problem(args: list[str]) -> str | None:
    """A ``ZHREADER_SEGMENTER`` that cannot be honoured, said once, before any work."""
    if {"--help", "-h", "--version"} & set(args):
        return None
    from corpus.words import SegmenterError, backend

    try:
        backend()
    except SegmenterError as err:
        return str(err)
    return None


def main() -> None:
    problem = _segmenter_problem(sys.argv[1:])
    if problem is not None:
        print(f"zhreader: error: {problem}", file=sys.stderr)
        raise SystemExit(2)
    target = _plain_open(sys.argv[1:])
    if target is not False:
        raise SystemExit(open_reader(target))  # type: ignore[arg-type]
    from tui.cli import run

    run()
