"""The command line on hostile input: every outside string printed as data, no traceback,
nothing lost, a non-zero exit code for every failure."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile
from tests.command import run


@pytest.fixture
def hostile_corpus(make_corpus, tmp_path: Path) -> tuple[Path, str]:
    return make_corpus(hostile.FILES), str(tmp_path / "index")


def test_search_output_is_data(hostile_corpus: tuple[Path, str]) -> None:
    root, index = hostile_corpus
    code, out, err = run("search", "正文 OR 内容 OR 列一", "--corpus", str(root), "--index-dir", index, "--limit", "0")
    assert code == 0, err
    assert hostile.clean(out) and hostile.clean(err)
    assert "[/bold]坏标题[/]" in out and "恶意标题[bold red]x[/]" in out
    assert "esc␛]0;PWNED␇name␛[2J.txt" in out
    assert "1 file skipped" in err and hostile.EMPTY_NAME not in err  # one line, not the whole list
    code, out, _ = run("search", "内容", "--corpus", str(root), "--index-dir", index, "--json")
    rows = [json.loads(line) for line in out.split("\n") if line]
    assert hostile.clean(out) and {row["doc"] for row in rows} == {hostile.ESC_NAME}  # the id, exactly


def test_index_lists_skipped_and_repaired_files_as_data(hostile_corpus: tuple[Path, str]) -> None:
    root, index = hostile_corpus
    code, _out, err = run("index", str(root), "--index-dir", index)
    assert code == 0 and hostile.clean(err)
    assert f"skipped {hostile.EMPTY_NAME}: empty file" in err
    assert "repaired damaged.txt: 4 damaged byte sequences shown as \ufffd" in err


def test_a_hostile_comment_survives_and_never_reaches_the_terminal(hostile_corpus, tmp_path: Path) -> None:
    root, index = hostile_corpus
    notes = str(tmp_path / "notes.jsonl")
    comment = "\x1b]0;PWNED\x07\x1b[2J注\u2028释\u2029末\x85尾\r"
    common = ("--corpus", str(root), "--index-dir", index, "--notes", notes)
    code, out, err = run("notes", "add", "--doc", "a.txt", "--start", "0", "--end", "3", "--tag", "[x=a:b]",
                         "--comment", comment, *common)  # fmt: skip
    assert code == 0, err
    note_id = out.strip()
    assert Path(notes).read_bytes().count(b"\n") == 1  # one note, one line
    code, out, err = run("notes", "list", *common)
    assert code == 0 and hostile.clean(out) and "[x=a:b]" in out and "␛]0;PWNED␇" in out
    code, out, _ = run("notes", "list", "--json", *common)
    [row] = [json.loads(line) for line in out.split("\n") if line]
    assert row["comment"] == comment and hostile.clean(out)
    for fmt in ("md", "csv"):
        code, out, _ = run("notes", "export", "--format", fmt, *common)
        assert code == 0 and hostile.clean(out)
    code, out, _ = run("notes", "export", "--format", "json", *common)
    assert json.loads(out)[0]["comment"] == comment
    code, _, err = run("notes", "delete", note_id, *common)
    assert code == 0, err


def test_csv_exports_cannot_run_formulas(hostile_corpus, tmp_path: Path) -> None:
    import csv
    import io

    root, index = hostile_corpus
    notes = str(tmp_path / "notes.jsonl")
    common = ("--corpus", str(root), "--index-dir", index, "--notes", notes)
    for comment, tag in (('=HYPERLINK("http://x","y")', "+1"), ("@SUM(A1)", "-2"), ("＝1+1", "正常")):
        code, _, err = run("notes", "add", "--doc", "b.txt", "--start", "0", "--end", "2", "--tag", tag,
                           "--comment", comment, *common)  # fmt: skip
        assert code == 0, err
    code, out, _ = run("notes", "export", "--format", "csv", *common)
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert {row["comment"] for row in rows} == {'\'=HYPERLINK("http://x","y")', "'@SUM(A1)", "'＝1+1"}
    assert {row["tag"] for row in rows} == {"'+1", "'-2", "正常"}


def test_an_empty_corpus_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run("search", "x", "--corpus", str(empty), "--index-dir", str(tmp_path / "ix"))
    assert code == 1 and out == "" and "no documents to search in" in err and "Traceback" not in err


def test_a_search_does_not_wait_for_a_busy_indexer(sample_dir: Path, tmp_path: Path) -> None:
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore

    index = tmp_path / "ix"
    assert run("index", str(sample_dir), "--index-dir", str(index))[0] == 0
    with IndexStore(index, Corpus.open(sample_dir).location).write_lock():  # another zhreader is updating
        started = time.monotonic()
        code, out, err = run("search", "强磁场", "--corpus", str(sample_dir), "--index-dir", str(index), "--json")
        assert code == 0 and len(out.splitlines()) == 2 and err == ""  # up to date: no walk, no lock
        args = ("search", "强磁场", "--corpus", str(sample_dir), "--index-dir", str(index), "--json", "--refresh")
        code, out, err = run(*args)
        waited = time.monotonic() - started
    assert code == 0 and len(out.splitlines()) == 2
    assert "another zhreader is updating this index; answering from its last saved state" in err
    assert waited < 30  # bounded: it never waits for the lock (that wait was unbounded)


def test_an_index_that_cannot_be_updated_still_answers(sample_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from zhreader.index import SearchIndexError, indexer

    index = tmp_path / "ix"
    assert run("index", str(sample_dir), "--index-dir", str(index))[0] == 0

    def full(*args: object, **kwargs: object) -> None:
        raise SearchIndexError("index update stopped: the disk is full (the last committed index is kept)")

    monkeypatch.setattr(indexer, "_update_locked", full)
    args = ("search", "强磁场", "--corpus", str(sample_dir), "--index-dir", str(index), "--json", "--refresh")
    code, out, err = run(*args)
    assert code == 0 and len(out.splitlines()) == 2
    assert "zhreader: warning: index update stopped: the disk is full" in err
    code, _, err = run("index", str(sample_dir), "--index-dir", str(index))
    assert code == 3 and "the disk is full" in err


def test_an_index_dir_of_another_corpus_is_never_replaced(sample_dir: Path, make_corpus, tmp_path: Path) -> None:
    other = make_corpus({"x.txt": hostile.GOOD})
    index = str(tmp_path / "ix")
    assert run("index", str(sample_dir), "--index-dir", index)[0] == 0
    code, _, err = run("index", str(other), "--index-dir", index)
    assert code == 2 and "holds the index of another corpus" in err
    code, out, _ = run("search", "强磁场", "--corpus", str(sample_dir), "--index-dir", index, "--json")
    assert code == 0 and len(out.splitlines()) == 2


def test_export_refuses_special_and_read_only_files_and_writes_through_links(sample_dir, tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    common = ("--index-dir", str(tmp_path / "ix"), "--notes", str(notes))
    assert run("notes", "add", "--doc", "001_46ad83b1219e4802.txt", "--start", "10", "--end", "13",
               "--tag", "t", *common)[0] == 0  # fmt: skip
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    code, _, err = run("notes", "export", "-o", str(fifo), *common)
    assert code == 3 and "not a regular file" in err and stat.S_ISFIFO(fifo.stat().st_mode)
    locked = tmp_path / "locked.md"
    locked.write_text("mine\n", encoding="utf-8")
    locked.chmod(0o444)
    code, _, err = run("notes", "export", "-o", str(locked), *common)
    assert code == 3 and "read-only" in err and locked.read_text("utf-8") == "mine\n"
    target = tmp_path / "real.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, err = run("notes", "export", "-o", str(link), *common)
    assert code == 0, err
    assert link.is_symlink() and "强磁场" in target.read_text("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlinked_notes_file_is_written_through(sample_dir, tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    common = ("--index-dir", str(tmp_path / "ix"), "--notes", str(link))
    assert run("notes", "add", "--doc", "001_46ad83b1219e4802.txt", "--start", "10", "--end", "13",
               "--tag", "t", *common)[0] == 0  # fmt: skip
    assert link.is_symlink() and real.read_text("utf-8").count("\n") == 1


def _installed() -> str:
    found = Path(sys.executable).parent / "zhreader"
    if not found.exists():
        pytest.skip("the zhreader command is not installed")
    return str(found)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), **extra}


def test_output_onto_a_full_disk_is_one_line_and_a_failure(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([_installed(), "search", "的", "--limit", "0"], stdout=full, stderr=subprocess.PIPE,
                              text=True, env=_env(tmp_path), timeout=120)  # fmt: skip
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "zhreader: error: cannot write the output: No space left on device"


def test_a_terminal_that_cannot_show_chinese_gets_escapes(tmp_path: Path) -> None:
    env = _env(tmp_path, PYTHONIOENCODING="ascii")
    done = subprocess.run([_installed(), "search", "强磁场"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "\\u5f3a" in done.stdout
    done = subprocess.run([_installed(), "search", "强磁场", "--json"], capture_output=True, env=env, timeout=120)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and done.stdout.isascii() and rows[0]["hits"][0]["kwic"]["hit"] == "强磁场"


def test_export_never_overwrites_the_notes_file(sample_dir, tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    link = tmp_path / "link.md"
    link.symlink_to(notes)
    common = ("--index-dir", str(tmp_path / "ix"), "--notes", str(notes))
    assert run("notes", "add", "--doc", "001_46ad83b1219e4802.txt", "--start", "10", "--end", "13",
               "--tag", "t", *common)[0] == 0  # fmt: skip
    before = notes.read_bytes()
    for target in (notes, link):
        code, _, err = run("notes", "export", "-o", str(target), *common)
        assert code == 3 and "it is the notes file itself" in err
    assert notes.read_bytes() == before


def test_usage_errors_are_one_line_and_a_query_may_start_with_a_minus() -> None:
    code, _, err = run("search", "-强磁场 呼和浩特", "--json")
    assert (code == 0 and err == "") or "note:" in err  # -强磁场 is the query's exclusion, not an option
    for args in (("search", "x", "--limit", "-1"), ("notes", "export", "--format", "xml"), ("serch", "x")):
        code, _, err = run(*args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("zhreader: error: ")
    assert "did you mean 'search'?" in run("serch", "x")[2]


def test_a_folder_with_nothing_to_index_is_a_failure(tmp_path: Path, make_corpus) -> None:
    code, _, err = run(
        "index", str(make_corpus({"bin.dat": b"x", "empty.txt": ""})), "--index-dir", str(tmp_path / "i")
    )
    assert code == 1 and "nothing to index in" in err and "1 skipped" in err


def test_an_index_dir_holding_the_users_files_is_left_alone(sample_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "CURRENT").write_text("my own file\n", encoding="utf-8")
    code, _, err = run("index", str(sample_dir), "--index-dir", str(folder))
    assert code == 2 and "not a zhreader index" in err
    assert sorted(p.name for p in folder.iterdir()) == ["CURRENT"]
    assert (folder / "CURRENT").read_text("utf-8") == "my own file\n"


def test_a_corpus_path_that_is_not_utf8_works(tmp_path: Path) -> None:
    root = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff\xfepath"))
    root.mkdir()
    (root / "a.txt").write_text(hostile.GOOD, encoding="utf-8")
    code, out, err = run("search", "内容", "--corpus", str(root), "--index-dir", str(tmp_path / "ix"), "--json")
    assert code == 0 and "Traceback" not in err and json.loads(out)["doc"] == "a.txt"
    code, _, err = run("index", str(root), "--index-dir", str(tmp_path / "ix"))
    assert code == 0 and "bad\ufffd\ufffdpath" in err


def test_bidi_controls_in_names_cannot_reorder_a_line(make_corpus, tmp_path: Path) -> None:
    root = make_corpus({"\u202etxt.exe\u202c.txt": hostile.GOOD})
    code, out, _ = run("search", "内容", "--corpus", str(root), "--index-dir", str(tmp_path / "ix"))
    assert code == 0 and "\u202e" not in out and "\ufffdtxt.exe\ufffd.txt" in out
