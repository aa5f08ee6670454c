"""Every bad input is skipped with one clear line, and the rest of the corpus loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zhreader.corpus import Corpus, CorpusPathError, Skipped, load_corpus
from zhreader.corpus.loader import Loaded

GOOD = "标题\n\n正文内容。"


def outcome(root: Path) -> tuple[list[str], dict[str, str]]:
    loaded, skipped = [], {}
    for item in load_corpus(Corpus.open(root)):
        if isinstance(item, Loaded):
            loaded.append(item.document.id)
        else:
            assert isinstance(item, Skipped)
            skipped[item.doc_id] = item.reason
    return loaded, skipped


def test_folders_are_searched_recursively_in_a_stable_order(make_corpus) -> None:
    root = make_corpus({"b.txt": GOOD, "a/c.md": GOOD, "a/d.txt": GOOD, "e.xlsx": b"PK", ".hidden/x.txt": GOOD})
    loaded, skipped = outcome(root)
    assert loaded == ["a/c.md", "a/d.txt", "b.txt"]
    assert skipped == {}


def test_files_of_other_types_are_counted_by_suffix(make_corpus) -> None:
    from zhreader.corpus.discovery import ignored_summary

    root = make_corpus({"a.txt": GOOD, "b.xlsx": b"PK", "c.XLSX": b"PK", "d/e.jpg": b"\xff", "README": b"x"})
    ignored: dict[str, int] = {}
    assert [item.doc_id for item in Corpus.open(root).scan(ignored=ignored)] == ["a.txt"]
    assert ignored == {".xlsx": 2, ".jpg": 1, "(no extension)": 1}
    assert ignored_summary(ignored) == "4 files of other types ignored: .xlsx 2, (no extension) 1, .jpg 1"
    assert ignored_summary({}) == ""


def test_bad_files_are_skipped_with_reasons(make_corpus) -> None:
    root = make_corpus(
        {
            "good.txt": GOOD,
            "empty.txt": "",
            "spaces.txt": "  \n\n \u3000\n",
            "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
            "garbage.txt": bytes(range(0x80, 0x100)) * 8,
        }
    )
    loaded, skipped = outcome(root)
    assert loaded == ["good.txt"]
    assert skipped == {
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "garbage.txt": "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text",
        "spaces.txt": "empty file (only whitespace)",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_skipped(make_corpus) -> None:
    root = make_corpus({"good.txt": GOOD, "secret.txt": GOOD})
    (root / "secret.txt").chmod(0)
    loaded, skipped = outcome(root)
    assert loaded == ["good.txt"] and skipped == {"secret.txt": "permission denied"}


def test_unreadable_file_is_skipped_even_as_root(make_corpus, monkeypatch) -> None:
    root = make_corpus({"good.txt": GOOD, "secret.txt": GOOD})
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    loaded, skipped = outcome(root)
    assert loaded == ["good.txt"] and skipped == {"secret.txt": "permission denied"}


def test_a_file_that_vanishes_is_skipped(make_corpus) -> None:
    root = make_corpus({"good.txt": GOOD, "gone.txt": GOOD})
    corpus = Corpus.open(root)
    sources = list(corpus.scan())
    (root / "gone.txt").unlink()
    from zhreader.corpus.loader import DocumentError, load

    with pytest.raises(DocumentError, match="vanished"):
        load(next(s for s in sources if s.doc_id == "gone.txt"))


def test_symlink_loops_and_broken_links(make_corpus) -> None:
    root = make_corpus({"a/good.txt": GOOD})
    (root / "a" / "loop").symlink_to(root / "a")
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    (root / "linked.txt").symlink_to(root / "a" / "good.txt")
    loaded, skipped = outcome(root)
    assert loaded == ["a/good.txt"]
    assert skipped == {
        "a/loop/": "symlink loop (folder links back to a parent)",
        "dangling.txt": "broken symlink",
        "linked.txt": "same file as a/good.txt (counted once)",
        "self.txt": "symlink loop",
    }


def test_linked_folders_cannot_multiply_a_corpus(make_corpus, tmp_path: Path) -> None:
    # Each folder links to the next one twice: 2**12 paths to one file without the rule.
    root = make_corpus({"d0/doc.txt": GOOD})
    for level in range(1, 13):
        (root / f"d{level}").mkdir()
        (root / f"d{level}" / "x").symlink_to(root / f"d{level - 1}")
        (root / f"d{level}" / "y").symlink_to(root / f"d{level - 1}")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text(GOOD, encoding="utf-8")
    (root / "linked-out").symlink_to(outside)
    loaded, skipped = outcome(root)
    assert loaded == ["d0/doc.txt", "linked-out/far.txt"]  # links out of the corpus are followed
    assert all("counted once" in reason for reason in skipped.values()) and len(skipped) == 12 * 2


def test_a_single_file_is_a_corpus(make_corpus) -> None:
    root = make_corpus({"one.txt": GOOD, "two.txt": GOOD})
    corpus = Corpus.open(root / "one.txt")
    assert [s.doc_id for s in corpus.scan()] == ["one.txt"]
    assert corpus.location == root / "one.txt"


@pytest.mark.parametrize("path", ["/no/such/place", ""])
def test_a_missing_corpus_is_a_clear_error(path: str, tmp_path: Path) -> None:
    with pytest.raises(CorpusPathError, match="no such file or folder"):
        Corpus.open(path or tmp_path / "missing")


def test_ids_cannot_leave_the_corpus(make_corpus) -> None:
    corpus = Corpus.open(make_corpus({"a.txt": GOOD}))
    assert corpus.path_of("a.txt") == corpus.root / "a.txt"
    for bad in ["../../etc/passwd", "/etc/passwd", "a/../../x", ""]:
        assert corpus.path_of(bad) is None


def test_non_utf8_file_names_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "ok.txt").write_text(GOOD, encoding="utf-8")
    name = os.fsencode(root) + b"/\xff\xfe.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.encode())
    loaded, skipped = outcome(root)
    assert loaded == ["ok.txt"]
    assert list(skipped.values()) == ["file name is not valid UTF-8"]
