"""Notes: the file never loses a note, passages are found again after edits."""

from __future__ import annotations

import csv
import dataclasses
import errno
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.errors import NoteNotFound, NotesFileError
from zhreader.corpus.notes import export
from zhreader.corpus.notes.anchor import Status, anchor
from zhreader.corpus.notes.model import Note, NoteError, clean_tag
from zhreader.corpus.notes.store import NotesFile
from zhreader.support.printable import printable
from zhreader.support.spreadsheet import spreadsheet_safe

TEXT = (
    "呼和浩特形成引才聚才“强磁场”\n\n"
    "多年来，我市不断推进区域、项目、技术等要素精准对接、高效耦合，融合形成联动发展、优势互补的发展态势。\n\n"
    "高位推动。坚定不移贯彻党管人才原则，坚持“一把手”抓“第一资源”。"
)
PASSAGE = "坚定不移贯彻党管人才原则"


def make_note(text: str = TEXT, passage: str = PASSAGE, tags=("人才政策",)) -> Note:
    start = text.index(passage)
    return Note.create("doc.txt", text, start, start + len(passage), list(tags), "评论")


# -- tags ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["", "   ", "a,b", "人才，政策", "line\nbreak", "x" * 41, "tab\there", "\x1b[2J"])
def test_bad_tags_are_refused(bad: str) -> None:
    with pytest.raises(NoteError):
        clean_tag(bad)


def test_tags_lose_their_surrounding_spaces_and_nothing_else() -> None:
    assert clean_tag("  数据   中心 ") == "数据   中心"
    assert clean_tag("e\u0301") == "e\u0301"  # not normalised to é: kept as written
    assert clean_tag("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"
    with pytest.raises(NoteError, match="line separators"):
        clean_tag("a\u2028b")  # refused, not turned into "a b"
    with pytest.raises(NoteError, match="at least one tag"):
        Note.create("d", TEXT, 0, 4, [])


@given(st.text(max_size=60))
def test_any_tag_is_kept_exactly_or_refused(raw: str) -> None:
    try:
        tag = clean_tag(raw)
    except NoteError:
        return
    assert tag == raw.strip() and not any(ch in tag for ch in ",，\n\r\t")


def test_ranges_outside_the_document_or_empty_are_refused_with_the_reason() -> None:
    for start, end in [(-1, 3), (0, len(TEXT) + 1)]:
        with pytest.raises(NoteError, match="outside the document"):
            Note.create("d", TEXT, start, end, ["t"])
    for start, end in [(5, 5), (10, 3)]:
        with pytest.raises(NoteError, match=f"the range {start}-{end} is empty"):
            Note.create("d", TEXT, start, end, ["t"])


@given(st.integers(0, len(TEXT) - 1), st.integers(1, 40))
def test_notes_round_trip_through_json(start: int, size: int) -> None:
    end = min(start + size, len(TEXT))
    note = Note.create("d.txt", TEXT, start, end, ["标签", "tag two"], "c")
    assert Note.from_json(json.loads(json.dumps(note.to_json()))) == note
    assert note.quote == TEXT[start:end] and len(note.prefix) <= 32 and len(note.suffix) <= 32


# -- the file -----------------------------------------------------------------------------


@pytest.fixture
def notes(tmp_path: Path) -> NotesFile:
    return NotesFile(tmp_path / "notes" / "corpus.jsonl", lock_timeout=0.5)


def test_add_update_delete(notes: NotesFile) -> None:
    note = notes.add(make_note())
    assert notes.load().notes == [note]
    updated = notes.update(note.id, tags=["数据中心", "人才政策"], comment="新评论")
    assert updated.tags == ("数据中心", "人才政策") and updated.comment == "新评论" and updated.created == note.created
    assert notes.load().notes == [updated]
    assert notes.delete(note.id) == updated
    assert notes.load().notes == []
    with pytest.raises(NoteNotFound, match="no note with id"):
        notes.delete(note.id)


def test_every_line_is_one_versioned_note(notes: NotesFile) -> None:
    notes.add(make_note())
    notes.add(make_note(passage="高效耦合"))
    lines = notes.path.read_text("utf-8").splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["v"] == 1 for line in lines)


def test_a_damaged_line_costs_only_itself_and_is_kept(notes: NotesFile) -> None:
    first = notes.add(make_note())
    with notes.path.open("a", encoding="utf-8") as handle:
        handle.write('{"v": 1, "id": "half-writ\n')  # a line cut short
        handle.write("edited by hand, not json\n")
    second = notes.add(make_note(passage="高效耦合"))
    snapshot = notes.load()
    assert [n.id for n in snapshot.notes] == [first.id, second.id]
    assert [d.line for d in snapshot.damaged] == [2, 3]
    assert len(snapshot.problems()) == 2
    text = notes.path.read_text("utf-8")
    assert '{"v": 1, "id": "half-writ' in text and "edited by hand, not json" in text
    notes.delete(first.id)
    assert "edited by hand, not json" in notes.path.read_text("utf-8")


def test_a_file_that_is_not_a_notes_file_is_never_written(notes: NotesFile) -> None:
    notes.path.parent.mkdir(parents=True)
    notes.path.write_text("name,age\nzhang,3\n", encoding="utf-8")
    with pytest.raises(NotesFileError, match="not a zhreader notes file"):
        notes.add(make_note())
    assert notes.path.read_text("utf-8") == "name,age\nzhang,3\n"


def test_a_newer_schema_is_read_but_not_changed(notes: NotesFile) -> None:
    old = notes.add(make_note())
    with notes.path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"v": 2, "id": "future", "shape": "unknown"}) + "\n")
    snapshot = notes.load()
    assert [n.id for n in snapshot.notes] == [old.id] and snapshot.newer == 1
    before = notes.path.read_bytes()
    with pytest.raises(NotesFileError, match="newer zhreader"):
        notes.add(make_note(passage="高效耦合"))
    assert notes.path.read_bytes() == before


def test_a_read_only_file_gives_a_clear_error(notes: NotesFile) -> None:
    notes.add(make_note())
    before = notes.path.read_bytes()
    notes.path.chmod(0o444)  # refused even as root, who could write it
    with pytest.raises(NotesFileError, match="read-only"):
        notes.add(make_note(passage="高效耦合"))
    assert notes.path.read_bytes() == before
    assert notes.path.stat().st_mode & 0o777 == 0o444


def test_a_denied_write_gives_a_clear_error(notes: NotesFile, monkeypatch) -> None:
    notes.add(make_note())
    before = notes.path.read_bytes()

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("zhreader.support.atomic.tempfile.mkstemp", denied)
    with pytest.raises(NotesFileError, match="read-only"):
        notes.add(make_note(passage="高效耦合"))
    assert notes.path.read_bytes() == before


def test_a_full_disk_loses_nothing(notes: NotesFile, monkeypatch) -> None:
    notes.add(make_note())
    before = notes.path.read_bytes()
    import zhreader.support.atomic

    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zhreader.support.atomic.os, "fsync", full)
    with pytest.raises(NotesFileError, match="disk is full"):
        notes.add(make_note(passage="高效耦合"))
    monkeypatch.setattr(zhreader.support.atomic.os, "fsync", real_fsync)
    assert notes.path.read_bytes() == before
    assert not [p for p in notes.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_locked_file_waits_then_says_so(notes: NotesFile) -> None:
    from zhreader.support.locking import FileLock

    with FileLock(notes.path.with_name(notes.path.name + ".lock")), pytest.raises(NotesFileError, match="locked"):
        notes.add(make_note())


def test_a_folder_is_not_a_notes_file(tmp_path: Path) -> None:
    with pytest.raises(NotesFileError, match="not a regular file"):
        NotesFile(tmp_path).load()


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from zhreader.corpus.notes.model import Note
    from zhreader.corpus.notes.store import NotesFile
    text = "呼和浩特人才政策" * 50
    store = NotesFile(Path(sys.argv[1]), lock_timeout=60)
    for n in range(int(sys.argv[2])):
        note = Note.create(f"doc{n}.txt", text, n % 100, n % 100 + 5, [sys.argv[3]])
        store.add(note)
        print(note.id, flush=True)
    """
)


def test_two_processes_adding_100_notes_each_keep_all_200(tmp_path: Path) -> None:
    path = tmp_path / "shared.jsonl"
    env = dict(os.environ)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "100", tag], env=env, stdout=subprocess.PIPE, text=True
        )
        for tag in ("甲", "乙")
    ]
    ids = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0
        ids.update(out.split())
    snapshot = NotesFile(path).load()
    assert len(snapshot.notes) == 200 and {n.id for n in snapshot.notes} == ids
    assert not snapshot.damaged


def test_kill_9_during_writes_keeps_every_committed_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    env = dict(os.environ)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "100000", "标签"], env=env, stdout=subprocess.PIPE, text=True
    )
    committed: list[str] = []
    assert writer.stdout is not None
    while len(committed) < 40:
        committed.append(writer.stdout.readline().strip())
    time.sleep(0.05)  # let it be in the middle of a write
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    committed += [line.strip() for line in writer.stdout.read().splitlines() if line.strip()]
    snapshot = NotesFile(path).load()
    assert not snapshot.damaged
    assert set(committed) <= {n.id for n in snapshot.notes}


# -- anchoring ----------------------------------------------------------------------------


def test_unchanged_text_keeps_the_range() -> None:
    note = make_note()
    assert anchor(note, TEXT) == anchor(note, TEXT)
    found = anchor(note, TEXT)
    assert found.status is Status.ANCHORED and TEXT[found.start : found.end] == PASSAGE


def test_text_inserted_before_moves_the_passage() -> None:
    note = make_note()
    edited = TEXT.replace("多年来，", "【新增的导语，有好几十个字，用来把后面的内容往后推。】多年来，")
    found = anchor(note, edited)
    assert found.status is Status.MOVED and edited[found.start : found.end] == PASSAGE


def test_a_changed_character_inside_is_found_approximately() -> None:
    note = make_note()
    edited = TEXT.replace("坚定不移贯彻党管人才原则", "坚定不移落实党管人才原则")
    found = anchor(note, edited)
    assert found.status is Status.FUZZY
    assert edited[found.start : found.end] == "坚定不移落实党管人才原则"


def test_a_deleted_passage_is_orphaned_not_lost() -> None:
    note = make_note()
    edited = TEXT.replace("高位推动。坚定不移贯彻党管人才原则，坚持“一把手”抓“第一资源”。", "")
    assert anchor(note, edited).status is Status.ORPHANED


def test_a_duplicated_passage_is_told_apart_by_its_context() -> None:
    passage = "高效耦合"
    note = make_note(passage=passage)
    edited = "前言：" + passage + "，只是重复。\n\n" + TEXT
    found = anchor(note, edited)
    assert found.status is Status.MOVED
    assert edited[found.start - 6 : found.start] == TEXT[TEXT.index(passage) - 6 : TEXT.index(passage)]


def _note_on_001(sample_dir: Path) -> tuple[str, Note, int, int]:
    """Sample 001's text, a note on “强磁场” in ¶6, and where that paragraph starts and ends."""
    from zhreader.corpus.loader import document_from_bytes

    path = next(sample_dir.glob("001_*.txt"))
    text = document_from_bytes(path.name, path.read_bytes())[0].text
    start = text.index("打造人才聚集的“强磁场”") + len("打造人才聚集的“")
    note = Note.create("001.txt", text, start, start + 3, ["人才"], "")
    return text, note, text.rindex("\n", 0, start) + 1, text.index("\n", start)


def test_a_short_quote_whose_paragraph_is_deleted_does_not_jump_to_the_title(sample_dir: Path) -> None:
    # The title holds 强磁场 too, with other words around it.
    text, note, paragraph_start, paragraph_end = _note_on_001(sample_dir)
    edited = text[:paragraph_start] + text[paragraph_end + 1 :]
    assert "强磁场" in edited  # still in the title
    assert anchor(note, edited).status is Status.ORPHANED


def test_a_short_quote_found_again_where_its_context_agrees(sample_dir: Path) -> None:
    text, note, paragraph_start, paragraph_end = _note_on_001(sample_dir)
    paragraph = text[paragraph_start : paragraph_end + 1]
    moved = text[:paragraph_start] + text[paragraph_end + 1 :] + "\n" + paragraph  # to the end
    found = anchor(note, moved)
    assert found.status is Status.MOVED and moved[found.start - 8 : found.end] == "打造人才聚集的“强磁场"
    reworded = text.replace("打造人才聚集的“强磁场”，", "打造人才聚集的“强磁埸”，")  # one character changed
    found = anchor(note, reworded)
    assert found.status is Status.FUZZY and reworded[found.start : found.end] == "强磁埸"


def test_notebook_orphans_notes_of_vanished_documents(tmp_path: Path) -> None:
    from zhreader.corpus.document import Document
    from zhreader.corpus.notes.notebook import Notebook

    store = NotesFile(tmp_path / "n.jsonl")
    store.add(make_note())
    gone = Notebook(store, lambda doc_id: None)
    [placed] = gone.reload()
    assert placed.orphaned and placed.note.quote == PASSAGE
    present = Notebook(store, lambda doc_id: Document.from_stored(doc_id, TEXT, "[]", (0, 4), "UTF-8"))
    [placed] = present.reload()
    assert not placed.orphaned
    assert present.passages("人才政策") == {"doc.txt": [(placed.anchor.start, placed.anchor.end)]}


# -- export -------------------------------------------------------------------------------


def _placed() -> list[export.Placed]:
    one, two = make_note(tags=("人才政策", "数据中心")), make_note(passage="高效耦合", tags=("数据中心",))
    return [export.Placed(n, anchor(n, TEXT), "标题") for n in (one, two)]


def test_csv_opens_in_a_spreadsheet_and_parses_back() -> None:
    data = export.to_csv(_placed())
    assert data.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data.encode("utf-8").decode("utf-8-sig"))))
    assert [(r["tag"], r["quote"]) for r in rows] == [
        ("人才政策", PASSAGE),
        ("数据中心", PASSAGE),
        ("数据中心", "高效耦合"),
    ]
    assert rows[0]["status"] == "anchored" and rows[0]["comment"] == "评论"


def test_json_and_markdown_exports() -> None:
    data = json.loads(export.to_json(_placed()))
    assert [d["quote"] for d in data] == [PASSAGE, "高效耦合"]
    assert {"id", "doc", "start", "end", "quote", "tags", "comment", "status"} <= set(data[0])
    markdown = export.to_markdown(_placed(), "corpus")
    assert "## 人才政策 (1)" in markdown and "## 数据中心 (2)" in markdown and f"> {PASSAGE}" in markdown


def _markdown_blocks(markdown: str) -> list[tuple[str, str]]:
    """(block, text as a reader sees it) of CommonMark, for every block below the title."""
    from markdown_it import MarkdownIt

    blocks: list[tuple[str, str]] = []
    stack: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.nesting == 1:
            stack.append(token.tag)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            parts = []
            for child in token.children or []:
                assert child.type in ("text", "softbreak", "hardbreak"), (child.type, markdown)
                parts.append({"softbreak": " ", "hardbreak": "\n"}.get(child.type, child.content))
            blocks.append(("/".join(stack), "".join(parts)))
        else:
            raise AssertionError(f"unexpected block {token.type} in {markdown!r}")
    return blocks[1:]


def _one_line(text: str) -> str:
    return printable(" ".join(text.split()))


def test_markdown_keeps_the_attribution_out_of_the_quote() -> None:
    first = _placed()[0]
    blocks = _markdown_blocks(export.to_markdown([first], "corpus"))
    assert blocks[:3] == [("h2", "人才政策 (1)"), ("blockquote/p", PASSAGE), ("p", f"— 标题 ({first.note.doc})")]


markdown_data = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30).filter(str.strip)


@given(quote=markdown_data, title=markdown_data, comment=st.text(max_size=40), tag=markdown_data, doc=markdown_data)
def test_markdown_shows_any_quote_title_comment_and_tag_as_written(
    quote: str, title: str, comment: str, tag: str, doc: str
) -> None:
    text = f"前文{quote}后文"
    note = Note.create("doc.txt", text, 2, 2 + len(quote), ["标签"], "")
    note = dataclasses.replace(note, doc=doc, tags=(tag,), comment=comment)
    placed = export.Placed(note, anchor(note, text), title)
    blocks = _markdown_blocks(export.to_markdown([placed], "corpus"))
    assert blocks[0] == ("h2", f"{_one_line(tag)} (1)")
    assert blocks[1] == ("blockquote/p", _one_line(quote))
    assert blocks[2] == ("p", f"— {_one_line(title)} ({_one_line(doc)})")
    shown = "\n".join(text for _, text in blocks[3:])
    kept = [_one_line(line) for line in printable(comment, newlines=True).split("\n")]
    assert all(block == "p" for block, _ in blocks[3:])
    assert shown == "\n".join(line for line in kept if line)


# -- any text a user can paste ------------------------------------------------------------

# Everything a clipboard can hold, line and paragraph separators and controls included
# (lone surrogates cannot be pasted: they are not text).
pasted = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)


@given(comment=pasted, tag=pasted)
def test_anything_pasted_survives_add_list_edit_export_and_reread(tmp_path_factory, comment: str, tag: str) -> None:
    notes = NotesFile(tmp_path_factory.mktemp("notes") / "n.jsonl", lock_timeout=5)
    try:
        kept_tag = clean_tag(tag)
        assert kept_tag == tag.strip()  # accepted means kept as written
    except NoteError:
        kept_tag = "标签"  # tags have rules (no commas, no controls): those are tested above
    note = notes.add(Note.create("doc.txt", TEXT, 0, 4, [kept_tag], comment))
    reread = notes.load()
    assert reread.damaged == [] and reread.notes == [note]
    assert note.comment == comment and note.tags == (kept_tag,)
    edited = notes.update(note.id, comment=comment + "，再改", tags=[kept_tag])
    assert notes.load().notes == [edited] and edited.comment == comment + "，再改"
    placed = [export.Placed(edited, anchor(edited, TEXT), "标题")]
    assert json.loads(export.to_json(placed))[0]["comment"] == edited.comment
    rows = list(csv.DictReader(io.StringIO(export.to_csv(placed).lstrip("\ufeff"))))
    assert rows[0]["comment"] == spreadsheet_safe(edited.comment)
    assert notes.path.read_bytes().count(b"\n") == 1  # still one line: nothing split it
    assert notes.delete(note.id) == edited


def test_a_damaged_line_is_written_back_byte_for_byte(notes: NotesFile) -> None:
    notes.add(make_note())
    damaged = b'{"v": 1, "id": "\xff\xfe broken \x00'
    notes.path.write_bytes(notes.path.read_bytes() + damaged + b"\n")
    assert [d.reason for d in notes.load().damaged] == ["not UTF-8 text"]
    notes.add(make_note(passage="高效耦合"))
    assert damaged + b"\n" in notes.path.read_bytes()
