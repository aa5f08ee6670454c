"""Where zhreader keeps its files: the one place that asks platformdirs.

Honours the XDG variables on Linux (``XDG_CACHE_HOME``, ``XDG_DATA_HOME``,
``XDG_STATE_HOME``, ``XDG_CONFIG_HOME``), which is also how tests isolate themselves.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import platformdirs

APP = "zhreader"


def cache_dir() -> Path:
    """Rebuildable data: indexes, jieba's dictionary cache."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def data_dir() -> Path:
    """User data that must never be lost: notes."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def state_dir() -> Path:
    """Remembered UI state: reading positions."""
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def corpus_key(corpus_path: Path) -> str:
    """A readable, collision-safe directory name for a corpus' absolute path."""
    resolved = str(corpus_path.resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", corpus_path.resolve().name)[:40] or "corpus"
    return f"{name}-{digest}"


def notes_file(corpus_location: Path) -> Path:
    """The default notes file of a corpus (user data: never in the cache)."""
    return data_dir() / "notes" / f"{corpus_key(corpus_location)}.jsonl"
