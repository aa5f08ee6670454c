"""Helpers for driving the reader in Pilot tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from zhreader.corpus import Corpus
from zhreader.index import IndexStore
from zhreader.tui.app import ZhreaderApp
from zhreader.tui.history import SearchHistory
from zhreader.tui.positions import Positions
from zhreader.tui.screens.main_screen import MainScreen
from zhreader.tui.settings import Settings
from zhreader.tui.widgets.document_list import DocumentList


def make_app(corpus_path: Path, store: IndexStore | None, state: Path) -> ZhreaderApp:
    corpus = Corpus.open(corpus_path)
    store = store or IndexStore(state / "index", corpus.location)
    return ZhreaderApp(
        corpus,
        store,
        positions=Positions(corpus.location, folder=state / "positions"),
        settings=Settings(state / "settings.json"),
        show_timings=False,
        notes_path=state / "notes.jsonl",
        history=SearchHistory(state / "search_history.json"),
    )


async def wait_until(pilot: Pilot, predicate: Callable[[], bool], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.05)


def main_screen(app: ZhreaderApp) -> MainScreen:
    return app.main


async def ready(pilot: Pilot, documents: int) -> MainScreen:
    """Wait until the list holds ``documents`` documents and the index is searchable."""
    app: ZhreaderApp = pilot.app  # type: ignore[assignment]
    screen = main_screen(app)
    await wait_until(pilot, lambda: screen.is_mounted and screen.query(DocumentList), what="the main screen")
    await wait_until(pilot, lambda: screen.doc_list.count == documents, what="the documents")
    await wait_until(pilot, lambda: app.library.searchable and not screen.index.indexing, what="the index")
    await pilot.pause()
    return screen


async def search(pilot: Pilot, query: str) -> MainScreen:
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    await pilot.press("slash")
    for ch in query:
        await pilot.press(ch if ch != " " else "space")
    await wait_until(
        pilot,
        lambda: screen.search.current is not None and screen.search.current.query == query,
        what=f"results for {query}",
    )
    await pilot.pause()
    return screen


def widget_lines(widget) -> list[str]:
    """The text of every visible line of a Line API widget."""
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


def toasts(app: ZhreaderApp) -> list[str]:
    """The text of the notifications on screen, as drawn."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def burst(pilot: Pilot, *keys: str) -> None:
    """Send ``keys`` as a terminal delivers a fast typist's keys or a paste: all queued
    before the first is handled (``Pilot.press`` waits for each to be handled)."""
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    driver = app._driver
    assert driver is not None
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        char = key if len(key) == 1 else {"space": " "}.get(key)
        event = events.Key(name, char)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()


async def tag_with(pilot: Pilot, tags: str, comment: str = "") -> None:
    """Fill the tag dialog (just opened with t) as typed, and save."""
    from zhreader.tui.screens.tag_dialog import TagDialog

    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TagDialog), what="the tag dialog")
    for ch in tags:
        await pilot.press(ch if ch != " " else "space")
    await pilot.press("enter")
    for ch in comment:
        await pilot.press(ch if ch != " " else "space")
    await pilot.press("enter")
    await pilot.pause()
