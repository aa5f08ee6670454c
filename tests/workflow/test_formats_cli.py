"""A folder of PDF, Word, web page, EPUB and text files through the command line: every
sentence is found by an exact search at offsets that ``show`` agrees with, PDF hits carry
their page, notes cite it and survive a re-index; what cannot be read is listed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests import formats
from tests.command import run


@pytest.fixture(scope="module")
def made() -> dict[str, formats.Made]:
    return {
        "paper.pdf": formats.one_column_pdf(),
        "columns.pdf": formats.two_column_pdf(),
        "report.docx": formats.docx_file(),
        "page.html": formats.html_page(),
        "book.epub": formats.epub_file(),
    }


@pytest.fixture
def mixed(tmp_path: Path, make_corpus, made: dict[str, formats.Made]) -> tuple[Path, Path]:
    files: dict[str, str | bytes] = {name: item.data for name, item in made.items()}
    files |= {
        "scan.pdf": formats.scanned_pdf(),
        "locked.pdf": formats.encrypted_pdf(),
        "sheet.xlsx": b"PK",
        "photo.jpg": b"\xff\xd8",
        "photo2.jpg": b"\xff\xd8",
        "plain.txt": "标题\n\n正文。",
    }
    return make_corpus(files), tmp_path / "index"


def search(root: Path, index: Path, query: str) -> dict[str, dict]:
    code, out, err = run("search", query, "--json", "--limit", "0", "--corpus", str(root), "--index-dir", str(index))
    assert code == 0, err
    return {row["doc"]: row for row in map(json.loads, out.splitlines())}


def show(root: Path, index: Path, doc: str) -> str:
    code, out, err = run("show", doc, "--corpus", str(root), "--index-dir", str(index))
    assert code == 0, err
    return out[:-1]


def test_index_lists_what_it_skipped_and_ignored(mixed: tuple[Path, Path]) -> None:
    root, index = mixed
    code, _out, err = run("index", str(root), "--index-dir", str(index))
    assert code == 0
    assert "6 documents indexed" in err and "2 skipped" in err
    assert "skipped scan.pdf: no text layer — scanned?" in err
    assert "skipped locked.pdf: encrypted PDF (it needs a password)" in err
    assert "3 files of other types ignored: .jpg 2, .xlsx 1" in err


def test_every_sentence_is_found_where_show_has_it_and_on_its_page(
    mixed: tuple[Path, Path], made: dict[str, formats.Made]
) -> None:
    root, index = mixed
    texts = {name: show(root, index, name) for name in made}
    for name, item in made.items():
        for sentence in item.sentences:
            # A table row is searched cell by cell: a query is words, not tabs.
            for query in sentence.split("\t"):
                rows = search(root, index, f'"{query}"')
                assert name in rows, (name, query)
                hits = rows[name]["hits"]
                assert hits and all(texts[name][h["start"] : h["end"]] == query for h in hits)
                if sentence in item.pages:
                    assert hits[0]["page"] == item.pages[sentence], (name, sentence)
                elif not name.endswith(".pdf"):
                    assert all(hit["page"] is None for hit in hits)


def test_notes_on_a_pdf_cite_their_page_and_survive_a_reindex(
    mixed: tuple[Path, Path], made: dict[str, formats.Made], tmp_path: Path
) -> None:
    root, index = mixed
    sentence = formats.SENTENCES[8]
    page = made["paper.pdf"].pages[sentence]
    assert page > 1
    start = show(root, index, "paper.pdf").index(sentence)
    where = ["--corpus", str(root), "--index-dir", str(index)]
    code, _out, err = run(
        "notes",
        "add",
        "--doc",
        "paper.pdf",
        "--start",
        str(start),
        "--end",
        str(start + len(sentence)),
        "--tag",
        "人才",
        *where,
    )
    assert code == 0, err

    def exported() -> tuple[str, list[dict[str, str]], list[dict]]:
        md = run("notes", "export", "--format", "md", *where)[1]
        rows = list(csv.DictReader(io.StringIO(run("notes", "export", "--format", "csv", *where)[1].lstrip("\ufeff"))))
        data = json.loads(run("notes", "export", "--format", "json", *where)[1])
        return md, rows, data

    md, rows, data = exported()
    assert f"(paper.pdf, p. {page})" in md
    assert rows[0]["page"] == str(page)
    assert data[0]["page"] == page

    # The PDF changes: a new first page pushes everything one page on. The note follows.
    longer = formats.one_column_pdf(pages=4, lines_per_page=6)
    (root / "paper.pdf").write_bytes(longer.data)
    code, _out, err = run("index", str(root), "--index-dir", str(index))
    assert code == 0 and "1 changed" in err
    md, rows, data = exported()
    assert data[0]["status"] == "anchored"
    assert data[0]["page"] == longer.pages[sentence] != page
    assert f"p. {longer.pages[sentence]}" in md


def test_a_folder_where_nothing_can_be_read_fails(tmp_path: Path, make_corpus) -> None:
    root = make_corpus({"scan.pdf": formats.scanned_pdf(), "a.xlsx": b"PK"})
    code, _out, err = run("index", str(root), "--index-dir", str(tmp_path / "ix"))
    assert code != 0
    assert "skipped scan.pdf: no text layer — scanned?" in err
    assert "nothing to index" in err and "no file there could be read (1 skipped)" in err
    root = make_corpus({"a.xlsx": b"PK", "b.jpg": b"\xff"}, name="other")
    code, _out, err = run("index", str(root), "--index-dir", str(tmp_path / "ix2"))
    assert code != 0
    assert "it holds no file of a type zhreader reads (2 files of other types ignored: .jpg 1, .xlsx 1)" in err


def test_a_pdf_that_kills_its_reader_is_skipped_and_the_rest_is_indexed(tmp_path: Path, make_corpus) -> None:
    """A 2 KB PDF that makes PDFium allocate without end: its worker process dies at the
    memory cap (lowered here to keep the test quick), not zhreader, which says so in one
    line and indexes the rest. Before, a small job was read in zhreader's own process,
    which died of SIGABRT without a word."""
    import resource
    import subprocess
    import sys

    from zhreader.index.workers import DIED

    root = make_corpus({"bomb.pdf": formats.xobject_bomb_pdf(), "plain.txt": "标题\n\n正文。"})

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))

    done = subprocess.run(
        [sys.executable, "-m", "zhreader", "index", str(root), "--index-dir", str(tmp_path / "index")],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=cap,
    )
    assert done.returncode == 0, done.stderr
    assert "1 documents indexed" in done.stderr
    assert f"  skipped bomb.pdf: {DIED}\n" in done.stderr
    assert "Traceback" not in done.stderr
