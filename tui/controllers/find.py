"""Find in the open document: every place the text typed into the find bar occurs, and
the state of the find (whether the reader shows its matches, where they are walked from).
The find bar's keys, which show the matches in the reader, are the screen's
(``tui.screens.find_bar_actions``).

A match is what the main search would find for that text as one term (the searcher's
own folding and matching, ``index.matching``: width, case, Kangxi radicals and, unless
the exact script is asked for, simplified/traditional), in the document's display text.
Nothing of the query language applies: brackets, quotes, ``-`` and ``OR`` are text.

Folding a document is the costly part (about 0.1 s for a million characters); it is done
once per document and kept. Small documents are matched at once; for big ones the first
fold (and every match) runs in a worker whose answer, if still wanted, is posted back.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from zhreader.index.matching import FoldedText, Matcher
from zhreader.index.query import Term
from zhreader.tui.messages import FindFinished

if TYPE_CHECKING:
    from textual.screen import Screen

    from zhreader.corpus import Document

# Up to this many characters a document is folded and matched within a frame.
INLINE_CHARS = 100_000
GROUP = "find"

Span = tuple[int, int]


def matches(folded: FoldedText, text: str, *, exact_script: bool) -> list[Span]:
    """Where ``text`` occurs in the folded document, as the main search finds one term."""
    matcher = Matcher.for_term(Term(text, exact_script=exact_script))
    if not matcher.parts:
        return []  # nothing left after folding (only spaces, only invisible characters)
    return folded.spans(matcher)


def first_at_or_after(spans: list[Span], offset: int) -> int:
    """The index of the first span starting at or after ``offset`` (wrapping to the first)."""
    index = bisect_left(spans, (offset, -1))
    return index if index < len(spans) else 0


class MatchFinder:
    def __init__(self, host: Screen[Any]) -> None:
        self.host = host
        self.active = False  # the reader shows the find's matches, not the search's hits
        self.origin = 0  # display offset the first match shown is at or after
        self.stay = False  # show the next answer's matches without scrolling to one
        self._folded: FoldedText | None = None
        self._document: Document | None = None
        self._request = 0

    def find(self, document: Document, text: str, *, exact_script: bool) -> list[Span] | None:
        """The matches of ``text`` in ``document`` now, or None when they are being found
        in a worker (a ``FindFinished`` follows unless another request overtakes it)."""
        self._request += 1
        self.host.workers.cancel_group(self.host, GROUP)
        if document is not self._document:
            self._document, self._folded = document, FoldedText(document.text)
        folded = self._folded
        assert folded is not None
        if len(document.text) <= INLINE_CHARS:
            return matches(folded, text, exact_script=exact_script)
        request = self._request

        def work() -> None:
            found = matches(folded, text, exact_script=exact_script)
            self.host.post_message(FindFinished(request, found))

        self.host.run_worker(work, name="find", group=GROUP, thread=True, exclusive=True, exit_on_error=False)
        return None

    def accept(self, message: FindFinished) -> bool:
        """Whether a worker's answer is the one for what the bar holds now."""
        return self.active and message.request == self._request

    def stop(self) -> None:
        """The reader goes back to the search's hits: answers on their way are dropped."""
        self.active = False
        self._request += 1
        self.host.workers.cancel_group(self.host, GROUP)

    def forget(self) -> None:
        """Another document is open: its fold is not kept."""
        self._document = self._folded = None
