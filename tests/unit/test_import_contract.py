"""corpus and index never import textual or tui: the engine must stay usable (and fast
to import) without the UI. Checked statically and at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO

FORBIDDEN = ("textual", "tui")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_engine_sources_do_not_import_the_ui() -> None:
    offenders = []
    for package in ("corpus", "index"):
        for path in sorted((REPO / package).rglob("*.py")):
            bad = _imports(path) & set(FORBIDDEN)
            if bad:
                offenders.append(f"{path.relative_to(REPO)} imports {sorted(bad)}")
    assert offenders == []


def test_importing_the_engine_loads_no_ui_module() -> None:
    code = (
        "import sys, corpus, index, index.searcher, index.indexer, corpus.loader;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == ""


def test_cli_module_does_not_import_textual() -> None:
    # `zhreader search` must not pay for Textual's import.
    code = "import sys, zhreader.tui.cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"
