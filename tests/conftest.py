"""Shared fixtures. Every test runs with XDG_*_HOME pointed into a temporary folder, so
no test reads or writes the user's real cache, notes or state; expensive indexes (the
sample corpus, People's Daily) are built once per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.paths import corpora_root

# Isolate before any zhreader module asks platformdirs for a path.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="zhreader-tests-"))
for _name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
    os.environ[_name] = str(_SESSION_HOME / _name.lower())
# The reference segmenter, whatever else is installed, so that rankings in tests do not
# depend on the environment; tests of the fast backend switch explicitly.
os.environ["ZHREADER_SEGMENTER"] = "jieba"

settings.register_profile("zhreader", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("zhreader")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    from zhreader.corpus import sample_corpus

    return sample_corpus()


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path):
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, update_index

    corpus = Corpus.open(sample_dir)
    store = IndexStore(tmp_path_factory.mktemp("sample-index"), corpus.location)
    update_index(corpus, store)
    return store


@pytest.fixture(scope="session")
def sample_searcher(sample_store) -> Iterator:
    from zhreader.index import Searcher

    with Searcher.open(sample_store) as searcher:
        yield searcher


@pytest.fixture(scope="session")
def pd_dir() -> Path:
    root = corpora_root()
    if root is None:
        pytest.skip("People's Daily corpus not found (set ZHREADER_CORPORA to ../shared/corpora)")
    return root / "peoples-daily-1998-01"


@pytest.fixture(scope="session")
def pd_searcher(tmp_path_factory: pytest.TempPathFactory, pd_dir: Path) -> Iterator:
    from zhreader.corpus import Corpus
    from zhreader.index import IndexStore, Searcher, update_index

    corpus = Corpus.open(pd_dir)
    store = IndexStore(tmp_path_factory.mktemp("pd-index"), corpus.location)
    update_index(corpus, store)
    with Searcher.open(store) as searcher:
        yield searcher


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Write {relative path: str | bytes} files into a fresh corpus folder."""

    def make(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make
