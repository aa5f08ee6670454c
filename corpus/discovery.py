"""Find a corpus' documents: a folder searched recursively, or one file.

Problems are reported, never raised: each file that cannot be used comes back as a
``Skipped`` with a one-line reason, and the rest of the corpus still loads.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from zhreader.corpus.errors import CorpusPathError
from zhreader.corpus.extracted import MAX_TEXT_BYTES
from zhreader.corpus.formats import SUFFIXES, TEXT_SUFFIXES, suffix_of
from zhreader.support.oserrors import reason

# Plain text is read whole into memory; a PDF or an e-book of this size is mostly pictures.
MAX_BYTES = MAX_TEXT_BYTES
MAX_PACKED_BYTES = 512 * 1024 * 1024


def max_bytes(doc_id: str) -> int:
    """How large a file of this name may be."""
    return MAX_BYTES if suffix_of(doc_id) in TEXT_SUFFIXES else MAX_PACKED_BYTES


@dataclass(frozen=True, slots=True)
class SourceFile:
    doc_id: str  # path relative to the corpus root, with "/" separators
    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Skipped:
    doc_id: str
    reason: str


def os_reason(err: OSError) -> str:
    """Why a file of the corpus cannot be read (one that vanished did so under us)."""
    return "vanished while being read" if isinstance(err, FileNotFoundError) else reason(err)


def _is_document(name: str) -> bool:
    return suffix_of(name) in SUFFIXES


def ignored_summary(ignored: dict[str, int]) -> str:
    """'12 files of other types ignored: .xlsx 8, .jpg 4' ("" when none were)."""
    total = sum(ignored.values())
    if not total:
        return ""
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(ignored.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{total} file{'s' if total != 1 else ''} of other types ignored: {kinds}"


@dataclass(frozen=True)
class Corpus:
    """A corpus: ``root`` is the folder ids are relative to; ``single`` is set when the
    corpus is one file."""

    root: Path
    single: Path | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Corpus:
        given = Path(path).expanduser()
        try:
            st = given.stat()
        except FileNotFoundError:
            raise CorpusPathError(f"no such file or folder: {given}") from None
        except OSError as err:
            raise CorpusPathError(f"cannot open {given}: {os_reason(err)}") from None
        resolved = given.resolve()
        if stat.S_ISDIR(st.st_mode):
            if not os.access(resolved, os.R_OK | os.X_OK):
                raise CorpusPathError(f"cannot read folder {given}: permission denied")
            return cls(resolved)
        if stat.S_ISREG(st.st_mode):
            return cls(resolved.parent, resolved)
        raise CorpusPathError(f"not a file or folder: {given}")

    @property
    def location(self) -> Path:
        """The path the user named: the folder, or the single file."""
        return self.single or self.root

    def scan(
        self, folders: dict[str, int] | None = None, ignored: dict[str, int] | None = None
    ) -> Iterator[SourceFile | Skipped]:
        """Every candidate document in a stable order (sorted by id); ``folders`` receives
        the modification time of every folder walked (of the file, for a one-file corpus);
        ``ignored`` counts the files of types zhreader does not read, by suffix.

        Symlinks are followed, also out of the corpus folder (collections are often put
        together from links), but every real file and folder counts once: a second path
        to it (a link, a hard link, a folder linked twice) is listed as skipped, naming
        the first. So links can neither loop nor multiply a corpus."""
        seen: dict[tuple[int, int], str] = {}
        if self.single is not None:
            if folders is not None:
                with contextlib.suppress(OSError):
                    folders[str(self.single)] = os.stat(self.single).st_mtime_ns
            yield from self._entry(str(self.single), self.single.name, seen)
            return
        yield from self._walk(str(self.root), "", set(), seen, folders, ignored)

    @staticmethod
    def unchanged(folders: dict[str, int]) -> bool:
        """Whether every folder recorded by ``scan`` still has its modification time: no
        file was added, removed or renamed (or saved the way editors do, through a new
        file). A file rewritten in place leaves its folder's time alone."""
        for path, mtime_ns in folders.items():
            try:
                if os.stat(path).st_mtime_ns != mtime_ns:
                    return False
            except OSError:
                return False
        return bool(folders)

    def path_of(self, doc_id: str) -> Path | None:
        """The file for ``doc_id``, or None when the id would leave the corpus."""
        if self.single is not None:
            return self.single if doc_id == self.single.name else None
        rel = PurePosixPath(doc_id)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            return None
        return self.root.joinpath(*rel.parts)

    # Plain strings below, not pathlib: a rescan of thirty thousand files is spent
    # mostly building Path objects otherwise.

    def _walk(
        self,
        folder: str,
        prefix: str,
        ancestors: set[tuple[int, int]],
        seen: dict[tuple[int, int], str],
        folders: dict[str, int] | None,
        ignored: dict[str, int] | None,
    ) -> Iterator[SourceFile | Skipped]:
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield Skipped(prefix or "./", "symlink loop (folder links back to a parent)")
                return
            if key in seen:
                yield Skipped(prefix, f"same folder as {seen[key] or './'} (counted once)")
                return
            seen[key] = prefix
            if folders is not None:
                folders[folder] = st.st_mtime_ns
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            yield Skipped(prefix or "./", f"cannot read folder: {os_reason(err)}")
            return
        inner = ancestors | {key}
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # .git, .DS_Store, editor swap files: never documents
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError as err:
                yield Skipped(prefix + name, os_reason(err))
                continue
            if is_dir:
                yield from self._walk(entry.path, f"{prefix}{name}/", inner, seen, folders, ignored)
            elif _is_document(name):
                yield from self._entry(entry.path, prefix + name, seen)
            elif ignored is not None:
                kind = suffix_of(name) or "(no extension)"
                ignored[kind] = ignored.get(kind, 0) + 1

    def _entry(self, path: str, doc_id: str, seen: dict[tuple[int, int], str]) -> Iterator[SourceFile | Skipped]:
        try:
            doc_id.encode("utf-8")
        except UnicodeEncodeError:
            yield Skipped(doc_id.encode("utf-8", "replace").decode("utf-8"), "file name is not valid UTF-8")
            return
        try:
            st = os.stat(path)
        except FileNotFoundError:
            yield Skipped(doc_id, "broken symlink" if os.path.islink(path) else "vanished while being read")
            return
        except OSError as err:
            yield Skipped(doc_id, os_reason(err))
            return
        if not stat.S_ISREG(st.st_mode):
            yield Skipped(doc_id, "not a regular file")
            return
        if st.st_size == 0:
            yield Skipped(doc_id, "empty file")
            return
        limit = max_bytes(doc_id)
        if st.st_size > limit:
            yield Skipped(
                doc_id, f"too large ({st.st_size // (1024 * 1024)} MB; the limit is {limit // (1024 * 1024)} MB)"
            )
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield Skipped(doc_id, f"same file as {seen[key]} (counted once)")
            return
        seen[key] = doc_id
        yield SourceFile(doc_id, path, st.st_size, st.st_mtime_ns)
