"""The reader in a real pseudo-terminal: time to its first frame, next to a bare Textual
app measured in the same run (absolute times drift on shared machines; the gap does not),
and its memory once it has opened a corpus and answered a search."""

from __future__ import annotations

import contextlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.memory import descendants, status_mb

XDG = ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
BARE_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Label

    class Bare(App):
        def compose(self):
            yield Label("搜索 ready")

    Bare().run()
    """
)


class _Terminal:
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        import pexpect
        import pyte

        self.screen = pyte.Screen(100, 30)
        self.stream = pyte.ByteStream(self.screen)
        self.started = time.monotonic()
        self.child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(30, 100))

    def text(self) -> str:
        screen = self.screen
        return "\n".join("".join(screen.buffer[y][x].data for x in range(screen.columns)) for y in range(screen.lines))

    def wait_for(self, *markers: str, timeout: float = 60.0) -> float:
        """Seconds from the start until the screen shows every marker."""
        return self._wait(lambda text: all(marker in text for marker in markers), repr(markers), timeout)

    def wait_for_match(self, pattern: str, timeout: float = 60.0) -> float:
        """Seconds from the start until the screen matches ``pattern``."""
        found = re.compile(pattern)
        return self._wait(lambda text: found.search(text) is not None, repr(pattern), timeout)

    def _wait(self, shown: Callable[[str], bool], what: str, timeout: float) -> float:
        import pexpect

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(pexpect.TIMEOUT):
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.002))
            if shown(self.text()):
                return time.monotonic() - self.started
        raise RuntimeError(f"no frame with {what} within {timeout} s; the screen shows:\n{self.text()}")

    def close(self) -> None:
        self.child.terminate(force=True)


def _first_frame(command: list[str], marker: str, env: dict[str, str], timeout: float = 30.0) -> float:
    term = _Terminal(command, env)
    try:
        return term.wait_for(marker, timeout=timeout)
    finally:
        term.close()


def opened_and_searched(corpus: Path, index_dir: Path, query: str, env: dict[str, str]) -> dict[str, float]:
    """The reader on ``corpus``: seconds to a list of documents, to the results of
    ``query``, and its memory then (RSS and peak, with any worker processes)."""
    zhreader = Path(sys.executable).parent / "zhreader"
    command = [str(zhreader), "open", str(corpus), "--index-dir", str(index_dir)]
    term = _Terminal(command, {**env, "TERM": "xterm-256color"})
    try:
        listed = term.wait_for("Documents", "index ready", timeout=600)
        term.child.send("/" + query)
        typed = time.monotonic()
        term.wait_for("Results ·", timeout=600)
        answered = time.monotonic() - typed
        time.sleep(1.0)  # what it holds once the screen is drawn, not mid-draw
        pid = term.child.pid
        rss = status_mb(pid, "VmRSS") + sum(status_mb(child, "VmRSS") for child in descendants(pid))
        return {"listed_s": listed, "search_s": answered, "rss_mb": rss, "peak_mb": status_mb(pid, "VmHWM")}
    finally:
        term.close()


def first_open(corpus: Path, index_dir: Path, env: dict[str, str]) -> dict[str, float]:
    """The reader on a folder it has no index of: seconds until its files are listed, and
    until its index is ready (what ``zhreader index`` does, with the reader drawing)."""
    zhreader = Path(sys.executable).parent / "zhreader"
    command = [str(zhreader), "open", str(corpus), "--index-dir", str(index_dir)]
    term = _Terminal(command, {**env, "TERM": "xterm-256color"})
    try:
        # A small folder may be indexed before a frame with "to index" is drawn.
        listed = term.wait_for_match(r"Documents [1-9]", timeout=600)
        ready = term.wait_for("index ready", timeout=7200)
        return {"first_listed_s": listed, "first_ready_s": ready}
    finally:
        term.close()


def measure(runs: int = 8) -> dict[str, float]:
    zhreader = Path(sys.executable).parent / "zhreader"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TERM": "xterm-256color"}
        # An installed package has its bytecode compiled (pip does it); without this an
        # editable checkout under PYTHONDONTWRITEBYTECODE would recompile every module.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for name in XDG:
            env[name] = str(Path(tmp) / name.lower())
        subprocess.run([str(zhreader), "index"], env=env, capture_output=True, check=True)  # warm index
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        ours, reference = [], []
        _first_frame([sys.executable, str(bare)], "搜索", env)  # unmeasured: fills caches
        _first_frame([str(zhreader)], "搜索", env)
        for _ in range(runs):
            reference.append(_first_frame([sys.executable, str(bare)], "搜索", env))
            ours.append(_first_frame([str(zhreader)], "搜索", env))
    return {"zhreader": statistics.median(ours), "bare textual": statistics.median(reference)}
