"""Builds run in a child process each, so time and peak memory are the build's own.

Usage: python -m benchmarks.child ENGINE ARGS…; prints one JSON line.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time
from pathlib import Path


def _rss() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": own, "worker_rss_mb": workers}


def zhreader_update(corpus_path: str, index_dir: str) -> dict[str, object]:
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, update_index

    corpus = Corpus.open(corpus_path)
    store = IndexStore(Path(index_dir), corpus.location)
    started = time.perf_counter()
    report = update_index(corpus, store)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "documents": report.documents, "changed": len(report.changed), **_rss()}


def _texts(path: str):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            yield row["id"], row["text"]


def recipe_build(texts_path: str, index_dir: str) -> dict[str, object]:
    """jieba's documented recipe: ChineseAnalyzer in a Whoosh TEXT field."""
    import jieba

    jieba.setLogLevel(60)
    from jieba.analyse import ChineseAnalyzer
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema

    Path(index_dir).mkdir(parents=True, exist_ok=True)
    schema = Schema(id=ID(stored=True, unique=True), content=TEXT(analyzer=ChineseAnalyzer(), stored=True))
    started = time.perf_counter()
    ix = index.create_in(index_dir, schema)
    writer = ix.writer(limitmb=128)
    for doc_id, text in _texts(texts_path):
        writer.add_document(id=doc_id, content=text)
    writer.commit()
    return {"seconds": time.perf_counter() - started, **_rss()}


def fts5_build(texts_path: str, db_path: str) -> dict[str, object]:
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='trigram')")
    db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", _texts(texts_path))
    db.commit()
    db.close()
    return {"seconds": time.perf_counter() - started, **_rss()}


def main() -> None:
    engine, *args = sys.argv[1:]
    result = {"zhreader": zhreader_update, "recipe": recipe_build, "fts5": fts5_build}[engine](*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
