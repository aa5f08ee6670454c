"""Chinese word segmentation, loaded lazily, quietly and once per process.

Two backends share jieba's dictionary: jieba itself (always installed), and
jieba-fast-dat when it is installed (``pip install 'zhreader[fast]'``), a C++ port that
segments about eight times faster and loads its cached dictionary in 20 ms instead of a
second. ``ZHREADER_SEGMENTER`` picks one: ``auto`` (the default: the fast one when it
is installed), ``jieba`` or ``fast``.

What the backend may change is ranking only:

* ``cut_for_index`` (word counts for BM25) uses the backend's own fastest cut. The C++
  port breaks exact ties between two routes differently from jieba ("买买买"), so the
  counts can differ in such places.
* ``cut`` is jieba's algorithm exactly, whatever the backend: the display text (and so
  every offset, note and match) depends on it through the line-joining oracle. With the
  fast backend it is recomputed here from the port's word graph, which is the same as
  jieba's for the same dictionary (tests compare them on People's Daily).

Nothing imports a segmenter until a caller really needs words; caches go to
zhreader's cache directory.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import logging
import math
import os
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from zhreader.corpus.errors import SegmenterError
from zhreader.support import atomic, paths

ENV = "ZHREADER_SEGMENTER"
JIEBA = "jieba"
FAST = "jieba-fast-dat"
_CHOICES = {"": None, "auto": None, "jieba": JIEBA, "fast": FAST, "jieba-fast-dat": FAST, "jieba_fast_dat": FAST}


@functools.cache
def backend() -> str:
    """The distribution that segments in this process: ``jieba`` or ``jieba-fast-dat``."""
    raw = os.environ.get(ENV, "")
    try:
        wanted = _CHOICES[raw.strip().lower()]
    except KeyError:
        raise SegmenterError(f"{ENV} must be auto, jieba or fast, not {raw!r}") from None
    if wanted == JIEBA:
        return JIEBA
    if importlib.util.find_spec("jieba_fast_dat") is not None:
        return FAST
    if wanted == FAST:
        raise SegmenterError(f"{ENV}=fast, but jieba-fast-dat is not installed (pip install 'zhreader[fast]')")
    return JIEBA


@functools.cache
def segmenter_id() -> str:
    """Names the segmenter and its dictionary; an index records it, and an index made
    with another one is rebuilt (its word counts would not match new documents')."""
    jieba = f"jieba {_version('jieba')}"
    if backend() == FAST:
        return f"{FAST} {_version(FAST)} with the {jieba} dictionary"
    return jieba


def _version(distribution: str) -> str:
    # importlib.metadata costs tens of milliseconds to import; the reader's first frame
    # only needs backend(), so it is imported when a version is first asked for.
    import importlib.metadata

    return importlib.metadata.version(distribution)


# jieba's own patterns (accurate mode): runs of these are segmented, the rest is
# split into single characters, whitespace kept whole.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]")


class _Jieba:
    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        cache = paths.cache_dir()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache)
        except OSError:
            pass  # jieba falls back to the system temp directory
        tokenizer.initialize()
        self._tokenizer = tokenizer

    def cut(self, text: str) -> list[str]:
        found: list[str] = self._tokenizer.lcut(text, HMM=False)
        return found

    def cut_for_index(self, text: str) -> Iterable[str]:
        found: Iterable[str] = self._tokenizer.cut(text, HMM=False)
        return found

    def route(self, block: str) -> dict[int, tuple[float, int]]:
        tokenizer = self._tokenizer
        return _route(block, tokenizer.get_DAG(block), tokenizer.FREQ.get, math.log(tokenizer.total))


def _route(
    block: str, graph: dict[int, list[int]], freq: Callable[[str], int | None], log_total: float
) -> dict[int, tuple[float, int]]:
    """jieba's route: the most probable path through the word graph (log probability
    from each position, and where its first word ends), ties going to the longer word."""
    n = len(block)
    route: dict[int, tuple[float, int]] = {n: (0.0, 0)}
    for i in range(n - 1, -1, -1):
        route[i] = max((math.log(freq(block[i : x + 1]) or 1) - log_total + route[x + 1][0], x) for x in graph[i])
    return route


def _jieba_dictionary() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SegmenterError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _dictionary_total(dictionary: Path, key: str) -> int:
    """The sum of the dictionary's frequencies as jieba counts it (a word listed twice
    counts twice); the port counts it differently, and every route score depends on it."""
    sidecar = paths.cache_dir() / f"{key}.total"
    try:
        return int(sidecar.read_text("ascii"))
    except (OSError, ValueError):
        pass
    total = 0
    with open(dictionary, "rb") as handle:
        for line in handle:
            parts = line.strip().split(b" ")
            if len(parts) >= 2:
                total += int(parts[1])
    with contextlib.suppress(OSError):  # else recomputed next time (0.2 s)
        atomic.write_text(sidecar, str(total))
    return total


class _Fast:
    def __init__(self) -> None:
        import jieba_fast_dat

        # Its cache messages are no concern of the user's and would land on the screen.
        jieba_fast_dat.setLogLevel(logging.CRITICAL)
        dictionary = _jieba_dictionary()
        st = dictionary.stat()
        key = f"jieba-fast-dat-{_version(FAST)}-{st.st_size}-{st.st_mtime_ns}"
        tokenizer = jieba_fast_dat.Tokenizer(dictionary=str(dictionary))
        cache = paths.cache_dir() / f"{key}.dat"
        if cache.is_file():
            tokenizer.cache_file = str(cache)
            tokenizer.initialize()
        else:
            self._build(tokenizer, cache)
        self._total = _dictionary_total(dictionary, key)
        tokenizer.total = float(self._total)
        self._tokenizer = tokenizer
        self._log_total = math.log(self._total)

    @staticmethod
    def _build(tokenizer: Any, cache: Path) -> None:
        # The port writes its cache in place; two worker processes building at once
        # must not read each other's half-written file, so each writes its own and
        # renames it.
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        with contextlib.suppress(OSError):  # then the port builds without saving
            cache.parent.mkdir(parents=True, exist_ok=True)
        tokenizer.cache_file = str(tmp)
        tokenizer.initialize()
        try:
            os.replace(tmp, cache)
        except OSError:
            tmp.unlink(missing_ok=True)

    def cut_for_index(self, text: str) -> Iterable[str]:
        found: list[str] = self._tokenizer.lcut(text, HMM=False)
        return found

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        for block in _RE_HAN.split(text):
            if not block:
                continue
            if _RE_HAN.match(block):
                out.extend(self._cut_block(block))
                continue
            for piece in _RE_SKIP.split(block):
                if _RE_SKIP.match(piece):
                    out.append(piece)
                else:
                    out.extend(piece)
        return out

    def route(self, block: str) -> dict[int, tuple[float, int]]:
        return _route(block, self._tokenizer.get_DAG(block), self._tokenizer.get_freq, self._log_total)

    def _cut_block(self, block: str) -> list[str]:
        # jieba's route, then runs of single Latin letters and digits rejoined.
        route = self.route(block)
        n = len(block)
        words: list[str] = []
        latin = ""
        i = 0
        while i < n:
            end = route[i][1] + 1
            word = block[i:end]
            if len(word) == 1 and _RE_ENG.match(word):
                latin += word
            else:
                if latin:
                    words.append(latin)
                    latin = ""
                words.append(word)
            i = end
        if latin:
            words.append(latin)
        return words


_lock = threading.Lock()
_segmenter: _Jieba | _Fast | None = None


def _load() -> _Jieba | _Fast:
    global _segmenter
    with _lock:
        if _segmenter is None:
            _segmenter = _Fast() if backend() == FAST else _Jieba()
    return _segmenter


def is_loaded() -> bool:
    return _segmenter is not None


def preload() -> None:
    """Load the dictionary now (for a background thread that wants it ready)."""
    _load()


def cut(text: str) -> list[str]:
    """jieba's accurate mode without the HMM guesser, whatever the backend: results
    depend only on the dictionary, so the display text never changes with heuristics."""
    return _load().cut(text)


def cut_for_index(text: str) -> Iterable[str]:
    """Segmentation used for ranking. Accurate mode without HMM: a quarter faster, and
    the words it misses (unseen names) are still found, as every substring is."""
    return _load().cut_for_index(text)


def han_likelihood(text: str) -> tuple[float, int]:
    """How plausible ``text`` is as Chinese: the log probability of its runs of Han
    characters, segmented as jieba would (words make text far likelier than the same
    characters one by one), and the number of Han characters it covers. The decoder
    uses it where character statistics are too thin: files of a few characters."""
    segmenter = _load()
    total, count = 0.0, 0
    for run in _RE_HAN_ONLY.findall(text):
        total += segmenter.route(run)[0][0]
        count += len(run)
    return total, count


_RE_HAN_ONLY = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


def reset() -> None:
    """Forget the chosen backend and its dictionary (tests and benchmarks switch)."""
    global _segmenter
    with _lock:
        _segmenter = None
    backend.cache_clear()
    segmenter_id.cache_clear()


Segmenter = Callable[[str], Iterable[str]]
