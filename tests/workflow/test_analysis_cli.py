"""zhreader concordance and words: aligned lines, sort orders, CSV and JSON exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.command import run
from zhreader.support.cells import cells


def test_concordance_lines_up_the_hits_in_cells(sample_dir: Path) -> None:
    code, out, err = run("concordance", "中国", "--sort", "right", "--width", "12")
    assert code == 0, err
    rows = out.splitlines()
    assert len(rows) > 5 and "sorted by right" in err
    for row in rows:
        # Twelve cells of left context, a space, the hit: every hit starts in cell 13.
        before, hit, _ = row.partition("中国")
        assert hit and cells(before) == 13, row


def test_concordance_exports_csv_and_json(tmp_path: Path) -> None:
    target = tmp_path / "kwic.csv"
    code, _, err = run("concordance", "中国", "--format", "csv", "--sort", "left", "-o", str(target))
    assert code == 0 and "written to" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows and {row["hit"] for row in rows} == {"中国"}
    code, out, _ = run("concordance", "中国", "--format", "json", "--sort", "left")
    record = json.loads(out)
    assert record["sort"] == "left" and len(record["lines"]) == len(rows)
    assert [(x["doc"], x["start"]) for x in record["lines"]] == [(r["doc"], int(r["start"])) for r in rows]
    code, out, _ = run("show", record["lines"][0]["doc"])
    first = record["lines"][0]
    assert out[first["start"] : first["end"]] == "中国"


def test_concordance_csv_cells_never_run_as_formulas(tmp_path: Path, make_corpus) -> None:
    root = make_corpus({"a.txt": "=SUM(A1)的\n"})
    code, out, err = run(
        "concordance", "的", "--format", "csv", "--corpus", str(root), "--index-dir", str(tmp_path / "ix")
    )
    assert code == 0, err
    [row] = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert row["left"] == "'=SUM(A1)"


def test_concordance_of_nothing_exits_1() -> None:
    code, out, err = run("concordance", "无此词语无此词语")
    assert code == 1 and out == "" and "no hits" in err
