from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.corpus.decoding import DecodeError, _common_chinese, decode

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
