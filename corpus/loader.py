"""Read one source file into a ``Document``, or say in one line why it cannot be read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from zhreader.corpus.builder import build_document
from zhreader.corpus.decoding import decode
from zhreader.corpus.discovery import MAX_BYTES, Corpus, Skipped, SourceFile, _os_reason
from zhreader.corpus.document import Document
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.reflow import WordBreaks
from zhreader.corpus.wordbreaks import JiebaWordBreaks


@dataclass(frozen=True, slots=True)
class Loaded:
    source: SourceFile
    document: Document
    content_hash: str  # of the file's bytes, to tell a touched file from a changed one


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_bytes(source: SourceFile) -> bytes:
    try:
        with open(source.path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise DocumentError(_os_reason(err)) from None
    if len(data) > MAX_BYTES:
        raise DocumentError("grew too large while being read")
    return data


def document_from_bytes(doc_id: str, data: bytes, breaks: WordBreaks | None = None) -> Document:
    decoded = decode(data)
    document = build_document(doc_id, decoded.text, breaks or JiebaWordBreaks(), decoded.encoding)
    if not document.text.strip():
        raise DocumentError("empty file (only whitespace)")
    return document


def load(source: SourceFile, breaks: WordBreaks | None = None) -> Loaded:
    data = read_bytes(source)
    return Loaded(source, document_from_bytes(source.doc_id, data, breaks), content_hash(data))


def load_corpus(corpus: Corpus, breaks: WordBreaks | None = None) -> Iterator[Loaded | Skipped]:
    """Every document of the corpus, in id order; unreadable files as ``Skipped``."""
    breaks = breaks or JiebaWordBreaks()
    for item in corpus.scan():
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield load(item, breaks)
        except DocumentError as err:
            yield Skipped(item.doc_id, str(err))
