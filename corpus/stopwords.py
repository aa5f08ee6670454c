"""Which words a frequency or collocate table leaves out: Chinese function words (a small
list written for zhreader, ``corpus/data/stopwords.txt``) and pure numbers.

Words compare folded (``corpus.textfold.fold``), as the index stores them, so 這些 is the
stop-word 这些. Punctuation never gets this far: the index's words hold a letter, a digit
or an ideograph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from zhreader.corpus.textfold import fold

# Digits of any script (folded: full-width ones are ASCII already) with the signs jieba
# keeps inside a number (1998, 3.5%, 1,000, -2): a count, not a word.
_NUMBER = re.compile(r"[\d.,%+\-]+")


@cache
def stopwords() -> frozenset[str]:
    text = (files("zhreader.corpus") / "data" / "stopwords.txt").read_text("utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_number(word: str) -> bool:
    return _NUMBER.fullmatch(word) is not None and any(c.isdigit() for c in word)


@dataclass(frozen=True, slots=True)
class WordFilter:
    """What to leave out of a table: stop-words (on by default), numbers (unless all)."""

    stopwords: bool = True
    numbers: bool = True

    def keeps(self, word: str) -> bool:
        if self.numbers and is_number(word):
            return False
        return not (self.stopwords and word in stopwords())
