"""Opening a document's file in the user's editor, at a line.

The editor is ``$VISUAL``, else ``$EDITOR`` (split as a shell would split it, so
``EDITOR="code --wait"`` works); with neither set the user is told, not given a guess.
Editors known to take a line get it: ``+LINE file`` (vi, Vim, Neovim, nano, Emacs, micro,
Kakoune …) or ``file:LINE`` (Helix).
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path

from zhreader.support.oserrors import reason
from zhreader.tui.errors import UIError

PLUS_LINE = frozenset(
    {"vi", "vim", "nvim", "gvim", "mvim", "view", "nano", "pico", "emacs", "emacsclient", "micro", "kak", "mg", "joe"}
)
FILE_COLON_LINE = frozenset({"hx", "helix"})


class EditorError(UIError):
    """No editor is set, or it could not be run."""


def editor_name(program: str) -> str:
    """``/usr/bin/vim.basic`` -> ``vim``; ``nvim.exe`` -> ``nvim``."""
    name = Path(program).name.lower()
    return name.split(".", 1)[0] if "." in name else name


def editor_command(environ: Mapping[str, str], path: Path, line: int | None) -> list[str]:
    """The command that opens ``path`` (at ``line`` where the editor takes one)."""
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            break
    else:
        raise EditorError("No editor set: export VISUAL or EDITOR (for example EDITOR=nano) to open documents with E")
    try:
        argv = shlex.split(value)
    except ValueError as err:
        raise EditorError(f"${variable} is not a command a shell could run ({err}): {value}") from None
    name = editor_name(argv[0])
    if line is not None and name in PLUS_LINE:
        return [*argv, f"+{line}", str(path)]
    if line is not None and name in FILE_COLON_LINE:
        return [*argv, f"{path}:{line}"]
    return [*argv, str(path)]


def run_editor(argv: list[str], suspend: Callable[[], AbstractContextManager[None]]) -> None:
    """Run the editor with the terminal handed over to it (``suspend``: the app's) and
    wait for it; an ``EditorError`` when it could not run or failed."""
    failure: OSError | None = None
    with suspend():
        # Nothing may escape the with block: the app takes the terminal back only when
        # the block ends normally.
        try:
            status = subprocess.run(argv, check=False).returncode
        except OSError as err:
            failure, status = err, -1
    if failure is not None:
        problem = "not found" if isinstance(failure, FileNotFoundError) else reason(failure)
        raise EditorError(f"Cannot run the editor {argv[0]}: {problem} (set by $VISUAL or $EDITOR)")
    if status != 0:
        raise EditorError(f"The editor {editor_name(argv[0])} ended with status {status}")
