"""REFI-QDA projects: valid against the published schema, every selection slicing its
source text to its note's quote, and notes surviving export and import."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from zhreader.corpus.notes import qdpx
from zhreader.corpus.notes.model import Note
from zhreader.corpus.notes.notebook import Notebook
from zhreader.corpus.notes.store import NotesFile
from zhreader.index import Searcher

SCHEMA = Path(__file__).parent.parent / "data" / "Project-mrt2019.xsd"
NS = {"q": qdpx.NS}


def _notebook(tmp_path: Path, searcher: Searcher) -> Notebook:
    notes = NotesFile(tmp_path / "notes.jsonl")
    for doc_id, needle, tags, comment in [
        ("000_bc67ab66cdfee0df.txt", "强磁场", ["人才政策", "比喻"], "引号里的比喻\n第二行 \x07 <b>&amp;</b>"),
        ("000_bc67ab66cdfee0df.txt", "呼和浩特", ["地名"], ""),
        ("001_46ad83b1219e4802.txt", "中国", ["地名", "国家"], "=1+1"),
    ]:
        document = searcher.document(doc_id)
        assert document is not None
        start = document.text.index(needle)
        notes.add(Note.create(doc_id, document.text, start, start + len(needle), tags, comment))
    notebook = Notebook(notes, searcher.document)
    notebook.reload()
    return notebook


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def test_export_validates_and_every_selection_slices_to_its_quote(tmp_path: Path, sample_searcher: Searcher) -> None:
    notebook = _notebook(tmp_path, sample_searcher)
    data, count = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    assert count == 3
    members = _members(data)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    root = etree.fromstring(members["project.qde"])
    schema.assertValid(root)
    assert root.tag == f"{{{qdpx.NS}}}Project"
    assert sorted(root.xpath("//q:Code/@name", namespaces=NS)) == ["人才政策", "国家", "地名", "比喻"]
    by_guid = {qdpx.guid("note", item.note.id): item for item in notebook.placed}
    seen = 0
    for source in root.xpath("//q:TextSource", namespaces=NS):
        path = source.get("plainTextPath").removeprefix("internal://")
        text = members[f"sources/{path}"].decode("utf-8")
        assert not text.startswith("\ufeff")
        document = sample_searcher.document(source.get("name"))
        assert document is not None and text == document.text
        for selection in source.xpath("q:PlainTextSelection", namespaces=NS):
            item = by_guid[selection.get("guid")]
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == item.note.quote
            codes = selection.xpath("q:Coding/q:CodeRef/@targetGUID", namespaces=NS)
            assert codes == [qdpx.guid("code", tag) for tag in item.note.tags]
            seen += 1
    assert seen == 3
    comments = root.xpath("//q:Notes/q:Note/q:PlainTextContent/text()", namespaces=NS)
    assert "引号里的比喻\n第二行 \ufffd <b>&amp;</b>" in comments  # XML 1.0 cannot hold BEL


def test_guids_are_stable(tmp_path: Path, sample_searcher: Searcher) -> None:
    notebook = _notebook(tmp_path, sample_searcher)
    first, _ = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    second, _ = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    assert _members(first) == _members(second)


def test_export_then_import_keeps_every_note(tmp_path: Path, sample_searcher: Searcher) -> None:
    notebook = _notebook(tmp_path, sample_searcher)
    data, _ = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    project = qdpx.read(data)
    assert project.skipped == []
    made = qdpx.to_notes(project, sample_searcher.document, lambda name: name)
    assert all(item.placed for item in made)

    def key(note: Note) -> tuple[object, ...]:
        return (note.doc, note.start, note.end, note.quote, note.tags, note.comment.replace("\x07", "\ufffd"))

    assert sorted(key(item.note) for item in made) == sorted(key(item.note) for item in notebook.placed)
    target = NotesFile(tmp_path / "imported.jsonl")
    assert len(target.add_all([item.note for item in made])) == 3
    assert target.add_all([item.note for item in qdpx.to_notes(project, sample_searcher.document, lambda n: n)]) == []


def test_selections_that_cannot_be_placed_are_kept_orphaned(tmp_path: Path, sample_searcher: Searcher) -> None:
    notebook = _notebook(tmp_path, sample_searcher)
    data, _ = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    project = qdpx.read(data)
    # The documents are not in this corpus: every note is kept, none placed.
    made = qdpx.to_notes(project, lambda doc_id: None, lambda name: None)
    assert len(made) == 3 and not any(item.placed for item in made)
    assert {item.note.quote for item in made} == {"强磁场", "呼和浩特", "中国"}
    notes = NotesFile(tmp_path / "orphans.jsonl")
    notes.add_all([item.note for item in made])
    placed = Notebook(notes, sample_searcher.document).reload()
    assert len(placed) == 3


def test_every_note_has_a_valid_date(tmp_path: Path, sample_searcher: Searcher) -> None:
    # QualCoder's RefiImport.parse_notes (src/qualcoder/refi.py) reads creationDateTime,
    # else modifiedDateTime, of every Note and stops the whole import with an error when a
    # Note has neither; and a stamp of the right shape can still be no date at all.
    notes = NotesFile(tmp_path / "notes.jsonl")
    document = sample_searcher.document("000_bc67ab66cdfee0df.txt")
    assert document is not None
    stamps = {
        "强磁场": ("", "", None),  # an older or hand-edited notes file
        "呼和浩特": ("2024-13-45T10:00:00Z", "2024-02-01T10:00:00Z", "2024-02-01T10:00:00Z"),
        "中国": ("2024-01-02T08:00:00.25+08:00", "", "2024-01-02T00:00:00Z"),
        "北京": ("２０２４-01-02T08:00:00Z", "2024-01-02T08:00:00", "2024-01-02T08:00:00"),
    }
    for needle, (created, updated, _) in stamps.items():
        start = document.text.index(needle)
        note = Note.create(document.id, document.text, start, start + len(needle), ["地名"], f"on {needle}")
        notes.add(replace(note, created=created, updated=updated))
    notebook = Notebook(notes, sample_searcher.document)
    notebook.reload()
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    data, count = qdpx.write(notebook.placed, sample_searcher.document, "sample")
    assert count == len(stamps)
    root = etree.fromstring(_members(data)["project.qde"])
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(root)
    for selection in root.xpath("//q:PlainTextSelection", namespaces=NS):
        [ref] = selection.xpath("q:NoteRef/@targetGUID", namespaces=NS)
        [note] = root.xpath(f"//q:Notes/q:Note[@guid='{ref}']", namespaces=NS)
        expected = stamps[selection.get("name")][2]
        if expected is None:  # no stamp of its own: the export's time
            stamp = datetime.fromisoformat(note.get("creationDateTime").removesuffix("Z"))
            assert before <= stamp <= datetime.now(UTC).replace(tzinfo=None)
        else:
            assert note.get("creationDateTime") == expected
        assert selection.get("creationDateTime") == qdpx.stamp_of(stamps[selection.get("name")][0])


_REFI_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ?", re.ASCII)


@given(
    st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9998, 12, 30)),
    st.integers(-14 * 60, 14 * 60),
    st.sampled_from(["", ".5", ".123456", ".123456789"]),
)
def test_stamps_become_whole_seconds_in_utc(moment: datetime, offset: int, fraction: str) -> None:
    moment = moment.replace(microsecond=0)
    zone = timezone(timedelta(minutes=offset))
    text = moment.isoformat() + fraction + moment.replace(tzinfo=zone).isoformat()[19:]
    utc = moment.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    assert qdpx.stamp_of(text) == utc.isoformat() + "Z"
    assert qdpx.stamp_of(moment.isoformat() + fraction) == moment.isoformat()


@given(st.text(alphabet="0123456789-+:TZ.٢ ", max_size=40))
def test_a_stamp_is_a_real_date_time_or_none(text: str) -> None:
    stamp = qdpx.stamp_of(text)
    assert stamp is None or (_REFI_STAMP.fullmatch(stamp) and datetime.fromisoformat(stamp))


def _project(xml: str, sources: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        zipped.writestr("project.qde", xml)
        for name, text in sources.items():
            zipped.writestr(f"Sources/{name}", "\ufeff" + text)
    return out.getvalue()


def test_reads_a_project_made_elsewhere(sample_searcher: Searcher) -> None:
    document = sample_searcher.document("001_46ad83b1219e4802.txt")
    assert document is not None
    start = document.text.index("中国")
    guid = "{8E7FDDFE-DB36-48DC-B464-80C3A4DECD90}"
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="elsewhere">
 <CodeBook><Codes><Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134b" name="Place, country" isCodable="true">
  <Code guid="2dfba8c9-59f5-4424-99d6-ea9bce18134c" name="China" isCodable="true"/></Code></Codes></CodeBook>
 <Sources><TextSource guid="{guid}" name="001_46ad83b1219e4802.txt" plainTextPath="internal://a.txt">
  <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c5" startPosition="{start}" endPosition="{start + 2}"
   creationDateTime="2019-06-07T05:36:36.5+02:00">
   <Description>memo</Description>
   <Coding guid="76414714-63c4-4a25-a47e-66fef80bd52e">
    <CodeRef targetGUID="2dfba8c9-59f5-4424-99d6-ea9bce18134b"/></Coding>
   <Coding guid="76414714-63c4-4a25-a47e-66fef80bd52f">
    <CodeRef targetGUID="2dfba8c9-59f5-4424-99d6-ea9bce18134c"/></Coding>
  </PlainTextSelection>
  <PlainTextSelection guid="08cbced0-d736-44c8-8fd6-eb4d29fe46c6" startPosition="0" endPosition="999999"/>
 </TextSource></Sources>
</Project>"""
    # The source file carries a BOM, as QualCoder writes it; positions count after it.
    project = qdpx.read(_project(xml, {"a.txt": document.text}))
    assert len(project.selections) == 1 and "outside its text" in project.skipped[0]
    [item] = qdpx.to_notes(project, sample_searcher.document, lambda name: name)
    assert item.placed and item.note.quote == "中国" and item.note.start == start
    assert item.note.tags == ("Place country", "China") and item.note.comment == "memo"
    assert item.note.created == item.note.updated == "2019-06-07T03:36:36Z"  # as zhreader stamps notes


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a zip file"),
        (_project("<x/>", {}), "not a QDA-XML Project"),
        (_project("<Project", {}), "not well-formed"),
    ],
)
def test_unreadable_projects_are_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(qdpx.QdpxError, match=message):
        qdpx.read(data)
