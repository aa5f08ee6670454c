"""The support layer: outside text shown as data, JSON Lines that survive line readers,
file writes that keep links, modes and devices, reads that never hang."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.support import atomic, jsonlines
from zhreader.support.printable import printable


@given(st.text())
def test_printable_leaves_nothing_a_terminal_obeys(text: str) -> None:
    shown = printable(text)
    assert len(shown) == len(text)  # one symbol for one character: columns stay put
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or 0xD800 <= ord(ch) < 0xE000 for ch in shown)
    shown.encode("utf-8")


def test_printable_shows_escapes_as_symbols() -> None:
    assert printable("a\x1b]0;X\x07\u2028b\tc\n") == "a␛]0;X␇␤b␉c␊"
    assert printable("a\tb\nc\x1b", newlines=True) == "a\tb\nc␛"


@given(
    st.recursive(
        st.text() | st.integers() | st.none(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)
    )
)
def test_json_lines_are_one_line_and_read_back_the_same(value: object) -> None:
    line = jsonlines.dumps(value)
    assert line.splitlines() == [line] or line == ""
    assert json.loads(line) == value
    line.encode("utf-8")  # lone surrogates are escaped, not written
    assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in line)


def test_json_lines_escape_bidirectional_overrides() -> None:
    # A file named bi\u202eri.txt: raw, a terminal would draw the name reversed after it.
    assert jsonlines.dumps({"doc": "bi\u202eri\u2067.txt"}) == '{"doc": "bi\\u202eri\\u2067.txt"}'


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(atomic.read_bytes(fifo))
        except OSError as err:
            outcome.append(err)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)  # bounded: a blocking open would wait for a writer forever
    assert len(outcome) == 1 and isinstance(outcome[0], atomic.NotARegularFile)


def test_writes_go_through_links_and_keep_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    target.chmod(0o604)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    atomic.write_bytes(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new" and stat.S_IMODE(target.stat().st_mode) == 0o604


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic.write_text(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


@pytest.mark.parametrize("make", ["fifo", "folder", "read-only"])
def test_what_cannot_be_replaced_safely_is_refused_untouched(tmp_path: Path, make: str) -> None:
    path = tmp_path / "target"
    if make == "fifo":
        os.mkfifo(path)
    elif make == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"keep")
        path.chmod(0o444)
    with pytest.raises((atomic.NotARegularFile, atomic.ReadOnlyFile)):
        atomic.write_bytes(path, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]  # no temp file left behind
    if make == "read-only":
        assert path.read_bytes() == b"keep"


@given(st.text(alphabet="中a/👨‍👩‍👧é\u0301", max_size=14), st.integers(min_value=0, max_value=14))
def test_a_text_cut_at_its_start_keeps_its_end_within_the_width(text: str, width: int) -> None:
    from zhreader.support.cells import cells, fit_start

    cut = fit_start(text, width)
    assert cells(cut) <= width
    if width == 0:
        assert cut == ""  # as fit() gives: nothing, not a zero-width mark on its own
    elif cells(text) <= width:
        assert cut == text
    else:
        assert cut.startswith("…") and text.endswith(cut[1:])
