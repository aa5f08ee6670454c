"""The merge's segment reader gives exactly whoosh's postings, deleted documents left out."""

from __future__ import annotations

from pathlib import Path

from whoosh.reading import SegmentReader

from zhreader.corpus import Corpus
from zhreader.index import IndexStore, update_index
from zhreader.index.segments import MergingReader


def test_walking_the_term_file_gives_whoosh_s_postings(make_corpus, tmp_path: Path) -> None:
    files = {f"d{i:02}.txt": f"标题{i}\n\n正文第{i}段，經濟发展的{i * 7}。" for i in range(12)}
    root = make_corpus(files)
    store = IndexStore(tmp_path / "ix", Corpus.open(root).location)
    update_index(Corpus.open(root), store, batch_docs=5)
    (root / "d03.txt").unlink()  # a deleted document in a kept segment
    (root / "d07.txt").write_text("标题7\n\n改过的正文。", encoding="utf-8")
    update_index(Corpus.open(root), store, batch_docs=5)
    generation = store.current()
    assert generation is not None
    ix = generation.open()
    segments = ix._segments()
    assert len(segments) > 1
    deleted_somewhere = False
    for segment in segments:
        ours = MergingReader(ix.storage, ix.schema, segment)
        theirs = SegmentReader(ix.storage, ix.schema, segment)
        deleted_somewhere |= bool(theirs.deleted_docs_set)
        found = list(ours.iter_postings())
        assert found and found == list(theirs.iter_postings())
        ours.close()
        theirs.close()
    assert deleted_somewhere
