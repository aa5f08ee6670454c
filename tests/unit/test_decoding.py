from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.decoding import Decoded, DecodeError, _common_chinese, decode

SIMPLIFIED = "呼和浩特形成引才聚才强磁场，推动包头经鄂尔多斯至榆林铁路建设。"
TRADITIONAL = "臺灣的經濟發展與國際貿易關係密切，資訊產業具有重要地位。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "UTF-16"),
        (codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), "UTF-32"),
        (SIMPLIFIED.encode("gb18030"), "GB18030"),
        (TRADITIONAL.encode("big5"), "BIG5"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text in (SIMPLIFIED, TRADITIONAL)


def test_western_legacy_text() -> None:
    assert decode("café au lait, naïve résumé\n".encode("cp1252")).text == "café au lait, naïve résumé\n"


def test_gb18030_only_characters() -> None:
    text = "𠀀是扩展B区的字，€符号也在。"
    assert decode(text.encode("gb18030")).text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "damaged UTF-16"),
        (bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ],
)
def test_undecodable_input_has_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


common = sorted(_common_chinese())
punctuation = "，。、；：“”（）《》！？"


@given(st.text(alphabet=st.sampled_from(common[:3000]), min_size=8, max_size=200), st.sampled_from(punctuation))
def test_simplified_text_round_trips_through_gb18030(body: str, mark: str) -> None:
    text = body[: len(body) // 2] + mark + body[len(body) // 2 :]
    assert decode(text.encode("gb18030")).text == text


big5_common = [ch for ch in common if ch.encode("big5", "ignore")]


@given(st.text(alphabet=st.sampled_from(big5_common), min_size=12, max_size=200))
def test_traditional_text_round_trips_through_big5(text: str) -> None:
    assert decode(text.encode("big5")).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SIMPLIFIED, "Report 2024: " + TRADITIONAL, "plain ASCII text in UTF-16\n"])
def test_utf16_without_a_byte_order_mark(encoding: str, text: str) -> None:
    decoded = decode(text.encode(encoding))
    assert decoded.encoding == "UTF-16" and decoded.text == text


def test_a_few_damaged_bytes_are_repaired_and_counted() -> None:
    data = bytearray((SIMPLIFIED * 6).encode("utf-8"))
    data[30], data[200] = 0xFF, 0xC3
    decoded = decode(bytes(data))
    assert decoded.encoding == "UTF-8" and 2 <= decoded.damaged <= 6
    assert decoded.text.count("\ufffd") == decoded.damaged and "榆林铁路" in decoded.text


def test_nul_bytes_are_judged_the_same_anywhere_in_the_file() -> None:
    text = (SIMPLIFIED * 200).encode("utf-8")
    early, late = b"\x00" + text, text + b"\x00"  # a stray NUL, before or after 64 KiB
    assert decode(early).text.startswith("\x00") and decode(late).text.endswith("\x00")
    dense = (b"\x00\x01\x02" + text[:30]) * 50
    with pytest.raises(DecodeError, match="binary"):
        decode(dense)
    with pytest.raises(DecodeError, match="binary"):
        decode(text[:3000] + dense)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("学习", "gbk"), ("学习", "gb18030"), ("學習", "big5"), ("发展", "gbk"), ("經濟", "big5"), ("中华人民", "gbk")],
)
def test_a_file_of_a_few_characters_is_read_by_its_words(text: str, encoding: str) -> None:
    # 学习 in GBK is valid UTF-8 (ѧϰ); 學習 in Big5 is two common GB18030 characters (厩策).
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "text", ["привет", "вода", "δουλειά", "שלום", "مرحبا", "café", "naïve résumé", "über", "Ʒ", "中", "ok"]
)
def test_short_utf8_that_is_no_chinese_stays_utf8(text: str) -> None:
    assert decode(text.encode("utf-8")) == Decoded(text, "UTF-8")


def test_hz_is_a_chinese_encoding_too() -> None:
    assert decode("学习".encode("hz")) == Decoded("学习", "HZ")
    text = "呼和浩特形成引才聚才强磁场，推动高质量发展。"
    assert decode(text.encode("hz")) == Decoded(text, "HZ")
    assert decode(b"a tilde ~{ alone is ASCII").encoding == "UTF-8"


def test_two_character_words_of_the_sample_are_read_right_in_gbk_and_big5(sample_dir) -> None:
    import random
    import re

    opencc = pytest.importorskip("opencc")
    to_traditional = opencc.OpenCC("s2t")
    from zhreader.corpus import words

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(sample_dir.glob("*.txt")))
    pairs = sorted({w for w in words.cut(text) if len(w) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)})
    chosen = random.Random(7).sample(pairs, 300)
    wrong = [w for w in chosen if decode(w.encode("gbk")).text != w]
    assert len(wrong) <= 3, wrong  # 1% (measured: 0 of 600 on People's Daily)
    traditional = [t for t in (to_traditional.convert(w) for w in chosen) if _encodes(t, "big5")]
    wrong = [t for t in traditional if decode(t.encode("big5")).text != t]
    assert len(wrong) <= len(traditional) // 50, wrong  # 2% (measured: 1 of 600 on Tang poems)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
