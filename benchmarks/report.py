"""The benchmark table: printed with Rich, written as Markdown with the machine described."""

from __future__ import annotations

import contextlib
import platform
import subprocess
import time
from importlib import metadata
from pathlib import Path


def machine() -> str:
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for dist in ("zhreader", "whoosh3", "jieba", "jieba-fast-dat", "textual"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{dist} {metadata.version(dist)}")
    try:
        rg = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    except OSError:
        rg = "ripgrep not installed"
    import sqlite3

    return (
        f"{cpu}, {cores} cores; Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"{rg}; {', '.join(versions)}"
    )


def fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def ratio(ours: float | None, theirs: float | None) -> str:
    if not ours or not theirs:
        return "–"
    return f"{ours / theirs:.2f}"


def markdown(sections: list[tuple[str, list[str], list[list[str]]]], notes: list[str], corpus: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} with `python -m benchmarks` on: {machine()}.",
        f"Corpus: {corpus}. Absolute times drift on shared machines; compare the ratios,",
        "which come from one run.",
        "",
    ]
    for title, header, rows in sections:
        lines += [f"## {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines.append("")
    lines += ["## Notes", ""] + [f"- {note}" for note in notes] + [""]
    return "\n".join(lines)
