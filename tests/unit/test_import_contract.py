"""The layers' import rules, checked from the sources (import-linter checks them again on
the installed layout in .ci/run): the engine never imports textual or the UI, and nothing
imports the checkout's folder names (``corpus``, ``index``, ``tui``), which exist only in a
source tree and collide with other projects on PyPI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO

ENGINE = ("corpus", "index", "src/zhreader/support", "src/zhreader/errors.py")
SOURCES = ("corpus", "index", "tui", "src", "tests", "benchmarks")


def _imports(path: Path) -> set[str]:
    """Absolute module names imported anywhere in a file (inside functions too)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _files(*roots: str) -> list[Path]:
    paths: list[Path] = []
    for root in roots:
        target = REPO / root
        paths.extend([target] if target.is_file() else sorted(target.rglob("*.py")))
    return paths


def test_engine_sources_do_not_import_the_ui() -> None:
    offenders = []
    for path in _files(*ENGINE):
        bad = {name for name in _imports(path) if name.split(".")[0] == "textual" or name.startswith("zhreader.tui")}
        if bad:
            offenders.append(f"{path.relative_to(REPO)} imports {sorted(bad)}")
    assert offenders == []


def test_nothing_imports_the_checkout_folder_names() -> None:
    offenders = []
    for path in _files(*SOURCES):
        bad = {name for name in _imports(path) if name.split(".")[0] in ("corpus", "index", "tui")}
        if bad:
            offenders.append(f"{path.relative_to(REPO)} imports {sorted(bad)}")
    assert offenders == []


def _loaded_by(statement: str) -> list[str]:
    code = f"import sys; {statement}; print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    return [name for name in out.stdout.strip().split(",") if name]


def test_importing_the_engine_loads_no_ui_module() -> None:
    engine = "import zhreader.corpus, zhreader.index, zhreader.index.searcher, zhreader.index.indexer"
    assert _loaded_by(engine + ", zhreader.corpus.loader, zhreader.corpus.notes.notebook") == []


def test_the_command_line_does_not_import_textual() -> None:
    # `zhreader search` must not pay for Textual's import.
    assert _loaded_by("import zhreader.tui.cli, zhreader.tui.entry") == []
