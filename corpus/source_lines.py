"""Where a paragraph of the display text is in its source file: the line an editor opens.

The display text is repaired (lines of a paragraph joined, indentation, Markdown marks and
control characters gone or shown as symbols), so offsets do not carry over to the file.
Both are reduced to a skeleton — letters and digits only, folded for width, case and
Kangxi radicals (never for script: the file has the script the document has) — where a
paragraph's first characters are found again. A paragraph repeated in the document is
told apart by how many times its beginning occurred before it.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from zhreader.corpus.decoding import decode
from zhreader.corpus.discovery import Corpus, SourceFile
from zhreader.corpus.document import Document
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.formats import extractor, suffix_of
from zhreader.corpus.loader import read_bytes
from zhreader.corpus.textfold import fold

# Letters and digits of any script (\w without the underscore) are the skeleton.
_NOT_SKELETON = re.compile(r"[\W_]+")
# Skeleton characters of a paragraph's beginning that are looked for.
KEY_CHARS = 16
# How many paragraphs back the search goes when one cannot be found (rewritten on disk,
# only punctuation): the line of one just above is the next best place.
LOOK_BACK = 20


def read_source(corpus: Corpus, doc_id: str) -> tuple[Path, SourceLines]:
    """The file of ``doc_id`` and its lines, decoded as the index decodes it; a one-line
    ``DocumentError`` when it is gone, unreadable or not a text file."""
    path = corpus.path_of(doc_id)
    if path is None:
        raise DocumentError(f"{doc_id} is not a file of the corpus")
    if extractor(suffix_of(doc_id)) is not None:
        kind = suffix_of(doc_id).lstrip(".").upper()
        raise DocumentError(f"{doc_id} is not a text file ({kind}): only text files open in an editor")
    data = read_bytes(SourceFile(doc_id, str(path), 0, 0))
    return path, SourceLines(decode(data).text)


def skeleton(text: str) -> str:
    return _NOT_SKELETON.sub("", fold(text, exact_script=True))


class SourceLines:
    """A source file's text, ready to answer "which line holds this paragraph"."""

    def __init__(self, source: str) -> None:
        lines = source.split("\n")
        if len(lines) == 1 and "\r" in source:
            lines = source.split("\r")  # old Mac line ends: editors count these lines
        pieces = [skeleton(line) for line in lines]
        self._starts: list[int] = []  # skeleton offset where each line starts
        total = 0
        for piece in pieces:
            self._starts.append(total)
            total += len(piece)
        self._skeleton = "".join(pieces)

    def line_of(self, document: Document, block: int) -> int | None:
        """The 1-based line where paragraph ``block`` of ``document`` starts in the file;
        failing that, where one of the paragraphs just above it starts (None: neither)."""
        blocks = document.blocks
        for index in range(min(block, len(blocks) - 1), max(block - LOOK_BACK, -1), -1):
            line = self._find(document, index)
            if line is not None:
                return line
        return None

    def _find(self, document: Document, block: int) -> int | None:
        span = document.blocks[block]
        key = skeleton(document.text[span.start : span.end])[:KEY_CHARS]
        if not key:
            return None
        before = skeleton(document.text[: span.start])
        # The beginning may occur earlier in the document (a repeated paragraph, a title
        # quoted in the text): the file is taken to hold the same number before it.
        shown = before + key
        earlier = _count(shown, key, len(before))
        place, seen = self._skeleton.find(key), 0
        if place < 0:
            return None
        while seen < earlier:
            following = self._skeleton.find(key, place + 1)
            if following < 0:
                break  # fewer in the file: the last one is the nearest guess
            place, seen = following, seen + 1
        return bisect.bisect_right(self._starts, place)


def _count(text: str, key: str, before: int) -> int:
    """How many occurrences of ``key`` (overlapping ones too) start before ``before``."""
    count, place = 0, text.find(key)
    while 0 <= place < before:
        count += 1
        place = text.find(key, place + 1)
    return count
