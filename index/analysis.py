"""Turn one source file into everything the index stores about it.

Runs in worker processes during big builds, so it takes a ``SourceFile`` and returns a
plain picklable record.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from zhreader.corpus import words
from zhreader.corpus.discovery import Skipped, SourceFile
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.loader import load
from zhreader.corpus.textfold import fold
from zhreader.corpus.wordbreaks import JiebaWordBreaks
from zhreader.index.grams import grams

_BREAKS = JiebaWordBreaks()
# Tokens without a letter, digit or ideograph (punctuation, spaces) carry no ranking
# signal and would only add postings.
_WORDLIKE = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Analyzed:
    doc_id: str
    size: int
    mtime_ns: int
    content_hash: str
    encoding: str
    text: str
    folded: str  # the display text folded for matching (script-blind)
    blocks_json: str
    pages_json: str  # where each source page starts ("" for unpaged sources)
    title_span: tuple[int, int]
    title: str
    grams: dict[str, int]
    title_grams: dict[str, int]
    path_grams: dict[str, int]
    word_counts: dict[str, int]
    repair: str = ""  # what was repaired to read the file at all

    def meta(self) -> dict[str, object]:
        return {
            "title": self.title,
            "title_span": list(self.title_span),
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "hash": self.content_hash,
            "encoding": self.encoding,
            "length": len(self.text),
        }


def index_words(folded: str) -> Iterator[str]:
    """The words the index counts in a folded text, in order (word tables use them too)."""
    # Single characters are left out: every one of them is found by the grams, the word
    # index only has to tell whole words apart, and they would be 40% of its postings.
    # The folded text is simplified Chinese, which is what jieba's dictionary knows.
    return (token for token in words.cut_for_index(folded) if len(token) > 1 and _WORDLIKE.search(token))


def count_words(folded: str) -> dict[str, int]:
    return dict(Counter(index_words(folded)))


def analyze(source: SourceFile) -> Analyzed | Skipped:
    try:
        loaded = load(source, _BREAKS)
    except DocumentError as err:
        return Skipped(source.doc_id, str(err))
    document = loaded.document
    folded = fold(document.text)
    start, end = document.title_span
    return Analyzed(
        doc_id=source.doc_id,
        size=source.size,
        mtime_ns=source.mtime_ns,
        content_hash=loaded.content_hash,
        encoding=document.encoding,
        text=document.text,
        folded=folded,
        blocks_json=document.blocks_json(),
        pages_json=document.pages_json() if document.pages else "",
        title_span=document.title_span,
        title=document.title,
        grams=dict(grams(folded)),
        title_grams=dict(grams(fold(document.text[start:end]))),
        path_grams=dict(grams(fold(source.doc_id))),
        word_counts=count_words(folded),
        repair=loaded.repair,
    )
