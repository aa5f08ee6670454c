"""Loading and cleaning documents: discovery, decoding, repair of PDF extraction damage,
structure (blocks, outline, title). Never imports textual or the ``tui`` package.

Names are loaded on first use (PEP 562), so ``import corpus`` stays cheap for the reader's
start-up, which needs only a few of them before its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zhreader.support.lazy import lazy_exports

_EXPORTS = {
    "Corpus": "zhreader.corpus.discovery",
    "CorpusError": "zhreader.corpus.errors",
    "CorpusPathError": "zhreader.corpus.errors",
    "Skipped": "zhreader.corpus.discovery",
    "SourceFile": "zhreader.corpus.discovery",
    "Block": "zhreader.corpus.document",
    "Document": "zhreader.corpus.document",
    "Kind": "zhreader.corpus.document",
    "OutlineEntry": "zhreader.corpus.document",
    "build_document": "zhreader.corpus.builder",
    "DocumentError": "zhreader.corpus.errors",
    "Loaded": "zhreader.corpus.loader",
    "load": "zhreader.corpus.loader",
    "load_corpus": "zhreader.corpus.loader",
    "sample_corpus": "zhreader.corpus.samples",
}

__all__ = [
    "Block",
    "Corpus",
    "CorpusError",
    "CorpusPathError",
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
    from zhreader.corpus.builder import build_document
    from zhreader.corpus.discovery import Corpus, Skipped, SourceFile
    from zhreader.corpus.document import Block, Document, Kind, OutlineEntry
    from zhreader.corpus.errors import CorpusError, CorpusPathError, DocumentError
    from zhreader.corpus.loader import Loaded, load, load_corpus
    from zhreader.corpus.samples import sample_corpus

__getattr__ = lazy_exports(__name__, _EXPORTS)
