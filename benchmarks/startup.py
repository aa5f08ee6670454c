"""Time to the reader's first frame in a real pseudo-terminal, next to a bare Textual app
measured in the same run (absolute times drift on shared machines; the gap does not)."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

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


def _first_frame(command: list[str], marker: str, env: dict[str, str], timeout: float = 30.0) -> float:
    import pexpect
    import pyte

    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    started = time.monotonic()
    child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(30, 100))
    try:
        while time.monotonic() - started < timeout:
            with contextlib.suppress(pexpect.TIMEOUT):
                stream.feed(child.read_nonblocking(65536, timeout=0.002))
            text = "\n".join(
                "".join(screen.buffer[y][x].data for x in range(screen.columns)) for y in range(screen.lines)
            )
            if marker in text:
                return time.monotonic() - started
        raise RuntimeError(f"no frame with {marker!r} within {timeout} s")
    finally:
        child.terminate(force=True)


def measure(runs: int = 8) -> dict[str, float]:
    zhreader = Path(sys.executable).parent / "zhreader"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TERM": "xterm-256color"}
        # An installed package has its bytecode compiled (pip does it); without this an
        # editable checkout under PYTHONDONTWRITEBYTECODE would recompile every module.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
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
