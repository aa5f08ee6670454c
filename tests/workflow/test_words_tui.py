"""The words screen: the words of the search's documents with keyness, collocates around
its hits, the options, and Enter searching for a word."""

from __future__ import annotations

from tests.pilot import ready, search, wait_until, widget_lines
from zhreader.corpus.stopwords import WordFilter
from zhreader.index import collocates, wordstats
from zhreader.tui.screens.words_screen import TOP, WordsScreen
from zhreader.tui.widgets.search_bar import SearchBar


async def open_words(pilot, *keys: str) -> WordsScreen:
    """Press ``keys`` (ending in w) and wait for the words screen's first table."""
    await pilot.press(*keys)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, WordsScreen), what="the words screen")
    words = pilot.app.screen
    assert isinstance(words, WordsScreen)
    await wait_until(pilot, lambda: bool(words.words), what="the table")
    return words


async def test_words_and_collocates_of_a_search(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "强磁场")
        assert 0 < screen.search.current.result.total_docs < 5  # there is a rest to compare with
        words = await open_words(pilot, "escape", "w")
        searcher, result = sample_app.library.searcher, screen.search.current.result
        everything = wordstats.corpus_counts(searcher)
        subset = wordstats.subset_counts(searcher, result.docs.docnums(), everything)
        expected = wordstats.table(subset, everything, WordFilter(), TOP, by_keyness=True)
        assert words.words == [row.word for row in expected.rows]
        assert "keyness" in widget_lines(words.table)[0]

        await pilot.press("s")  # by count
        await wait_until(pilot, lambda: "by count" in str(words.table.border_title), what="by count")
        by_count = wordstats.table(subset, everything, WordFilter(), TOP)
        assert words.words == [row.word for row in by_count.rows]

        await pilot.press("c")
        await wait_until(pilot, lambda: "Collocates" in str(words.table.border_title), what="collocates")
        await wait_until(pilot, lambda: words.asked.collocates and "counting" not in str(words.table.border_title))
        found = collocates.collocates(searcher, result, everything, 5, 3, collocates.Measure.LL, WordFilter())
        assert words.words == [row.word for row in found.rows[:TOP]]
        await pilot.press("plus", "m")
        await wait_until(pilot, lambda: "±8 words, MI" in str(words.table.border_title), what="wider, MI")

        await pilot.press("w", "x")  # words again, function words kept
        await wait_until(pilot, lambda: "function words kept" in str(words.query_one("#words-summary").render()))
        chosen = words.words[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: sample_app.screen is screen, what="the reader")
        assert screen.query_one(SearchBar).box.value == chosen


async def test_words_of_the_corpus_without_a_search(sample_app) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await ready(pilot, 5)
        words = await open_words(pilot, "w")
        everything = wordstats.corpus_counts(sample_app.library.searcher)
        assert words.words == [row.word for row in wordstats.table(everything, None, WordFilter(), TOP).rows]
        assert str(words.table.border_title) == "Words of the corpus"
        await pilot.press("c")  # no search: nothing to collocate with
        await pilot.pause()
        assert any("Search first" in n.message for n in sample_app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(sample_app.screen, WordsScreen)


async def test_words_of_a_search_every_document_matches_have_no_keyness(sample_app) -> None:
    async with sample_app.run_test(size=(110, 32)) as pilot:
        screen = await ready(pilot, 5)
        await search(pilot, "呼和浩特")
        assert screen.search.current.result.total_docs == 5
        words = await open_words(pilot, "escape", "w")
        everything = wordstats.corpus_counts(sample_app.library.searcher)
        assert words.words == [row.word for row in wordstats.table(everything, None, WordFilter(), TOP).rows]
        assert "every document matches" in str(words.query_one("#words-summary").render())
        assert "keyness" not in widget_lines(words.table)[0]


async def test_a_narrow_pane_leaves_out_columns_rather_than_cutting_the_score(sample_app) -> None:
    async with sample_app.run_test(size=(46, 20)) as pilot:
        await ready(pilot, 5)
        await search(pilot, "强磁场")
        words = await open_words(pilot, "escape", "w")
        await pilot.press("c")
        await wait_until(pilot, lambda: words.asked.collocates and bool(words.words), what="collocates")
        await wait_until(pilot, lambda: "counting" not in str(words.table.border_title), what="the table")
        header, first = widget_lines(words.table)[:2]
        assert header.split()[-1] == "LL" and "expected" not in header  # the score kept, expected dropped
        score = words.table.rows[0][-1]
        assert first.split()[0] == words.words[0] and score in first.split()
