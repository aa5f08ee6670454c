"""Analysis in worker processes: order, deaths, early stops."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from zhreader.corpus import Corpus
from zhreader.corpus.discovery import SourceFile
from zhreader.index.workers import WorkerDied, analyse_in_workers


def _ours() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("zhreader-analysis")]


@pytest.fixture
def batches(make_corpus) -> list[list[SourceFile]]:
    root = make_corpus({f"d{n:03}.txt": f"第{n}号\n\n呼和浩特第{n}条。\n" for n in range(120)})
    sources = list(Corpus.open(root).scan())
    return [sources[i : i + 2] for i in range(0, len(sources), 2)]


def test_results_come_in_the_order_of_the_batches(batches) -> None:
    out = [[r.doc_id for r in results] for results in analyse_in_workers(batches, 2)]
    assert out == [[s.doc_id for s in batch] for batch in batches]
    assert _ours() == []  # told to end, and gone


def _kill_all() -> None:
    for process in _ours():
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)


def test_a_killed_worker_skips_the_document_it_was_on_and_the_rest_is_analysed(batches) -> None:
    from zhreader.corpus.discovery import Skipped
    from zhreader.index import workers

    run = analyse_in_workers(batches, 2)
    out = [next(run)]
    _kill_all()
    out += list(run)
    assert [[r.doc_id for r in results] for results in out] == [[s.doc_id for s in batch] for batch in batches]
    died = [r for results in out for r in results if isinstance(r, Skipped)]
    assert 1 <= len(died) <= 2 and all(r.reason == workers.DIED for r in died)
    assert _ours() == []


def test_workers_that_keep_dying_end_the_run_with_an_error_not_a_hang(batches, monkeypatch) -> None:
    from zhreader.index import workers

    monkeypatch.setattr(workers, "MAX_DEATHS", 0)
    run = analyse_in_workers(batches, 2)
    next(run)
    _kill_all()
    with pytest.raises(WorkerDied, match="an analysis worker process died"):
        list(run)
    assert _ours() == []


def test_stopping_early_kills_the_workers_at_once(batches) -> None:
    run = analyse_in_workers(batches, 2)
    next(run)
    run.close()
    assert _ours() == []


def test_a_failure_inside_a_worker_is_raised_here(tmp_path: Path) -> None:
    broken = SourceFile(doc_id="x.txt", path=None, size=1, mtime_ns=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        list(analyse_in_workers([[broken]], 1))
    assert _ours() == []


def test_should_stop_cancels_while_waiting_for_a_worker(batches) -> None:
    from zhreader.index import Cancelled

    with pytest.raises(Cancelled):
        list(analyse_in_workers(batches, 2, should_stop=lambda: True))
    assert _ours() == []
