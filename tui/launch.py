"""Open the reader on a corpus: the one way into the Textual app, for ``zhreader`` and
``zhreader open``."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from zhreader.errors import ExitCode
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

    codes = {signal.SIGINT: ExitCode.INTERRUPTED, signal.SIGTERM: ExitCode.TERMINATED}

    def ended(signum: int, frame: object) -> None:
        # kill -INT / kill (Ctrl-C itself is a key to the reader): quit as `q` does, so the
        # terminal is restored and the reading positions kept, and exit as a shell expects.
        # The handler runs between two bytecodes of the event loop: hand the quit to the
        # loop the thread-safe way rather than touching the app's queues from here.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before the app starts or after it ends
            raise KeyboardInterrupt from None
        loop.call_soon_threadsafe(app.quit_with, codes[signal.Signals(signum)])

    previous = {signum: signal.signal(signum, ended) for signum in codes}
    try:
        app.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return app.return_code or 0
