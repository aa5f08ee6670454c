"""Incremental updates, rebuilds of foreign indexes, interrupted and failed writes."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from zhreader.corpus import Corpus
from zhreader.index import IndexBusy, IndexStore, Searcher, SearchIndexError, update_index
from zhreader.index.store import MANIFEST_NAME, META_NAME


def doc(n: int, extra: str = "") -> str:
    return f"第{n}号文件\n\n呼和浩特人才政策第{n}条，推动高质量发展。{extra}\n"


def ids(store: IndexStore) -> list[str]:
    with Searcher.open(store) as searcher:
        return [doc.doc_id for doc in searcher.documents()]


@pytest.fixture
def setup(tmp_path: Path, make_corpus):
    root = make_corpus({f"d{n}.txt": doc(n) for n in range(4)})
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    return root, corpus, store


def test_first_run_adds_then_nothing_changes(setup) -> None:
    _root, corpus, store = setup
    first = update_index(corpus, store)
    assert first.rebuilt and sorted(first.added) == [f"d{n}.txt" for n in range(4)]
    again = update_index(corpus, store)
    assert not again.touched_index and again.unchanged == 4 and not again.rebuilt


def test_added_changed_touched_and_removed_files(setup) -> None:
    root, corpus, store = setup
    update_index(corpus, store)
    (root / "new.txt").write_text(doc(9), encoding="utf-8")
    (root / "d1.txt").write_text(doc(1, "新增内容：乳业振兴。"), encoding="utf-8")
    touched = root / "d2.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 5_000_000_000))
    (root / "d3.txt").unlink()
    report = update_index(corpus, store)
    assert report.added == ["new.txt"]
    assert report.changed == ["d1.txt"]
    assert report.removed == ["d3.txt"]
    assert report.unchanged == 2  # d0, and d2 whose content did not change
    assert ids(store) == ["d0.txt", "d1.txt", "d2.txt", "new.txt"]
    with Searcher.open(store) as searcher:
        assert [d.doc_id for d in searcher.search("乳业振兴").docs] == ["d1.txt"]
    # The touched file is remembered: the next run does not even re-read it.
    assert update_index(corpus, store).unchanged == 4


@pytest.mark.parametrize("damage", ["stale", "garbage"])
def test_a_stale_or_damaged_manifest_is_ignored(setup, damage: str) -> None:
    root, corpus, store = setup
    update_index(corpus, store)
    generation = store.current()
    assert generation is not None
    manifest = generation.path / MANIFEST_NAME
    saved = json.loads(manifest.read_text("utf-8"))
    assert saved["toc"] == generation.latest_toc() and set(saved["docs"]) == {f"d{n}.txt" for n in range(4)}
    changed = root / "d1.txt"
    changed.write_text(doc(1, "新增内容：乳业振兴。"), encoding="utf-8")
    if damage == "stale":
        # Written for another commit, it claims d1's new size and mtime are already
        # indexed: believing it would hide the change.
        saved["toc"] -= 1
        saved["docs"]["d1.txt"][:2] = [changed.stat().st_size, changed.stat().st_mtime_ns]
        manifest.write_text(json.dumps(saved), encoding="utf-8")
    else:
        manifest.write_text("{not json", encoding="utf-8")
    report = update_index(corpus, store)
    assert report.changed == ["d1.txt"] and report.unchanged == 3
    with Searcher.open(store) as searcher:
        assert [d.doc_id for d in searcher.search("乳业振兴").docs] == ["d1.txt"]
    assert json.loads(manifest.read_text("utf-8"))["toc"] == generation.latest_toc()


def test_a_file_that_becomes_unreadable_leaves_the_index(setup) -> None:
    root, corpus, store = setup
    update_index(corpus, store)
    (root / "d0.txt").write_bytes(b"\x00\x01binary now")
    report = update_index(corpus, store)
    assert report.removed == ["d0.txt"]
    assert [(s.doc_id, s.reason) for s in report.skipped] == [("d0.txt", "binary file (contains NUL bytes)")]
    assert "d0.txt" not in ids(store)


def test_an_index_from_another_schema_is_rebuilt_not_read(setup) -> None:
    _root, corpus, store = setup
    update_index(corpus, store)
    old = store.current()
    assert old is not None
    meta = json.loads((old.path / META_NAME).read_text())
    (old.path / META_NAME).write_text(json.dumps({**meta, "schema": meta["schema"] - 1}))
    assert store.current() is None
    report = update_index(corpus, store)
    assert report.rebuilt and len(report.added) == 4
    assert not old.path.exists()
    assert ids(store) == [f"d{n}.txt" for n in range(4)]


def test_a_damaged_pointer_means_a_rebuild(setup) -> None:
    _root, corpus, store = setup
    update_index(corpus, store)
    (store.root / "CURRENT").write_text("{not json")
    assert update_index(corpus, store).rebuilt
    assert len(ids(store)) == 4


def test_a_full_disk_keeps_the_previous_index(setup, monkeypatch) -> None:
    root, corpus, store = setup
    update_index(corpus, store)
    for n in range(4):
        (root / f"d{n}.txt").write_text(doc(n, "改动。"), encoding="utf-8")
    from whoosh import writing

    def no_space(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writing.SegmentWriter, "commit", no_space)
    with pytest.raises(SearchIndexError, match="the disk is full"):
        update_index(corpus, store)
    monkeypatch.undo()
    with Searcher.open(store) as searcher:
        assert len(searcher.search("改动").docs) == 0  # the old commit, intact
        assert searcher.count == 4
    assert sorted(update_index(corpus, store).changed) == [f"d{n}.txt" for n in range(4)]


def test_a_second_writer_waits_or_gives_up(setup) -> None:
    _root, corpus, store = setup
    with store.write_lock(), pytest.raises(IndexBusy):
        update_index(corpus, store, lock_timeout=0.2)
    assert update_index(corpus, store).added


def test_waiting_for_the_lock_stops_when_asked(setup) -> None:
    from zhreader.index import Cancelled

    _root, corpus, store = setup
    asked = iter([False, False, True])
    with store.write_lock(), pytest.raises(Cancelled):
        update_index(corpus, store, should_stop=lambda: next(asked))  # waits for ever unless stopped
    assert update_index(corpus, store).added


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, update_index
    corpus = Corpus.open(sys.argv[1])
    update_index(corpus, IndexStore.for_corpus(corpus, __import__("pathlib").Path(sys.argv[2])), workers=1)
    """
)


def test_kill_9_during_a_build_keeps_commits_and_the_next_run_finishes(tmp_path: Path, make_corpus) -> None:
    long_text = "呼和浩特人才政策推动高质量发展，" * 40
    root = make_corpus({f"f{n:03d}.txt": f"文件{n}\n\n{long_text}第{n}段。" for n in range(240)})
    corpus = Corpus.open(root)
    index_dir = tmp_path / "ix"
    store = IndexStore.for_corpus(corpus, index_dir)
    env = {**os.environ, "ZHREADER_BATCH_DOCS": "10"}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(root), str(index_dir)], env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            generation = store.current()
            if generation is not None:
                try:
                    if len(ids(store)) >= 20:
                        break
                except Exception:
                    pass
            if proc.poll() is not None:
                pytest.fail("the indexer finished before it could be interrupted")
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    survivors = ids(store)
    assert 20 <= len(survivors) < 240
    report = update_index(corpus, store)
    assert len(report.added) == 240 - len(survivors)
    assert len(ids(store)) == 240
    assert store.current() is not None and store.current().complete


def test_index_dir_override(tmp_path: Path, make_corpus) -> None:
    corpus = Corpus.open(make_corpus({"a.txt": doc(1)}))
    store = IndexStore.for_corpus(corpus, tmp_path / "elsewhere")
    update_index(corpus, store)
    assert (tmp_path / "elsewhere" / "CURRENT").exists()


def test_default_location_honours_xdg_cache_home(make_corpus) -> None:
    corpus = Corpus.open(make_corpus({"a.txt": doc(1)}))
    store = IndexStore.for_corpus(corpus)
    assert str(store.root).startswith(os.environ["XDG_CACHE_HOME"])


class _CapturedStream:
    """What Textual puts in sys.stderr while it runs: a stream without a descriptor."""

    def fileno(self) -> int:
        return -1

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def test_worker_processes_start_under_an_app_that_captures_stderr(make_corpus, monkeypatch) -> None:
    import zhreader.index.indexer as indexer

    root = make_corpus({f"d{n:02d}.txt": doc(n) for n in range(40)})
    sources = list(Corpus.open(root).scan())
    monkeypatch.setattr(indexer, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(sys, "stderr", _CapturedStream())
    results = list(indexer._analyses(sources, workers=2))
    assert [r.doc_id for r in results] == [s.doc_id for s in sources]


def _segment_names(store: IndexStore) -> list[str]:
    generation = store.current()
    assert generation is not None
    with generation.open().reader() as reader:
        return [leaf.segment().segment_id() for leaf, _offset in reader.leaf_readers()]


@pytest.mark.parametrize("files", [40, 41])
def test_a_build_in_batches_ends_as_one_segment_and_updates_never_rewrite_it(
    make_corpus, tmp_path: Path, files: int, monkeypatch
) -> None:
    from zhreader.index import indexer
    from zhreader.index.indexer import MERGE_AT

    monkeypatch.setattr(indexer, "SMALL_SEGMENT_DOCS", 10)  # so that 40 documents are a big segment

    root = make_corpus({f"d{i:03}.txt": f"标题{i}\n\n正文第{i}段。" for i in range(files)})
    store = IndexStore(tmp_path / "ix", Corpus.open(root).location)
    update_index(Corpus.open(root), store, batch_docs=5)
    # Also when the last batch ends at a batch boundary (40 files), which once skipped it.
    [built] = _segment_names(store)
    for n in range(2 * MERGE_AT + 1):  # one-file updates: each adds a small segment
        (root / "d000.txt").write_text(f"标题0\n\n正文改了第{n}次。", encoding="utf-8")
        update_index(Corpus.open(root), store, batch_docs=5)
        names = _segment_names(store)
        assert built in names and len(names) <= MERGE_AT + 1, names  # small ones merged, the big one kept


def test_a_build_of_a_few_batches_keeps_them_as_they_are(make_corpus, tmp_path: Path) -> None:
    # Merging reads back every term of a segment (seconds for a first batch of a few
    # hundred documents): two segments are cheaper to keep than to merge.
    root = make_corpus({f"d{i:03}.txt": f"标题{i}\n\n正文第{i}段。" for i in range(8)})
    store = IndexStore(tmp_path / "ix", Corpus.open(root).location)
    update_index(Corpus.open(root), store, batch_docs=5)
    assert len(_segment_names(store)) == 2
    assert len(ids(store)) == 8


def test_a_first_build_stopped_early_keeps_its_first_batch(make_corpus, tmp_path: Path, monkeypatch) -> None:
    from zhreader.index import Cancelled
    from zhreader.index import indexer as indexer_module

    monkeypatch.setattr(indexer_module, "FIRST_BATCH_SECONDS", 0.0)  # the first batch ends at once
    root = make_corpus({f"d{i:03}.txt": f"标题{i}\n\n正文第{i}段。" for i in range(20)})
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    seen: list[int] = []

    def stop_after_five() -> bool:
        seen.append(1)
        return len(seen) > 5

    with pytest.raises(Cancelled):
        update_index(corpus, store, should_stop=stop_after_five)
    kept = len(ids(store))
    assert 1 <= kept < 20  # the first commit survived the interruption
    report = update_index(corpus, store)
    assert len(ids(store)) == 20 and len(report.added) == 20 - kept  # and is not redone


def test_saving_says_how_far_it_is(tmp_path: Path, make_corpus) -> None:
    from zhreader.index import Progress

    root = make_corpus({f"d{n}.txt": doc(n) for n in range(6)})
    corpus = Corpus.open(root)
    events: list[Progress] = []
    update_index(corpus, IndexStore(tmp_path / "ix", corpus.location), events.append, batch_docs=1)
    commits: list[list[Progress]] = [[]]
    for event in events:
        if event.phase == "committed":
            commits.append([])
        elif event.phase in ("commit", "merging", "writing"):
            commits[-1].append(event)
    commits = [steps for steps in commits if steps]
    assert len(commits) == 7  # one a document, then the final one that merges the six
    for steps in commits:
        assert steps[0].phase == "commit"
        writing = [event for event in steps if event.phase == "writing"]
        assert writing and writing[-1].done == writing[-1].total > 0
    merging = [event for event in commits[-1] if event.phase == "merging"]
    assert [(event.done, event.total) for event in merging] == [(n, 6) for n in range(1, 7)]
    assert all(event.phase != "merging" for steps in commits[:-1] for event in steps)
