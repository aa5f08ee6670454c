"""The measured work, one child process per figure, so that time and memory are its own.

Usage: python -m benchmarks.child TASK JSON-ARGS; prints one JSON line. Tasks build an
index (zhreader, the jieba recipe, SQLite FTS5), answer a query file with one engine
(zhreader, the recipe, FTS5, an in-memory substring scan), analyse, or extract PDFs.

Answering has two passes. The first is timed, as a results screen needs it (the top 20
documents with three snippets each), and memory is read right after it. The second,
untimed, names every matching document; it sends the sorted list only for the queries
whose digest differs from the oracle's, which keeps the output small at x100.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks import analysis
from benchmarks.memory import TreeSampler, own_peak_mb, own_rss_mb

SHOWN_DOCS = 20
SNIPPETS = 3


def digest(ids: list[str]) -> str:
    return hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()


# -- builds ------------------------------------------------------------------------------


def zhreader_build(corpus_path: str, index_dir: str) -> dict[str, Any]:
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, update_index

    corpus = Corpus.open(corpus_path)
    store = IndexStore(Path(index_dir), corpus.location)
    with TreeSampler() as sampler:
        started = time.perf_counter()
        report = update_index(corpus, store)
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "documents": report.documents,
        "changed": len(report.changed),
        "rss_mb": own_peak_mb(),
        "worker_rss_mb": sampler.largest_worker_mb,
        "total_rss_mb": sampler.peak_total_mb,
    }


def _texts(path: str) -> Iterator[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            yield row["id"], row["text"]


def recipe_build(texts_path: str, index_dir: str) -> dict[str, Any]:
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
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_mb": own_peak_mb(), "total_rss_mb": own_peak_mb()}


def fts5_build(texts_path: str, db_path: str) -> dict[str, Any]:
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='trigram')")
    db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", _texts(texts_path))
    db.commit()
    db.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_mb": own_peak_mb(), "total_rss_mb": own_peak_mb()}


# -- engines that answer queries ---------------------------------------------------------

Answer = Callable[[str], None]  # the timed work for one query
Names = Callable[[str], list[str]]  # every matching document's id, untimed


def _zhreader(corpus_path: str, index_dir: str, exact_script: bool = False) -> tuple[Answer, Names]:
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, Searcher

    corpus = Corpus.open(corpus_path)
    searcher = Searcher.open(IndexStore(Path(index_dir), corpus.location))
    names: dict[int, str] = {}

    def answer(query: str) -> None:
        result = searcher.search(query, exact_script=exact_script)
        for doc in result.docs[:SHOWN_DOCS]:
            doc.first_hits(SNIPPETS)

    def matching(query: str) -> list[str]:
        if not names:
            names.update((doc.docnum, doc.doc_id) for doc in searcher.documents())
        return [names[d] for d in searcher.search(query, exact_script=exact_script).docs.docnums()]

    return answer, matching


def _recipe(index_dir: str) -> tuple[Answer, Names]:
    import jieba

    jieba.setLogLevel(60)
    from whoosh import index
    from whoosh.qparser import QueryParser

    ix = index.open_dir(index_dir)
    searcher = ix.searcher()
    parser = QueryParser("content", ix.schema)

    def answer(query: str) -> None:
        results = searcher.search(parser.parse(query), limit=SHOWN_DOCS)
        for hit in results:
            hit.highlights("content", top=SNIPPETS)

    def matching(query: str) -> list[str]:
        return [hit["id"] for hit in searcher.search(parser.parse(query), limit=None)]

    return answer, matching


def _fts5(db_path: str) -> tuple[Answer, Names]:
    db = sqlite3.connect(db_path)

    def expression(query: str) -> str:
        return " ".join('"' + term.replace('"', '""') + '"' for term in query.split())

    def answer(query: str) -> None:
        db.execute(
            "SELECT id, snippet(docs, 1, '[', ']', '…', 12) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
            (expression(query), SHOWN_DOCS),
        ).fetchall()

    def matching(query: str) -> list[str]:
        return [row[0] for row in db.execute("SELECT id FROM docs WHERE docs MATCH ?", (expression(query),))]

    return answer, matching


def _scan(texts_path: str) -> tuple[Answer, Names]:
    """Every text in memory, folded as zhreader folds (the documented folding); a query
    is a scan for each of its terms. Its answers are the oracle."""
    from zhreader.corpus.textfold import fold

    texts = [(doc_id, fold(text)) for doc_id, text in _texts(texts_path)]

    def found(query: str) -> Iterator[tuple[str, str]]:
        terms = [fold(term) for term in query.split()]
        return ((doc_id, text) for doc_id, text in texts if all(term in text for term in terms))

    def answer(query: str) -> None:
        first = fold(query.split()[0])
        for n, (_doc_id, text) in enumerate(found(query)):
            if n < SHOWN_DOCS:
                at = -1
                for _ in range(SNIPPETS):
                    at = text.find(first, at + 1)
                    if at < 0:
                        break
                    text[max(0, at - 12) : at + 12]
        # the scan goes on to the end: the total count is part of the answer

    def matching(query: str) -> list[str]:
        return [doc_id for doc_id, _ in found(query)]

    return answer, matching


ENGINES: dict[str, Callable[..., tuple[Answer, Names]]] = {
    "zhreader": _zhreader,
    "recipe": _recipe,
    "fts5": _fts5,
    "scan": _scan,
}


def answer_queries(engine: str, engine_args: list[Any], queries_path: str, oracle_path: str | None) -> dict[str, Any]:
    queries: list[str] = json.loads(Path(queries_path).read_text("utf-8"))
    oracle: list[str] | None = json.loads(Path(oracle_path).read_text("utf-8")) if oracle_path else None
    started = time.perf_counter()
    answer, matching = ENGINES[engine](*engine_args)
    opened = time.perf_counter() - started
    rss_open = own_rss_mb()
    answer(queries[0])  # caches warm, as in a running app
    latencies = []
    for query in queries:
        started = time.perf_counter()
        answer(query)
        latencies.append(time.perf_counter() - started)
    out: dict[str, Any] = {
        "open_s": opened,
        "open_rss_mb": rss_open,
        "rss_mb": own_rss_mb(),
        "peak_mb": own_peak_mb(),
        "latencies": latencies,
        "counts": [],
        "digests": [],
        "differing": {},
    }
    for n, query in enumerate(queries):
        ids = matching(query)
        out["counts"].append(len(ids))
        out["digests"].append(digest(ids))
        if oracle is not None and out["digests"][-1] != oracle[n]:
            out["differing"][str(n)] = sorted(ids)
    return out


def name_matches(engine: str, engine_args: list[Any], queries_path: str, indices: list[int]) -> dict[str, Any]:
    """Every matching document of the chosen queries (the oracle's side of a difference)."""
    queries: list[str] = json.loads(Path(queries_path).read_text("utf-8"))
    _answer, matching = ENGINES[engine](*engine_args)
    return {str(n): sorted(matching(queries[n])) for n in indices}


def pdf_extraction(pdf_root: str) -> dict[str, Any]:
    # Imported here: pdfs imports the parent's side (engines), which imports this module.
    from benchmarks import pdfs

    return pdfs.zhreader_extraction(pdf_root)


def main() -> None:
    task, raw = sys.argv[1], sys.argv[2]
    args = json.loads(raw)
    tasks: dict[str, Callable[..., dict[str, Any]]] = {
        "zhreader-build": zhreader_build,
        "recipe-build": recipe_build,
        "fts5-build": fts5_build,
        "queries": answer_queries,
        "names": name_matches,
        "zhreader-analysis": analysis.zhreader_analysis,
        "scan-analysis": analysis.scan_analysis,
        "pdf-extraction": pdf_extraction,
    }
    print(json.dumps(tasks[task](*args)))


if __name__ == "__main__":
    main()
