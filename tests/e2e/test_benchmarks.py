"""The benchmark harness runs (a small smoke run; the timings are not asserted)."""

from __future__ import annotations

import importlib.util
import shutil
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

    # The PDF section: its own table, after the others.
    pdf = sections(table)
    title = next(title for title in pdf if title.startswith("PDFs: "))
    assert " 6 documents, " in title
    rows = {cells[0]: cells[1:] for cells in pdf[title]}
    header = rows.pop("measure")
    assert header[:3] == ["zhreader, PDFs", "zhreader, same text as .txt", "pdftotext"]
    peer = shutil.which("pdftotext") is not None
    for label in ("index build (s)", "extraction (pages/s)", "extraction (k characters/s)"):
        assert float(rows[label][0]) > 0
    assert float(rows["index build (s)"][1]) > 0 and float(rows["peak memory of the extraction (MB)"][0]) > 0
    assert (rows["extraction (pages/s)"][2] != "–") == peer
    # The same text as .txt files is the control: every phrase found, every paragraph whole.
    recalls = [cells for label, cells in rows.items() if label.startswith("recall of ")]
    assert len(recalls) == 4 and all(cells[1] == "1.000" for cells in recalls)
    as_one = label_of(rows, "paragraphs that come back as one")
    total = as_one.rsplit("of ", 1)[1].rstrip(")")
    assert rows[as_one][1] == total
    # From the PDFs: no character lost, no false hit, and what is missed is named.
    assert rows[label_of(rows, "paragraphs whose text all comes back")][0] == total
    assert rows["documents found that lack the phrase"][:2] == ["0", "0"]
    assert all(0 <= float(cells[0]) <= 1 for cells in recalls)
    missed = int(rows["phrases missing a document"][0])
    assert (missed > 0) == ("Phrases zhreader on the PDFs misses in a document" in table)
    if peer:
        assert all(0 <= float(cells[2]) <= 1 for cells in recalls)


def label_of(rows: dict[str, list[str]], start: str) -> str:
    return next(label for label in rows if label.startswith(start))


def sections(markdown: str) -> dict[str, list[list[str]]]:
    """The Markdown tables by their section title: rows of cells, the header first."""
    found: dict[str, list[list[str]]] = {}
    title = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            title = line[3:]
            found[title] = []
        elif line.startswith("| ") and title:
            found[title].append([cell.strip() for cell in line.strip("|").split("|")])
    return found
