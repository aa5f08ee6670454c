"""Notes as a REFI-QDA project (``.qdpx``): the exchange format of QualCoder, NVivo,
ATLAS.ti and MAXQDA (QDA-XML 1.0, namespace ``urn:QDA-XML:project:1.0``).

A ``.qdpx`` is a zip holding ``project.qde`` (the XML) and a ``sources`` folder. What
zhreader writes:

* a code per tag (the codebook), in name order;
* a ``TextSource`` per document that has notes, its display text in
  ``sources/<guid>.txt`` (UTF-8, no BOM, ``\\n`` line ends: QualCoder reads the file as it
  is, and a BOM would be a character before the first one the positions count);
  its name is the document id, its description the title;
* a ``PlainTextSelection`` per note, ``startPosition``/``endPosition`` the note's range
  in that text, counted in characters (code points), coded with each of its tags; its
  comment is the selection's ``Description`` (what QualCoder and MAXQDA read as the coding
  memo) and a project ``Note`` the selection refers to (what ATLAS.ti and NVivo show);
* date-times in whole seconds, in UTC with ``Z`` when the zone is known: the one form
  QualCoder turns into its own dates (it only drops the ``T`` and the ``Z``, and writes a
  ``Z`` back on export). Every ``Note`` has one: QualCoder's import stops with an error
  at a ``Note`` that has neither a ``creationDateTime`` nor a ``modifiedDateTime``.

GUIDs are derived from what they name (a tag, a document id, a note id), so exporting the
same notes twice gives the same GUIDs, and a project re-exported merges in other tools.
Orphaned notes (whose passage is no longer in the document) have no range to give and are
left out; the caller says how many.

Reading takes any project: each text selection becomes a note on the document named by its
source (the document id, else a unique file name), placed by its range and quote as any
note is re-anchored; a selection that cannot be placed is kept as an orphaned note, never
dropped. XML 1.0 cannot hold most control characters: in a comment they are written as
U+FFFD.
"""

from __future__ import annotations

import io
import posixpath
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from zhreader.corpus.document import Document
from zhreader.corpus.errors import CorpusError
from zhreader.corpus.notes.anchor import Status, anchor
from zhreader.corpus.notes.export import Placed
from zhreader.corpus.notes.model import MAX_COMMENT_CHARS, MAX_TAG_CHARS, Note, clean_tags, now
from zhreader.errors import ExitCode

NS = "urn:QDA-XML:project:1.0"
_Q = f"{{{NS}}}"
# GUIDs are uuid5 names in this namespace (itself uuid5 of the project's URL).
_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/zhreader/zhreader#refi-qda")
USER = "zhreader"
UNCODED = "uncoded"  # the tag of a selection that another tool left without a code
MAX_PROJECT_BYTES = 256 * 1024 * 1024  # what one project.qde or source may unpack to
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG_FORBIDDEN = re.compile("[,，\n\r\t\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$", re.ASCII)


class QdpxError(CorpusError):
    """A file that is not a readable REFI-QDA project."""

    exit_code = ExitCode.USAGE


def guid(kind: str, name: str) -> str:
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{kind}:{name}"))


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def stamp_of(text: str) -> str | None:
    """An ISO 8601 date-time as a valid ``xsd:dateTime`` in whole seconds, converted to
    UTC (``Z``) when it has a zone; None when it is not a real date-time (a 13th month
    has the right shape but would make the project fail the schema)."""
    if not _STAMP.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            return moment.isoformat(timespec="seconds")
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    except (ValueError, OverflowError):
        return None


def _stamped(element: ET.Element, stamp: str) -> None:
    valid = stamp_of(stamp)
    if valid is not None:
        element.set("creationDateTime", valid)


# -- writing -----------------------------------------------------------------------------


def write(placed: Iterable[Placed], document: Callable[[str], Document | None], name: str) -> tuple[bytes, int]:
    """The ``.qdpx`` bytes of the placed notes, and how many notes it holds."""
    by_doc: dict[str, list[Placed]] = {}
    for item in placed:
        if not item.orphaned:
            by_doc.setdefault(item.note.doc, []).append(item)
    texts: dict[str, Document] = {}
    for doc_id in sorted(by_doc):
        found = document(doc_id)
        if found is not None:
            texts[doc_id] = found
    user = guid("user", USER)
    project = ET.Element(f"{_Q}Project", {"name": _xml_text(name), "origin": "zhreader", "creatingUserGUID": user})
    users = ET.SubElement(project, f"{_Q}Users")
    ET.SubElement(users, f"{_Q}User", {"guid": user, "name": USER})
    tags = sorted({tag for doc_id in texts for item in by_doc[doc_id] for tag in item.note.tags})
    if tags:
        codes = ET.SubElement(ET.SubElement(project, f"{_Q}CodeBook"), f"{_Q}Codes")
        for tag in tags:
            ET.SubElement(codes, f"{_Q}Code", {"guid": guid("code", tag), "name": _xml_text(tag), "isCodable": "true"})
    archive = io.BytesIO()
    count = 0
    comments: list[Note] = []
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        if texts:
            sources = ET.SubElement(project, f"{_Q}Sources")
            for doc_id, doc in texts.items():
                source_guid = guid("source", doc_id)
                zipped.writestr(f"sources/{source_guid}.txt", doc.text.encode("utf-8"))
                source = ET.SubElement(
                    sources,
                    f"{_Q}TextSource",
                    {"guid": source_guid, "name": _xml_text(doc_id), "plainTextPath": f"internal://{source_guid}.txt"},
                )
                ET.SubElement(source, f"{_Q}Description").text = _xml_text(doc.title)
                for item in sorted(by_doc[doc_id], key=lambda i: (i.anchor.start, i.anchor.end, i.note.id)):
                    _selection(source, item, user)
                    count += 1
                    if item.note.comment:
                        comments.append(item.note)
        if comments:
            notes = ET.SubElement(project, f"{_Q}Notes")
            for note in comments:
                element = ET.SubElement(notes, f"{_Q}Note", {"guid": guid("comment", note.id), "creatingUser": user})
                # An older or hand-edited notes file may lack the stamps; the export's time
                # stands in for them, as QualCoder needs one.
                element.set("creationDateTime", stamp_of(note.created) or stamp_of(note.updated) or now())
                ET.SubElement(element, f"{_Q}PlainTextContent").text = _xml_text(note.comment)
        ET.register_namespace("", NS)
        xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
        zipped.writestr("project.qde", xml)
    return archive.getvalue(), count


def _selection(source: ET.Element, item: Placed, user: str) -> None:
    note = item.note
    selection = ET.SubElement(
        source,
        f"{_Q}PlainTextSelection",
        {
            "guid": guid("note", note.id),
            "name": _xml_text(" ".join(note.quote.split())[:60]),
            "startPosition": str(item.anchor.start),
            "endPosition": str(item.anchor.end),
            "creatingUser": user,
        },
    )
    _stamped(selection, note.created)
    if note.comment:
        ET.SubElement(selection, f"{_Q}Description").text = _xml_text(note.comment)
    for tag in note.tags:
        coding = ET.SubElement(
            selection, f"{_Q}Coding", {"guid": guid("coding", f"{note.id}:{tag}"), "creatingUser": user}
        )
        ET.SubElement(coding, f"{_Q}CodeRef", {"targetGUID": guid("code", tag)})
    if note.comment:
        ET.SubElement(selection, f"{_Q}NoteRef", {"targetGUID": guid("comment", note.id)})


# -- reading -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Selection:
    """One coded text passage of a project, as the project has it."""

    guid: str
    source: str  # the source's name
    text: str  # the source's plain text
    start: int
    end: int
    tags: tuple[str, ...]
    comment: str
    created: str


@dataclass
class Project:
    name: str
    selections: list[Selection] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what could not be read, and why


def _member(zipped: zipfile.ZipFile, name: str) -> bytes:
    info = zipped.getinfo(name)
    if info.file_size > MAX_PROJECT_BYTES:
        raise QdpxError(f"{name} in the project is too large ({info.file_size:,} bytes)")
    return zipped.read(info)


def read(data: bytes) -> Project:
    """The text selections of a ``.qdpx`` (raises QdpxError when it is not one)."""
    try:
        zipped = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise QdpxError("not a REFI-QDA project (.qdpx): not a zip file") from None
    with zipped:
        names = {name.lower(): name for name in zipped.namelist()}
        qde = next((names[n] for n in names if n.endswith(".qde") and "/" not in n.strip("/")), None)
        if qde is None:
            raise QdpxError("not a REFI-QDA project (.qdpx): it holds no project.qde")
        try:
            root = ET.fromstring(_member(zipped, qde))
        except ET.ParseError as err:
            raise QdpxError(f"the project.qde is not well-formed XML ({err})") from None
        except zipfile.BadZipFile as err:
            raise QdpxError(f"the .qdpx is damaged ({err})") from None
        ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        if root.tag != f"{ns}Project" or not ns.startswith("{urn:QDA-XML:project:"):
            raise QdpxError("not a REFI-QDA project: the root of project.qde is not a QDA-XML Project")
        project = Project(root.get("name", ""))
        codes = _codes(root, ns)
        notes = {
            element.get("guid", ""): _note_text(element, ns, zipped, names)
            for element in root.iter(f"{ns}Note")
            if element.get("guid")
        }
        for source in root.iter(f"{ns}TextSource"):
            _read_source(source, ns, zipped, names, codes, notes, project)
    return project


def _codes(root: ET.Element, ns: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for code in root.iter(f"{ns}Code"):
        if code.get("guid"):
            found[code.get("guid", "")] = code.get("name", "")
    return found


def _source_text(element: ET.Element, ns: str, zipped: zipfile.ZipFile, names: dict[str, str]) -> str | None:
    content = element.find(f"{ns}PlainTextContent")
    if content is not None:
        return content.text or ""
    path = element.get("plainTextPath", "")
    if not path.startswith("internal://"):
        return None  # relative:// and absolute paths point outside the project
    wanted = posixpath.normpath("sources/" + path.removeprefix("internal://").lstrip("/")).lower()
    member = names.get(wanted)
    if member is None:
        return None
    try:
        return _member(zipped, member).decode("utf-8-sig")
    except (UnicodeDecodeError, zipfile.BadZipFile):
        return None


def _note_text(element: ET.Element, ns: str, zipped: zipfile.ZipFile, names: dict[str, str]) -> str:
    return _source_text(element, ns, zipped, names) or ""


def _read_source(
    source: ET.Element,
    ns: str,
    zipped: zipfile.ZipFile,
    names: dict[str, str],
    codes: dict[str, str],
    notes: dict[str, str],
    project: Project,
) -> None:
    name = source.get("name", "") or source.get("guid", "")
    selections = source.findall(f"{ns}PlainTextSelection")
    if not selections:
        return
    text = _source_text(source, ns, zipped, names)
    if text is None:
        project.skipped.append(f"{len(selections)} selection(s) of {name!r}: its text is not in the project")
        return
    for element in selections:
        try:
            start, end = int(element.get("startPosition", "")), int(element.get("endPosition", ""))
        except ValueError:
            project.skipped.append(f"a selection of {name!r} without a valid position")
            continue
        if not 0 <= start < end <= len(text):
            project.skipped.append(f"a selection of {name!r} at {start}-{end}, outside its text (0-{len(text)})")
            continue
        tags = tuple(
            codes.get(ref.get("targetGUID", ""), "")
            for coding in element.findall(f"{ns}Coding")
            for ref in coding.findall(f"{ns}CodeRef")
        )
        description = element.find(f"{ns}Description")
        comment = (description.text or "") if description is not None else ""
        if not comment:
            refs = [notes.get(ref.get("targetGUID", ""), "") for ref in element.findall(f"{ns}NoteRef")]
            comment = "\n\n".join(text for text in refs if text)
        project.selections.append(
            Selection(
                element.get("guid", ""),
                name,
                text,
                start,
                end,
                tags,
                comment,
                element.get("creationDateTime", ""),
            )
        )


# -- notes from a project -----------------------------------------------------------------


def tag_of(code: str) -> str | None:
    """A code name as a tag: what a tag cannot hold (commas, line breaks, controls)
    becomes a space, and it is cut to the length a tag may have."""
    cleaned = " ".join(_TAG_FORBIDDEN.sub(" ", code).split())[:MAX_TAG_CHARS]
    return cleaned or None


@dataclass(frozen=True, slots=True)
class Imported:
    note: Note
    placed: bool  # False: kept as an orphaned note


def to_notes(
    project: Project, document: Callable[[str], Document | None], resolve: Callable[[str], str | None]
) -> list[Imported]:
    """A note for every selection: on the document ``resolve`` names for its source, at
    its range when the text there is its quote, else where its quote (with its context)
    is now; kept as an orphaned note when neither works or no document is named."""
    made: list[Imported] = []
    documents: dict[str, Document | None] = {}
    for selection in project.selections:
        tags = [tag for tag in map(tag_of, selection.tags) if tag] or [UNCODED]
        comment = "".join(ch for ch in selection.comment if not "\ud800" <= ch <= "\udfff")[:MAX_COMMENT_CHARS]
        text = selection.text
        start, end = selection.start, min(selection.end, len(text))
        doc_id = resolve(selection.source)
        target = None
        if doc_id is not None:
            if doc_id not in documents:
                documents[doc_id] = document(doc_id)
            target = documents[doc_id]
        stamp = stamp_of(selection.created) or ""
        blank = Note(
            id=uuid.uuid5(_GUID_NAMESPACE, f"import:{selection.guid}:{selection.source}").hex[:12],
            doc=doc_id if doc_id is not None else (selection.source or "unnamed source"),
            start=0,
            end=0,
            quote="",
            prefix="",
            suffix="",
            hash="",
            block=0,
            tags=clean_tags(tags),
            comment=comment,
        )
        # Pinned on the project's own text first: its quote and context re-anchor it.
        guess = blank.moved_to(text, start, end, 0)
        if stamp:
            guess = replace(guess, created=stamp, updated=stamp)
        found = anchor(guess, target.text) if target is not None and guess.quote else None
        if target is None or found is None or found.status is Status.ORPHANED:
            made.append(Imported(guess, placed=False))
            continue
        note = guess.moved_to(
            target.text, found.start, found.end, target.block_at(found.start), target.page_at(found.start)
        )
        made.append(Imported(note, placed=True))
    return made
