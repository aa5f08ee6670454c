"""What the document list shows of a document's folder."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from zhreader.support.cells import cells
from zhreader.support.printable import printable
from zhreader.tui.widgets.document_list import FOLDER_MIN_CELLS, _folder_of

names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/"), min_size=1, max_size=12)


@given(st.lists(names, min_size=1, max_size=4), st.integers(-5, 60), st.integers(0, 80))
def test_a_folder_fits_what_it_is_given_and_is_shown_as_data(parts: list[str], spare: int, room: int) -> None:
    doc_id = "/".join(parts)
    shown = _folder_of(doc_id, spare, room)
    if len(parts) == 1:
        assert shown == ""
        return
    if shown:
        assert shown.endswith("/")
        assert cells(shown) <= max(spare, room // 4, FOLDER_MIN_CELLS)
        assert all(unicodedata.category(ch) != "Cc" for ch in shown)  # no control reaches the screen
        folder = printable("/".join(parts[:-1])) + "/"
        assert shown == folder or (shown.startswith("…") and folder.endswith(shown[1:].lstrip(" ")))


def test_a_long_folder_keeps_its_end() -> None:
    assert _folder_of("人民日报/1998/01/p.txt", 0, 40) == "…/1998/01/"
    assert _folder_of("a/p.txt", 0, 8) == "a/"
    assert _folder_of("abcdefgh/p.txt", 0, 12) == ""  # three cells say nothing
