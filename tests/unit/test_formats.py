"""PDF, Word, web pages and EPUB: every sentence of the source comes through the one repair,
with its page for PDFs; what cannot be read is skipped with one line while the rest loads."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import formats
from zhreader.corpus import Corpus, Kind, Skipped, load_corpus
from zhreader.corpus.document import Document
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import TextBlocks
from zhreader.corpus.loader import Loaded
from zhreader.corpus.markup import html_to_blocks
from zhreader.corpus.pdf_layout import Line, Piece, is_page_number, order_page, strip_furniture
from zhreader.corpus.pdf_text import drawn_once
from zhreader.corpus.zipped import open_zip


def documents(root: Path) -> tuple[dict[str, Document], dict[str, str]]:
    loaded: dict[str, Document] = {}
    skipped: dict[str, str] = {}
    for item in load_corpus(Corpus.open(root)):
        if isinstance(item, Loaded):
            loaded[item.document.id] = item.document
        else:
            assert isinstance(item, Skipped)
            skipped[item.doc_id] = item.reason
    return loaded, skipped


def one(make_corpus, name: str, data: bytes) -> Document:
    loaded, skipped = documents(make_corpus({name: data}))
    assert skipped == {}
    return loaded[name]


def assert_holds(document: Document, sentences: list[str]) -> None:
    for sentence in sentences:
        assert sentence in document.text, sentence


def table_rows(document: Document) -> list[str]:
    return [
        row
        for block in document.blocks
        if block.kind is Kind.TABLE
        for row in document.text[block.start : block.end].split("\n")
    ]


# -- PDF -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf() -> formats.Made:
    return formats.one_column_pdf()


def test_a_pdf_reads_whole_in_order_without_its_furniture(make_corpus, pdf: formats.Made) -> None:
    document = one(make_corpus, "paper.pdf", pdf.data)
    assert_holds(document, pdf.sentences)
    # Paragraphs joined across lines and pages; sentences in the order they were printed.
    starts = [document.text.index(sentence) for sentence in formats.SENTENCES]
    assert starts == sorted(starts)
    # The bold headline drawn twice reads once and is the title.
    assert document.title == formats.HEADLINE
    assert document.text.count(formats.HEADLINE) == 1
    # Running header and page numbers are gone.
    assert "呼和浩特日报" not in document.text and "- 2 -" not in document.text
    assert table_rows(document) == ["\t".join(row) for row in formats.TABLE]
    assert document.encoding == "PDF"


def test_every_offset_of_a_pdf_knows_its_page(make_corpus, pdf: formats.Made) -> None:
    document = one(make_corpus, "paper.pdf", pdf.data)
    assert set(pdf.pages.values()) == {1, 2, 3}  # the fixture really spans pages
    for sentence, page in pdf.pages.items():
        assert document.page_at(document.text.index(sentence)) == page, sentence
    assert document.last_page == 3
    assert [page for _, page in document.pages] == [1, 2, 3]
    for _, page in document.pages:
        offset = document.page_offset(page)
        assert offset is not None and document.page_at(offset) == page
    assert document.page_offset(4) is None
    # A page break inside a paragraph: the paragraph is one block across it.
    second = document.page_offset(2)
    assert second is not None
    block = document.blocks[document.block_at(second)]
    assert block.start < second


def test_two_columns_read_across_are_read_column_by_column(make_corpus) -> None:
    made = formats.two_column_pdf()
    document = one(make_corpus, "columns.pdf", made.data)
    assert_holds(document, made.sentences)
    starts = [document.text.index(sentence) for sentence in formats.SENTENCES]
    assert starts == sorted(starts)
    assert not table_rows(document)
    assert "呼和浩特日报" not in document.text
    for sentence, page in made.pages.items():
        assert document.page_at(document.text.index(sentence)) == page


def test_pdfs_that_cannot_be_read_are_skipped_with_one_line_each(make_corpus, pdf: formats.Made) -> None:
    root = make_corpus(
        {
            "good.pdf": pdf.data,
            "scan.pdf": formats.scanned_pdf(),
            "locked.pdf": formats.encrypted_pdf(),
            "broken.pdf": formats.corrupt_pdf(),
            "fake.pdf": "这不是PDF文件，只是改了名字的文本。",
            "notes.txt": "标题\n\n正文。",
        }
    )
    loaded, skipped = documents(root)
    assert sorted(loaded) == ["good.pdf", "notes.txt"]
    assert skipped == {
        "scan.pdf": "no text layer — scanned?",
        "locked.pdf": "encrypted PDF (it needs a password)",
        "broken.pdf": "damaged or not a PDF (PDFium cannot read it)",
        "fake.pdf": "damaged or not a PDF (PDFium cannot read it)",
    }


def test_a_pdf_named_as_text_is_not_read_as_its_source(make_corpus, pdf: formats.Made) -> None:
    loaded, skipped = documents(make_corpus({"paper.txt": pdf.data, "plain.txt": "标题\n\n正文。"}))
    assert list(loaded) == ["plain.txt"]
    assert skipped == {"paper.txt": "a PDF under a text file's name: rename it to .pdf to read it"}


def test_a_pdf_reads_the_same_every_time(pdf: formats.Made) -> None:
    from zhreader.corpus.pdf_text import extract_pdf

    assert extract_pdf(pdf.data) == extract_pdf(pdf.data)


def piece(text: str, left: float, top: float, size: float = 10.0) -> Piece:
    return Piece(text, left, left + size * len(text), top - size, top)


def test_cells_side_by_side_are_a_table_and_long_lines_side_by_side_are_columns() -> None:
    table = [[piece("项目", 50, 700), piece("人数", 200, 700)], [piece("博士", 50, 680), piece("12", 200, 680)]]
    assert [line.text for line in order_page(table)] == ["项目\t人数", "博士\t12"]
    columns = [
        [
            piece(f"左栏第{k}行的文字比较长一些", 50, 700 - 20 * k),
            piece(f"右栏第{k}行的文字也比较长", 300, 700 - 20 * k),
        ]
        for k in range(4)
    ]
    texts = [line.text for line in order_page(columns)]
    assert texts == [f"左栏第{k}行的文字比较长一些" for k in range(4)] + [
        f"右栏第{k}行的文字也比较长" for k in range(4)
    ]


def test_running_headers_and_page_numbers_go_and_body_text_stays() -> None:
    def page(number: int, body: list[str]) -> list[Line]:
        head = Line(f"人民日报 第{number}版", False, 800, 790)
        lines = [Line(text, False, 700 - 20 * k, 690 - 20 * k) for k, text in enumerate(body)]
        return [head, *lines, Line(str(number), False, 40, 30)]

    pages = [page(n, [f"正文第{n}页第{k}行。" for k in range(5)]) for n in (1, 2, 3)]
    kept = strip_furniture(pages)
    assert [[line.text for line in p] for p in kept] == [[f"正文第{n}页第{k}行。" for k in range(5)] for n in (1, 2, 3)]


@pytest.mark.parametrize("text", ["12", "- 3 -", "第 7 页", "七", "3 / 20", "Page 4", "１２", "xiv"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2024年", "一、总则", "第三章", "12个", "p. 4 of the report", "I", "vivid"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30))
def test_text_drawn_twice_reads_once_and_other_text_stays(text: str) -> None:
    assert drawn_once(text + text) == text
    assert drawn_once(text + " " + text) == text
    half = len(text) // 2
    doubled = half and (text[:half] == text[-half:]) and (len(text) % 2 == 0 or text[half] == " ")
    if not doubled:
        assert drawn_once(text) == text


@given(
    st.lists(
        st.lists(
            st.text(
                "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动",
                min_size=1,
                max_size=20,
            ),
            min_size=1,
            max_size=3,
        ),
        max_size=12,
    )
)
def test_ordering_a_page_keeps_every_piece_of_text(rows: list[list[str]]) -> None:
    lines = [[piece(text, 50 + 250 * k, 700 - 20 * y) for k, text in enumerate(row)] for y, row in enumerate(rows)]
    out = order_page(lines)
    pieces = sorted(part for line in out for part in line.text.split("\t"))
    assert pieces == sorted(text for row in rows for text in row)


# -- Word ----------------------------------------------------------------------------------


def test_a_word_document_keeps_headings_tables_and_paragraph_ends(make_corpus) -> None:
    made = formats.docx_file()
    document = one(make_corpus, "report.docx", made.data)
    assert_holds(document, made.sentences)
    assert table_rows(document) == ["\t".join(row) for row in formats.TABLE]
    outline = [(entry.level, entry.text) for entry in document.outline()]
    assert outline[:2] == [(1, formats.HEADLINE), (2, "人才引进情况")]
    # The table sits between the paragraphs it was between.
    assert (
        document.text.index(formats.SENTENCES[1])
        < document.text.index("项目")
        < document.text.index(formats.SENTENCES[2])
    )
    # A paragraph without a full stop is not run into the next one.
    texts = [document.block_text(k) for k in range(len(document.blocks))]
    assert "一批科技创新平台相继落地" in texts
    assert document.pages == () and document.page_at(0) is None


def test_a_damaged_word_document_is_skipped(make_corpus) -> None:
    good = formats.docx_file().data
    loaded, skipped = documents(make_corpus({"a.docx": good[: len(good) // 2], "b.docx": b"not a zip"}))
    assert loaded == {}
    assert skipped["a.docx"].startswith("damaged Word document")
    assert skipped["b.docx"].startswith("damaged Word document")


# -- web pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("declare", [True, False])
def test_a_gb18030_web_page_gives_its_article_without_navigation_or_footer(make_corpus, declare: bool) -> None:
    made = formats.html_page(declare=declare)
    document = one(make_corpus, "page.html", made.data)
    assert_holds(document, made.sentences)
    assert "联系我们" not in document.text and "版权所有" not in document.text and "热门" not in document.text
    assert document.title == formats.HEADLINE
    assert document.encoding == "GB18030"


@pytest.mark.parametrize(
    ("label", "encoding", "body"),
    [
        ("utf-16", "utf-8", "".join(formats.SENTENCES)),  # browsers read such a page as UTF-8
        ("unicode_escape", "utf-8", "红色\\x1b[31m的字"),  # a Python codec no browser knows
        ("punycode", "utf-8", "中文"),
        ("gbk", "utf-8", "中文"),  # whose UTF-8 bytes are GBK too: 涓枃
        ("utf-8", "gb18030", "".join(formats.SENTENCES)),
        ("big5", "gb18030", "".join(formats.SENTENCES)),
    ],
)
def test_a_web_page_whose_charset_lies_reads_as_what_it_is(label: str, encoding: str, body: str) -> None:
    from zhreader.corpus.html_text import decode_page

    page = f'<html><head><meta charset="{label}"></head><body><p>{body}</p></body></html>'
    assert decode_page(page.encode(encoding)).text == page


def test_a_web_page_without_the_html_extra_says_how_to_get_it(make_corpus, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what an install without the extra has
    _, skipped = documents(make_corpus({"page.html": formats.html_page().data}))
    assert skipped == {"page.html": "a web page (HTML) needs an optional part: pip install 'zhreader[html]'"}


# -- EPUB ----------------------------------------------------------------------------------


def test_an_epub_reads_in_spine_order_without_ruby(make_corpus) -> None:
    made = formats.epub_file()
    document = one(make_corpus, "book.epub", made.data)
    assert_holds(document, made.sentences)
    assert "qīng" not in document.text and "(" not in document.text
    starts = [document.text.index(text) for text in ("第一章", formats.SENTENCES[0], "第二章", formats.SENTENCES[5])]
    assert starts == sorted(starts)
    assert [entry.text for entry in document.outline()][:3] == ["第一章", "青城的人才", "第二章"]


def test_zip_bombs_and_broken_epubs_are_skipped(make_corpus) -> None:
    good = formats.epub_file().data
    loaded, skipped = documents(
        make_corpus({"bomb.epub": formats.zip_bomb(), "cut.epub": good[:200], "book.epub": good})
    )
    assert list(loaded) == ["book.epub"]
    assert "a zip bomb?" in skipped["bomb.epub"]
    assert skipped["cut.epub"].startswith("damaged EPUB")


def test_a_zip_that_unpacks_too_far_is_refused_before_unpacking(monkeypatch) -> None:
    import zhreader.corpus.zipped as zipped

    monkeypatch.setattr(zipped, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(DocumentError, match="unpacks to"):
        open_zip(formats.epub_file().data, "EPUB")
    with pytest.raises(DocumentError, match="not a readable zip"):
        open_zip(b"PK\x03\x04 truncated", "EPUB")


def test_a_zip_within_the_limits_opens() -> None:
    assert isinstance(open_zip(formats.docx_file().data, "Word document"), zipfile.ZipFile)


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Zs")) | st.sampled_from("中文字，。"),
    min_size=1,
    max_size=40,
)


@given(_TEXT)
def test_html_paragraph_text_comes_through_as_written(text: str) -> None:
    import html

    out = TextBlocks()
    html_to_blocks(f"<p>{html.escape(text)}</p><p>二</p>", out)
    assert out.text() == f"{text.strip()}\n\n二" if text.strip() else out.text() == "二"


# -- files of other types --------------------------------------------------------------------


def test_a_folder_of_mixed_formats_loads_every_one(make_corpus, pdf: formats.Made) -> None:
    root = make_corpus(
        {
            "a.pdf": pdf.data,
            "b.docx": formats.docx_file().data,
            "c.html": formats.html_page().data,
            "d.epub": formats.epub_file().data,
            "e.txt": "标题\n\n正文。",
            "f.xlsx": b"PK",
        }
    )
    loaded, skipped = documents(root)
    assert sorted(loaded) == ["a.pdf", "b.docx", "c.html", "d.epub", "e.txt"] and skipped == {}


def test_a_spine_that_lists_a_chapter_again_and_again_reads_it_once(make_corpus) -> None:
    document = one(make_corpus, "loop.epub", formats.epub_with_spine(["c1", "c2", "c1"] * 5000))
    for sentence in formats.SENTENCES:
        assert document.text.count(sentence) == 1, sentence


def test_an_epub_whose_chapters_unpack_to_too_much_text_is_refused(make_corpus, monkeypatch) -> None:
    import zhreader.corpus.epub_text as epub_text

    monkeypatch.setattr(epub_text, "MAX_TEXT_BYTES", 2000)
    chapter = "<p>" + "人才是第一资源。" * 200 + "</p>"
    _, skipped = documents(make_corpus({"big.epub": formats.epub_with_spine(["c1", "c2"], chapter)}))
    assert list(skipped) == ["big.epub"]
    assert skipped["big.epub"].startswith("refused EPUB: its chapters unpack to more than")
