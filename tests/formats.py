"""Test documents in every format zhreader reads, generated here (no binary blobs): PDFs
with reportlab's built-in CID font STSong-Light, Word files with python-docx, a GB18030
web page, an EPUB zipped by hand. Each generator returns the bytes and the sentences the
document holds, so a test can look for every one of them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

FONT = "STSong-Light"

HEADLINE = "呼和浩特筑起聚才强磁场"
# Sentences long enough to wrap over several lines; the first ones end mid-line so that
# line breaks fall inside words.
SENTENCES = [
    "多年来，呼和浩特市坚持把人才工作摆在优先发展的战略位置，不断完善人才政策体系。",
    "全市累计引进各类高层次人才一万余名，为经济社会高质量发展提供了有力支撑。",
    "今年以来，市委组织部会同有关部门深入企业和高校，面对面了解人才的实际需求。",
    "一批科技创新平台相继落地，乳业、新能源、生物医药等产业集群加快形成。",
    "下一步，我市将继续优化人才发展环境，让各类人才在青城安心工作、舒心生活。",
    "人才是第一资源，创新是第一动力，这是我们必须长期坚持的发展理念。",
    "该市还设立了人才发展专项资金，每年安排不少于五亿元用于人才引进和培养。",
    "对急需紧缺的高层次人才，实行一事一议，在住房、子女入学等方面给予保障。",
    "高校毕业生留在本地就业创业的人数连续三年增长，城市活力明显增强。",
    "不少企业负责人表示，人才政策实实在在，企业招人留人更有底气了。",
    "与此同时，人才服务中心推出一站式服务，办事时间平均缩短一半以上。",
    "业内专家认为，人才集聚效应正在显现，将为城市转型升级注入持久动力。",
]
TABLE = [["项目", "人数", "增长"], ["博士", "1200", "12%"], ["硕士", "8600", "9%"]]
RUNNING_HEAD = "呼和浩特日报 2024年5月10日 星期五"


@dataclass
class Made:
    data: bytes
    sentences: list[str]
    pages: dict[str, int] = field(default_factory=dict)  # sentence -> page it starts on (PDFs)


def _canvas(buffer: io.BytesIO, **kwargs: object):  # type: ignore[no-untyped-def]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(buffer, pagesize=A4, **kwargs), A4


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def one_column_pdf(pages: int = 3, line_chars: int = 28, lines_per_page: int = 8) -> Made:
    """A bold headline (drawn twice, slightly offset, as newspapers do), paragraphs
    wrapped at a fixed width that run across page breaks, a table, a running header and
    page numbers on every page."""
    buffer = io.BytesIO()
    c, (width, height) = _canvas(buffer)
    size, leading, left = 12, 18, 72
    body: list[tuple[str, bool, str | None]] = []  # line, indented
    paragraphs = ["".join(SENTENCES[k : k + 2]) for k in range(0, len(SENTENCES), 2)]
    for paragraph in paragraphs:
        lines = _wrap(paragraph, line_chars)
        lines[1:] = _wrap(paragraph[line_chars - 2 :], line_chars)
        lines[0] = paragraph[: line_chars - 2]
        for k, line in enumerate(lines):
            body.append((line, k == 0, None))
    made = Made(b"", [HEADLINE, *SENTENCES])
    consumed = 0
    for page in range(1, pages + 1):
        c.setFont(FONT, 9)
        c.drawString(left, height - 40, RUNNING_HEAD)
        c.drawCentredString(width / 2, 30, f"- {page} -")
        y = height - 90
        if page == 1:
            c.setFont(FONT, 20)
            c.drawString(left, y, HEADLINE)
            c.drawString(left + 0.5, y, HEADLINE)  # fake bold: the same text twice
            y -= 36
        c.setFont(FONT, size)
        for line, indented, _ in body[consumed : consumed + lines_per_page]:
            c.drawString(left + (2 * size if indented else 0), y, line)
            y -= leading
        consumed += lines_per_page
        if page == pages:
            y -= leading
            for row in TABLE:
                for k, cell in enumerate(row):
                    c.drawString(left + 120 * k, y, cell)
                y -= leading
        c.showPage()
    c.save()
    made.data = buffer.getvalue()
    made.sentences += ["\t".join(row) for row in TABLE]
    made.pages = _first_pages(made.data, SENTENCES)
    assert set(made.pages) == set(SENTENCES), "the fixture lost text: more pages or fewer lines"
    return made


def _first_pages(data: bytes, sentences: list[str]) -> dict[str, int]:
    """On which page each sentence's first character is printed, read back independently
    of zhreader: the text of each page, less the header and page number, with every line
    break and space taken out."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    flat: list[tuple[int, str]] = []
    for number, page in enumerate(pdf, start=1):
        lines = page.get_textpage().get_text_range().splitlines()
        body = [line for line in lines if line != RUNNING_HEAD and line.strip() not in (f"- {number} -", str(number))]
        flat.append((number, "".join("".join(body).split())))
    joined = "".join(text for _, text in flat)
    found: dict[str, int] = {}
    for sentence in sentences:
        at = joined.find(sentence)
        if at == -1:
            continue
        for number, text in flat:
            if at < len(text):
                found[sentence] = number
                break
            at -= len(text)
    return found


def two_column_pdf() -> Made:
    """Two pages of two columns drawn line by line across the page (so PDFium reads each
    printed line across both columns), under a running header and above a page number."""
    buffer = io.BytesIO()
    c, (width, height) = _canvas(buffer)
    size, leading = 11, 16
    pages: dict[str, int] = {}
    for page, first in ((1, 0), (2, 6)):
        left_text = "".join(SENTENCES[first : first + 3])
        right_text = "".join(SENTENCES[first + 3 : first + 6])
        pages.update(dict.fromkeys(SENTENCES[first : first + 6], page))
        left_lines, right_lines = _wrap(left_text, 18), _wrap(right_text, 18)
        c.setFont(FONT, 9)
        c.drawString(60, height - 40, RUNNING_HEAD)
        c.drawCentredString(width / 2, 30, str(page))
        c.setFont(FONT, size)
        y = height - 80
        for k in range(max(len(left_lines), len(right_lines))):
            if k < len(left_lines):
                c.drawString(60, y, left_lines[k])
            if k < len(right_lines):
                c.drawString(320, y, right_lines[k])
            y -= leading
        c.showPage()
    c.save()
    return Made(buffer.getvalue(), list(SENTENCES), pages)


def scanned_pdf() -> bytes:
    """Pages with pictures only: no text layer."""
    buffer = io.BytesIO()
    c, _ = _canvas(buffer)
    for _ in range(2):
        c.rect(72, 72, 300, 500, fill=1)
        c.showPage()
    c.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    c, _ = _canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.setFont(FONT, 12)
    c.drawString(72, 700, SENTENCES[0])
    c.showPage()
    c.save()
    return buffer.getvalue()


def corrupt_pdf() -> bytes:
    return one_column_pdf().data[:300]


def docx_file() -> Made:
    import docx

    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(SENTENCES[0] + SENTENCES[1])
    document.add_heading("人才引进情况", level=2)
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for k, cell in enumerate(row):
            table.cell(r, k).text = cell
    document.add_paragraph(SENTENCES[2])
    # A paragraph that ends without punctuation must not run into the next one.
    document.add_paragraph("一批科技创新平台相继落地")
    document.add_paragraph(SENTENCES[4] + SENTENCES[5])
    document.add_paragraph("\n".join(SENTENCES[6:]))  # line breaks inside a paragraph
    buffer = io.BytesIO()
    document.save(buffer)
    return Made(
        buffer.getvalue(),
        [HEADLINE, "人才引进情况", *SENTENCES[:3], "一批科技创新平台相继落地", *SENTENCES[4:]]
        + ["\t".join(row) for row in TABLE],
    )


NAV = "首页 | 新闻 | 体育 | 财经 | 联系我们"
FOOTER = "版权所有 © 2024 青城网 京ICP备12345678号"


def html_page(encoding: str = "gb18030", declare: bool = True) -> Made:
    """An article page with navigation, a sidebar and a footer, in GB18030."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">' if declare else ""
    paragraphs = "\n".join(f"<p>{sentence}</p>" for sentence in SENTENCES)
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in TABLE)
    page = f"""<!DOCTYPE html>
<html><head>{meta}<title>{HEADLINE}_青城网</title></head>
<body>
<div class="nav"><nav><a href="/">首页</a> | <a href="/n">新闻</a> | <a href="/s">体育</a> |
<a href="/f">财经</a> | <a href="/c">联系我们</a></nav></div>
<div class="main"><article>
<h1>{HEADLINE}</h1>
{paragraphs}
<table>{rows}</table>
</article></div>
<aside><h3>热门文章</h3><ul><li><a href="/1">一条热门新闻</a></li><li><a href="/2">另一条热门新闻</a></li></ul></aside>
<footer><p>{FOOTER}</p></footer>
</body></html>"""
    return Made(page.encode(encoding), [HEADLINE, *SENTENCES, *("\t".join(row) for row in TABLE)])


def epub_file() -> Made:
    """Two chapters listed in the spine in the opposite order to their file names, the
    first with ruby readings over its title."""
    container = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
    opf = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>青城</dc:title></metadata>
<manifest>
<item id="c1" href="text/b_first.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/a_second.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>"""

    def chapter(title: str, body: str) -> str:
        return f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title><style>p {{}}</style></head>
<body><h1>{title}</h1>{body}</body></html>"""

    ruby = "<ruby>青<rp>(</rp><rt>qīng</rt><rp>)</rp>城<rt>chéng</rt></ruby>"
    first = chapter("第一章", f"<h2>{ruby}的人才</h2><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}<br/>{SENTENCES[2]}</p>")
    second = chapter("第二章", "".join(f"<p>{s}</p>" for s in SENTENCES[3:]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/text/b_first.xhtml", first)
        archive.writestr("OEBPS/text/a_second.xhtml", second)
        archive.writestr("OEBPS/style.css", "p { margin: 0 }")
    return Made(buffer.getvalue(), ["第一章", "青城的人才", *SENTENCES, "第二章"])


def zip_bomb(megabytes: int = 20, name: str = "OEBPS/text/bomb.xhtml") -> bytes:
    """A small EPUB whose one chapter unpacks to a thousand times its size in zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("META-INF/container.xml", "<container/>")
        with archive.open(name, "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                member.write(block)
    return buffer.getvalue()


def epub_with_spine(spine: list[str], chapter: str = "") -> bytes:
    """The EPUB of ``epub_file`` with its spine listing the chapter ids ``spine`` (c1, c2),
    and, given ``chapter``, the first chapter's body replaced by it."""
    source = zipfile.ZipFile(io.BytesIO(epub_file().data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "OEBPS/content.opf":
                refs = "".join(f'<itemref idref="{idref}"/>' for idref in spine)
                data = data.replace(b'<itemref idref="c1"/><itemref idref="c2"/>', refs.encode())
            elif chapter and info.filename == "OEBPS/text/b_first.xhtml":
                data = f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{chapter}</body></html>'.encode()
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def xobject_bomb_pdf(levels: int = 9, fan: int = 10) -> bytes:
    """A 2 KB PDF whose page draws a form that draws the next form ``fan`` times, ``levels``
    deep, the last one showing two letters: fan ** levels letters (10 ** 9), which PDFium
    lays out one by one until memory runs out (the billion laughs of PDF)."""

    def stream(head: str, content: bytes) -> bytes:
        return f"<< {head} /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"

    form = "/Type /XObject /Subtype /Form /BBox [0 0 600 800]"
    top = 6 + levels
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R "
        f"/Resources << /XObject << /X {top} 0 R >> >> >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream("", b"/X Do"),
        stream(f"{form} /Resources << /Font << /F1 4 0 R >> >>", b"BT /F1 1 Tf 10 10 Td (ab) Tj ET"),
    ]
    for level in range(1, levels + 1):
        objects.append(stream(f"{form} /Resources << /XObject << /Y {5 + level} 0 R >> >>", b"/Y Do " * fan))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
