"""The file formats zhreader reads, and which reader reads each.

Every format becomes lines of text for the one repair every document goes through
(``reflow``: line joins, doubled glyphs, structure): plain text as it is, the others as the
same markdown-like text a person would type (``# heading``, table rows of tab-separated
cells, paragraphs apart by a blank line). Paged formats also say on which line each page
starts, so every offset of the display text knows its page.
"""

from __future__ import annotations

from collections.abc import Callable

from zhreader.corpus.extracted import Extracted

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
EPUB_SUFFIXES = frozenset({".epub"})
SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | EPUB_SUFFIXES


def suffix_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def extractor(suffix: str) -> Callable[[bytes], Extracted] | None:
    """The reader for files with ``suffix`` (None for plain text, which the loader decodes)."""
    if suffix in PDF_SUFFIXES:
        from zhreader.corpus.pdf_text import extract_pdf

        return extract_pdf
    if suffix in DOCX_SUFFIXES:
        from zhreader.corpus.docx_text import extract_docx

        return extract_docx
    if suffix in HTML_SUFFIXES:
        from zhreader.corpus.html_text import extract_html

        return extract_html
    if suffix in EPUB_SUFFIXES:
        from zhreader.corpus.epub_text import extract_epub

        return extract_epub
    return None
