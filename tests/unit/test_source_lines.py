"""Finding the source line of a paragraph of the (repaired) display text."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhreader.corpus import Corpus, Document, DocumentError
from zhreader.corpus.loader import document_from_bytes
from zhreader.corpus.source_lines import SourceLines, read_source

# Hard-wrapped paragraphs (joined in the display text), indentation, a Markdown heading,
# a repeated paragraph, and a paragraph that starts with punctuation only.
WRAPPED = """中国经济发展报告

  第一段从这里开始，这一行被
硬换行切断了，下一行接着写，
最后一行结束。

## 第二节　人才政策

重复的段落。

中间段落，里面有１９９８年的ＧＤＰ数据。

重复的段落。

——
"""


def lines_of(source: str, encoding: str = "utf-8") -> tuple[SourceLines, Document]:
    """The lines of a file holding ``source``, and the document the index makes of it."""
    document, _ = document_from_bytes("a.txt", source.encode(encoding))
    return SourceLines(source), document


def block_starting(document: Document, text: str) -> int:
    return next(i for i, b in enumerate(document.blocks) if document.text[b.start : b.end].startswith(text))


def test_joined_lines_indentation_and_markdown_find_their_first_source_line() -> None:
    lines, document = lines_of(WRAPPED)
    assert document.text.count("被硬换行") == 1  # the display text joined the lines
    assert lines.line_of(document, 0) == 1
    assert lines.line_of(document, block_starting(document, "第一段")) == 3
    assert lines.line_of(document, block_starting(document, "第二节")) == 7
    assert lines.line_of(document, block_starting(document, "中间段落")) == 11


def test_a_repeated_paragraph_is_found_at_its_own_occurrence() -> None:
    lines, document = lines_of(WRAPPED)
    repeated = [i for i, b in enumerate(document.blocks) if document.text[b.start : b.end] == "重复的段落。"]
    assert [lines.line_of(document, i) for i in repeated] == [9, 13]


def test_a_paragraph_without_letters_gives_the_line_of_the_one_above() -> None:
    lines, document = lines_of(WRAPPED)
    last = len(document.blocks) - 1
    assert document.text[document.blocks[last].start : document.blocks[last].end] == "——"
    assert lines.line_of(document, last) == 13


def test_a_gbk_file_with_crlf_line_ends(tmp_path: Path) -> None:
    data = "标题\r\n\r\n第一段，\r\n接着写。\r\n\r\n第二段在这里。\r\n".encode("gbk")
    (tmp_path / "旧.txt").write_bytes(data)
    document, _ = document_from_bytes("旧.txt", data)
    assert document.encoding.upper() in ("GB18030", "GBK")
    _, lines = read_source(Corpus.open(tmp_path), "旧.txt")
    assert lines.line_of(document, block_starting(document, "第一段")) == 3
    assert lines.line_of(document, block_starting(document, "第二段")) == 6


def test_a_paragraph_rewritten_on_disk_falls_back_to_the_one_above() -> None:
    _, document = lines_of(WRAPPED)
    changed = SourceLines(WRAPPED.replace("中间段落，里面有", "完全改写的内容，"))
    assert changed.line_of(document, block_starting(document, "中间段落")) == 9
    assert SourceLines("别的东西").line_of(document, 2) is None


def test_read_source_refuses_what_is_not_a_text_file_of_the_corpus(tmp_path: Path) -> None:
    (tmp_path / "书.epub").write_bytes(b"PK")
    corpus = Corpus.open(tmp_path)
    with pytest.raises(DocumentError, match=r"^书.epub is not a text file \(EPUB\)"):
        read_source(corpus, "书.epub")
    with pytest.raises(DocumentError):
        read_source(corpus, "没有.txt")
    with pytest.raises(DocumentError):
        read_source(corpus, "../外面.txt")
