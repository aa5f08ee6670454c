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
    header = next(line for line in table.splitlines() if line.startswith("| measure |")).split("|")
    columns = [cell.strip() for cell in header]
    fast = importlib.util.find_spec("jieba_fast_dat") is not None
    assert columns[2] == "zhreader" and ("zhreader [fast]" in columns) == fast
    assert {"jieba recipe", "SQLite FTS5", "substring scan"} <= set(columns)

    def row(label: str) -> list[str]:
        return [cell.strip() for cell in next(line for line in table.splitlines() if line.startswith(label)).split("|")]

    # zhreader finds what the folded substring scan finds, even in a smoke run.
    for label in ("| recall |", "| precision |"):
        cells = row(label)
        assert cells[2] == "1.000" and cells[columns.index("substring scan")] == "1.000"
        if fast:
            assert cells[3] == "1.000"
    assert float(row("| reader: memory after opening and one search (MB) |")[2]) > 0
