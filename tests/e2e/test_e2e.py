"""The installed ``zhreader`` command in a real pseudo-terminal, read through a VT100
emulator (pyte): what a user at a terminal would see."""

from __future__ import annotations

import os
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
        term.send("/")
        term.send("强磁场")
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
