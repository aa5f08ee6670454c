"""Word segmentation backends: the fast one may change ranking, never the display text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.paths import REPO
from zhreader.corpus import Corpus, words
from zhreader.corpus.discovery import SourceFile
from zhreader.index import IndexStore, Searcher, update_index
from zhreader.index.analysis import Analyzed, analyze
from zhreader.index.store import META_NAME

needs_fast = pytest.mark.skipif(
    __import__("importlib").util.find_spec("jieba_fast_dat") is None,
    reason="jieba-fast-dat has no wheel for this platform",
)


@pytest.fixture
def segmenter(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Switch backends inside a test; the session's choice is restored afterwards."""

    def use(choice: str) -> str:
        monkeypatch.setenv(words.ENV, choice)
        words.reset()
        return words.backend()

    yield use
    monkeypatch.undo()
    words.reset()


@pytest.fixture(scope="module")
def both() -> tuple[words._Jieba, words._Fast]:
    pytest.importorskip("jieba_fast_dat")
    return words._Jieba(), words._Fast()


def _texts(folder: Path) -> list[str]:
    return [path.read_text("utf-8") for path in sorted(folder.iterdir()) if path.suffix in (".txt", ".md")]


@needs_fast
def test_exact_cut_is_jiebas_on_the_seeds_including_ties(both, sample_dir: Path) -> None:
    jieba, fast = both
    for text in _texts(sample_dir):
        assert fast.cut(text) == jieba.cut(text)
    # The C++ route breaks this tie the other way; the exact cut must not.
    assert fast.cut("开启“买买买”商圈") == jieba.cut("开启“买买买”商圈")


@needs_fast
def test_exact_cut_is_jiebas_on_peoples_daily(both, pd_dir: Path) -> None:
    # A fifth of the articles keeps this to seconds; the whole month was compared once
    # by hand (1,131,939 tokens, no difference).
    jieba, fast = both
    text = "\n".join(_texts(pd_dir)[::5])
    assert fast.cut(text) == jieba.cut(text)


_ALPHABET = st.sampled_from(
    list("呼和浩特人才政策买买买鄂尔多斯至榆林铁路的了是，。！？“”《》")
    + list("ＧＤＰgdpAB１９９８0123.%-_&#+ \t\n\r　")
    + ["\r\n", "😀", "é", "\u200b", "␛", "⼀"]
)


@needs_fast
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_exact_cut_is_jiebas_on_any_text(both, text: str) -> None:
    jieba, fast = both
    assert fast.cut(text) == jieba.cut(text)


@needs_fast
def test_the_fast_backend_changes_ranking_words_only(segmenter, sample_dir: Path) -> None:
    corpus = Corpus.open(sample_dir)
    sources = [item for item in corpus.scan() if isinstance(item, SourceFile)]
    results: dict[str, list[Analyzed]] = {}
    for choice in ("jieba", "fast"):
        segmenter(choice)
        results[choice] = [result for result in map(analyze, sources) if isinstance(result, Analyzed)]
    assert len(results["jieba"]) == len(results["fast"]) == len(sources)
    for slow, fast in zip(results["jieba"], results["fast"], strict=True):
        assert (fast.text, fast.blocks_json, fast.title, fast.grams) == (
            slow.text,
            slow.blocks_json,
            slow.title,
            slow.grams,
        )
        assert fast.word_counts.keys() & slow.word_counts.keys()


@needs_fast
def test_a_new_segmenter_rebuilds_the_index(segmenter, tmp_path: Path, make_corpus) -> None:
    root = make_corpus({"a.txt": "标题\n\n开启“买买买”商圈，呼和浩特人才政策。"})
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    segmenter("jieba")
    assert update_index(corpus, store).rebuilt
    assert not update_index(corpus, store).rebuilt
    segmenter("fast")
    report = update_index(corpus, store)
    assert report.rebuilt and report.added == ["a.txt"]
    generation = store.current()
    assert generation is not None
    assert json.loads((generation.path / META_NAME).read_text("utf-8"))["segmenter"].startswith("jieba-fast-dat ")
    with Searcher.open(store) as searcher:
        assert [doc.doc_id for doc in searcher.search("买买").docs] == ["a.txt"]


@needs_fast
def test_the_fast_dictionary_cache_is_written_once_and_whole(segmenter, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    segmenter("fast")
    words.preload()
    files = sorted(path.name for path in (tmp_path / "cache" / "zhreader").iterdir())
    assert [name.rsplit(".", 1)[1] for name in files] == ["dat", "total"], files
    built = (tmp_path / "cache" / "zhreader" / files[0]).stat().st_mtime_ns
    words.reset()
    assert words.cut("鄂尔多斯") == ["鄂尔多斯"]
    assert (tmp_path / "cache" / "zhreader" / files[0]).stat().st_mtime_ns == built


def test_auto_picks_what_is_installed_and_jieba_is_always_there(segmenter, monkeypatch) -> None:
    assert segmenter("jieba") == words.JIEBA
    assert words.segmenter_id().startswith("jieba 0.")
    monkeypatch.setattr(words.importlib.util, "find_spec", lambda name: None)
    assert segmenter("auto") == words.JIEBA
    with pytest.raises(words.SegmenterError, match=r"pip install 'zhreader\[fast\]'"):
        segmenter("fast")


@pytest.mark.parametrize("value", ["rjieba", "fast please"])
def test_an_unknown_segmenter_is_one_line_from_the_command(value: str) -> None:
    env = {**os.environ, words.ENV: value}
    out = subprocess.run(
        [sys.executable, "-m", "zhreader", "search", "呼和浩特"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr == f"zhreader: error: ZHREADER_SEGMENTER must be auto, jieba or fast, not {value!r}\n"
