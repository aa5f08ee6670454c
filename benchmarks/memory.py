"""Memory as Linux accounts it, per process: /proc/PID/status.

Not ``getrusage``: its ``ru_maxrss`` keeps a process's peak from before ``exec``, so a
child started by a big parent reports the parent's size (FTS5 showed 178 MB; it uses
18 MB), and ``RUSAGE_CHILDREN`` gives only the largest child, never a sum.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

SAMPLE_SECONDS = 0.1


def status_mb(pid: int | str, key: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of a process in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def own_peak_mb() -> float:
    return status_mb("self", "VmHWM")


def own_rss_mb() -> float:
    return status_mb("self", "VmRSS")


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found.extend(children)
        frontier.extend(children)
    return found


class TreeSampler:
    """Samples this process and its descendants: the peak of their summed RSS (what the
    machine had to hold at once) and each worker's own peak (VmHWM, last seen alive)."""

    def __init__(self) -> None:
        self.peak_total_mb = 0.0
        self.worker_peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="memory-sampler")

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def largest_worker_mb(self) -> float:
        return max(self.worker_peaks.values(), default=0.0)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        me = os.getpid()
        total = status_mb(me, "VmRSS")
        for child in descendants(me):
            total += status_mb(child, "VmRSS")
            peak = status_mb(child, "VmHWM")
            if peak:
                self.worker_peaks[child] = max(self.worker_peaks.get(child, 0.0), peak)
        self.peak_total_mb = max(self.peak_total_mb, total, own_peak_mb())
