"""Watching the corpus folder while the reader is open, so a file changed, added or
removed on disk shows up without asking: the screen brings the index up to date, then
the open document and its notes, keeping the reading position.

watchfiles (inotify, FSEvents, ReadDirectoryChangesW; polling where those are missing)
reports changes in batches after they settle, so an editor's save (write a temp file,
rename it over) or a copied folder is one update, not hundreds.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhreader.tui.messages import CorpusChanged, WatchFailed

if TYPE_CHECKING:
    from textual.screen import Screen

GROUP = "corpus-watch"
SETTLE_MS = 800  # changes this close together are one batch
STOP_CHECK_MS = 200  # how soon a stop request is seen


def _interesting(path: str) -> bool:
    """Files zhreader could read: hidden files and editors' scratch files are not."""
    name = Path(path).name
    return not (name.startswith((".", "~$", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".part")))


class CorpusWatch:
    def __init__(self, host: Screen[Any], root: Path) -> None:
        self.host = host
        self.root = root
        self._stop = threading.Event()
        self.running = False

    def start(self) -> None:
        if self.running or not self.root.is_dir():
            return
        self.running = True
        self._stop.clear()
        self.host.run_worker(self._watch, name="watch the folder", group=GROUP, thread=True, exit_on_error=False)

    def stop(self) -> None:
        self._stop.set()
        self.running = False

    def _watch(self) -> None:
        from watchfiles import DefaultFilter, watch

        default = DefaultFilter()
        try:
            for changes in watch(
                self.root,
                watch_filter=lambda change, path: default(change, path) and _interesting(path),
                debounce=SETTLE_MS,
                step=STOP_CHECK_MS,
                rust_timeout=STOP_CHECK_MS * 5,
                stop_event=self._stop,
                raise_interrupt=False,
                ignore_permission_denied=True,
            ):
                if changes:
                    self.host.post_message(CorpusChanged(len(changes)))
        except (OSError, RuntimeError) as err:
            # inotify's watch limit, a folder that vanished: the reader goes on, without this.
            if not self._stop.is_set():
                self.host.post_message(WatchFailed(str(err) or type(err).__name__))
        finally:
            self.running = False
