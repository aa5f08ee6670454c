"""The main screen's find bar at work (ctrl+f): opening it, showing the matches of what is
typed in the reader and the status bar, walking them (Enter, shift+Enter; n, N once the
bar is left) and closing it, after which the reader shows the search's hits again.

Finding the matches and the find's state (whether it is active, where its matches are
walked from) are the match finder's (``tui.controllers.find``); this module moves the
focus and the widgets. It lives beside the screen, as ``reading_actions`` does, and talks
to it through ``MainHost``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from zhreader.tui.controllers.find import first_at_or_after

if TYPE_CHECKING:
    from zhreader.tui.messages import FindFinished
    from zhreader.tui.screens.main_host import MainHost


class FindBarActions:
    def __init__(self, host: MainHost) -> None:
        self.host = host

    def open(self) -> None:
        host = self.host
        reader, finder = host.reader, host.match_finder
        if reader.document is None:
            host.notify("Open a document first: ctrl+f finds in the open document", timeout=3, markup=False)
            return
        if host.maximized is not None:
            host.minimize()  # the bar is under the reader, which full screen leaves alone
        if not finder.active:
            passage = reader.passage()
            finder.origin = passage[0] if passage is not None else 0
        bar = host.find_bar
        bar.open()
        box = bar.box
        host.set_focus(box)  # at once: the keys typed next are already on their way
        box.select_all()  # typing replaces the last text; Enter walks its matches again
        if box.value and not finder.active:
            self.find(box.value)

    def find(self, text: str) -> None:
        host = self.host
        document = host.reader.document
        if document is None:
            return
        if not text.strip():
            self._drop()
            host.find_bar.show_found(True)
            return
        host.match_finder.active = True
        spans = host.match_finder.find(document, text, exact_script=host.search.exact_script)
        if spans is not None:
            self._show_matches(spans)

    def again(self) -> None:
        """Find what the bar holds once more (the script matching or the text changed)."""
        if self.host.match_finder.active:
            self.find(self.host.find_bar.box.value)

    def finished(self, message: FindFinished) -> None:
        if self.host.match_finder.accept(message):
            self._show_matches(message.spans)

    def _show_matches(self, spans: list[tuple[int, int]]) -> None:
        host = self.host
        reader, finder = host.reader, host.match_finder
        stay, finder.stay = finder.stay, False
        if spans:
            current = first_at_or_after(spans, finder.origin)
            reader.set_hits(spans, current)
            if not stay:
                reader.goto_hit(current)
        else:
            reader.set_hits([])
        host.find_bar.show_found(bool(spans))
        host.show_hit()

    def step(self, step: int) -> None:
        host = self.host
        reader = host.reader
        total = len(reader.hits)
        if not total:
            host.notify("Not in this document", timeout=2, markup=False)
            return
        current = reader.current_hit
        target = current + step if current >= 0 else (0 if step > 0 else total - 1)
        if not 0 <= target < total:
            host.notify(
                "Wrapped around to the " + ("first" if step > 0 else "last") + " match in this document",
                timeout=2,
                markup=False,
            )
            target %= total
        reader.goto_hit(target)
        host.match_finder.origin = reader.hits[target][0]  # a longer text typed next starts here
        host.show_hit()

    def leave(self, *, keep: bool) -> None:
        """Esc or Tab in the bar: back to the reader."""
        self.close(keep=keep)
        self.host.reader.focus()

    def close(self, *, keep: bool) -> None:
        """Hide the bar; unless ``keep``, the reader shows the search's hits again."""
        self.host.find_bar.close()
        if not keep:
            self._drop()

    def _drop(self) -> None:
        host = self.host
        reader, finder = host.reader, host.match_finder
        if not finder.active:
            return
        here = reader.hits[reader.current_hit][0] if reader.current_hit >= 0 else finder.origin
        finder.stop()
        # The search's hit where the find left the reader is current: n goes on from there.
        spans = host.search.spans(host.open_doc)
        reader.set_hits(spans, min(bisect_left(spans, (here, -1)), len(spans) - 1))
        host.show_hit()
