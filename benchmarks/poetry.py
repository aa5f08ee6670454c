"""A traditional-script corpus: the Tang poems of the npm package ``chinese-poetry``.

The package (MIT licensed data, 57,607 Tang poems in traditional characters) is fetched
with ``npm pack`` into a cache folder once; each poem becomes one file: its title, its
author and its verses, one per line, with no blank lines, as a plain-text dump of poems
looks. That layout is the hard case for line repair: no line of it is a wrapped line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

PACKAGE = "chinese-poetry@2.0.1"
TARBALL = "chinese-poetry-2.0.1.tgz"
TANG = "package/dist/quantangshi/poet.tang."


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhreader-benchmarks"


def fetch(cache: Path | None = None) -> Path:
    """The package's tarball, fetched with npm the first time."""
    folder = cache or cache_dir()
    tarball = folder / TARBALL
    if tarball.is_file():
        return tarball
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(f"the traditional-script corpus needs npm once (npm pack {PACKAGE}); or pass --no-poetry")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "pack", PACKAGE], cwd=folder, check=True, capture_output=True)
    return tarball


def poems(tarball: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    with tarfile.open(tarball) as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.name.startswith(TANG) and m.name.endswith(".json")),
            key=lambda m: int(m.name.removeprefix(TANG).removesuffix(".json")),
        )
        for member in members:
            handle = archive.extractfile(member)
            assert handle is not None
            found.extend(json.load(handle))
    return found


def write_corpus(tarball: Path, target: Path, limit: int | None = None) -> int:
    """One file per poem under ``target``, a folder per thousand; the number written."""
    if target.exists():
        shutil.rmtree(target)
    written = 0
    for number, poem in enumerate(poems(tarball)[:limit]):
        verses = [str(line).strip() for line in poem["paragraphs"] if str(line).strip()]  # type: ignore[attr-defined]
        if not verses:
            continue
        folder = target / f"{number // 1000:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n".join([str(poem["title"]).strip(), str(poem["author"]).strip(), *verses]) + "\n"
        (folder / f"{number:05d}.txt").write_text(body, encoding="utf-8")
        written += 1
    return written
