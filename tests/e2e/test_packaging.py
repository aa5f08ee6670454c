"""The wheel: one top-level name, every source file, the data files, and a package that
runs from it (``python -m zhreader``) without the source tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.paths import REPO

SOURCE_FOLDERS = {
    "zhreader": "src/zhreader",
    "zhreader/corpus": "corpus",
    "zhreader/index": "index",
    "zhreader/tui": "tui",
}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in ("corpus", "index", "tui", "src"):
        shutil.copytree(REPO / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    [found] = (work / "dist").glob("zhreader-*.whl")
    return found


def _names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_the_only_top_level_name_is_zhreader(wheel: Path) -> None:
    tops = {name.split("/")[0] for name in _names(wheel) if ".dist-info/" not in name}
    assert tops == {"zhreader"}
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(n for n in archive.namelist() if n.endswith(".dist-info/top_level.txt"))
        assert archive.read(dist_info).decode().split() == ["zhreader"]


def test_every_source_file_and_data_file_is_in_the_wheel(wheel: Path) -> None:
    names = set(_names(wheel))
    expected = set()
    for installed, folder in SOURCE_FOLDERS.items():
        for path in (REPO / folder).rglob("*"):
            if path.suffix in (".py", ".tcss", ".txt") or path.name == "py.typed":
                relative = path.relative_to(REPO / folder)
                if relative.parts[0] in ("corpus", "index", "tui") and installed == "zhreader":
                    continue
                expected.add(f"{installed}/{relative.as_posix()}")
    assert expected - names == set()
    assert "zhreader/tui/app.tcss" in names and "zhreader/corpus/sample/001_46ad83b1219e4802.txt" in names


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    found = set()
    for installed, folder in SOURCE_FOLDERS.items():
        for init in (REPO / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(REPO / folder)
            found.add(".".join((*installed.split("/"), *relative.parts)))
    assert found == listed


def test_the_wheel_runs_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    # The unpacked wheel comes first on the path, ahead of any editable install.
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code = "import zhreader.tui.cli as m, zhreader.corpus as c; print(m.__file__); print(c.sample_corpus())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert all(line.startswith(str(site)) for line in out.stdout.split())
    version = subprocess.run(
        [sys.executable, "-m", "zhreader", "--version"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert version.returncode == 0 and version.stdout.startswith("zhreader, version ")
