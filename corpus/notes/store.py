"""The notes file: JSON Lines, one note a line, each with its schema version.

Reading is tolerant: a line that is not a valid note (damaged by hand, cut short) is
reported and skipped, and costs only itself. Writing is safe: under a file lock (two
zhreader windows never overwrite each other's notes) the file is read again, changed,
written to a temporary file, fsynced and renamed into place (a crash leaves the old or
the new file, never half of one). Damaged lines, and lines from a newer zhreader, are
written back exactly as they were: nothing is ever dropped.

A file whose lines are all unreadable is not treated as a notes file at all, and one
written by a newer zhreader is not changed: both are refused with a clear message.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from zhreader.corpus.errors import NoteError, NoteNotFound, NotesFileError
from zhreader.corpus.notes.model import SCHEMA, Note, clean_comment, clean_tags, now
from zhreader.support import atomic, jsonlines
from zhreader.support.locking import FileLock, LockTimeout
from zhreader.support.oserrors import reason

LOCK_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class Damaged:
    line: int  # 1-based
    raw: bytes  # written back exactly, whatever it holds
    reason: str


@dataclass
class Snapshot:
    """What the file holds, in file order."""

    notes: list[Note] = field(default_factory=list)
    damaged: list[Damaged] = field(default_factory=list)
    newer: int = 0  # lines written by a newer zhreader (kept, not shown)
    refusal: str | None = None  # why this file must not be written

    def find(self, note_id: str) -> Note | None:
        return next((note for note in self.notes if note.id == note_id), None)

    def problems(self) -> list[str]:
        lines = [f"line {d.line} of the notes file is damaged and was skipped ({d.reason})" for d in self.damaged]
        if self.newer:
            lines.append(f"{self.newer} note(s) come from a newer zhreader and are not shown")
        return lines


# One entry per line: a Note, or the bytes of a line to write back unchanged.
_Entry = Note | bytes


def _parse(content: bytes) -> tuple[list[_Entry], Snapshot]:
    """Lines end at b"\n" only: a note's text may hold any other line separator
    (U+2028, U+0085, \r), which str.splitlines would cut it at."""
    entries: list[_Entry] = []
    snapshot = Snapshot()
    for number, raw in enumerate(content.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8").removeprefix("\ufeff")
            value = json.loads(line)
        except UnicodeDecodeError:
            snapshot.damaged.append(Damaged(number, raw, "not UTF-8 text"))
            entries.append(raw)
            continue
        except ValueError:
            snapshot.damaged.append(Damaged(number, raw, "not JSON"))
            entries.append(raw)
            continue
        version = value.get("v") if isinstance(value, dict) else None
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA:
            snapshot.newer += 1
            entries.append(raw)
            continue
        try:
            note = Note.from_json(value)
        except NoteError as err:
            snapshot.damaged.append(Damaged(number, raw, str(err)))
            entries.append(raw)
            continue
        entries.append(note)
        snapshot.notes.append(note)
    if snapshot.newer:
        snapshot.refusal = "this notes file was written by a newer zhreader; upgrade zhreader to change it"
    elif snapshot.damaged and not snapshot.notes:
        snapshot.refusal = "this file is not a zhreader notes file (no line in it is a note); it was left untouched"
    return entries, snapshot


def _os_message(err: OSError, path: Path) -> str:
    if err.errno == errno.ENOSPC:
        return f"cannot save notes: the disk is full (nothing was changed in {path})"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot save notes: {path} is read-only (nothing was changed)"
    if isinstance(err, (IsADirectoryError, atomic.NotARegularFile)):
        return f"cannot use {path} as a notes file: it is not a regular file"
    return f"cannot save notes in {path}: {reason(err)}"


class NotesFile:
    def __init__(self, path: Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        self.lock_timeout = lock_timeout

    def _read(self) -> tuple[list[_Entry], Snapshot]:
        try:
            data = atomic.read_bytes(self.path)
        except FileNotFoundError:
            return [], Snapshot()
        except (IsADirectoryError, atomic.NotARegularFile):
            raise NotesFileError(f"cannot use {self.path} as a notes file: it is not a regular file") from None
        except OSError as err:
            raise NotesFileError(f"cannot read notes from {self.path}: {reason(err)}") from None
        return _parse(data)

    def load(self) -> Snapshot:
        return self._read()[1]

    @property
    def mtime(self) -> float | None:
        try:
            return os.stat(self.path).st_mtime
        except OSError:
            return None

    def _change(self, change: Callable[[list[_Entry], Snapshot], Note]) -> Note:
        # Beside the file itself, not beside a symlink to it: every writer takes the same lock.
        target = atomic.target_of(self.path)
        lock = FileLock(target.with_name(target.name + ".lock"), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except LockTimeout:
            raise NotesFileError(f"the notes file {self.path} is locked by another zhreader; try again") from None
        except OSError as err:
            raise NotesFileError(_os_message(err, self.path)) from None
        try:
            entries, snapshot = self._read()
            if snapshot.refusal:
                raise NotesFileError(f"{self.path}: {snapshot.refusal}")
            result = change(entries, snapshot)
            lines = [jsonlines.dumps(e.to_json()).encode("utf-8") if isinstance(e, Note) else e for e in entries]
            try:
                atomic.write_bytes(self.path, b"".join(line + b"\n" for line in lines))
            except OSError as err:
                raise NotesFileError(_os_message(err, self.path)) from None
            return result
        finally:
            lock.release()

    # -- changes -----------------------------------------------------------------------

    def add(self, note: Note) -> Note:
        def change(entries: list[_Entry], snapshot: Snapshot) -> Note:
            if snapshot.find(note.id) is not None:
                raise NotesFileError(f"a note with id {note.id} already exists")
            entries.append(note)
            return note

        return self._change(change)

    def add_all(self, notes: list[Note]) -> list[Note]:
        """Add the notes whose id the file does not hold yet, in one write; the ones added."""

        def change(entries: list[_Entry], snapshot: Snapshot) -> Note:
            known = {note.id for note in snapshot.notes}
            for note in notes:
                if note.id not in known:
                    known.add(note.id)
                    entries.append(note)
                    added.append(note)
            return notes[0]

        added: list[Note] = []
        if notes:
            self._change(change)
        return added

    def update(
        self,
        note_id: str,
        *,
        tags: list[str] | tuple[str, ...] | None = None,
        comment: str | None = None,
        moved: Note | None = None,
    ) -> Note:
        """Change tags and/or comment; ``moved`` re-pins the range (see Note.moved_to)."""

        def change(entries: list[_Entry], snapshot: Snapshot) -> Note:
            for index, entry in enumerate(entries):
                if isinstance(entry, Note) and entry.id == note_id:
                    base = moved if moved is not None else entry
                    updated = replace(
                        base,
                        tags=clean_tags(tags) if tags is not None else entry.tags,
                        comment=clean_comment(comment) if comment is not None else entry.comment,
                        created=entry.created,
                        updated=now(),
                    )
                    entries[index] = updated
                    return updated
            raise NoteNotFound(f"no note with id {note_id} (another window may have deleted it)")

        return self._change(change)

    def delete(self, note_id: str) -> Note:
        def change(entries: list[_Entry], snapshot: Snapshot) -> Note:
            for index, entry in enumerate(entries):
                if isinstance(entry, Note) and entry.id == note_id:
                    del entries[index]
                    return entry
            raise NoteNotFound(f"no note with id {note_id}")

        return self._change(change)
