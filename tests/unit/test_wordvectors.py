"""Stored per-document word counts: the column format and its vocabulary round-trip, and
a sum of stored vectors is the sum of the counts they were made from."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from zhreader.index.wordvectors import Vocabulary, add_up, named

_COUNTS = st.dictionaries(st.text(min_size=1, max_size=6), st.integers(min_value=1, max_value=40), max_size=30)


@given(st.lists(_COUNTS, max_size=12))
def test_a_sum_of_stored_vectors_is_the_sum_of_their_counts(documents: list[dict[str, int]]) -> None:
    vocabulary = Vocabulary()
    vectors = [vocabulary.encode(counts) for counts in documents]
    occurrences, docs = add_up(vectors)
    expected_occurrences: Counter[str] = Counter()
    expected_docs: Counter[str] = Counter()
    for counts in documents:
        expected_occurrences.update(counts)
        expected_docs.update(counts.keys())
    assert named(occurrences, vocabulary.words) == expected_occurrences
    assert named(docs, vocabulary.words) == expected_docs
    for counts, vector in zip(documents, vectors, strict=True):
        assert named(add_up([vector])[0], vocabulary.words) == counts


@given(st.lists(st.text(max_size=8), unique=True), _COUNTS)
def test_the_vocabulary_reads_back_and_keeps_its_ids(words: list[str], counts: dict[str, int]) -> None:
    vocabulary = Vocabulary(words)
    vector = vocabulary.encode(counts)  # new words get the next ids; known ones keep theirs
    assert vocabulary.words[: len(words)] == words
    again = Vocabulary.from_bytes(vocabulary.to_bytes())
    assert again is not None and again.words == vocabulary.words and not again.grew
    assert named(add_up([vector])[0], again.words) == Counter(counts)


def test_a_vocabulary_grows_until_saved() -> None:
    vocabulary = Vocabulary(["经济"])
    assert not vocabulary.grew
    vocabulary.encode({"经济": 2})
    assert not vocabulary.grew
    vocabulary.encode({"发展": 1})
    assert vocabulary.grew and vocabulary.words == ["经济", "发展"]


def test_what_is_not_a_vocabulary_is_refused() -> None:
    for data in (b"", b"\xff", b"[]", b'{"format": "other", "words": []}', b'{"format": "zhreader-vocabulary"}'):
        assert Vocabulary.from_bytes(data) is None
    twice = b'{"format": "zhreader-vocabulary", "words": ["a", "a"]}'
    assert Vocabulary.from_bytes(twice) is None
