"""zhreader notes export --format qdpx and notes import: a round trip through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.command import run


def _add(notes: str, doc: str, start: int, end: int, *tags: str) -> None:
    args = ["notes", "add", "--doc", doc, "--start", str(start), "--end", str(end), "--notes", notes]
    for tag in tags:
        args += ["--tag", tag]
    code, _, err = run(*args)
    assert code == 0, err


def _notes(notes: str) -> list[dict]:
    _, out, _ = run("notes", "list", "--json", "--notes", notes)
    return [json.loads(line) for line in out.splitlines()]


def test_export_and_import_a_qdpx(tmp_path: Path) -> None:
    source, target, project = str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), str(tmp_path / "p.qdpx")
    _add(source, "001_46ad83b1219e4802.txt", 10, 13, "人才政策", "强磁场")
    _add(source, "000_bc67ab66cdfee0df.txt", 0, 4, "地名")
    code, out, err = run("notes", "export", "--format", "qdpx", "-o", project, "--notes", source)
    assert code == 0 and out == "" and "2 notes written" in err
    code, _, err = run("notes", "import", project, "--notes", target)
    assert code == 0 and "2 notes imported" in err, err

    def view(rows: list[dict]) -> list[tuple]:
        return sorted((r["doc"], r["start"], r["end"], r["quote"], r["tags"], r["status"]) for r in rows)

    assert view(_notes(target)) == view(_notes(source))
    code, _, err = run("notes", "import", project, "--notes", target)
    assert code == 0 and "0 notes imported" in err and "2 already there" in err
    assert len(_notes(target)) == 2


def test_qdpx_needs_a_file_and_a_project(tmp_path: Path) -> None:
    code, _, err = run("notes", "export", "--format", "qdpx")
    assert code == 2 and "-o FILE.qdpx" in err
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"hello")
    code, _, err = run("notes", "import", str(bad), "--notes", str(tmp_path / "n.jsonl"))
    assert code == 2 and err.count("\n") == 1 and "not a zip file" in err
    assert not (tmp_path / "n.jsonl").exists()
    code, _, err = run("notes", "import", str(tmp_path / "missing.qdpx"))
    assert code == 2 and "cannot read" in err
