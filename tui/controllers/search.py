"""Search as the user types: debounced, in a background thread, a search made stale by
further typing cancelled rather than queued."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from zhreader.tui.messages import SearchFailed, SearchFinished
from zhreader.tui.widgets.results_list import HITS_PER_DOC, MAX_DOCS, ResultDoc

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from zhreader.index import DocResult
    from zhreader.tui.library import Library

# Seconds after the last keystroke. Short: an input method commits a whole word in one
# event, and a search made stale by further typing is cancelled, not queued.
SEARCH_DEBOUNCE = 0.01
GROUP = "search"


@dataclass(frozen=True, slots=True)
class HitStep:
    doc_id: str
    hit: int
    wrapped: bool = False  # went past the last (first) result to the first (last)


class SearchController:
    def __init__(self, host: Screen[Any], library: Library, *, exact_script: bool = False) -> None:
        self.host = host
        self.library = library
        self.query = ""
        # Match only the script typed (发展 not 發展); a query's own "=" does it per term.
        self.exact_script = exact_script
        self.current: SearchFinished | None = None  # the answer to the query on screen
        self._timer: Timer | None = None

    def set_query(self, query: str) -> bool:
        """The search box changed: search soon. False when there is nothing to search."""
        self.query = query
        return self.schedule()

    def schedule(self, *, immediately: bool = False, open_first: bool = False) -> bool:
        if self._timer is not None:
            self._timer.stop()
        query = self.query
        if not query.strip():
            self.current = None
            self.host.workers.cancel_group(self.host, GROUP)
            return False
        if immediately:
            self._start(query, open_first)
        else:
            self._timer = self.host.set_timer(SEARCH_DEBOUNCE, lambda: self._start(query, False))
        return True

    def set_exact_script(self, exact: bool) -> None:
        """Match the script typed, or not; the query on screen is searched again."""
        self.exact_script = exact
        self.schedule(immediately=True)

    def is_current(self, query: str, exact_script: bool) -> bool:
        """Whether an answer for ``query`` still matches what the box holds, and how."""
        return query == self.query and exact_script == self.exact_script

    def accept(self, message: SearchFinished) -> bool:
        if not self.is_current(message.query, message.exact_script):
            return False
        self.current = message
        return True

    def reject(self, message: SearchFailed) -> bool:
        if not self.is_current(message.query, message.exact_script):
            return False
        self.current = None
        return True

    def result_doc(self, doc_id: str | None) -> DocResult | None:
        searcher = self.library.searcher
        if self.current is None or doc_id is None or searcher is None:
            return None
        docnum = searcher.docnum(doc_id)
        return None if docnum is None else self.current.result.docs.get(docnum)

    def spans(self, doc_id: str | None) -> list[tuple[int, int]]:
        doc = self.result_doc(doc_id)
        return doc.spans() if doc is not None else []

    def hit_number(self, doc_id: str | None, hit: int) -> tuple[int, int] | None:
        """(k, N): hit ``hit`` of ``doc_id`` is the k-th of the N hits of the search, in
        rank order (the order n walks them)."""
        doc = self.result_doc(doc_id)
        if doc is None or self.current is None or hit < 0:
            return None
        result = self.current.result
        before = result.docs.hits_before(doc.docnum)
        return None if before is None else (before + hit + 1, result.total_hits)

    def step(self, open_doc: str | None, current_hit: int, hits_here: int, step: int) -> HitStep | None:
        """Where ``n`` (step 1) or ``N`` (-1) goes from the reader's current hit: the next
        hit in the open document, else the first (last) hit of the next (previous)
        document in rank order, wrapping around. None without results."""
        if self.current is None or not self.current.result.docs:
            return None
        docs = self.current.result.docs
        current = self.result_doc(open_doc)
        here = docs.position(current.docnum) if current is not None else None
        if open_doc is not None and here is not None:
            nxt = current_hit + step if current_hit >= 0 else (0 if step > 0 else hits_here - 1)
            if 0 <= nxt < hits_here:
                return HitStep(open_doc, nxt)
            position = here + step
        else:
            position = 0 if step > 0 else len(docs) - 1
        wrapped = not 0 <= position < len(docs)
        doc = docs[position % len(docs)]
        return HitStep(doc.doc_id, 0 if step > 0 else max(doc.hit_count - 1, 0), wrapped)

    def _start(self, query: str, open_first: bool) -> None:
        exact = self.exact_script
        self.host.run_worker(
            lambda: self._run(query, exact, open_first),
            name="search",
            group=GROUP,
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _run(self, query: str, exact: bool, open_first: bool) -> None:
        """In a worker thread. Query problems are shown in the results pane, not raised."""
        from zhreader.index import Cancelled, IndexMissing, QueryError

        worker = get_current_worker()
        try:
            result = self.library.search(query, limit=None, should_stop=lambda: worker.is_cancelled, exact_script=exact)
        except Cancelled:
            return  # the user typed on: a newer search replaced this one
        except (QueryError, IndexMissing) as err:
            self.host.post_message(SearchFailed(query, exact, err.message))
            return
        docs = []
        for doc in result.docs[:MAX_DOCS]:
            if worker.is_cancelled:
                return
            docs.append(ResultDoc(doc.doc_id, doc.title, doc.hit_count, tuple(doc.first_hits(HITS_PER_DOC))))
        if not worker.is_cancelled:
            self.host.post_message(SearchFinished(query, exact, result, docs, open_first))
