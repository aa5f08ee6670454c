"""The damage in the five seed documents, repaired as a reader expects."""

from __future__ import annotations

import pytest

from zhreader.corpus import Corpus, Document, Kind, load_corpus
from zhreader.corpus.loader import Loaded


@pytest.fixture(scope="module")
def seeds(sample_dir) -> dict[str, Document]:
    loaded = [item for item in load_corpus(Corpus.open(sample_dir)) if isinstance(item, Loaded)]
    return {item.document.id[:3]: item.document for item in loaded}


def block_texts(document: Document) -> list[str]:
    return [document.block_text(i) for i in range(len(document.blocks))]


def test_all_five_seeds_load(seeds) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]


def test_titles(seeds) -> None:
    assert seeds["000"].title == "呼和浩特形成引才聚才“强磁场”"
    assert seeds["001"].title == "呼和浩特：筑起聚才“强磁场”构建“智汇”新高地"
    assert seeds["002"].title == "呼和浩特：相向而行 奏响协同发展“最强音”"
    assert seeds["003"].title == "内蒙古自治区国民经济和社会发展第十四个五年规划和2035年远景目标纲要"
    assert seeds["004"].title == "和林格尔人才科创中心植入“新质生产力芯片”"


def test_words_split_across_lines_and_blank_lines_come_out_whole(seeds) -> None:
    text = seeds["000"].text
    assert "推动包头经鄂尔多斯至榆林铁路" in text
    assert "实施中华优秀传统文化传承发展工程" in text
    assert "■ 加快推进全国一体化算力网络内蒙古枢纽节点建设" in text
    assert "推动产业结构" in text
    # 002 and 004 break long paragraphs across blank lines mid-word.
    assert "市发改委党组书记、主任伊德尔在接受记者采访时表示" in seeds["002"].text
    assert "和林格尔人才科创中心聚焦算力及人工智能" in seeds["004"].text
    assert "关键要把干部队伍建好" in seeds["004"].text


def test_titles_bylines_items_and_headings_stay_separate(seeds) -> None:
    blocks = block_texts(seeds["000"])
    assert blocks[0] == "呼和浩特形成引才聚才“强磁场”"
    assert blocks[1] == "——全市贯彻新发展理念、推动高质量发展系列综述之三"
    assert blocks[2] == "●本报记者 苗青"
    assert seeds["000"].blocks[2].kind is Kind.BYLINE
    assert blocks[3].startswith("■ 研究强化呼南通道") and blocks[3].endswith("铁路大通道。")
    assert "■ 完善农村牧区公路交通管理设施和安全防护设施。" in blocks
    assert "国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见" in blocks
    assert "七个方面主要任务②" in blocks
    assert all(not b.startswith("■") or seeds["000"].blocks[i].kind is Kind.ITEM for i, b in enumerate(blocks))


def test_the_doubled_headline_reads_once(seeds) -> None:
    assert seeds["001"].text.startswith("呼和浩特：筑起聚才“强磁场”构建“智汇”新高地\n\n●本报记者 阿柔娜 文/图")
    assert "呼和浩特呼和浩特" not in seeds["001"].text


def test_the_table_is_kept_as_rows_and_cells(seeds) -> None:
    doc = seeds["003"]
    tables = [i for i, b in enumerate(doc.blocks) if b.kind is Kind.TABLE]
    assert len(tables) == 2
    rows = doc.block_text(tables[0]).split("\n")
    assert rows[0] == "专栏1 十四五时期经济社会发展主要指标"
    assert rows[1].split("\t") == ["指 标", "单 位", "2020年", "2025年", "年均/累计", "属 性"]
    assert (
        "(16)地级及以上城市空气质量优良天数比率\t%\t90.8\t达到国家要求\t-\t约束性" in rows
    )  # after the stray blank line
    assert len(rows) == 27  # source lines 87-114 less the blank one


def test_outline_of_003_follows_篇_章_节(seeds) -> None:
    outline = [(entry.level, entry.text) for entry in seeds["003"].outline()]
    assert outline[:5] == [
        (0, "内蒙古自治区国民经济和社会发展第十四个五年规划和2035年远景目标纲要"),
        (1, "第一篇 践行高质量发展新路子 绘制现代化宏伟蓝图"),
        (2, "第一章 发展环境"),
        (3, "第一节 发展成就"),
        (3, "第二节 面临形势"),
    ]
    assert (1, "第二篇 实施创新驱动发展战略 全面塑造发展新动能") in outline
    assert (2, "第五章 激发人才创新活力") in outline


def test_outline_of_004_has_its_articles(seeds) -> None:
    outline = seeds["004"].outline()
    articles = [entry.text for entry in outline if entry.level == 2]
    assert articles[:3] == [
        "呼和浩特市城市轨道交通2号线顺利通过正式运营前安全评估",
        "锚定目标笃行实干 夯基蓄能向新而行",
        "开启“买买买” 商圈消费热",
    ]
    assert len(articles) == 7  # the seven "## " headings
    assert outline[0].level == 1 and outline[0].text == "和林格尔人才科创中心植入“新质生产力芯片”"
    assert not any(entry.text.startswith("#") for entry in outline)
    # Subheads inside an article sit one level below it.
    assert (3, "加强机制建设 在内统外联中提升工作质效") in [(e.level, e.text) for e in outline]


def test_outline_entries_point_at_their_text(seeds) -> None:
    for doc in seeds.values():
        for entry in doc.outline():
            assert doc.text[entry.start : entry.start + len(entry.text)] == entry.text


def test_display_text_has_no_control_characters(seeds) -> None:
    for doc in seeds.values():
        assert all(ch in "\t\n" or ord(ch) >= 0x20 for ch in doc.text)
