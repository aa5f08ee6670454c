"""The command line: output formats, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.command import run
from tests.paths import REPO


def test_index_reports_counts(tmp_path: Path, make_corpus) -> None:
    root = make_corpus({"a.txt": "标题\n\n正文。", "bad.txt": b"\x00\x00binary"})
    code, _out, err = run("index", str(root), "--index-dir", str(tmp_path / "ix"))
    assert code == 0
    assert "1 documents indexed" in err and "1 added" in err and "1 skipped" in err
    assert "skipped bad.txt: binary file (contains NUL bytes)" in err
    code, _out, err = run("index", str(root), "--index-dir", str(tmp_path / "ix"))
    assert "1 unchanged" in err and "0 added" in err


def test_search_json_lines_point_into_show_output() -> None:
    code, out, _err = run("search", "强磁场", "--json", "--limit", "0")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["doc"][:3] for row in rows] == ["001", "000"]
    for row in rows:
        assert set(row) >= {"doc", "title", "score", "hits"}
        code, text, _ = run("show", row["doc"])
        text = text[:-1]  # show ends the text with one newline
        for hit in row["hits"]:
            assert set(hit) >= {"start", "end", "paragraph", "snippet"}
            assert text[hit["start"] : hit["end"]] == "强磁场"
            assert "强磁场" in hit["snippet"]


def test_search_human_output_and_limit() -> None:
    code, out, err = run("search", "呼和浩特", "--limit", "2")
    assert code == 0
    assert out.count("hits") == 2 and "呼和浩特" in out
    assert "showing 2; --limit 0 shows all" in err


def test_no_results_is_exit_1_with_a_message() -> None:
    code, out, err = run("search", "完全不存在的词语组合")
    assert code == 1 and out == "" and "no documents match" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search", "OR"), 2, "zhreader: error: the query has only operators"),
        (("search", "强磁场", "--corpus", "/no/such/dir"), 2, "no such file or folder: /no/such/dir"),
        (("index", "/no/such/dir"), 2, "no such file or folder"),
        (("show", "../../etc/passwd"), 1, "no document '../../etc/passwd'"),
        (("show", "missing.txt"), 1, "no document 'missing.txt'"),
        (("/no/such/dir",), 2, "no such file or folder"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(args: tuple[str, ...], code: int, message: str) -> None:
    got, _out, err = run(*args)
    assert got == code
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_query_that_starts_with_minus_leaves_documents_out() -> None:
    code, out, err = run("search", "-强磁场", "--json")
    assert code == 0, err
    assert [json.loads(line)["doc"][:3] for line in out.splitlines()] == ["002", "003", "004"]
    code, out, err = run("search", "-北京")  # every sample document mentions 北京
    assert code == 1 and "no documents match '-北京'" in err


def test_one_hit_is_one_hit() -> None:
    code, out, err = run("search", "推动包头经鄂尔多斯至榆林铁路")
    assert code == 0 and "  1 hit\n" in out and err.startswith("1 hit in 1 of 5 documents")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    code, out, _err = run(flag)
    assert code == 0 and out.startswith("zhreader, version ")


def test_list_prints_every_document_with_its_title_and_length() -> None:
    code, out, err = run("list")
    assert code == 0 and err.startswith("5 documents in ")
    first = out.splitlines()[0].split()
    assert first == ["3,396", "000_bc67ab66cdfee0df.txt", "呼和浩特形成引才聚才“强磁场”"]
    code, out, _ = run("list", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 5 and rows[0] == {
        "doc": "000_bc67ab66cdfee0df.txt",
        "title": "呼和浩特形成引才聚才“强磁场”",
        "chars": 3396,
    }


@pytest.mark.parametrize("doc", ["001_46ad83b1219e4802.txt", "001", "呼和浩特：筑起聚才“强磁场”构建“智汇”新高地"])
def test_show_takes_an_id_a_unique_prefix_or_a_title(doc: str) -> None:
    code, out, err = run("show", doc)
    assert code == 0, err
    assert out.startswith("呼和浩特：筑起聚才“强磁场”构建“智汇”新高地\n")


def test_show_of_an_ambiguous_prefix_names_the_candidates() -> None:
    code, out, err = run("show", "00")
    assert code == 2 and out == ""
    assert "'00' names 5 documents: 000_bc67ab66cdfee0df.txt, 001_46ad83b1219e4802.txt" in err


def test_shell_completion_scripts_and_answers() -> None:
    env = {**os.environ, "_ZHREADER_COMPLETE": "bash_source"}
    script = subprocess.run([sys.executable, "-m", "zhreader"], capture_output=True, text=True, env=env, timeout=60)
    assert script.returncode == 0 and "complete -o nosort -F _zhreader_completion zhreader" in script.stdout

    def complete(words: str) -> list[str]:
        env = {**os.environ, "_ZHREADER_COMPLETE": "bash_complete", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        done = subprocess.run([sys.executable, "-m", "zhreader"], capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert complete("zhreader se") == ["plain,search"]
    assert {"plain,list", "plain,export"} <= set(complete("zhreader notes "))
    assert "plain,--exact-script" in complete("zhreader search x --")
    assert complete("zhreader search x --corpus ") == ["file,"]
    assert complete("zhreader ./corp") == ["file,./corp"]  # zhreader PATH


def test_unbalanced_quote_is_a_note_not_an_error() -> None:
    code, _out, err = run("search", '"强磁场')
    assert code == 0 and "closed an unbalanced quote" in err


def test_limit_must_not_be_negative() -> None:
    code, _out, err = run("search", "x", "--limit", "-1")
    assert code == 2 and "Traceback" not in err


def test_the_installed_command_runs() -> None:
    exe = shutil.which("zhreader") or str(Path(sys.executable).parent / "zhreader")
    if not Path(exe).exists():
        pytest.skip("zhreader is not installed in this environment")
    out = subprocess.run(
        [exe, "search", "推动包头经鄂尔多斯至榆林铁路", "--json"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["doc"] == "000_bc67ab66cdfee0df.txt"


def test_piping_into_head_is_not_an_error() -> None:
    code = (
        "import subprocess, sys;"
        "p = subprocess.Popen([sys.executable, '-m', 'zhreader', 'search', '的', '--limit', '0'],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE);"
        "p.stdout.readline(); p.stdout.close(); err = p.stderr.read().decode(); rc = p.wait();"
        "print(rc, 'Traceback' in err)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.stdout.split() == ["0", "False"]


# -- notes --------------------------------------------------------------------------------


def test_notes_add_list_export_delete(tmp_path: Path) -> None:
    notes = str(tmp_path / "n.jsonl")
    code, out, err = run(
        "notes", "add", "--doc", "001_46ad83b1219e4802.txt", "--start", "10", "--end", "13",
        "--tag", "人才政策", "--tag", "强磁场", "--comment", "比喻", "--notes", notes,
    )  # fmt: skip
    assert code == 0, err
    note_id = out.strip()
    code, out, _ = run("notes", "list", "--json", "--notes", notes)
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["id"] == note_id and row["quote"] == "强磁场" and row["status"] == "anchored"
    assert "anchor" not in row  # status says it: anchored, moved, fuzzy or orphaned
    assert (row["start"], row["end"], row["tags"], row["comment"]) == (10, 13, ["人才政策", "强磁场"], "比喻")
    code, out, _ = run("notes", "list", "--tag", "其他", "--json", "--notes", notes)
    assert out == ""
    target = tmp_path / "out.csv"
    code, _, _ = run("notes", "export", "--format", "csv", "-o", str(target), "--notes", notes)
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run("search", "tag:强磁场", "--json", "--notes", notes)
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["001_46ad83b1219e4802.txt"]
    code, _, _ = run("notes", "delete", note_id, "--notes", notes)
    assert code == 0
    code, out, _ = run("notes", "list", "--json", "--notes", notes)
    assert out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--doc", "../../etc/passwd", "--start", "0", "--end", "3", "--tag", "t"), "no document '../../etc/passwd'"),
        (("--doc", "000_bc67ab66cdfee0df.txt", "--start", "0", "--end", "99999", "--tag", "t"), "outside the document"),
        (("--doc", "000_bc67ab66cdfee0df.txt", "--start", "5", "--end", "5", "--tag", "t"), "5-5 is empty"),
        (("--doc", "000_bc67ab66cdfee0df.txt", "--start", "9", "--end", "5", "--tag", "t"), "9-5 is empty"),
        (("--doc", "00", "--start", "0", "--end", "3", "--tag", "t"), "'00' names 5 documents"),
        (("--doc", "000_bc67ab66cdfee0df.txt", "--start", "0", "--end", "3", "--tag", "  "), "cannot be empty"),
        (("--doc", "000_bc67ab66cdfee0df.txt", "--start", "0", "--end", "3", "--tag", "a,b"), "comma"),
    ],
)
def test_notes_add_refuses_bad_input(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    notes = tmp_path / "n.jsonl"
    code, _, err = run("notes", "add", *args, "--notes", str(notes))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not notes.exists()


def test_notes_commands_report_a_damaged_file(tmp_path: Path) -> None:
    notes = tmp_path / "n.jsonl"
    notes.write_text("not a notes file\n", encoding="utf-8")
    code, _, err = run("notes", "add", "--doc", "000_bc67ab66cdfee0df.txt", "--start", "0", "--end", "3",
                       "--tag", "t", "--notes", str(notes))  # fmt: skip
    assert code == 3 and "not a zhreader notes file" in err
    assert notes.read_text("utf-8") == "not a notes file\n"
    code, _out, err = run("notes", "list", "--notes", str(notes))
    assert code == 0 and "line 1 of the notes file is damaged" in err


def test_notes_path_defaults_to_the_data_directory() -> None:
    code, out, _ = run("notes", "path")
    assert code == 0 and out.strip().startswith(os.environ["XDG_DATA_HOME"]) and out.strip().endswith(".jsonl")
