"""E opens the document's file in $VISUAL / $EDITOR at the cursor's paragraph.

The headless driver of ``run_test`` cannot suspend (``App.suspend`` raises
SuspendNotSupported there), so the tests that run the editor replace the app's
``suspend`` with a context that does nothing; everything else — finding the line, the
command, running it, the folder watcher picking up the saved file — is the real thing.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from tests.pilot import make_app, ready, wait_until

REPORT = "发展报告\n\n第一段。\n\n  第二段，缩进开头，这一行被硬换行\n切断了，最后结束。\n"


def recording_editor(folder: Path, name: str = "vim") -> tuple[Path, Path]:
    """An executable called ``name`` that records its arguments and appends a paragraph
    to the file it is given (its last argument), as a user saving an edit would."""
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / "arguments.json"
    script = folder / name
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
        "with open(sys.argv[-1], 'a', encoding='utf-8') as f:\n"
        "    f.write('\\n编辑器里新加的一段。\\n')\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script, record


def messages(screen, monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(screen, "notify", lambda message, **kw: seen.append(message))
    return seen


async def test_E_runs_the_editor_at_the_source_line_and_the_saved_change_shows(
    make_corpus, tmp_path: Path, monkeypatch
) -> None:
    root = make_corpus({"报告.txt": REPORT})
    editor, record = recording_editor(tmp_path / "bin")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{editor} -n")
    app = make_app(root, None, tmp_path / "state")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 1)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("enter", "G")  # the last paragraph: its two lines are one in the reader
        start, end = screen.reader.passage()
        assert screen.reader.document.text[start:end] == "第二段，缩进开头，这一行被硬换行切断了，最后结束。"
        await pilot.press("E")
        assert json.loads(record.read_text()) == ["-n", "+5", str(root / "报告.txt")]
        await wait_until(
            pilot,
            lambda: "编辑器里新加的一段" in screen.reader.document.text,
            timeout=30,
            what="the folder watcher to show the saved change",
        )


async def test_E_without_an_editor_or_on_an_epub_says_so_in_one_line(make_corpus, tmp_path: Path, monkeypatch) -> None:
    from tests.formats import epub_file

    root = make_corpus({"报告.txt": REPORT, "书.epub": epub_file().data})
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(root, None, tmp_path / "state")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot, 2)
        seen: list[str] = []
        monkeypatch.setattr(screen, "report", lambda err: seen.append(err.message))
        await pilot.press("enter", "E")  # 书.epub sorts first
        assert screen.reader.document.id == "书.epub"
        assert seen == ["书.epub is not a text file (EPUB): only text files open in an editor"]
        await pilot.press("escape", "j", "enter", "E")  # back to the list, the next document
        assert screen.reader.document.id == "报告.txt"
        assert seen[-1].startswith("No editor set: export VISUAL or EDITOR")
        # With an editor but the headless driver: it cannot hand the terminal over.
        monkeypatch.setenv("EDITOR", "vim")
        await pilot.press("E")
        assert seen[-1] == "This terminal cannot be handed over to an editor"
        assert len(seen) == 3
