"""The document list: titles with lengths, or hit counts while a search is active.

While an update indexes new files, they are listed too, after the indexed documents, by
path and dimmed, from the moment the update's walk found them: a first open of a big
folder lists it at once, not as its index grows.

Typing a character that is not a key binding (Chinese, digits) starts filtering by
title; ``f`` opens the filter for Latin letters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

if TYPE_CHECKING:
    from zhreader.index import RankedDocs, Searcher
    from zhreader.index.results import DocSummary

from zhreader.corpus.textfold import fold
from zhreader.support.cells import cells, fit, fit_start
from zhreader.support.printable import printable
from zhreader.tui.widgets.line_list import LineList, row_style
from zhreader.tui.widgets.plain_input import PlainInput


def human_length(chars: int) -> str:
    if chars < 10_000:
        return f"{chars:,}字"
    return f"{chars / 10_000:.1f}万字"


# The cells of the widest count column ("1,654字", "12.3万字"): the folder's share of a
# row is worked out without it, so every row of a list shows its folder or none does.
COUNT_CELLS = 8


def _folder_of(doc_id: str, width: int) -> str:
    """The folder of ``doc_id`` as shown after its title, in a row ``width`` cells wide:
    in at most a third of what the count leaves, whole or its last part ("…/01/"), since a
    folder cut inside a name says nothing. "" for a document at the top of the corpus, or
    without room."""
    folder, slash, _name = doc_id.rpartition("/")
    if not slash:
        return ""
    room = (width - COUNT_CELLS - 2) // 3
    shown = printable(folder) + "/"
    if cells(shown) <= room:
        return shown
    last = "…/" + printable(folder.rpartition("/")[2]) + "/"
    return last if cells(last) <= room else ""


class DocumentList(LineList):
    COMPONENT_CLASSES = {
        "document-list--cursor",
        "document-list--count",
        "document-list--nohits",
        "document-list--hits",
    }
    DEFAULT_CSS = """
    DocumentList { height: 1fr; }
    DocumentList > .document-list--cursor { background: $accent 25%; }
    DocumentList:focus > .document-list--cursor { background: $accent 60%; text-style: bold; }
    DocumentList > .document-list--count { color: $text-muted; }
    DocumentList > .document-list--hits { color: $warning; text-style: bold; }
    DocumentList > .document-list--nohits { color: $text-disabled; }
    """
    BINDINGS = [
        Binding("f", "filter", "Filter", id="documents.filter"),
        Binding("h", "toggle_only_hits", "Only docs with hits", id="documents.only_hits"),
        Binding("S", "next_sort", "Sort: path / title / length / hits", id="documents.sort"),
    ]
    SORTS = ("path", "title", "length", "hits")

    class FilterRequested(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source: Searcher | None = None  # the documents, in id order, read by the screenful
        self.pending: Sequence[str] = ()  # files being indexed that the source does not hold yet
        self._pending_shown: Sequence[str] = ()  # those of them the filter lets through
        self.hits: RankedDocs | None = None  # the search whose hit counts are shown
        self.hit_docs = 0  # documents with hits
        self.only_hits = False
        self.filter_text = ""
        self.sort = "path"
        self._visible: list[int] | None = None  # docnums shown, in list order (None: all, by path)
        self._orders: dict[str, list[int]] = {}  # every docnum by title or length, per source
        self._row_of: dict[int, int] = {}  # docnum -> row, when not every document is shown by path

    @property
    def count(self) -> int:
        """Documents in the index and files being indexed (filtered or not)."""
        return self.indexed + len(self.pending)

    @property
    def indexed(self) -> int:
        return self.source.count if self.source is not None else 0

    @property
    def row_count(self) -> int:
        return self._indexed_rows + len(self._pending_shown)

    @property
    def _indexed_rows(self) -> int:
        return len(self._visible) if self._visible is not None else self.indexed

    def _docnum(self, row: int) -> int:
        assert self.source is not None
        return self._visible[row] if self._visible is not None else self.source.catalog.order[row]

    def summary(self, row: int) -> DocSummary | None:
        """The indexed document on ``row`` (None on a file being indexed)."""
        if self.source is None or not 0 <= row < self._indexed_rows:
            return None
        return self.source.summary(self._docnum(row))

    def pending_at(self, row: int) -> str | None:
        """The file being indexed on ``row``, if that row holds one."""
        place = row - self._indexed_rows
        return self._pending_shown[place] if 0 <= place < len(self._pending_shown) else None

    @property
    def current(self) -> DocSummary | None:
        return self.summary(self.cursor)

    @property
    def current_id(self) -> str | None:
        """The id of what the cursor is on: a document, or a file being indexed."""
        current = self.current
        return current.doc_id if current is not None else self.pending_at(self.cursor)

    def set_source(self, source: Searcher | None, pending: Sequence[str] = ()) -> None:
        """Show the documents of a (newly opened) index and the files still being
        indexed, keeping the place."""
        keep = self.current_id
        if source is not self.source:
            self._orders.clear()
        self.source, self.pending = source, pending
        self._refilter(keep)

    def set_sort(self, sort: str) -> None:
        keep = self.current_id
        self.sort = sort
        self._refilter(keep)

    def set_hits(self, hits: RankedDocs | None, hit_docs: int = 0) -> None:
        keep = self.current_id
        self.hits, self.hit_docs = hits, hit_docs
        self._refilter(keep)

    def set_filter(self, text: str) -> None:
        keep = self.current_id
        self.filter_text = text
        self._refilter(keep)

    def select(self, doc_id: str) -> None:
        source = self.source
        row: int | None = None
        if source is not None:
            if self._visible is None:
                row = source.position_of(doc_id)
            else:
                docnum = source.docnum(doc_id)
                row = self._row_of.get(docnum) if docnum is not None else None
        if row is None and doc_id in self._pending_shown:
            row = self._indexed_rows + self._pending_shown.index(doc_id)
        if row is not None:
            self.cursor = row

    def _refilter(self, keep: str | None) -> None:
        source = self.source
        visible: list[int] | None = None
        if source is not None:
            if self.filter_text.strip():
                visible = source.named(self.filter_text)
            hits = self.hits
            if self.only_hits and hits is not None:
                docnums = visible if visible is not None else source.catalog.order
                visible = [docnum for docnum in docnums if hits.matches(docnum)]
            visible = self._sorted(source, visible)
        self._visible = visible
        self._row_of = {docnum: row for row, docnum in enumerate(visible)} if visible is not None else {}
        self._pending_shown = self._pending_filtered()
        self.rows_changed()
        if keep is not None:
            self.select(keep)
        self._update_title()

    def _pending_filtered(self) -> Sequence[str]:
        """The files being indexed that the filter lets through, matched on their paths
        as the index matches titles and paths (folded); none when only hits are shown."""
        if self.only_hits and self.hits is not None:
            return ()
        parts = fold(self.filter_text).split()
        if not parts:
            return self.pending
        return [doc_id for doc_id in self.pending if all(part in fold(doc_id) for part in parts)]

    def _sorted(self, source: Searcher, visible: list[int] | None) -> list[int] | None:
        """``visible`` (None: every document, by path) in the order chosen with ``S``. The
        order of every document by title or length is worked out once per index."""
        sort = self.sort
        if sort == "path" or (sort == "hits" and self.hits is None):
            return visible
        if sort == "hits":
            assert self.hits is not None
            hits = self.hits
            counts = {docnum: hits.count_of(docnum) for docnum in hits.docnums()}
            shown = visible if visible is not None else source.catalog.order
            first = sorted((d for d in shown if d in counts), key=lambda d: -counts[d])  # stable: by path
            return first + [d for d in shown if d not in counts]
        order = self._orders.get(sort)
        if order is None:
            everything = list(source.catalog.order)
            if sort == "title":
                order = sorted(everything, key=lambda d: source.summary(d).title)
            else:  # longest first
                lengths = source.catalog.lengths
                order = sorted(everything, key=lambda d: -lengths[d])
            self._orders[sort] = order
        if visible is None:
            return order
        keep = set(visible)
        return [docnum for docnum in order if docnum in keep]

    def _update_title(self) -> None:
        shown, total = self.row_count, self.count
        title = f"Documents {total:,}" if shown == total else f"Documents {shown:,}/{total:,}"
        if self.pending:
            title += f" · {len(self.pending):,} to index"
        if self.hits is not None:
            title += f" · {self.hit_docs:,} with hits"
        if self.sort != "path":
            title += f" · by {self.sort}"
        self.border_title = title

    def render_row(self, row: int, width: int, selected: bool) -> list[Segment]:
        doc = self.summary(row)
        base = self.base_style()
        if doc is None:
            pending = self.pending_at(row)
            if pending is None:
                return []
            # Its title is known once it is read: its path stands for it until then (the
            # folder tells apart files of one name), cut at the start to keep the name.
            title, count = printable(pending), "…"
            title_style = count_style = row_style(self, "document-list--nohits")
        elif self.hits is None:
            title, count = doc.title, human_length(doc.length)
            count_style = row_style(self, "document-list--count")
            title_style = base
        else:
            title = doc.title
            n = self.hits.count_of(doc.docnum)
            count = f"{n:,}" if n else ""
            count_style = row_style(self, "document-list--hits")
            title_style = base if n else row_style(self, "document-list--nohits")
        cursor = row_style(self, "document-list--cursor")
        if selected:
            title_style = title_style + cursor
            count_style = count_style + cursor
        count_cells = cells(count)
        room = width - count_cells - 2
        if doc is None:
            title = fit_start(title, room)
        # A document in a subfolder shows its folder after its title: copies of a page in
        # two folders have one title.
        folder = _folder_of(doc.doc_id, width) if doc is not None else ""
        title = fit(title, room - (cells(folder) + 1 if folder else 0))
        gap = max(width - cells(title) - cells(folder) - (1 if folder else 0) - count_cells - 1, 1)
        fill = title_style if selected else base
        segments = [Segment(" ", fill), Segment(title, title_style)]
        if folder:
            folder_style = row_style(self, "document-list--count")
            segments += [Segment(" ", fill), Segment(folder, folder_style + cursor if selected else folder_style)]
        return [*segments, Segment(" " * gap, fill), Segment(count, count_style)]

    def action_next_sort(self) -> None:
        sort = self.SORTS[(self.SORTS.index(self.sort) + 1) % len(self.SORTS)]
        self.set_sort(sort)
        note = " (while a search is active)" if sort == "hits" and self.hits is None else ""
        self.notify(f"Documents sorted by {sort}{note}", timeout=2, markup=False)

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(""))

    def action_toggle_only_hits(self) -> None:
        self.only_hits = not self.only_hits
        self.set_hits(self.hits)
        self.notify(
            "Showing only documents with hits" if self.only_hits else "Showing all documents", timeout=2, markup=False
        )

    def on_key(self, event: events.Key) -> None:
        # Keys that are not bindings start the title filter: Chinese from an input
        # method, digits, punctuation. Latin letters are bindings here; `f` first.
        ch = event.character
        if ch and ch.isprintable() and not ch.isspace() and (not ch.isascii() or ch.isdigit()):
            event.stop()
            event.prevent_default()
            self.post_message(self.FilterRequested(ch))


class DocumentPane(Vertical):
    """The document list with its (usually hidden) filter box."""

    DEFAULT_CSS = """
    DocumentPane > #doc-filter { display: none; height: 1; border: none; padding: 0 1; background: $primary 15%; }
    DocumentPane.-filtering > #doc-filter { display: block; }
    """

    BINDINGS = [Binding("escape", "close_filter", "Clear filter", show=False, id="documents.clear_filter")]

    def compose(self) -> ComposeResult:
        yield PlainInput(placeholder="filter titles…", id="doc-filter")
        yield DocumentList(id="doc-list")

    @property
    def list(self) -> DocumentList:
        return self.query_one(DocumentList)

    @on(DocumentList.FilterRequested)
    def _open_filter(self, message: DocumentList.FilterRequested) -> None:
        box = self.query_one("#doc-filter", Input)
        self.add_class("-filtering")
        box.value = box.value + message.text if message.text else box.value
        self.screen.set_focus(box)  # at once: the next keys typed are already on their way
        box.cursor_position = len(box.value)

    @on(Input.Changed, "#doc-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.list.set_filter(event.value)

    @on(Input.Submitted, "#doc-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value:
            self.remove_class("-filtering")
        self.list.focus()

    def action_close_filter(self) -> None:
        box = self.query_one("#doc-filter", Input)
        if self.has_class("-filtering"):
            box.value = ""
            self.remove_class("-filtering")
            self.list.focus()
