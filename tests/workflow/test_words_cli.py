"""zhreader words, collocates and search --chart: tables, exports, tags, hostile names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.command import run
from zhreader.support.cells import cells

FILES = {
    "news-2024-03-05.txt": "经济发展很快。经济增长稳定。\n",
    "news-20240306.txt": "经济问题是大问题。我们研究经济发展。\n",
    "sport.txt": "我喜欢足球。足球运动员训练。1998\n",
}


def _corpus(tmp_path: Path, make_corpus, files: dict[str, str] = FILES) -> list[str]:
    return ["--corpus", str(make_corpus(files)), "--index-dir", str(tmp_path / "ix")]


def test_words_of_the_corpus_and_of_a_query(tmp_path: Path, make_corpus) -> None:
    where = _corpus(tmp_path, make_corpus)
    code, out, err = run("words", *where)
    assert code == 0, err
    head, first, *_ = out.splitlines()
    assert head.split() == ["rank", "word", "count", "docs"]
    assert first.split() == ["1", "经济", "4", "2"]
    assert "1998" not in out and "我们" not in out  # a number, a stop-word
    code, out, _ = run("words", "--all", "--no-stopwords", *where)
    assert "1998" in out and "我们" in out
    code, out, err = run("words", "足球", "--sort", "keyness", *where)
    assert code == 0 and "keyness" in out.splitlines()[0]
    top = out.splitlines()[1].split()
    assert top[1] == "足球" and top[2:5] == ["2", "1", "0"] and float(top[5]) > 0
    assert "documents matching '足球'" in err


def test_words_exports_csv_and_json(tmp_path: Path, make_corpus) -> None:
    where = _corpus(tmp_path, make_corpus)
    target = tmp_path / "words.csv"
    code, _, err = run("words", "经济", "--format", "csv", "-o", str(target), *where)
    assert code == 0 and "written to" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["word", "count", "docs", "rest", "keyness"]
    by_word = {row["word"]: row for row in rows}
    assert (by_word["经济"]["count"], by_word["经济"]["docs"], by_word["经济"]["rest"]) == ("4", "2", "0")
    code, out, _ = run("words", "经济", "--format", "json", *where)
    record = json.loads(out)
    assert record["documents"] == 2 and record["rest_documents"] == 1
    assert [(r["word"], r["count"]) for r in record["rows"]] == [(r["word"], int(r["count"])) for r in rows]


def test_words_of_tagged_passages_with_hostile_tags(tmp_path: Path, make_corpus) -> None:
    where = _corpus(tmp_path, make_corpus)
    notes = ["--notes", str(tmp_path / "notes.jsonl")]
    code, out, err = run("show", "sport.txt", *where)
    start = out.index("足球运动员")
    tag = "[red]标签[/]"
    code, _, err = run(
        "notes", "add", "--doc", "sport.txt", "--start", str(start), "--end", str(start + 5), "--tag", tag,
        *where, *notes,
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run("words", f"tag:{tag}", "--format", "json", *where, *notes)
    assert code == 0, err
    record = json.loads(out)
    assert {r["word"]: r["count"] for r in record["rows"]} == {"足球": 1, "运动员": 1}
    code, out, err = run("words", f"tag:{tag}", *where, *notes)
    assert "passages of 'tag:[red]标签[/]'" in err  # the tag shown as data, not as markup
    code, out, err = run("words", "tag:[link=x]无", *where, *notes)
    assert code == 1 and out == "" and "no passages tagged as 'tag:[link=x]无'" in err


def test_words_of_nothing_exits_1(tmp_path: Path, make_corpus) -> None:
    code, out, err = run("words", "无此词语", *_corpus(tmp_path, make_corpus))
    assert code == 1 and out == "" and "no documents match" in err


def test_collocates_table_and_exports(tmp_path: Path, make_corpus) -> None:
    where = _corpus(tmp_path, make_corpus)
    code, out, err = run("collocates", "经济", "--window", "2", "--min-freq", "2", *where)
    assert code == 0, err
    head, *lines = out.splitlines()
    assert head.split() == ["rank", "word", "obs", "left", "right", "exp", "corpus", "ll"]
    # Hand-counted windows of ±2 words (single characters are not words; a window ends at
    # the paragraph, not at 。): [] 经济 [发展 很快] · [发展 很快] 经济 [增长 稳定] ·
    # [] 经济 [问题 问题] · [我们 研究] 经济 [发展]. Seen at least twice:
    found = {tuple(line.split()[1:5]) for line in lines}
    assert found == {("发展", "3", "1", "2"), ("很快", "2", "1", "1"), ("问题", "2", "0", "2")}
    code, out, _ = run("collocates", "经济", "--format", "json", "--min-freq", "1", "--measure", "mi", *where)
    record = json.loads(out)
    assert record["measure"] == "mi" and record["hits"] == 4
    scores = [row["score"] for row in record["rows"]]
    assert scores == sorted(scores, reverse=True)
    code, out, _ = run("collocates", "经济", "--format", "csv", "--min-freq", "1", *where)
    assert out.startswith("\ufeffword,observed,left,right,expected,corpus,score")
    code, out, err = run("collocates", "无此词语", *where)
    assert code == 1 and "no hits" in err


def test_search_chart_draws_bars_by_document_and_date(tmp_path: Path, make_corpus) -> None:
    files = {**FILES, "[bold]x\x1b[2J.txt": "经济。\n"}
    code, out, err = run("search", "经济", "--chart", *_corpus(tmp_path, make_corpus, files))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("hits of '经济' by document (3 of 3")
    bars = lines[1:4]
    assert [line.split()[0] for line in bars[:2]] == ["news-2024-03-05.txt", "news-20240306.txt"]
    assert "[bold]x␛[2J.txt" in bars[2] and "\x1b" not in out
    assert len({cells(line.split(" ")[0]) for line in bars}) == 1 or all("█" in line for line in bars)
    assert bars[0].count("█") == bars[1].count("█") > bars[2].count("█")
    dated = lines[lines.index("hits by date (2 dated documents)") + 1 :]
    assert [line.split()[:2] for line in dated] == [["2024-03-05", "2"], ["2024-03-06", "2"]]
