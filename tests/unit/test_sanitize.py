from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.sanitize import sanitize


def test_newlines_are_normalised() -> None:
    assert sanitize("a\r\nb\rc\fd\u2028e") == "a\nb\nc\nd\ne"


def test_escape_sequences_become_visible_characters() -> None:
    text = sanitize("x\x1b[2J\x1b]0;title\x07y\x00")
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
    assert text == "x␛[2J␛]0;title␇y␀"


def test_invisible_characters_are_removed() -> None:
    assert sanitize("中\u200b国\ufeff\u00ad") == "中国"


def test_emoji_keep_one_width_in_every_terminal() -> None:
    # tmux 3.3 draws ❤️ in one cell and kitty in two: the selectors and joiners go, the
    # emoji stay (a ZWJ family becomes its members, each as wide as Unicode says).
    assert sanitize("爱❤️心1️⃣家👨\u200d👩\u200d👧") == "爱❤心1⃣家👨👩👧"
    from zhreader.corpus.textfold import fold
    from zhreader.support.printable import printable

    assert fold("❤️") == fold("❤") and printable("标签❤️") == "标签❤"


def test_radicals_and_compatibility_ideographs_become_the_common_character() -> None:
    # ⼈ (KANGXI RADICAL MAN) and 﨑 are what PDF extraction often leaves behind.
    assert sanitize("⼈⼤") == "人大"
    assert sanitize("\uf900") == unicodedata.normalize("NFC", "\uf900")


@given(st.text())
def test_output_has_no_control_characters_but_tab_and_newline(text: str) -> None:
    out = sanitize(text)
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in out)
