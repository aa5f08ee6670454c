"""The sample corpus shipped inside the package: five Hohhot / Inner Mongolia news pages.

They carry the real damage of PDF extraction (broken lines, a doubled headline, several
articles per file, 第一章/第一节 structure, a table), so they double as a demo.
"""

from __future__ import annotations

from pathlib import Path


def sample_corpus() -> Path:
    return Path(__file__).resolve().parent / "sample"
