"""Text of a saved web page: the article's main text through trafilatura (navigation,
footers and other boilerplate left out), decoded as the page declares or, when it does
not, as the project's decoder detects (GB18030 and Big5 pages are common)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from zhreader.corpus.decoding import Decoded, decode
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import Extracted, TextBlocks, require

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
# Pages labelled with a subset encoding use the whole superset in practice.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}
_SNIFF_BYTES = 4096


def decode_page(data: bytes) -> Decoded:
    """The page's text in the encoding it declares (when that decodes it), else detected."""
    head = data[:_SNIFF_BYTES]
    found = _XML_DECLARED.search(head) or _DECLARED.search(head)
    if found is not None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = found.group(1).decode("ascii").lower()
        name = _SUPERSETS.get(name, name)
        try:
            return Decoded(data.decode(name), name.upper())
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: detect instead
    return decode(data)


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
