"""The corpus at a scale, the query set, and the substring-scan reference."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from zhreader.corpus.patterns import is_han

# Words a reader of this corpus would type, plus random substrings (fixed seed) so that
# every engine answers exactly the same questions.
TYPICAL = [
    "中国",
    "经济发展",
    "人民",
    "香港",
    "改革开放",
    "江泽民",
    "农业",
    "科技",
    "北京市",
    "国有企业",
    "足球",
    "的",
    "增长",
    "市场经济",
    "香港回归",
    "社会主义",
    "发展",
    "企业",
    "金融危机",
    "呼和浩特",
]


@dataclass
class Workload:
    root: Path
    scale: int
    files: int
    texts: dict[str, str]  # doc id -> display text (what every engine indexes)

    @property
    def chars(self) -> int:
        return sum(len(t) for t in self.texts.values())


def replicate(source: Path, target: Path, scale: int) -> Path:
    """``scale`` copies of ``source`` under ``target`` (one folder per copy)."""
    if target.exists():
        shutil.rmtree(target)
    if scale == 1:
        shutil.copytree(source, target)
        return target
    target.mkdir(parents=True)
    for copy in range(scale):
        shutil.copytree(source, target / f"copy{copy:02d}")
    return target


def queries(texts: dict[str, str], count: int, seed: int = 1998) -> list[str]:
    rng = random.Random(seed)
    pool = [t for t in texts.values() if len(t) > 20]
    chosen = list(TYPICAL)
    while len(chosen) < count:
        text = rng.choice(pool)
        size = rng.choice((1, 2, 2, 2, 3, 3, 4, 4, 5, 6))
        start = rng.randrange(len(text) - size)
        query = text[start : start + size]
        if all(is_han(ch) for ch in query):
            chosen.append(query)
    return chosen[:count]


def reference(texts: dict[str, str], query: str) -> set[str]:
    return {doc_id for doc_id, text in texts.items() if query in text}
