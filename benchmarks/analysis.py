"""The analysis views, timed as a user waits for them (issue 13's targets): the
concordance of 的 sorted by the right context up to its first screen of lines, the word
frequencies of a query's documents (with keyness, so the corpus' counts are needed too,
timed on their own), and the collocates of a word.

The peer is the in-memory substring scan: every text already loaded and folded, the hits
found with str.find, the same 16-character sort keys, and the documents' words counted
by segmenting them again with jieba (what zhreader did before it stored counts). Each
figure is the median of RUNS runs after one untimed warm-up, in a child process of its
own (``benchmarks.child``).
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONCORDANCE_QUERY = "的"
WORDS_QUERY = "经济"
COLLOCATES_QUERY = "中国"
SCREEN = 40  # lines a concordance screen shows
TOP = 50
SORT_CHARS = 16  # as index.concordance sorts
RUNS = 3


def _median_seconds(work: Callable[[], object]) -> float:
    work()  # warm-up: the pages of the index in the cache, as they are after a first search
    seconds = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def zhreader_analysis(corpus_path: str, index_dir: str) -> dict[str, Any]:
    from zhreader.corpus import Corpus
    from zhreader.corpus.stopwords import WordFilter
    from zhreader.index import IndexStore, Searcher, collocates, concordance, wordstats

    corpus = Corpus.open(corpus_path)
    searcher = Searcher.open(IndexStore(Path(index_dir), corpus.location))
    order = concordance.Sort.RIGHT

    def concordance_screen() -> int:
        result = searcher.search(CONCORDANCE_QUERY)
        lines = concordance.Concordance(searcher, result, sort=order).view(order)
        return len(lines[:SCREEN])

    counts = wordstats.corpus_counts(searcher)

    def words_of_query() -> int:
        result = searcher.search(WORDS_QUERY)
        subset = wordstats.subset_counts(searcher, result.docs.docnums(), counts)
        return len(wordstats.table(subset, counts, WordFilter(), TOP).rows)

    def collocates_of_query() -> int:
        result = searcher.search(COLLOCATES_QUERY)
        return len(collocates.collocates(searcher, result, counts).rows)

    return {
        "conc_right_s": _median_seconds(concordance_screen),
        "words_corpus_s": _median_seconds(lambda: wordstats.corpus_counts(searcher)),
        "words_query_s": _median_seconds(words_of_query),
        "collocates_s": _median_seconds(collocates_of_query),
    }


def scan_analysis(texts_path: str) -> dict[str, Any]:
    import json

    from zhreader.corpus.textfold import fold
    from zhreader.index.analysis import count_words

    with open(texts_path, encoding="utf-8") as handle:
        texts = [fold(json.loads(line)["text"]) for line in handle]

    def concordance_screen() -> int:
        hits: list[tuple[int, int]] = []
        keys: list[str] = []
        for number, text in enumerate(texts):
            at = text.find(CONCORDANCE_QUERY)
            while at != -1:
                end = at + len(CONCORDANCE_QUERY)
                hits.append((number, at))
                keys.append(text[end : end + SORT_CHARS].partition("\n")[0])
                at = text.find(CONCORDANCE_QUERY, end)
        ordered = sorted(range(len(keys)), key=keys.__getitem__)
        shown = [hits[n] for n in ordered[:SCREEN]]
        return len([texts[doc][max(at - 40, 0) : at + 40] for doc, at in shown])

    def words_of_query() -> int:
        found: Counter[str] = Counter()
        for text in texts:
            if WORDS_QUERY in text:
                found.update(count_words(text))
        return len(found.most_common(TOP))

    return {"conc_right_s": _median_seconds(concordance_screen), "words_query_s": _median_seconds(words_of_query)}
