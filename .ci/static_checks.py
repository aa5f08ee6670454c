"""Type checks and layer contracts on the package as it is installed.

mypy and import-linter find packages by folder, and the source tree maps its folders
(corpus/, index/, tui/, src/zhreader/) onto one package with setuptools' package-dir. So
the package is staged, as the wheel lays it out, into a temporary folder, both tools run
there, and their file names are mapped back to the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def stage(into: Path) -> dict[str, str]:
    """Copy the Python files of every package into ``into``; {staged: source} prefixes."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    mapping: dict[str, str] = config["package-dir"]
    prefixes: dict[str, str] = {}
    for package in config["packages"]:
        root = max((name for name in mapping if package == name or package.startswith(name + ".")), key=len)
        source = REPO / mapping[root] / Path(*package[len(root) :].split(".")[1:])
        target = into / Path(*package.split("."))
        target.mkdir(parents=True, exist_ok=True)
        for path in source.iterdir():
            if path.suffix in (".py", ".pyi") or path.name == "py.typed":
                shutil.copy2(path, target / path.name)
        staged = str(target.relative_to(into)) + os.sep
        prefixes[staged] = str(source.relative_to(REPO)) + os.sep
        prefixes[str(target) + os.sep] = prefixes[staged]
    return prefixes


def run(command: list[str], cwd: Path, env: dict[str, str], prefixes: dict[str, str]) -> int:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    out = done.stdout + done.stderr
    lines = []
    for line in out.splitlines(keepends=True):
        # The longest staged folder a line starts with is where its file really is.
        staged = max((p for p in prefixes if line.startswith(p)), key=len, default=None)
        lines.append(prefixes[staged] + line[len(staged) :] if staged else line)
    sys.stdout.write("".join(lines))
    return done.returncode


def main() -> int:
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="zhreader-stage-") as tmp:
        stage_dir = Path(tmp)
        prefixes = stage(stage_dir)
        env = {**os.environ, "MYPYPATH": str(stage_dir), "PYTHONPATH": str(stage_dir)}
        print("== mypy", flush=True)
        mypy = run(
            [str(bin_dir / "mypy"), "--config-file", str(REPO / "pyproject.toml"), "-p", "zhreader"],
            stage_dir,
            env,
            prefixes,
        )
        print("== import-linter", flush=True)
        contracts = run(
            [str(bin_dir / "lint-imports"), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
            stage_dir,
            env,
            prefixes,
        )
    return 1 if mypy or contracts else 0


if __name__ == "__main__":
    raise SystemExit(main())
