"""The engines under test, each answering the same queries."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SHOWN_DOCS = 20  # what a results screen shows: the top documents with a few snippets
SNIPPETS = 3


def run_child(*args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.child", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def fast_segmenter_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("jieba_fast_dat") is not None


class Zhreader:
    """zhreader with one segmenter: ``jieba`` (a plain install) or ``fast`` (zhreader[fast])."""

    def __init__(self, corpus_path: Path, work: Path, segmenter: str = "jieba") -> None:
        self.name = "zhreader" if segmenter == "jieba" else "zhreader [fast]"
        self.corpus_path = corpus_path
        self.index_dir = work / f"zhreader-index-{segmenter}"
        self.env = {"ZHREADER_SEGMENTER": segmenter}
        self.searcher = None

    def build(self) -> dict[str, float]:
        shutil.rmtree(self.index_dir, ignore_errors=True)
        stats = run_child("zhreader", str(self.corpus_path), str(self.index_dir), env=self.env)
        stats["size_mb"] = folder_size(self.index_dir) / 1e6
        return stats

    def reindex(self) -> dict[str, float]:
        return run_child("zhreader", str(self.corpus_path), str(self.index_dir), env=self.env)

    def open(self):
        from zhreader.corpus import Corpus, words
        from zhreader.index import IndexStore, Searcher

        # The index records its segmenter; this process must name the same one to open it.
        os.environ.update(self.env)
        words.reset()
        corpus = Corpus.open(self.corpus_path)
        self.searcher = Searcher.open(IndexStore(self.index_dir, corpus.location))
        return self.searcher

    def texts(self) -> dict[str, str]:
        return {doc.doc_id: self.searcher.text(doc.docnum) for doc in self.searcher.documents()}

    def query(self, query: str) -> tuple[set[str], float]:
        started = time.perf_counter()
        result = self.searcher.search(query)
        for doc in result.docs[:SHOWN_DOCS]:
            doc.first_hits(SNIPPETS)
        elapsed = time.perf_counter() - started
        # Outside the timing: naming every matching document reads each one's stored fields.
        return {doc.doc_id for doc in result.docs}, elapsed


class Recipe:
    """jieba's ChineseAnalyzer in a Whoosh TEXT field, queried through QueryParser."""

    name = "jieba recipe"

    def __init__(self, texts_path: Path, work: Path) -> None:
        self.texts_path = texts_path
        self.index_dir = work / "recipe-index"

    def build(self) -> dict[str, float]:
        shutil.rmtree(self.index_dir, ignore_errors=True)
        stats = run_child("recipe", str(self.texts_path), str(self.index_dir))
        stats["size_mb"] = folder_size(self.index_dir) / 1e6
        return stats

    def open(self) -> None:
        import jieba

        jieba.setLogLevel(60)
        from whoosh import index
        from whoosh.qparser import QueryParser

        self.ix = index.open_dir(str(self.index_dir))
        self.searcher_ = self.ix.searcher()
        self.parser = QueryParser("content", self.ix.schema)

    def query(self, query: str) -> tuple[set[str], float]:
        started = time.perf_counter()
        results = self.searcher_.search(self.parser.parse(query), limit=None)
        for hit in results[:SHOWN_DOCS]:
            hit.highlights("content", top=SNIPPETS)
        elapsed = time.perf_counter() - started
        return {hit["id"] for hit in results}, elapsed


class Fts5:
    """SQLite FTS5 with the trigram tokenizer (Python's standard library)."""

    name = "SQLite FTS5"

    def __init__(self, texts_path: Path, work: Path) -> None:
        self.texts_path = texts_path
        self.db_path = work / "fts5.db"

    def build(self) -> dict[str, float]:
        self.db_path.unlink(missing_ok=True)
        stats = run_child("fts5", str(self.texts_path), str(self.db_path))
        stats["size_mb"] = folder_size(self.db_path) / 1e6
        return stats

    def open(self) -> None:
        self.db = sqlite3.connect(self.db_path)

    def query(self, query: str) -> tuple[set[str], float]:
        started = time.perf_counter()
        phrase = '"' + query.replace('"', '""') + '"'
        rows = self.db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank", (phrase,)).fetchall()
        self.db.execute(
            "SELECT snippet(docs, 1, '[', ']', '…', 12) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
            (phrase, SHOWN_DOCS),
        ).fetchall()
        elapsed = time.perf_counter() - started
        return {row[0] for row in rows}, elapsed


class Ripgrep:
    name = "ripgrep"

    def __init__(self, corpus_path: Path) -> None:
        self.corpus_path = corpus_path
        self.exe = shutil.which("rg")

    @property
    def available(self) -> bool:
        return self.exe is not None

    def open(self) -> None:
        pass

    def query(self, query: str) -> tuple[set[str], float]:
        started = time.perf_counter()
        out = subprocess.run(
            [self.exe, "-l", "-F", "--no-messages", "-e", query, str(self.corpus_path)],
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - started
        root = str(self.corpus_path) + os.sep
        return {line.removeprefix(root) for line in out.stdout.splitlines() if line}, elapsed
