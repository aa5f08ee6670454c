"""The reader's index update in a process of its own: the same index, report, progress
and errors as ``update_index`` in the caller's process, and prompt stops."""

from __future__ import annotations

import stat
import threading
import time
from pathlib import Path

import pytest

from zhreader.corpus import Corpus
from zhreader.index import Cancelled, IndexBusy, IndexStore, Progress, Searcher, SearchIndexError, update_index
from zhreader.index import background as background
from zhreader.index.background import update_in_process


def doc(n: int) -> str:
    return f"第{n}号文件\n\n呼和浩特人才政策第{n}条，推动高质量发展。\n"


@pytest.fixture
def setup(tmp_path: Path, make_corpus):
    root = make_corpus({f"d{n:02}.txt": doc(n) for n in range(12)} | {"bad.txt": b"\xff\xfe\x00"})
    corpus = Corpus.open(root)
    return root, corpus, IndexStore(tmp_path / "ix", corpus.location)


def never() -> bool:
    return False


def test_it_builds_the_index_update_index_builds(setup, tmp_path: Path) -> None:
    _root, corpus, store = setup
    events: list[Progress] = []
    report = update_in_process(corpus, store, events.append, should_stop=never, batch_docs=5)
    twin = IndexStore(tmp_path / "twin", corpus.location)
    expected = update_index(corpus, twin, batch_docs=5)
    assert sorted(report.added) == sorted(expected.added) and len(report.added) == 12
    assert [s.doc_id for s in report.skipped] == [s.doc_id for s in expected.skipped] == ["bad.txt"]
    with Searcher.open(store) as ours, Searcher.open(twin) as theirs:
        assert ours.search("人才政策").total_hits == theirs.search("人才政策").total_hits == 12
    phases = [event.phase for event in events]
    assert phases[0] == "scan" and phases[-1] == "done"
    planned = next(event for event in events if event.phase == "planned")
    assert planned.total == 13 and sorted(planned.doc_ids) == ["bad.txt"] + [f"d{n:02}.txt" for n in range(12)]
    assert planned.places == tuple(range(13))  # a first build: every file is new
    committed = [event.done for event in events if event.phase == "committed"]
    assert committed == sorted(committed) and committed[-1] == 13 and len(committed) >= 3  # batches of 5


def test_planned_lists_only_the_new_files_with_their_places(setup) -> None:
    root, corpus, store = setup
    update_in_process(corpus, store, lambda event: None, should_stop=never)
    (root / "d03.txt").write_text(doc(3) + "改了。", encoding="utf-8")
    (root / "d05b.txt").write_text(doc(55), encoding="utf-8")
    (root / "e.txt").write_text(doc(99), encoding="utf-8")
    events: list[Progress] = []
    report = update_index(corpus, store, events.append)  # every "index" event (the child thins them)
    planned = next(event for event in events if event.phase == "planned")
    assert planned.total == 4  # the changed file, the two new ones, the unreadable one again
    assert set(planned.doc_ids) == {"bad.txt", "d05b.txt", "e.txt"}  # not in the index: new again
    assert report.changed == ["d03.txt"] and sorted(report.added) == ["d05b.txt", "e.txt"]
    indexed = [event.doc_id for event in events if event.phase == "index"]
    for doc_id, place in zip(planned.doc_ids, planned.places, strict=True):
        assert indexed[place] == doc_id  # what the place of each new file counts in "index" events


def test_another_writer_makes_it_busy(setup) -> None:
    _root, corpus, store = setup
    store.root.mkdir(parents=True)
    with store.write_lock(), pytest.raises(IndexBusy):
        update_in_process(corpus, store, lambda event: None, should_stop=never, lock_timeout=0)


def test_a_stop_ends_the_child_and_keeps_its_commits(setup, make_corpus) -> None:
    long_text = "呼和浩特人才政策推动高质量发展，" * 200
    root = make_corpus({f"f{n:03d}.txt": f"文件{n}\n\n{long_text}第{n}段。" for n in range(400)}, name="long")
    corpus = Corpus.open(root)
    store = IndexStore(setup[2].root.parent / "long-ix", corpus.location)
    stop = threading.Event()

    def progress(event: Progress) -> None:
        if event.phase == "committed":
            stop.set()  # after the first batch

    started = time.monotonic()
    with pytest.raises(Cancelled):
        update_in_process(corpus, store, progress, should_stop=stop.is_set, batch_docs=20, workers=1)
    assert time.monotonic() - started < 60
    with Searcher.open(store) as searcher:
        assert 20 <= searcher.count < 400  # the first batch and maybe more, never half a batch
    assert update_index(corpus, store).documents == 400  # the lock was let go


def test_an_error_in_the_child_is_raised_with_its_message(setup, tmp_path: Path) -> None:
    _root, corpus, _store = setup
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    store = IndexStore(blocker / "ix", corpus.location)
    with pytest.raises(SearchIndexError) as in_process:
        update_index(corpus, store)
    with pytest.raises(SearchIndexError) as in_child:
        update_in_process(corpus, store, lambda event: None, should_stop=never)
    assert str(in_child.value) == str(in_process.value)


def test_a_child_that_dies_is_an_error_that_says_how(setup, tmp_path: Path, monkeypatch) -> None:
    _root, corpus, store = setup
    fake = tmp_path / "dies"
    fake.write_text("#!/bin/sh\necho 'Fatal Python error: Segmentation fault' >&2\nkill -9 $$\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(background.sys, "executable", str(fake))
    with pytest.raises(SearchIndexError, match=r"killed by signal 9: Fatal Python error: Segmentation fault"):
        update_in_process(corpus, store, lambda event: None, should_stop=never)


def test_a_child_that_cannot_start_is_an_error(setup, tmp_path: Path, monkeypatch) -> None:
    _root, corpus, store = setup
    monkeypatch.setattr(background.sys, "executable", str(tmp_path / "no-such-python"))
    with pytest.raises(SearchIndexError, match="cannot start the indexing process"):
        update_in_process(corpus, store, lambda event: None, should_stop=never)


def test_the_library_lists_what_is_not_searchable_yet(setup, monkeypatch) -> None:
    from zhreader.tui import library as library_module
    from zhreader.tui.library import Library

    root, corpus, store = setup
    monkeypatch.setattr(library_module, "READER_BATCH_DOCS", 4)
    monkeypatch.setattr(library_module, "READER_FIRST_BATCH_SECONDS", 60.0)
    library = Library(corpus, store, notes_path=root.parent / "notes.jsonl")
    order: list[str] = []
    seen: list[tuple[int, list[str], int]] = []

    def progress(event: Progress) -> None:
        if event.phase == "planned":
            order.extend(event.doc_ids)
            seen.append((0, library.pending, library.document_count))
        elif event.phase == "committed":
            seen.append((event.done, library.pending, library.document_count))

    library.update(progress, should_stop=never)
    assert len(order) == 13 and seen[0] == (0, order, 0)
    for done, pending, listed in seen[1:]:
        assert pending == order[done:]  # nothing is both searchable and pending, nothing neither
        assert listed + len(pending) == 13 - sum(1 for doc_id in order[:done] if doc_id == "bad.txt")
    dones = [done for done, _, _ in seen[1:]]
    assert dones == sorted(dones) and len(dones) >= 3 and dones[-1] == 13  # batches of 4 written documents
    assert library.pending == [] and library.document_count == 12


def test_a_failing_progress_callback_stops_the_child(setup) -> None:
    _root, corpus, store = setup

    def progress(event: Progress) -> None:
        if event.phase == "planned":
            raise RuntimeError("the reader's side broke")

    with pytest.raises(RuntimeError, match="reader's side broke"):
        update_in_process(corpus, store, progress, should_stop=never)
    # The child was told to stop and let go of the lock: an update waiting for it goes on.
    assert update_index(corpus, store, lock_timeout=30).documents == 12
