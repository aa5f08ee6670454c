"""The editor command: $VISUAL before $EDITOR, split as a shell splits, the line where
the editor takes one, a clear message where there is no editor."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

from zhreader.tui.editor import EditorError, editor_command, run_editor

FILE = Path("/corpus/报告 一.txt")


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vim", ["vim", "+12", str(FILE)]),
        ("/usr/bin/vim.basic -u NONE", ["/usr/bin/vim.basic", "-u", "NONE", "+12", str(FILE)]),
        ("nvim", ["nvim", "+12", str(FILE)]),
        ("nano", ["nano", "+12", str(FILE)]),
        ("emacs -nw", ["emacs", "-nw", "+12", str(FILE)]),
        ("micro", ["micro", "+12", str(FILE)]),
        ("kak", ["kak", "+12", str(FILE)]),
        ("hx", ["hx", f"{FILE}:12"]),
        ("'/opt/my editor/code' --wait", ["/opt/my editor/code", "--wait", str(FILE)]),
    ],
)
def test_the_line_goes_where_the_editor_takes_it(editor: str, expected: list[str]) -> None:
    assert editor_command({"EDITOR": editor}, FILE, 12) == expected


def test_visual_comes_before_editor_and_no_line_opens_at_the_top() -> None:
    assert editor_command({"VISUAL": "nvim", "EDITOR": "nano"}, FILE, None) == ["nvim", str(FILE)]
    assert editor_command({"VISUAL": "  ", "EDITOR": "nano"}, FILE, 3) == ["nano", "+3", str(FILE)]


def test_no_editor_or_a_broken_one_is_one_clear_line() -> None:
    with pytest.raises(EditorError, match=r"^No editor set: export VISUAL or EDITOR"):
        editor_command({}, FILE, 1)
    with pytest.raises(EditorError, match=r"^\$EDITOR is not a command a shell could run"):
        editor_command({"EDITOR": "vim '-u"}, FILE, 1)


def test_an_editor_that_cannot_run_or_fails_is_reported_and_the_terminal_comes_back() -> None:
    resumed: list[bool] = []

    @contextlib.contextmanager
    def suspend():
        yield
        resumed.append(True)  # reached only when the with block ended normally

    with pytest.raises(EditorError, match=r"^Cannot run the editor /no/such/editor: not found"):
        run_editor(["/no/such/editor", str(FILE)], suspend)
    with pytest.raises(EditorError, match=r"ended with status 3$"):
        run_editor([sys.executable, "-c", "raise SystemExit(3)"], suspend)
    assert resumed == [True, True]
