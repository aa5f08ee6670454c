"""Turn a file's bytes into text, detecting the encoding from the bytes themselves.

Order: byte-order marks; UTF-16 without one (NUL bytes on one side of every ASCII
character, or text that reads as common Chinese); binary files (NUL bytes, one in a
thousand or more, anywhere in the file); HZ (GB2312 in 7-bit ASCII between ``~{`` and
``~}``); strict UTF-8; the Chinese legacy encodings (GB18030 and Big5, chosen by which
decoding yields common Chinese characters); UTF-8 with a few damaged bytes, shown as
U+FFFD and reported; then Western and other legacy encodings. The locale is never
consulted.

A file of a few characters gives character statistics nothing to go on: 学习 in GBK is
valid UTF-8 (ѧϰ), and 學習 in Big5 is two common GB18030 characters (厩策). There the
readings are weighed by how likely they are as Chinese words (jieba's dictionary, after
folding traditional to simplified): 学习 is a word, 厩策 is not.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from zhreader.corpus.errors import DocumentError
from zhreader.corpus.textfold import fold


class DecodeError(DocumentError):
    """The bytes are not a text document zhreader can read; ``str(err)`` says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    damaged: int = 0  # byte sequences that could not be decoded, now U+FFFD


_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CHINESE_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")
# Without a byte-order mark, UTF-16 text of pure Chinese must read this well to be taken.
_MIN_UTF16_SCORE = 0.8
# A file is binary when at least this share of its bytes are NUL (anywhere in it).
_BINARY_NUL_SHARE = 1 / 1000
# UTF-8 with a few damaged bytes: at most one bad sequence per this many good non-ASCII
# characters (and always up to three), else it is some other encoding (text in a legacy
# encoding read as UTF-8 has a bad sequence for almost every character).
_GOOD_PER_DAMAGE = 10
_SAMPLE_CHARS = 20_000
# Below this share of common characters a Chinese decoding is judged to be noise.
_MIN_CHINESE_SCORE = 0.5
# Up to this many non-ASCII bytes a file is weighed by words (see the module docstring).
_FEW_BYTES = 48
# The log probability per character, as jieba words, that a reading of valid UTF-8 must
# reach to be taken as Chinese instead: measured on People's Daily, three in four single
# characters and nine in ten pairs reach it; short Russian, Greek, Hebrew and Arabic
# words read as GB18030 or Big5 stayed below -10.2.
_MIN_WORD_SCORE = -9.5
_UNSEEN = -18.0  # about what jieba gives a character its dictionary lacks


def decode(data: bytes) -> Decoded:
    if not data:
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise DecodeError(f"damaged {encoding.upper()} text at byte {err.start}") from None
            return Decoded(text, encoding.upper().replace("-SIG", ""))
    few = sum(1 for byte in data if byte > 0x7F) <= _FEW_BYTES
    utf16 = _utf16_guess(data)
    if utf16 is not None:
        if few and not data.isascii() and 0 not in data:
            # Common characters in UTF-16 are also common ones in GBK or Big5 (學習
            # as 厩策); without NUL bytes for evidence, words decide.
            return _chinese_by_words(data) or utf16
        return utf16
    nuls = data.count(0)
    if nuls and nuls >= len(data) * _BINARY_NUL_SHARE:
        raise DecodeError("binary file (contains NUL bytes)")
    hz = _hz_guess(data)
    if hz is not None:
        return hz
    try:
        utf8 = Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    else:
        return _chinese_instead_of_utf8(data, utf8) if few else utf8
    chinese = _chinese_by_words(data) if few else _best_chinese(data)
    if chinese is not None:
        return chinese
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    latin = _western_guess(data)
    if latin is not None:
        return latin
    other = _charset_normalizer_guess(data)
    if other is not None:
        return other
    raise DecodeError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text")


@cache
def _common_chinese() -> frozenset[str]:
    """GB2312 level-1 (simplified) and Big5 level-1 (traditional) characters.

    Both standards order their most frequent characters first, so the sets come from
    the codecs themselves rather than from a bundled frequency list.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    # Big5's frequently used characters run from A440 to C67E.
    for lead in range(0xA4, 0xC7):
        trails = range(0x40, 0x7F) if lead == 0xC6 else (*range(0x40, 0x7F), *range(0xA1, 0xFF))
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return frozenset(ch for ch in chars if "\u4e00" <= ch <= "\u9fff")


def _is_suspicious(ch: str) -> bool:
    """Characters a mis-decoding produces but Chinese prose rarely contains."""
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF  # kana: GB2312 rows 4-5, where Big5's common lead bytes land
        or 0x0370 <= cp <= 0x052F  # Greek and Cyrillic
        or 0x2500 <= cp <= 0x257F  # box drawing
        or 0xE000 <= cp <= 0xF8FF  # private use
        or 0xAC00 <= cp <= 0xD7AF  # Hangul
        or (cp < 0x20 and ch not in "\t\n\r\f")
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"


def _is_neutral(ch: str) -> bool:
    """Punctuation and full-width forms: legitimate in both decodings, so no evidence."""
    cp = ord(ch)
    return cp < 0x80 or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF or 0x2000 <= cp <= 0x206F or cp == 0xB7


def chinese_score(text: str) -> float:
    """Share of the characters (punctuation aside) that are common Chinese characters."""
    sample = text[:_SAMPLE_CHARS]
    counts = Counter(ch for ch in sample if not _is_neutral(ch))
    total = sum(counts.values())
    if not total:
        return 0.0
    common = _common_chinese()
    good = sum(n for ch, n in counts.items() if ch in common)
    bad = sum(n for ch, n in counts.items() if _is_suspicious(ch))
    return (good - 2 * bad) / total


def _utf16_guess(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: every ASCII character has its NUL byte on the
    same side; text with no ASCII at all must read as common Chinese."""
    if len(data) < 2 or len(data) % 2:
        return None
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    for encoding, nul_side, other_side in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(_is_suspicious(ch) for ch in text[:_SAMPLE_CHARS]):
            continue
        if (nul_side and not other_side) or chinese_score(text) >= _MIN_UTF16_SCORE:
            return Decoded(text, "UTF-16")
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bytes damaged (a cut transfer, a bad sector): readable, with the
    damage shown as U+FFFD and counted, rather than a whole file skipped."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if good and bad <= max(3, good // _GOOD_PER_DAMAGE):
        return Decoded(text, "UTF-8", damaged=bad)
    return None


def _best_chinese(data: bytes) -> Decoded | None:
    best: Decoded | None = None
    best_score = _MIN_CHINESE_SCORE
    for encoding in _CHINESE_CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = chinese_score(text)
        # Strictly greater: on a tie the earlier (more common) encoding wins.
        if score > best_score:
            best, best_score = Decoded(text, encoding.upper()), score
    return best


def _readings(data: bytes) -> list[Decoded]:
    """The Chinese readings of a few bytes, the commoner encodings first (they win ties;
    UTF-16 without a byte-order mark is the rarest)."""
    found = []
    for encoding in (*_CHINESE_CANDIDATES, "utf-16-le", "utf-16-be"):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        try:
            name = "UTF-16" if encoding.startswith("utf-16") else encoding.upper()
            found.append(Decoded(data.decode(encoding), name))
        except UnicodeDecodeError:
            continue
    return found


def word_score(text: str) -> float | None:
    """Log probability per character of ``text`` read as Chinese words (a character that
    is neither Han, ASCII nor punctuation counts as one jieba has never seen); None when
    it holds no Han character, or what a wrong reading produces (kana, Cyrillic)."""
    if any(_is_suspicious(ch) for ch in text):
        return None
    from zhreader.corpus import words  # the dictionary loads only for files this small

    log_probability, han = words.han_likelihood(fold(text))
    if not han:
        return None
    foreign = sum(1 for ch in text if not (_is_neutral(ch) or _is_han(ch)))
    return (log_probability + foreign * _UNSEEN) / (han + foreign)


def _chinese_by_words(data: bytes) -> Decoded | None:
    """The Chinese reading of a few bytes that is likeliest as words, among those with
    the most common characters (a reading with a rare character or a stray bopomofo
    loses before words are weighed); on a tie the earlier (more common) encoding wins."""
    readings = _readings(data)
    common = {id(reading): chinese_score(reading.text) for reading in readings}
    most = max(common.values(), default=0.0)
    best: Decoded | None = None
    best_score = -math.inf
    for reading in readings:
        if common[id(reading)] < most:
            continue
        score = word_score(reading.text)
        if score is not None and score > best_score:
            best, best_score = reading, score
    return best


def _chinese_instead_of_utf8(data: bytes, utf8: Decoded) -> Decoded:
    """A few bytes of valid UTF-8 that hold no Chinese but read in GBK or Big5 as
    likely Chinese words are Chinese (UTF-8 letters inside Latin words stay UTF-8)."""
    text = utf8.text
    if (
        text.isascii()
        or re.search(r"[\u3400-\u9fff]", text)
        or re.search(r"[A-Za-z][^\x00-\x7f]|[^\x00-\x7f][A-Za-z]", text)
    ):
        return utf8
    chinese = _chinese_by_words(data)
    if chinese is None or (word_score(chinese.text) or -math.inf) < _MIN_WORD_SCORE:
        return utf8
    return chinese


def _hz_guess(data: bytes) -> Decoded | None:
    """HZ (RFC 1843): GB2312 in 7-bit bytes, shifted in by ``~{`` and out by ``~}``."""
    if b"~{" not in data or not data.isascii():
        return None
    try:
        text = data.decode("hz")
    except UnicodeDecodeError:
        return None
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han or chinese_score("".join(han)) < _MIN_CHINESE_SCORE:
        return None
    return Decoded(text, "HZ")


_WESTERN_PUNCTUATION = frozenset(
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0\u00b0\u00a9\u00ae\u00ab\u00bb\u00b7"
)


def _western_guess(data: bytes) -> Decoded | None:
    """Windows-1252 when every non-ASCII character it yields is a Latin letter or
    common typography: short Western files are where statistical guessers go wrong."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for ch in text:
        if ch < "\x80" or ch in _WESTERN_PUNCTUATION:
            continue
        if not ("\u00c0" <= ch <= "\u017f" and ch.isalpha()):
            return None
    return Decoded(text, "CP1252")


# Legacy encodings a Chinese-reading user's folder plausibly holds besides Chinese ones;
# letting charset-normalizer roam over every code page picks Urdu for "café".
_OTHER_CANDIDATES = ["shift_jis", "euc_jp", "euc_kr", "cp1251", "koi8_r"]


def _charset_normalizer_guess(data: bytes) -> Decoded | None:
    import charset_normalizer  # only needed for the rare non-Chinese legacy file

    match = charset_normalizer.from_bytes(data, cp_isolation=_OTHER_CANDIDATES).best()
    if match is None or match.chaos > 0.2:
        return None
    text = str(match)
    if any(_is_suspicious(ch) for ch in text[:_SAMPLE_CHARS] if ord(ch) < 0x20):
        return None
    return Decoded(text, match.encoding.upper())
