"""Loading and cleaning documents: discovery, decoding, repair of PDF extraction damage,
structure (blocks, outline, title). Never imports textual or the ``tui`` package."""

from corpus.discovery import Corpus, CorpusError, Skipped, SourceFile
from corpus.document import Block, Document, Kind, OutlineEntry, build_document
from corpus.loader import DocumentError, Loaded, load, load_corpus
from corpus.samples import sample_corpus

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
