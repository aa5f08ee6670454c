"""Where a corpus' index lives and which copy of it is current.

Layout of an index folder (under the user cache directory unless ``--index-dir``)::

    CURRENT              {"generation": "g-…"}: replaced atomically
    write.lock           held by the one process updating the index
    g-<id>/              a Whoosh index plus zhreader-index.json (schema, version,
                         segmenter, corpus, complete) and manifest.json (a cache of each
                         document's size, mtime and hash, for the last commit),
                         vocabulary.json (the words behind the stored word ids; only
                         grows, written before each commit)

An index written by another schema, zhreader version or segmenter is never opened: a new
generation is built beside it, CURRENT is switched to it, and the old one is removed
once the new one is complete. Whoosh commits are atomic (its table of contents is
renamed into place), so a killed writer leaves the last commit readable.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhreader import __version__
from zhreader.corpus import words
from zhreader.corpus.discovery import Corpus
from zhreader.index.errors import IndexOwnedElsewhere, SearchIndexError
from zhreader.support import atomic, jsonlines, paths
from zhreader.support.locking import FileLock

if TYPE_CHECKING:
    from whoosh.index import FileIndex

    from zhreader.index.catalog import Catalog
    from zhreader.index.wordvectors import Vocabulary

# Whoosh is imported where an index is really opened: the store is created while the
# reader draws its first frame, when every millisecond of import time shows.
SCHEMA_VERSION = 7  # bump whenever what is indexed, or how display text is derived, changes

META_NAME = "zhreader-index.json"
CURRENT_NAME = "CURRENT"
LOCK_NAME = "write.lock"
MANIFEST_NAME = "manifest.json"
CATALOG_NAME = "catalog.bin"
FOLDERS_NAME = "folders.json"
VOCABULARY_NAME = "vocabulary.json"


@dataclass(frozen=True)
class Generation:
    path: Path
    meta: dict[str, Any]

    @property
    def complete(self) -> bool:
        return bool(self.meta.get("complete"))

    @property
    def compatible(self) -> bool:
        return (
            self.meta.get("schema") == SCHEMA_VERSION
            and self.meta.get("version") == __version__
            and self.meta.get("segmenter") == words.segmenter_id()
        )

    def open(self) -> FileIndex:
        from whoosh.filedb.filestore import FileStorage

        from zhreader.index.schema import make_schema

        index: FileIndex = FileStorage(str(self.path)).open_index(schema=make_schema())
        return index

    def write_meta(self, **changes: Any) -> Generation:
        meta = {**self.meta, **changes}
        atomic.write_text(self.path / META_NAME, jsonlines.dumps(meta, indent=1))
        return Generation(self.path, meta)

    def latest_toc(self) -> int:
        """Whoosh's generation number: it changes with every commit."""
        from whoosh.filedb.filestore import FileStorage
        from whoosh.index import FileIndex

        generation: int = FileIndex(FileStorage(str(self.path))).latest_generation()
        return generation

    def read_manifest(self, toc: int) -> dict[str, tuple[int, int, str]] | None:
        """The {doc: (size, mtime_ns, hash)} saved for commit ``toc``, if that is the one.

        A cache of what the stored fields say (reading those for thirty thousand documents
        takes a second): any other commit number means it is stale and is ignored."""
        raw = _read_json(self.path / MANIFEST_NAME)
        if not raw or raw.get("toc") != toc:
            return None
        try:
            return {doc: (int(size), int(mtime), str(digest)) for doc, (size, mtime, digest) in raw["docs"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def write_manifest(self, toc: int, docs: dict[str, tuple[int, int, str]]) -> None:
        text = jsonlines.dumps({"toc": toc, "docs": docs})
        atomic.write_text(self.path / MANIFEST_NAME, text)

    def read_catalog(self, toc: int) -> Catalog | None:
        """The catalog saved for commit ``toc``, if that is the one (see index.catalog)."""
        from zhreader.index import catalog

        return catalog.load(self.path / CATALOG_NAME, toc)

    def write_catalog(self, found: Catalog) -> None:
        from zhreader.index import catalog

        catalog.save(self.path / CATALOG_NAME, found)

    def read_vocabulary(self) -> Vocabulary | None:
        """The ids of the stored word counts (index.wordvectors); None if unreadable."""
        from zhreader.index.wordvectors import Vocabulary

        try:
            return Vocabulary.from_bytes(atomic.read_bytes(self.path / VOCABULARY_NAME))
        except OSError:
            return None

    def write_vocabulary(self, vocabulary: Vocabulary) -> None:
        atomic.write_bytes(self.path / VOCABULARY_NAME, vocabulary.to_bytes())
        vocabulary.saved = len(vocabulary)

    def read_folders(self, toc: int) -> dict[str, int] | None:
        """{folder: mtime_ns} of the corpus' folders when commit ``toc`` was made."""
        raw = _read_json(self.path / FOLDERS_NAME)
        if not raw or raw.get("toc") != toc or not isinstance(raw.get("folders"), dict):
            return None
        return {str(k): int(v) for k, v in raw["folders"].items()}

    def write_folders(self, toc: int, folders: dict[str, int]) -> None:
        text = jsonlines.dumps({"toc": toc, "folders": folders})
        atomic.write_text(self.path / FOLDERS_NAME, text)


def _has_whoosh_index(path: Path) -> bool:
    """Whether a Whoosh table of contents exists (without importing Whoosh)."""
    try:
        return any(name.startswith("_MAIN_") and name.endswith(".toc") for name in os.listdir(path))
    except OSError:
        return False


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


class IndexStore:
    def __init__(self, root: Path, corpus_location: Path) -> None:
        self.root = root
        self.corpus_location = corpus_location

    @classmethod
    def for_corpus(cls, corpus: Corpus, index_dir: Path | None = None) -> IndexStore:
        root = index_dir if index_dir is not None else paths.cache_dir() / "indexes" / paths.corpus_key(corpus.location)
        return cls(root.expanduser().resolve(), corpus.location)

    def write_lock(self, timeout: float | None = None) -> FileLock:
        return FileLock(self.root / LOCK_NAME, timeout=timeout)

    def current(self) -> Generation | None:
        """The generation CURRENT names, if it exists and this zhreader can read it."""
        pointer = _read_json(self.root / CURRENT_NAME)
        if not pointer or not isinstance(pointer.get("generation"), str):
            return None
        path = self.root / pointer["generation"]
        meta = _read_json(path / META_NAME)
        if meta is None or not _has_whoosh_index(path):
            return None
        owner = meta.get("corpus")
        if isinstance(owner, str) and owner != str(self.corpus_location):
            # An --index-dir given twice for two corpora: never replace the other's index.
            raise IndexOwnedElsewhere(
                f"{self.root} holds the index of another corpus ({owner}); give each corpus its own --index-dir"
            )
        generation = Generation(path, meta)
        return generation if generation.compatible else None

    def current_stamp(self) -> tuple[str, int] | None:
        """Changes whenever a new generation or a new commit becomes current: lets a
        long-running reader notice that another process updated the index."""
        generation = self.current()
        if generation is None:
            return None
        from whoosh.index import EmptyIndexError

        try:
            return generation.path.name, generation.latest_toc()
        except (OSError, EmptyIndexError):  # a half-deleted folder just means "changed"
            return None

    def check_ours(self) -> None:
        """Refuse a folder that holds anything but zhreader's own files: an --index-dir
        pointed at a folder of the user's must not have its files replaced."""
        try:
            names = os.listdir(self.root)
        except FileNotFoundError:
            return
        except OSError as err:
            raise SearchIndexError(f"cannot use {self.root} for the index: {err.strerror or err}") from None
        if any(name.startswith("g-") for name in names):
            return  # an index of ours, if perhaps with a damaged pointer: rebuilt beside it
        pointer = _read_json(self.root / CURRENT_NAME) if CURRENT_NAME in names else {"generation": ""}
        foreign = [n for n in names if n not in (CURRENT_NAME, LOCK_NAME) and not n.startswith(".")]
        if foreign or pointer is None or not isinstance(pointer.get("generation"), str):
            raise IndexOwnedElsewhere(
                f"{self.root} holds files that are not a zhreader index; give the index an empty or new folder"
            )

    def create_generation(self) -> Generation:
        """A new empty index, made current at once so readers see partial progress."""
        self.check_ours()
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"g-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        path = self.root / name
        path.mkdir()
        from whoosh.filedb.filestore import FileStorage

        from zhreader.index.schema import make_schema

        FileStorage(str(path)).create_index(make_schema())
        generation = Generation(
            path,
            {
                "format": "zhreader-index",
                "schema": SCHEMA_VERSION,
                "version": __version__,
                "segmenter": words.segmenter_id(),
                "corpus": str(self.corpus_location),
                "complete": False,
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            },
        ).write_meta()
        atomic.write_text(self.root / CURRENT_NAME, jsonlines.dumps({"generation": name}))
        return generation

    def remove_other_generations(self, keep: Generation) -> None:
        for child in self.root.iterdir():
            if child.is_dir() and child.name.startswith("g-") and child != keep.path:
                with contextlib.suppress(OSError):
                    shutil.rmtree(child)
