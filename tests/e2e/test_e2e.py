"""The installed ``zhreader`` command in a real pseudo-terminal, read through a VT100
emulator (pyte): what a user at a terminal would see."""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

COLUMNS, LINES = 100, 30


def _command() -> str:
    found = shutil.which("zhreader") or str(Path(sys.executable).parent / "zhreader")
    if not Path(found).exists():
        pytest.skip("the zhreader command is not installed")
    return found


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(_command(), args, env=env, dimensions=(LINES, COLUMNS))

    def text(self) -> str:
        # Not pyte's Screen.display: it fails on the empty cell a wide character leaves
        # behind when something is drawn over half of it.
        buffer, columns = self.screen.buffer, self.screen.columns
        return "\n".join("".join(buffer[y][x].data for x in range(columns)) for y in range(self.screen.lines))

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.1))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                break
            if predicate(self.text()):
                return self.text()
            if time.monotonic() > deadline:
                break
        raise AssertionError("timed out; the screen shows:\n" + self.text())

    def send(self, text: str) -> None:
        self.child.send(text.encode("utf-8"))


def test_search_and_read_in_a_real_terminal(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    term = Terminal([], env)
    try:
        started = time.monotonic()
        term.wait_for(lambda t: "Documents 5" in t and "index ready" in t)
        assert "呼和浩特形成引才聚才" in term.text()
        first_screen = time.monotonic() - started
        term.send("/强磁场")  # in one read, as a fast typist or a paste sends it
        text = term.wait_for(lambda t: "3 hits" in t and "Results · 3 hits in 2 docs" in t)
        assert "“强磁场”" in text
        term.send("\r")  # Enter in the search box opens the top hit
        text = term.wait_for(lambda t: "●本报记者 阿柔娜" in t)
        assert "筑起聚才" in text
        term.send("q")
        term.child.expect(pexpect.EOF, timeout=20)
    finally:
        term.child.close(force=True)
    assert term.child.exitstatus == 0
    print(f"first screen with documents after {first_screen:.2f} s (cold index, cold jieba)")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def test_hostile_names_and_text_never_drive_the_terminal(tmp_path: Path) -> None:
    from tests import hostile

    root = tmp_path / "corpus"
    root.mkdir()
    for name, content in hostile.FILES.items():
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    term = Terminal([str(root)], _env(tmp_path))
    try:
        term.wait_for(lambda t: f"Documents {hostile.LOADED}" in t and "index ready" in t)
        term.send("/")
        term.send("内容")
        text = term.wait_for(lambda t: "Results · 1 hit in 1 doc" in t)
        assert "␛]0;PWNED␇标题␛[2J" in text or "esc␛]0;PWNED" in text
        term.send("\r")
        text = term.wait_for(lambda t: "内容␛[31m红色" in t)
        term.send("\x1b")
        time.sleep(0.5)  # else ESC q arrives as alt+q
        term.send("q")
        term.child.expect(pexpect.EOF, timeout=20)
    finally:
        term.child.close(force=True)
    assert term.child.exitstatus == 0
    # The titles an OSC sequence in a file name would set (ESC ]0;PWNED BEL, ESC ]2;T BEL).
    assert term.screen.title not in ("PWNED", "T") and term.screen.icon_name != "PWNED"


def test_ctrl_c_stops_indexing_at_once_and_keeps_the_work(tmp_path: Path) -> None:
    import signal

    root = _big_corpus(tmp_path / "big")  # analysed in worker processes
    child = pexpect.spawn(_command(), ["index", str(root)], env=_env(tmp_path), dimensions=(LINES, COLUMNS))
    try:
        child.expect("Indexing", timeout=60)
        child.kill(signal.SIGINT)
        child.expect(pexpect.EOF, timeout=30)  # bounded: it once hung in the worker pool
        out = child.before.decode("utf-8", "replace")
    finally:
        child.close(force=True)
    assert child.exitstatus == 130
    assert "Traceback" not in out and "interrupted: committed work is kept" in out


def _big_corpus(root: Path) -> Path:
    """About 6 MB of varied text (repeated text segments too fast to catch the workers)."""
    import random

    rng = random.Random(5)
    # Common characters, from the codec's own table: text jieba must really segment.
    chars = "".join(bytes((lead, trail)).decode("gb2312") for lead in range(0xB0, 0xB8) for trail in range(0xA1, 0xFF))
    root.mkdir()
    for i in range(1500):
        body = "".join(rng.choice(chars) for _ in range(2000))
        (root / f"d{i:04}.txt").write_text(f"标题{i}\n\n{body}。\n", encoding="utf-8")
    return root


def _workers(pid: int) -> list[int]:
    """The analysis worker processes of an indexer (not multiprocessing's resource tracker)."""
    found = []
    for child in _children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _indexing(tmp_path: Path, workers_wanted: int) -> tuple[pexpect.spawn, list[int]]:
    """``zhreader index`` on a big corpus, once it has analysis workers (up to
    ``workers_wanted`` of them, waiting at most 30 s)."""
    root = _big_corpus(tmp_path / "big")
    child = pexpect.spawn(_command(), ["index", str(root)], env=_env(tmp_path), dimensions=(LINES, COLUMNS))
    try:
        child.expect("Indexing", timeout=60)
        deadline = time.monotonic() + 30
        workers: list[int] = []
        while len(workers) < workers_wanted and time.monotonic() < deadline:
            workers = _workers(child.pid)
            time.sleep(0.1)
    except BaseException:
        child.close(force=True)
        raise
    return child, workers


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process parents from /proc")
def test_workers_end_when_the_indexer_is_killed(tmp_path: Path) -> None:
    import signal

    child, workers = _indexing(tmp_path, 2)
    try:
        assert workers, "no worker processes seen"
        child.kill(signal.SIGKILL)
        deadline = time.monotonic() + 15
        while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    finally:
        child.close(force=True)
    assert alive == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process parents from /proc")
def test_a_killed_worker_costs_its_document_and_the_rest_is_indexed(tmp_path: Path) -> None:
    import signal

    child, workers = _indexing(tmp_path, 1)
    try:
        assert workers, "no worker processes seen"
        os.kill(workers[0], signal.SIGKILL)
        try:
            child.expect(pexpect.EOF, timeout=60)  # bounded: a lost task once hung the update forever
        except pexpect.TIMEOUT:
            raise AssertionError(f"still running; printed {child.before!r}; workers {_workers(child.pid)}") from None
        out = child.before.decode("utf-8", "replace")
    finally:
        child.close(force=True)
    # The document it was analysing is skipped with one line; a new worker does the rest.
    assert child.exitstatus == 0, out
    assert "reading it stopped the analysis process" in out and "Traceback" not in out
    assert re.search(r"1,?499 documents indexed", out), out


def test_quitting_while_a_big_document_is_analysed_does_not_wait_for_it(tmp_path: Path) -> None:
    root = tmp_path / "one"
    root.mkdir()
    chars = "".join(bytes((lead, trail)).decode("gb2312") for lead in range(0xB0, 0xB8) for trail in range(0xA1, 0xFF))
    body = "".join(chars[(i * 7919) % len(chars)] for i in range(6_000_000))  # 18 MB: a minute of analysis
    (root / "big.txt").write_text("标题\n\n" + body + "。\n", encoding="utf-8")
    (root / "small.txt").write_text(hostile_free_text(), encoding="utf-8")
    term = Terminal([str(root)], _env(tmp_path))
    try:
        term.wait_for(lambda t: "building the index" in t or "indexing" in t or "checking" in t)
        time.sleep(2)  # the worker is busy with the big document now
        started = time.monotonic()
        term.send("q")
        term.child.expect(pexpect.EOF, timeout=20)
        waited = time.monotonic() - started
    finally:
        term.child.close(force=True)
    assert term.child.exitstatus == 0 and waited < 8  # not the rest of that minute


def hostile_free_text() -> str:
    return "小文件\n\n内容。\n"


@pytest.mark.parametrize(("signum", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_ends_the_reader_like_a_command_and_restores_the_terminal(
    tmp_path: Path, signum: str, code: int
) -> None:
    import signal

    term = Terminal([], _env(tmp_path))
    try:
        term.wait_for(lambda t: "Documents 5" in t)
        term.child.kill(getattr(signal, signum))  # from outside: Ctrl-C is a key to the reader
        term.child.expect(pexpect.EOF, timeout=20)
        tail = term.child.before
    finally:
        term.child.close(force=True)
    assert term.child.exitstatus == code
    assert b"\x1b[?1049l" in tail  # left the alternate screen: the shell is usable again
