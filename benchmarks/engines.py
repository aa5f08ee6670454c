"""The engines under test, as the parent sees them: each builds in a child process and
answers the query file in another (see child.py), except ripgrep, which is a command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.child import digest

REPO = Path(__file__).resolve().parent.parent


def run_child(task: str, *args: Any, env: dict[str, str] | None = None) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", task, json.dumps(list(args))],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})},
    )
    if out.returncode != 0:
        raise SystemExit(f"benchmark child {task} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def fast_segmenter_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("jieba_fast_dat") is not None


class Engine:
    name = ""
    oracle = False  # its answers define the expected ones
    builds = True

    def build(self) -> dict[str, Any]:
        raise NotImplementedError

    def query_args(self) -> tuple[str, list[Any], dict[str, str] | None]:
        raise NotImplementedError

    def answer(self, queries_path: Path, oracle_path: Path | None) -> dict[str, Any]:
        engine, args, env = self.query_args()
        return run_child("queries", engine, args, str(queries_path), str(oracle_path) if oracle_path else None, env=env)

    def names(self, queries_path: Path, indices: list[int]) -> dict[str, list[str]]:
        engine, args, env = self.query_args()
        return run_child("names", engine, args, str(queries_path), indices, env=env)


class Zhreader(Engine):
    """zhreader with one segmenter: ``jieba`` (a plain install) or ``fast`` (zhreader[fast])."""

    def __init__(self, corpus_path: Path, work: Path, segmenter: str = "jieba", exact_script: bool = False) -> None:
        self.name = "zhreader" if segmenter == "jieba" else "zhreader [fast]"
        if exact_script:
            self.name += " (exact script)"
        self.corpus_path = corpus_path
        self.index_dir = work / f"zhreader-index-{segmenter}"
        self.env = {"ZHREADER_SEGMENTER": segmenter}
        self.exact_script = exact_script

    def build(self) -> dict[str, Any]:
        shutil.rmtree(self.index_dir, ignore_errors=True)
        stats = self.reindex()
        stats["size_mb"] = folder_size(self.index_dir) / 1e6
        return stats

    def reindex(self) -> dict[str, Any]:
        return run_child("zhreader-build", str(self.corpus_path), str(self.index_dir), env=self.env)

    def query_args(self) -> tuple[str, list[Any], dict[str, str] | None]:
        return "zhreader", [str(self.corpus_path), str(self.index_dir), self.exact_script], self.env

    def texts(self, path: Path) -> None:
        """Write the display texts (what every other engine indexes) as JSON Lines."""
        from zhreader.corpus import Corpus
        from zhreader.index import IndexStore, Searcher

        os.environ.update(self.env)
        corpus = Corpus.open(self.corpus_path)
        with Searcher.open(IndexStore(self.index_dir, corpus.location)) as searcher, path.open("w") as out:
            for doc in searcher.documents():
                row = {"id": doc.doc_id, "text": searcher.text(doc.docnum)}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")

    def cold_search(self, query: str, runs: int = 3) -> float:
        """A whole `zhreader search` command, Python start-up included (median)."""
        command = [str(Path(sys.executable).parent / "zhreader"), "search", query, "--corpus", str(self.corpus_path)]
        command += ["--index-dir", str(self.index_dir), "--limit", "20"]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, env={**os.environ, **self.env}, check=False)
            times.append(time.perf_counter() - started)
        return sorted(times)[len(times) // 2]


class Recipe(Engine):
    """jieba's ChineseAnalyzer in a Whoosh TEXT field, queried through QueryParser."""

    name = "jieba recipe"

    def __init__(self, texts_path: Path, work: Path) -> None:
        self.texts_path = texts_path
        self.index_dir = work / "recipe-index"

    def build(self) -> dict[str, Any]:
        shutil.rmtree(self.index_dir, ignore_errors=True)
        stats = run_child("recipe-build", str(self.texts_path), str(self.index_dir))
        stats["size_mb"] = folder_size(self.index_dir) / 1e6
        return stats

    def query_args(self) -> tuple[str, list[Any], dict[str, str] | None]:
        return "recipe", [str(self.index_dir)], None


class Fts5(Engine):
    """SQLite FTS5 with the trigram tokenizer (Python's standard library)."""

    name = "SQLite FTS5"

    def __init__(self, texts_path: Path, work: Path) -> None:
        self.texts_path = texts_path
        self.db_path = work / "fts5.db"

    def build(self) -> dict[str, Any]:
        self.db_path.unlink(missing_ok=True)
        stats = run_child("fts5-build", str(self.texts_path), str(self.db_path))
        stats["size_mb"] = folder_size(self.db_path) / 1e6
        return stats

    def query_args(self) -> tuple[str, list[Any], dict[str, str] | None]:
        return "fts5", [str(self.db_path)], None


class Scan(Engine):
    """Every display text in memory, folded; a query scans them all. The oracle."""

    name = "substring scan"
    oracle = True
    builds = False

    def __init__(self, texts_path: Path) -> None:
        self.texts_path = texts_path

    def query_args(self) -> tuple[str, list[Any], dict[str, str] | None]:
        return "scan", [str(self.texts_path)], None


def _pieces(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class Ripgrep(Engine):
    """ripgrep over the files, one command per term: `rg -l a | xargs rg -l b`. It
    searches the files as they are: no line repair, no folding."""

    name = "ripgrep"
    builds = False

    def __init__(self, corpus_path: Path) -> None:
        self.corpus_path = corpus_path
        self.exe = shutil.which("rg")

    @property
    def available(self) -> bool:
        return self.exe is not None

    def _files(self, query: str) -> list[str]:
        assert self.exe is not None
        files: list[str] | None = None
        for term in query.split():
            command = [self.exe, "-l", "-F", "--no-messages", "-e", term]
            # xargs' way: file lists in pieces the kernel accepts as arguments
            step = 2000
            pieces = (
                [[str(self.corpus_path)]]
                if files is None
                else [files[i : i + step] for i in range(0, len(files), step)]
            )
            found: list[str] = []
            for piece in pieces:
                out = subprocess.run([*command, *piece], capture_output=True, text=True)
                found += [line for line in out.stdout.splitlines() if line]
            files = found
            if not files:
                break
        return files or []

    def answer(self, queries_path: Path, oracle_path: Path | None) -> dict[str, Any]:
        queries: list[str] = json.loads(queries_path.read_text("utf-8"))
        oracle = json.loads(oracle_path.read_text("utf-8")) if oracle_path else None
        root = str(self.corpus_path) + os.sep
        latencies, counts, digests, differing = [], [], [], {}
        for n, query in enumerate(queries):
            started = time.perf_counter()
            files = self._files(query)
            latencies.append(time.perf_counter() - started)
            ids = [path.removeprefix(root) for path in files]
            counts.append(len(ids))
            digests.append(digest(ids))
            if oracle is not None and digests[-1] != oracle[n]:
                differing[str(n)] = sorted(ids)
        return {"latencies": latencies, "counts": counts, "digests": digests, "differing": differing}
