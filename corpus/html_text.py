"""Text of a saved web page: the article's main text through trafilatura (navigation,
footers and other boilerplate left out), decoded as the page declares or, when it does
not, as the project's decoder detects (GB18030 and Big5 pages are common)."""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET

from zhreader.corpus.decoding import Decoded, chinese_score, decode
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import Extracted, TextBlocks, require

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# Pages labelled with a subset encoding use the whole superset in practice.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}
_SNIFF_BYTES = 4096


# The encodings a page may declare (WHATWG's list, as Python names them). Python has
# codecs no browser knows, and a label naming one would be obeyed: unicode_escape turns
# the text's backslashes into control characters, punycode and utf-7 garble it. A page
# labelled UTF-16 whose bytes are ASCII-compatible is UTF-8, as browsers read it.
_WEB_ENCODINGS = frozenset(
    {"utf-8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "hz", "euc_jp", "iso2022_jp", "shift_jis"}
    | {"euc_kr", "cp949", "koi8-r", "koi8-u", "cp866", "mac-roman", "tis-620", "cp874", "ascii"}
    | {f"cp{number}" for number in range(1250, 1259)}
    | {f"iso8859-{number}" for number in range(1, 17)}
)


def _web_encoding(label: bytes) -> str | None:
    name = label.decode("ascii").lower()
    try:
        name = codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    return name if name in _WEB_ENCODINGS else None


def decode_page(data: bytes) -> Decoded:
    """The page's text in the encoding it declares (when that decodes it), else detected."""
    head = data[:_SNIFF_BYTES]
    found = _XML_DECLARED.search(head) or _DECLARED.search(head)
    if found is not None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = _web_encoding(found.group(1))
        try:
            declared = Decoded(data.decode(name), name.upper()) if name else None
        except UnicodeDecodeError:
            declared = None  # a wrong label: detect instead
        if declared is not None:
            return _utf8_if_better(data, declared)
    return decode(data)


def _utf8_if_better(data: bytes, declared: Decoded) -> Decoded:
    """A page saved as UTF-8 under a label copied from a GBK page decodes as GBK too, now
    and then (中文 as 涓枃); the reading with more common Chinese characters wins."""
    if declared.encoding == "UTF-8" or data.isascii():
        return declared
    try:
        utf8 = Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        return declared
    return utf8 if chinese_score(utf8.text) > chinese_score(declared.text) else declared


def _text(element: ET.Element) -> str:
    """The element's text with ``<lb/>`` as a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(element: ET.Element, out: TextBlocks) -> None:
    for child in element:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2
            out.heading(level, _text(child))
        elif tag == "table":
            rows = [[_text(cell) for cell in row if cell.tag == "cell"] for row in child.iter("row")]
            out.table(rows)
        elif tag in ("list", "main", "div", "quote") and len(child):
            _walk(child, out)
        else:
            out.paragraph(_text(child))


def extract_html(data: bytes) -> Extracted:
    require("trafilatura", "html", "a web page (HTML)")
    import trafilatura

    decoded = decode_page(data)
    try:
        found = trafilatura.extract(
            decoded.text, output_format="xml", include_tables=True, include_comments=False, with_metadata=False
        )
    except Exception as err:  # trafilatura and lxml raise many kinds on broken markup
        raise DocumentError(f"unreadable web page ({type(err).__name__})") from None
    if not found:
        raise DocumentError("no article text found in this web page")
    try:
        root = ET.fromstring(found)
    except ET.ParseError as err:
        raise DocumentError(f"unreadable web page ({err})") from None
    out = TextBlocks()
    for main in root.iter("main"):
        _walk(main, out)
    return Extracted(out.text(), decoded.encoding, marked_paragraphs=True)
