"""The benchmark harness runs (a small smoke run; the timings are not asserted)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO


@pytest.mark.slow
def test_the_quick_benchmark_writes_its_table(pd_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--corpus", str(pd_dir), "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    table = out.read_text("utf-8")
    assert "| measure | zhreader | zhreader [fast] | jieba recipe | SQLite FTS5 | ripgrep |" in table
    recall = next(line for line in table.splitlines() if line.startswith("| recall |")).split("|")
    assert recall[2].strip() == "1.000"  # zhreader's recall, even in a smoke run
    fast = importlib.util.find_spec("jieba_fast_dat") is not None
    assert recall[3].strip() == ("1.000" if fast else "n/a")
