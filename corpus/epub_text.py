"""Text of an EPUB: its chapters in spine order, read from the zip with the standard
library (the EPUB libraries for Python are AGPL or unmaintained)."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import unquote

from zhreader.corpus.decoding import decode
from zhreader.corpus.errors import DocumentError
from zhreader.corpus.extracted import MAX_TEXT_BYTES, Extracted, TextBlocks
from zhreader.corpus.markup import html_to_blocks
from zhreader.corpus.zipped import open_zip, read_member

_CONTAINER = "META-INF/container.xml"
_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})


def _xml(data: bytes, name: str) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise DocumentError(f"damaged EPUB: {name} is not well-formed ({err})") from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _chapters(data: bytes) -> list[tuple[str, bytes]]:
    archive = open_zip(data, "EPUB")
    with archive:
        container = _xml(read_member(archive, _CONTAINER, "EPUB"), _CONTAINER)
        opf_path = next(
            (el.get("full-path", "") for el in container.iter() if _local(el.tag) == "rootfile"),
            "",
        )
        if not opf_path:
            raise DocumentError("damaged EPUB: no package document named in META-INF/container.xml")
        opf = _xml(read_member(archive, opf_path, "EPUB"), opf_path)
        base = posixpath.dirname(opf_path)
        manifest: dict[str, tuple[str, str]] = {}
        for el in opf.iter():
            if _local(el.tag) == "item" and el.get("id") and el.get("href"):
                href = posixpath.normpath(posixpath.join(base, unquote(el.get("href", "").split("#")[0])))
                manifest[el.get("id", "")] = (href, el.get("media-type", ""))
        order = [el.get("idref", "") for el in opf.iter() if _local(el.tag) == "itemref"]
        chapters: list[tuple[str, bytes]] = []
        read: set[str] = set()
        total = 0
        for idref in order:
            href, media = manifest.get(idref, ("", ""))
            # A chapter is read once: a spine that lists one chapter ten thousand times
            # would otherwise unpack it ten thousand times (a bomb no zip header shows).
            if not href or media not in _HTML_TYPES or href in read:
                continue
            read.add(href)
            info = archive.NameToInfo.get(href)
            total += info.file_size if info is not None else 0
            if total > MAX_TEXT_BYTES:
                raise DocumentError(
                    f"refused EPUB: its chapters unpack to more than {MAX_TEXT_BYTES // (1024 * 1024)} MB of text"
                )
            chapters.append((href, read_member(archive, href, "EPUB")))
        return chapters


def extract_epub(data: bytes) -> Extracted:
    out = TextBlocks()
    for _, chapter in _chapters(data):
        html_to_blocks(decode(chapter).text, out)
    text = out.text()
    if not text.strip():
        raise DocumentError("no text in this EPUB (only pictures?)")
    return Extracted(text, "EPUB", marked_paragraphs=True)
