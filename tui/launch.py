"""Open the reader on a corpus: the one way into the Textual app, for ``zhreader`` and
``zhreader open``."""

from __future__ import annotations

import sys
from pathlib import Path

from zhreader.tui.errors import NeedsTerminal


def open_reader(path: str | None, index_dir: str | None = None, notes_path: str | None = None) -> int:
    """Run the reader; its exit code (non-zero when it stopped on an unexpected error)."""
    from zhreader.corpus import Corpus, sample_corpus
    from zhreader.index import IndexStore

    corpus = Corpus.open(path if path is not None else sample_corpus())
    if not (sys.stdin.isatty() and sys.__stderr__ is not None and sys.__stderr__.isatty()):
        # Textual draws on stderr and reads keys from stdin.
        raise NeedsTerminal("the reader needs a terminal; for scripts use: zhreader search, show or index")
    from zhreader.tui.app import ZhreaderApp

    store = IndexStore.for_corpus(corpus, None if index_dir is None else Path(index_dir))
    app = ZhreaderApp(corpus, store, notes_path=Path(notes_path).expanduser() if notes_path else None)
    app.run()
    return app.return_code or 0
