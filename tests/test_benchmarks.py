"""The benchmark harness runs (a small smoke run; the timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


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
    assert "| measure | zhreader | jieba recipe | SQLite FTS5 | ripgrep |" in table
    recall = next(line for line in table.splitlines() if line.startswith("| recall |"))
    assert recall.split("|")[2].strip() == "1.000"  # zhreader's recall, even in a smoke run
