"""What the document list shows of a document's folder."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from zhreader.support.cells import cells
from zhreader.support.printable import printable
from zhreader.tui.widgets.document_list import COUNT_CELLS, _folder_of

names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/"), min_size=1, max_size=12)


@given(st.lists(names, min_size=1, max_size=4), st.integers(0, 120))
def test_a_folder_fits_its_share_and_is_shown_as_data(parts: list[str], width: int) -> None:
    doc_id = "/".join(parts)
    shown = _folder_of(doc_id, width)
    if len(parts) == 1:
        assert shown == ""
        return
    if shown:
        assert shown.endswith("/")
        assert cells(shown) <= (width - COUNT_CELLS - 2) // 3
        assert all(unicodedata.category(ch) != "Cc" for ch in shown)  # no control reaches the screen
        folder = printable("/".join(parts[:-1])) + "/"
        last = printable(parts[-2]) + "/"
        assert shown in (folder, "…/" + last)  # whole, or its last part whole


def test_a_long_folder_keeps_its_last_part() -> None:
    assert _folder_of("人民日报/1998/01/p.txt", 40) == "…/01/"
    assert _folder_of("人民日报/1998/01/p.txt", 70) == "人民日报/1998/01/"
    assert _folder_of("copy00/p.txt", 30) == ""  # never cut inside a name
    assert _folder_of("copy00/p.txt", 31) == "copy00/"
    assert _folder_of("p.txt", 120) == ""
