"""Counts stored as counts: the postings read whole (index.postings) and through
Whoosh's one-at-a-time matcher agree, across blocks, with and without deletions."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus import Corpus
from zhreader.index import IndexStore, Searcher, update_index
from zhreader.index import postings as postings_module


def _one_by_one(reader, field: str, term: str) -> tuple[list[int], list[float]]:
    docnums, counts = [], []
    for leaf, offset in reader.leaf_readers():
        if (field, term.encode("utf-8")) not in leaf:
            continue
        matcher = leaf.postings(field, term.encode("utf-8"))
        while matcher.is_active():
            docnums.append(matcher.id() + offset)
            counts.append(matcher.weight())
            matcher.next()
    return docnums, counts


def test_counts_survive_the_codec_and_both_readers_agree(make_corpus, tmp_path: Path) -> None:
    # 300 documents: more than two 128-posting blocks for 中; counts from 1 to 7.
    files = {f"d{n:03}.txt": f"第{n}篇\n\n" + "中国" * (n % 7 + 1) + "。\n" for n in range(300)}
    root = make_corpus(files)
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store)
    for name in ("d005.txt", "d150.txt"):  # deleted documents in a segment: the matcher filters them
        (root / name).unlink()
    update_index(corpus, store)
    with Searcher.open(store) as searcher:
        reader = searcher._reader
        docnums, counts = postings_module.read(reader, "grams", "中")
        slow_docnums, slow_counts = _one_by_one(reader, "grams", "中")
        assert list(docnums) == slow_docnums
        assert list(counts) == [int(c) for c in slow_counts]
        assert all(float(c).is_integer() for c in slow_counts)
        assert sorted(counts) != sorted(set(counts))  # counts really vary and repeat
        by_doc = {searcher.describe(d)[0]: c for d, c in zip(docnums, counts, strict=True)}
        assert len(by_doc) == 298
        assert by_doc["d012.txt"] == 12 % 7 + 1  # the text holds 中国 that many times


def test_mapped_columns_read_what_whoosh_reads_in_every_segment(make_corpus, tmp_path: Path) -> None:
    from zhreader.index.columns import MappedColumn

    root = make_corpus({f"d{n:03}.txt": f"第{n}篇\n\n{'內容' * n}，ascii {n}。\n" for n in range(60)})
    corpus = Corpus.open(root)
    store = IndexStore(tmp_path / "ix", corpus.location)
    update_index(corpus, store, batch_docs=7)  # several segments, unmerged ones among them
    (root / "d061.txt").write_text("新的\n\n一篇。\n", encoding="utf-8")
    update_index(corpus, store)
    with Searcher.open(store) as searcher:
        reader = searcher._reader
        assert len(list(reader.leaf_readers())) > 1
        for name in ("text", "ftext", "blocks", "title"):
            whoosh = reader.column_reader(name)
            mapped = MappedColumn(whoosh)
            assert mapped.mapped
            for docnum in range(reader.doc_count_all()):
                assert mapped.get(docnum) == bytes(whoosh[docnum])
            mapped.close()


@given(st.text(alphabet="中国人民发展發展ab哈 ", max_size=40), st.sampled_from(["中国", "发展", "a", "人民b"]))
def test_counting_utf8_bytes_is_counting_characters(text: str, literal: str) -> None:
    from zhreader.index.matching import Matcher
    from zhreader.index.query import Term

    matcher = Matcher.for_term(Term(literal))
    needle = matcher.encoded_literal
    assert needle is not None
    assert text.encode("utf-8").count(needle) == matcher.count(text)
