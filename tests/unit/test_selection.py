"""Moving a selection by sentences and characters (what v, [ ] { } h l H L do)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus import Block, Document, Kind
from zhreader.tui.selection import Sentences, first_sentence, nudge, sentences

TEXT = "第一句。第二句！“第三句？”第四句"


def _document(text: str) -> Document:
    return Document("d", text, (Block(Kind.PARAGRAPH, 0, len(text)),), (0, 0))


def test_sentences_keep_their_closing_quotes() -> None:
    assert [TEXT[s:e] for s, e in sentences(TEXT, 0, len(TEXT))] == ["第一句。", "第二句！", "“第三句？”", "第四句"]


def test_v_selects_the_first_sentence_and_brackets_move_the_edges() -> None:
    document = _document(TEXT)
    index = Sentences.of(document)
    selection = first_sentence(document, 0)
    assert TEXT[slice(*selection)] == "第一句。"
    selection = index.extend_end(selection, 1)
    assert TEXT[slice(*selection)] == "第一句。第二句！"
    selection = index.move_start(selection, 1)
    assert TEXT[slice(*selection)] == "第二句！"
    assert index.extend_end(selection, -1) == selection  # never past its own start
    assert index.move_start(selection, -1) == (0, selection[1])


@given(st.integers(0, 15), st.integers(1, 15), st.sampled_from(["start", "end"]), st.integers(-20, 20))
def test_nudging_keeps_a_selection_valid(start: int, size: int, edge: str, step: int) -> None:
    length = 30
    (new_start, new_end), follow = nudge((start, min(start + size, length)), edge, step, length)
    assert 0 <= new_start < new_end <= length
    assert follow in (new_start, new_end - 1)
