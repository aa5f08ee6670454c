"""Loading and cleaning documents: discovery, decoding, repair of PDF extraction damage,
structure (blocks, outline, title). Never imports textual or the ``tui`` package.

Names are loaded on first use (PEP 562), so ``import corpus`` stays cheap for the reader's
start-up, which needs only a few of them before its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.lazy import lazy_exports

_EXPORTS = {
    "Corpus": "corpus.discovery",
    "CorpusError": "corpus.discovery",
    "Skipped": "corpus.discovery",
    "SourceFile": "corpus.discovery",
    "Block": "corpus.document",
    "Document": "corpus.document",
    "Kind": "corpus.document",
    "OutlineEntry": "corpus.document",
    "build_document": "corpus.builder",
    "DocumentError": "corpus.loader",
    "Loaded": "corpus.loader",
    "load": "corpus.loader",
    "load_corpus": "corpus.loader",
    "sample_corpus": "corpus.samples",
}

__all__ = [
    "Block",
    "Corpus",
    "CorpusError",
    "Document",
    "DocumentError",
    "Kind",
    "Loaded",
    "OutlineEntry",
    "Skipped",
    "SourceFile",
    "build_document",
    "load",
    "load_corpus",
    "sample_corpus",
]

if TYPE_CHECKING:
    from corpus.builder import build_document
    from corpus.discovery import Corpus, CorpusError, Skipped, SourceFile
    from corpus.document import Block, Document, Kind, OutlineEntry
    from corpus.loader import DocumentError, Loaded, load, load_corpus
    from corpus.samples import sample_corpus

__getattr__ = lazy_exports("corpus", _EXPORTS)
