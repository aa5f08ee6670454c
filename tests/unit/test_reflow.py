"""Line reflow on synthetic PDF-like text; the seed documents are in test_seeds.py."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.builder import build_document
from zhreader.corpus.reflow import reflow
from zhreader.corpus.sanitize import sanitize


class NoWords:
    """A word-break oracle that never sees a word across a break."""

    def continues(self, left: str, right: str) -> bool:
        return False


class AlwaysWords:
    def continues(self, left: str, right: str) -> bool:
        return True


NO_WORDS = NoWords()


def paragraphs(text: str, breaks: NoWords | AlwaysWords = NO_WORDS) -> list[str]:
    return [p.text for p in reflow(sanitize(text), breaks)]


def test_wrapped_cjk_lines_join_without_spaces() -> None:
    text = "标题\n\n在严格防范地方债务风险的前提下，推\n动国家高速公路主线内蒙古段全部贯通、\n盟市高速公路互通。\n"
    assert paragraphs(text) == [
        "标题",
        "在严格防范地方债务风险的前提下，推动国家高速公路主线内蒙古段全部贯通、盟市高速公路互通。",
    ]


def test_latin_words_join_with_one_space() -> None:
    assert paragraphs("title\n\nThe quick brown fox jumps\nover the lazy dog.\n") == [
        "title",
        "The quick brown fox jumps over the lazy dog.",
    ]


def test_a_comma_before_a_blank_line_continues_the_sentence() -> None:
    assert paragraphs("标题\n\n如今，肩负推进呼包同城化发展的重任，\n\n宝力高表示：“一方面。”") == [
        "标题",
        "如今，肩负推进呼包同城化发展的重任，宝力高表示：“一方面。”",
    ]


def test_a_short_line_without_punctuation_stays_a_heading() -> None:
    text = "标题\n\n加强机制建设 在内统外联中提升工作质效\n\n强化机关内部统筹，形成工作机制。"
    assert paragraphs(text) == ["标题", "加强机制建设 在内统外联中提升工作质效", "强化机关内部统筹，形成工作机制。"]


def test_the_word_oracle_decides_a_short_cut_line() -> None:
    text = "标题\n\n迟涛表示，在推动大学生就业方面，呼\n\n和浩特市工业和信息化局主要从搭平台入手。"
    assert paragraphs(text, AlwaysWords()) == [
        "标题",
        "迟涛表示，在推动大学生就业方面，呼和浩特市工业和信息化局主要从搭平台入手。",
    ]


def test_markers_headings_and_notes_start_paragraphs() -> None:
    text = "标题\n●本报记者 苗青\n\n■ 第一项，\n内容。\n■ 第二项。\n（上接第2版）\n第一章 总则\n一、总体要求\n正文。"
    kinds = [(p.kind, p.text) for p in reflow(sanitize(text), NoWords())]
    assert kinds == [
        ("text", "标题"),
        ("text", "●本报记者 苗青"),
        ("text", "■ 第一项，内容。"),
        ("text", "■ 第二项。"),
        ("jump", "（上接第2版）"),
        ("numbered", "第一章 总则"),
        ("numbered", "一、总体要求"),
        ("text", "正文。"),
    ]


def test_tab_rows_become_one_table_even_across_a_blank_line() -> None:
    text = "标题\n\n专栏1 指标\t\t\n指 标\t单 位\t2020年\n(1)增长\t%\t0.2\n\n(2)比率\t%\t64.1\n\n正文。"
    paras = reflow(sanitize(text), NoWords())
    assert [p.kind for p in paras] == ["text", "table", "text"]
    assert paras[1].text == "专栏1 指标\n指 标\t单 位\t2020年\n(1)增长\t%\t0.2\n(2)比率\t%\t64.1"


def test_markdown_pipe_tables_and_fences() -> None:
    text = "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode  kept\n  as is\n```\n"
    paras = reflow(sanitize(text), NoWords())
    assert [(p.kind, p.text) for p in paras] == [
        ("heading", "T"),
        ("table", "a\tb\n1\t2"),
        ("pre", "code  kept\n  as is"),
    ]


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
line = st.text(alphabet=st.one_of(han, st.sampled_from("，。、；：“”（）ab 12")), min_size=1, max_size=30)


@given(st.lists(st.one_of(line, st.just("")), min_size=1, max_size=30))
def test_reflow_keeps_every_visible_character_in_order(lines: list[str]) -> None:
    text = "\n".join(lines)
    document = build_document("t", text, NoWords())
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    # Undoubling may shorten a line; everything else only moves line breaks.
    assert squeeze(document.text) == squeeze(sanitize(text)) or len(squeeze(document.text)) < len(squeeze(text))


@given(st.lists(st.one_of(line, st.just("")), min_size=1, max_size=30))
def test_blocks_tile_the_display_text(lines: list[str]) -> None:
    document = build_document("t", "\n".join(lines), NoWords())
    position = 0
    for block in document.blocks:
        assert block.start >= position and block.end > block.start
        assert document.text[position : block.start].strip() == ""
        position = block.end
    assert document.text[position:].strip() == ""


# Poems as a plain-text dump has them: title, author, verses, no blank line. No line of
# them is wrapped, and joining any two would invent text a search matches across.
POEM = "帝京篇十首 一\n太宗皇帝\n秦川雄帝宅，函谷壯皇居。\n綺殿千尋起，離宮百雉餘。\n連甍遙接漢，飛觀迥凌虛。\n"


def test_verse_title_and_author_stay_the_lines_they_were_written_as() -> None:
    assert paragraphs(POEM, AlwaysWords()) == [line for line in POEM.split("\n") if line]


def test_a_title_wider_than_the_verse_does_not_join_its_author() -> None:
    poem = "郊廟歌辭 禪社首樂章 太和\n賀知章、源乾曜\n肅我成命，於昭黃祇。\n裘冕而祀，陟降在斯。\n"
    assert paragraphs(poem) == [line for line in poem.split("\n") if line]


def test_a_very_long_title_above_a_poem_is_not_a_cut_paragraph() -> None:
    title = "張相公出鎮荆州尋除太子詹事余時流夜郎行至江夏與張公去千里公因太府丞王昔使車寄羅衣二事及五月五日贈余詩"
    poem = f"{title}\n李白\n張衡殊不樂，應有四愁詩。\n慙君錦繡段，贈我慰相思。\n"
    assert paragraphs(poem, AlwaysWords()) == [title, "李白", "張衡殊不樂，應有四愁詩。", "慙君錦繡段，贈我慰相思。"]


def test_text_wrapped_at_a_column_still_joins_when_some_lines_end_in_punctuation() -> None:
    text = (
        "标题\n\n研究建设齐齐哈尔至海拉尔、海拉尔至黑山\n头铁路，推进乌兰浩特至阿尔山铁路改造。\n"
        "构建贯通内蒙古东中西部的铁路大通道。\n"
    )
    assert paragraphs(text) == [
        "标题",
        "研究建设齐齐哈尔至海拉尔、海拉尔至黑山头铁路，推进乌兰浩特至阿尔山铁路改造。构建贯通内蒙古东中西部的铁路大通道。",
    ]


VERSE_CHARS = st.sampled_from("秦川雄帝宅函谷壯皇居綺殿千尋起離宮百雉餘")


@given(st.lists(VERSE_CHARS, min_size=5, max_size=7), st.integers(3, 12))
def test_verse_of_any_length_is_never_joined(chars: list[str], verses: int) -> None:
    half = "".join(chars)
    lines = [f"{half}，{half}{'。' if n % 2 else '！'}" for n in range(verses)]
    assert paragraphs("題\n作者\n" + "\n".join(lines), AlwaysWords()) == ["題", "作者", *lines]


def test_a_wrapped_line_starting_with_记者_goes_on_and_a_byline_stays_alone() -> None:
    # Cut after 本报: the next full line starts like a byline but goes on the sentence.
    text = "标题\n\n在这个项目的工作中，本报\n记者站的同志负责联络各地\n的骨干力量参加了这次活动。\n"
    assert paragraphs(text) == ["标题", "在这个项目的工作中，本报记者站的同志负责联络各地的骨干力量参加了这次活动。"]
    # A byline is short and stands alone, under a headline as long as the body's lines.
    text = "这是一个比较长的新闻标题\n记者 张三\n正文第一段的内容写在这里，\n一直写到这一行才结束。\n"
    assert paragraphs(text)[:2] == ["这是一个比较长的新闻标题", "记者 张三"]
