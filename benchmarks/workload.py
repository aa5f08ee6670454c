"""The corpus at a scale and the fixed query sets every engine answers."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zhreader.corpus.patterns import is_han

# What a reader of this corpus types: the most common character, common words, phrases.
COMMON = [
    "的",
    "中国",
    "人民",
    "发展",
    "经济发展",
    "改革开放",
    "香港",
    "社会主义",
    "国有企业",
    "江泽民",
    "农业",
    "科技",
    "北京市",
    "足球",
    "增长",
    "市场经济",
    "香港回归",
    "企业",
    "金融危机",
    "呼和浩特",
]
# Several terms, all of which must occur.
MULTI = [
    "中国 经济",
    "香港 回归",
    "改革 开放 经济",
    "江泽民 讲话",
    "足球 比赛",
    "农业 科技",
    "北京 企业 改革",
    "金融危机 亚洲",
    "人民 代表 大会",
    "的 了",
]
# Typed in traditional characters: script-blind matching finds the simplified text.
TRADITIONAL = ["經濟發展", "國有企業", "改革開放", "社會主義", "香港回歸", "農業", "發展", "體育", "電視", "國際"]
# Half-width digits for the full-width ones the paper printed; a Kangxi radical (⼈, from a
# damaged PDF) for 人; full-width Latin letters in either case.
FOLDED = ["1998年", "１９９８年", "⼈民", "ＷＴＯ", "ｗｔｏ"]

# Words a reader of Tang poetry types in simplified characters (the text is traditional).
POETRY_WORDS = [
    "万里",
    "梦里",
    "归来",
    "明月",
    "故乡",
    "风雨",
    "长安",
    "春风",
    "白发",
    "江南",
    "天涯",
    "黄河",
    "秋风",
    "青山",
    "落花",
    "何处",
    "相思",
    "离别",
    "东风",
    "杨柳",
]


@dataclass(frozen=True)
class QuerySet:
    queries: list[str]
    kinds: list[str]  # one per query: common, multi, rare, traditional, folded, random, …

    def of_kind(self, kind: str) -> list[int]:
        return [n for n, k in enumerate(self.kinds) if k == kind]


def replicate(source: Path, target: Path, scale: int) -> Path:
    """``scale`` copies of ``source`` under ``target`` (one folder per copy)."""
    if target.exists():
        shutil.rmtree(target)
    if scale == 1:
        shutil.copytree(source, target)
        return target
    target.mkdir(parents=True)
    for copy in range(scale):
        shutil.copytree(source, target / f"copy{copy:03d}")
    return target


def _substrings(texts: list[str], rng: random.Random, sizes: Iterable[int]) -> Iterable[str]:
    sizes = list(sizes)
    while True:
        text = rng.choice(texts)
        size = rng.choice(sizes)
        if len(text) <= size:
            continue
        start = rng.randrange(len(text) - size)
        query = text[start : start + size]
        if all(is_han(ch) for ch in query):
            yield query


def _rare(texts: list[str], rng: random.Random, count: int) -> list[str]:
    """Substrings that occur in exactly one document of ``texts``."""
    found: list[str] = []
    for candidate in _substrings(texts, rng, (3, 4)):
        if sum(1 for text in texts if candidate in text) == 1:
            found.append(candidate)
            if len(found) == count:
                return found
    raise AssertionError("unreachable")


def news_queries(texts: list[str], count: int, seed: int = 1998) -> QuerySet:
    """The fixed kinds, then random 1-6 character substrings up to ``count``."""
    rng = random.Random(seed)
    pool = [t for t in texts if len(t) > 20]
    queries: list[str] = []
    kinds: list[str] = []
    for kind, chosen in (
        ("common", COMMON),
        ("multi", MULTI),
        ("traditional", TRADITIONAL),
        ("folded", FOLDED),
        ("rare", _rare(pool, rng, 10)),
    ):
        queries += chosen
        kinds += [kind] * len(chosen)
    random_ones = _substrings(pool, rng, (1, 2, 2, 2, 3, 3, 4, 4, 5, 6))
    while len(queries) < count:
        queries.append(next(random_ones))
        kinds.append("random")
    return QuerySet(queries, kinds)


def poetry_queries(texts: list[str], count: int, seed: int = 618) -> QuerySet:
    """Simplified words; random traditional substrings as they stand; the same substrings
    converted to simplified by OpenCC (an independent converter) when it is installed."""
    rng = random.Random(seed)
    pool = [t for t in texts if len(t) > 10]
    picked = []
    for query in _substrings(pool, rng, (2, 2, 3, 4)):
        picked.append(query)
        if len(picked) >= max(0, (count - len(POETRY_WORDS)) // 2):
            break
    queries = list(POETRY_WORDS)
    kinds = ["simplified word"] * len(POETRY_WORDS)
    queries += picked
    kinds += ["traditional"] * len(picked)
    try:
        import opencc
    except ImportError:
        return QuerySet(queries, kinds)
    to_simplified = opencc.OpenCC("t2s")
    converted = [to_simplified.convert(query) for query in picked]
    queries += converted
    kinds += ["simplified (OpenCC)"] * len(converted)
    return QuerySet(queries, kinds)
