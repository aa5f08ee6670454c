"""Read one source file into a ``Document``, or say in one line why it cannot be read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from zhreader.corpus.builder import build_document
from zhreader.corpus.decoding import decode
from zhreader.corpus.discovery import Corpus, Skipped, SourceFile, max_bytes, os_reason
from zhreader.corpus.document import Document
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import Extracted
from zhreader.corpus.formats import extractor, suffix_of
from zhreader.corpus.reflow import WordBreaks
from zhreader.corpus.wordbreaks import JiebaWordBreaks
from zhreader.support import atomic


@dataclass(frozen=True, slots=True)
class Loaded:
    source: SourceFile
    document: Document
    content_hash: str  # of the file's bytes, to tell a touched file from a changed one
    repair: str = ""  # what was repaired to read it at all ("" when nothing was)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_bytes(source: SourceFile) -> bytes:
    limit = max_bytes(source.doc_id)
    try:
        data = atomic.read_bytes(Path(source.path), limit)
    except atomic.NotARegularFile:
        raise DocumentError("not a regular file (it changed after the folder was read)") from None
    except OSError as err:
        raise DocumentError(os_reason(err)) from None
    if len(data) > limit:
        raise DocumentError("grew too large while being read")
    return data


def document_from_bytes(doc_id: str, data: bytes, breaks: WordBreaks | None = None) -> tuple[Document, str]:
    """The document, and what was repaired to read it ("" when nothing was)."""
    decoded = decode(data)
    document = build_document(doc_id, decoded.text, breaks or JiebaWordBreaks(), decoded.encoding)
    if not document.text.strip():
        raise DocumentError("empty file (only whitespace)")
    repair = ""
    if decoded.damaged:
        plural = "s" if decoded.damaged != 1 else ""
        repair = f"{decoded.damaged} damaged byte sequence{plural} shown as \ufffd"
    return document, repair


def document_from_extracted(doc_id: str, extracted: Extracted, breaks: WordBreaks | None = None) -> Document:
    document = build_document(
        doc_id,
        extracted.text,
        breaks or JiebaWordBreaks(),
        extracted.encoding,
        pages=extracted.pages,
        marked_paragraphs=extracted.marked_paragraphs,
    )
    if not document.text.strip():
        raise DocumentError("no text in it")
    return document


def load(source: SourceFile, breaks: WordBreaks | None = None) -> Loaded:
    data = read_bytes(source)
    # A one-file corpus is read as text whatever its name says (a .log, a .csv).
    read = extractor(suffix_of(source.doc_id))
    if read is None:
        if data.startswith(b"%PDF-"):
            # Read as text it would be its PDF source, page streams and all; read as a PDF
            # here it would escape the worker process PDFs are read in (see the indexer).
            raise DocumentError("a PDF under a text file's name: rename it to .pdf to read it")
        document, repair = document_from_bytes(source.doc_id, data, breaks)
    else:
        extracted = read(data)
        document, repair = document_from_extracted(source.doc_id, extracted, breaks), extracted.repair
    return Loaded(source, document, content_hash(data), repair)


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
