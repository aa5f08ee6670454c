"""PDFs: what a user with a folder of Chinese PDFs pays for them, and what comes back.

People's Daily articles are typeset into multi-page PDFs in the benchmark's temporary
folder, and the same articles are written as ``.txt`` files (one document each way). Then:
zhreader's index build of either folder (time, size, memory of every process), zhreader's
extraction alone in one process (pages/s, characters/s, peak memory), then with the repair
that makes the display text, ``pdftotext`` (poppler-utils) on the same PDFs as the peer,
and what comes back: every typeset paragraph and every line and page break inside one
looked for in the display text, and whether exact searches find phrases drawn from the
text put into the PDFs: inside a printed line, across a line break, across a page break
(past the running header and page number), in a headline.

The PDFs are written with reportlab, a test dependency (``pip install -e '.[test]'``), with
its built-in CID font STSong-Light, as the tests write theirs (tests/formats.py); without
reportlab the section is skipped with one line. Without pdftotext its column is empty.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import random
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from benchmarks import engines, report
from benchmarks.memory import own_peak_mb

FONT = "STSong-Light"
BODY_SIZE, BODY_LEADING, BODY_CHARS, INDENT_CHARS = 12, 18, 36, 2
HEAD_SIZE, HEAD_LEADING, HEAD_CHARS = 18, 26, 24
LEFT, TOP, BOTTOM = 72, 762, 60  # A4 is 595 x 842 points
RUNNING_HEAD = "人民日报 1998年1月 汇编 第{number}册"
KINDS = ("within a line", "across a line break", "across a page break", "in a headline")


@dataclass
class Placed:
    """One generated document: what was drawn, and where its lines and pages break."""

    name: str  # the file name without its suffix, the same for the .pdf and the .txt
    pages: int = 0
    paragraphs: list[str] = field(default_factory=list)  # headlines and paragraphs, in order
    headlines: set[int] = field(default_factory=set)  # indexes of the headlines
    # Per paragraph: (offset, "line" | "page") where the printed text goes on a new line.
    breaks: list[list[tuple[int, str]]] = field(default_factory=list)


@dataclass(frozen=True)
class Phrase:
    text: str
    kind: str
    doc: str  # the document it was drawn from (others may hold it too)


def articles(source: Path) -> Iterator[list[str]]:
    """Each article of the corpus as its paragraphs, the headline first."""
    for path in sorted(source.rglob("*.txt")):
        paragraphs = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        if paragraphs:
            yield paragraphs


def _wrap(text: str, first: int, rest: int) -> list[str]:
    """Lines of ``first``, then ``rest`` characters, cut anywhere but before closing
    punctuation, which hangs at the end of the line instead (as typesetters set it).

    Cut anywhere, a paragraph's final 。 would sometimes sit alone on its last line, and
    PDFium leaves out a line of one glyph in a font that is not embedded (STSong-Light; an
    embedded TrueType font keeps it): the text would lose characters no real page loses."""
    from zhreader.tui.linebreak import NO_LINE_START

    lines: list[str] = []
    start = 0
    while start < len(text):
        end = start + (rest if lines else first)
        while end < len(text) and text[end] in NO_LINE_START:
            end += 1
        lines.append(text[start:end])
        start = end
    return lines


class _Typesetter:
    """One column of fixed-width lines, as a newspaper reprint is set: paragraphs marked by
    an indent only, lines cut at a character count (so inside words, but never before a
    comma or full stop), headlines drawn twice half a point apart (a bold look), a running
    header and page numbers."""

    def __init__(self, path: Path, number: int, font: str) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        self.font = font
        # invariant: no creation date or random id, so a PDF is the same on every run
        self.canvas = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.width = A4[0]
        self.head = RUNNING_HEAD.format(number=number)
        self.page = 0
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.canvas.setFont(self.font, 9)
        self.canvas.drawString(LEFT, 802, self.head)
        self.canvas.drawCentredString(self.width / 2, 30, f"- {self.page} -")
        self.y = TOP

    def paragraph(self, text: str, headline: bool) -> list[tuple[int, str]]:
        size, leading = (HEAD_SIZE, HEAD_LEADING) if headline else (BODY_SIZE, BODY_LEADING)
        indent = 0 if headline else INDENT_CHARS
        per_line = HEAD_CHARS if headline else BODY_CHARS
        breaks: list[tuple[int, str]] = []
        offset = 0
        for k, line in enumerate(_wrap(text, per_line - indent, per_line)):
            if self.y - leading < BOTTOM:
                self._new_page()
                if k:
                    breaks[-1] = (breaks[-1][0], "page")
            self.y -= leading
            x = LEFT + (indent * size if k == 0 else 0)
            self.canvas.setFont(self.font, size)
            self.canvas.drawString(x, self.y, line)
            if headline:
                self.canvas.drawString(x + 0.5, self.y, line)
            offset += len(line)
            if offset < len(text):
                breaks.append((offset, "line"))
        return breaks

    def gap(self) -> None:
        self.y -= BODY_LEADING

    def save(self) -> int:
        self.canvas.save()
        return self.page


def register_font(font: Path | None) -> str:
    """reportlab's name for the font: its built-in STSong-Light (not embedded: a reader maps
    its glyphs through its own CMaps), or a TrueType file (.ttf, .ttc), embedded as a subset."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = FONT if font is None else f"embedded-{font.stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(UnicodeCIDFont(FONT) if font is None else TTFont(name, str(font)))
        except (OSError, TTFError) as err:
            raise SystemExit(f"--pdf-font {font}: not a TrueType font reportlab can embed ({err})") from None
    return name


def write_corpus(
    source: Path, pdf_root: Path, txt_root: Path, documents: int, min_chars: int, font: Path | None = None
) -> list[Placed]:
    """``documents`` PDFs of consecutive articles, each at least ``min_chars`` characters
    long (the last may be shorter when the corpus runs out), and the same as .txt files."""
    font_name = register_font(font)
    for root in (pdf_root, txt_root):
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
    placed: list[Placed] = []
    stream = articles(source)
    for number in range(1, documents + 1):
        doc = Placed(f"pd-{number:04d}")
        chars = 0
        texts: list[str] = []
        setter = _Typesetter(pdf_root / f"{doc.name}.pdf", number, font_name)
        for article in stream:
            if chars:
                setter.gap()
            for k, paragraph in enumerate(article):
                if k == 0:
                    doc.headlines.add(len(doc.paragraphs))
                doc.breaks.append(setter.paragraph(paragraph, headline=k == 0))
                doc.paragraphs.append(paragraph)
            texts.append("\n\n".join(article))
            chars += sum(len(p) for p in article)
            if chars >= min_chars:
                break
        doc.pages = setter.save()
        if not chars:
            (pdf_root / f"{doc.name}.pdf").unlink()
            break
        (txt_root / f"{doc.name}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
        placed.append(doc)
    return placed


def _han(text: str) -> bool:
    from zhreader.corpus.patterns import is_han

    return bool(text) and all(is_han(ch) for ch in text)


def pick_phrases(placed: list[Placed], per_kind: int, seed: int = 1998) -> list[Phrase]:
    """Up to ``per_kind`` phrases of 3-6 Han characters of each kind, drawn at random
    (fixed seed) from every place of that kind in the documents."""
    rng = random.Random(seed)
    candidates: dict[str, list[Phrase]] = {kind: [] for kind in KINDS}
    for doc in placed:
        for index, (text, breaks) in enumerate(zip(doc.paragraphs, doc.breaks, strict=True)):
            for at, how in breaks:
                left = rng.randint(1, 3)
                right = min(rng.randint(1, 3), len(text) - at)  # a last line may hold one character
                phrase = text[at - left : at + right]
                if at - left >= 0 and left + right >= 3 and _han(phrase):
                    kind = "across a page break" if how == "page" else "across a line break"
                    candidates[kind].append(Phrase(phrase, kind, doc.name))
            bounds = [0, *(at for at, _ in breaks), len(text)]
            for start, end in itertools.pairwise(bounds):
                size = rng.randint(3, 6)
                if end - start < size + 2:
                    continue
                at = rng.randrange(start + 1, end - size)  # clear of the line's ends
                phrase = text[at : at + size]
                if _han(phrase):
                    kind = "in a headline" if index in doc.headlines else "within a line"
                    candidates[kind].append(Phrase(phrase, kind, doc.name))
    picked: list[Phrase] = []
    for kind in KINDS:
        pool = candidates[kind]
        rng.shuffle(pool)
        seen: set[str] = set()
        for candidate in pool:
            if candidate.text not in seen:
                seen.add(candidate.text)
                picked.append(candidate)
            if len(seen) == per_kind:
                break
    return picked


def holders(phrases: list[Phrase], texts: dict[str, str]) -> list[set[str]]:
    """For each phrase, the documents whose text holds it, folded as zhreader folds."""
    from zhreader.corpus.textfold import fold

    folded = {name: fold(text) for name, text in texts.items()}
    return [{name for name, text in folded.items() if fold(phrase.text) in text} for phrase in phrases]


def _flat(text: str) -> str:
    return "".join(text.split())


@dataclass
class Fidelity:
    """How much of the typeset text one reader gives back as it was set."""

    text_whole: int = 0  # paragraphs whose characters all come back, in order (whitespace aside)
    as_one: int = 0  # paragraphs that come back as one paragraph, character for character
    breaks: Counter[str] = field(default_factory=Counter)  # line or page breaks inside paragraphs
    joined: Counter[str] = field(default_factory=Counter)  # of which read as no break at all
    cut: list[str] = field(default_factory=list)  # a few that were not, as 左|右


def fidelity(placed: list[Placed], texts: dict[str, str], context: int = 8) -> Fidelity:
    """Each typeset paragraph and each break inside one, looked for in the reader's text."""
    found = Fidelity()
    for doc in placed:
        text = texts.get(doc.name, "")
        flat = _flat(text)
        for paragraph, breaks in zip(doc.paragraphs, doc.breaks, strict=True):
            found.text_whole += _flat(paragraph) in flat
            found.as_one += paragraph in text
            for at, how in breaks:
                found.breaks[how] += 1
                if paragraph[max(0, at - context) : at + context] in text:
                    found.joined[how] += 1
                elif len(found.cut) < 8:
                    found.cut.append(f"{paragraph[max(0, at - 6) : at]}|{paragraph[at : at + 6]} ({doc.name})")
    return found


# -- the child process: extraction timed alone ------------------------------------------


def zhreader_extraction(pdf_root: str) -> dict[str, Any]:
    """Every PDF of the folder through PDFium and the layout (the extraction), then the
    extracted lines through the repair that makes the display text, one after the other."""
    from zhreader.corpus import words
    from zhreader.corpus.loader import document_from_extracted
    from zhreader.corpus.pdf_text import extract_pdf

    files = sorted(Path(pdf_root).glob("*.pdf"))
    started = time.perf_counter()
    extracted = [(path.name, extract_pdf(path.read_bytes())) for path in files]
    extract_s = time.perf_counter() - started
    extract_peak = own_peak_mb()
    words.preload()  # once per indexing worker, not per document: not part of the repair
    started = time.perf_counter()
    display = sum(len(document_from_extracted(name, one).text) for name, one in extracted)
    return {
        "extract_s": extract_s,
        "repair_s": time.perf_counter() - started,
        "extract_peak_mb": extract_peak,
        "peak_mb": own_peak_mb(),
        "display_chars": display,
    }


# -- the peer ----------------------------------------------------------------------------


def pdftotext_version(exe: str) -> str:
    out = subprocess.run([exe, "-v"], capture_output=True, text=True)
    lines = (out.stderr or out.stdout).splitlines()
    return lines[0].strip() if lines else "pdftotext"


def pdftotext(exe: str, pdf_root: Path, out_root: Path) -> tuple[float, dict[str, str]]:
    """One ``pdftotext`` per file, as a loop over a folder runs it: the total time and
    each document's text."""
    out_root.mkdir(parents=True, exist_ok=True)
    files = sorted(pdf_root.glob("*.pdf"))
    started = time.perf_counter()
    for path in files:
        run = subprocess.run([exe, "-enc", "UTF-8", str(path), str(out_root / f"{path.stem}.txt")], capture_output=True)
        if run.returncode != 0:
            raise SystemExit(f"pdftotext failed on {path.name}: {run.stderr.decode(errors='replace')[-500:]}")
    seconds = time.perf_counter() - started
    return seconds, {path.stem: (out_root / f"{path.stem}.txt").read_text("utf-8") for path in files}


# -- the section -------------------------------------------------------------------------


@dataclass
class Section:
    title: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str]
    raw: dict[str, Any]


def reportlab_installed() -> bool:
    return importlib.util.find_spec("reportlab") is not None


def _display_texts(engine: engines.Zhreader, path: Path) -> dict[str, str]:
    engine.texts(path)
    rows = (json.loads(line) for line in path.open(encoding="utf-8"))
    return {Path(row["id"]).stem: row["text"] for row in rows}


@dataclass
class Recall:
    """How one reader of the documents answers the phrases."""

    found: list[set[str]]
    expected: list[set[str]]
    kinds: list[str]

    def recall(self, kind: str) -> float | None:
        picked = [n for n, k in enumerate(self.kinds) if k == kind]
        relevant = sum(len(self.expected[n]) for n in picked)
        if not relevant:
            return None
        return sum(len(self.expected[n] & self.found[n]) for n in picked) / relevant

    @property
    def missed(self) -> list[int]:
        return [n for n, (got, want) in enumerate(zip(self.found, self.expected, strict=True)) if want - got]

    @property
    def extra(self) -> int:
        return sum(len(got - want) for got, want in zip(self.found, self.expected, strict=True))


def _searched(engine: engines.Zhreader, phrases: list[Phrase], work: Path) -> list[set[str]]:
    queries = work / "phrases.json"
    queries.write_text(json.dumps([p.text for p in phrases], ensure_ascii=False), encoding="utf-8")
    names = engine.names(queries, list(range(len(phrases))))
    return [{Path(doc_id).stem for doc_id in names[str(n)]} for n in range(len(phrases))]


def _peer(pdf_root: Path, tmp: Path, console: Console) -> tuple[dict[str, Any], dict[str, str]]:
    """pdftotext's time and version, and its text of each document; nothing without it."""
    exe = shutil.which("pdftotext")
    if exe is None:
        console.print(Text("  pdftotext: not installed (apt-get install poppler-utils); its column stays empty"))
        return {}, {}
    console.print(Text("  pdftotext: extraction"))
    seconds, texts = pdftotext(exe, pdf_root, tmp / "pdftotext")
    return {"seconds": seconds, "version": pdftotext_version(exe)}, texts


@dataclass(frozen=True)
class Plan:
    documents: int = 250
    min_chars: int = 5000  # per document: about four pages
    per_kind: int = 40  # phrases of each kind
    font: Path | None = None  # a TrueType file to embed instead of STSong-Light

    @property
    def font_label(self) -> str:
        return f"{FONT} (not embedded)" if self.font is None else f"{self.font.name} (embedded)"


def measure(source: Path, tmp: Path, plan: Plan, console: Console) -> Section | None:
    if not reportlab_installed():
        console.print(Text("PDFs: skipped, reportlab writes them and is not installed (pip install -e '.[test]')"))
        return None
    console.print(Text(f"PDFs: typesetting {plan.documents} documents in {plan.font_label}"))
    pdf_root, txt_root, work = tmp / "pdfs", tmp / "pdf-texts", tmp / "work-pdf"
    placed = write_corpus(source, pdf_root, txt_root, plan.documents, plan.min_chars, plan.font)
    counts = {
        "pages": sum(doc.pages for doc in placed),
        "chars": sum(len(p) for doc in placed for p in doc.paragraphs),
        "paragraphs": sum(len(doc.paragraphs) for doc in placed),
    }
    ours = {"pdf": engines.Zhreader(pdf_root, work / "pdf"), "txt": engines.Zhreader(txt_root, work / "txt")}
    built: dict[str, dict[str, Any]] = {}
    for label, engine in ours.items():
        (work / label).mkdir(parents=True)
        console.print(Text(f"  zhreader: build from the {label} files"))
        built[label] = engine.build()
    console.print(Text("  zhreader: extraction alone"))
    extraction = engines.run_child("pdf-extraction", str(pdf_root), env=ours["pdf"].env)
    peer, peer_texts = _peer(pdf_root, tmp, console)

    phrases = pick_phrases(placed, plan.per_kind)
    kinds = [p.kind for p in phrases]
    expected = holders(phrases, {doc.name: "\n".join(doc.paragraphs) for doc in placed})
    console.print(Text(f"  zhreader: {len(phrases)} phrases searched in both indexes"))
    recalls = {
        label: Recall(_searched(engine, phrases, work / label), expected, kinds) for label, engine in ours.items()
    }
    texts = {label: _display_texts(engine, work / label / "texts.jsonl") for label, engine in ours.items()}
    if peer:
        recalls["peer"] = Recall(holders(phrases, peer_texts), expected, kinds)
        texts["peer"] = peer_texts
    read = {label: fidelity(placed, got) for label, got in texts.items()}

    title = (
        f"PDFs: {len(placed):,} documents, {counts['pages']:,} pages, {counts['chars']:,} characters of People's "
        f"Daily text in {plan.font_label}; {len(phrases)} phrases"
    )
    notes = _notes(peer, recalls, read, phrases)
    for note in notes[len(NOTES) :]:
        console.print(Text(f"  {note}"))
    raw = {
        **counts,
        "documents": len(placed),
        "build": built,
        "extraction": extraction,
        "pdftotext": peer,
        "read_back": {label: {"text_whole": got.text_whole, "as_one": got.as_one} for label, got in read.items()},
        "breaks": {label: {"joined": dict(got.joined), "of": dict(got.breaks)} for label, got in read.items()},
        "phrases": [{"text": p.text, "kind": p.kind, "doc": p.doc} for p in phrases],
        "missed": {label: [phrases[n].text for n in got.missed] for label, got in recalls.items()},
        "extra": {label: got.extra for label, got in recalls.items()},
    }
    return Section(title, HEADER, _rows(built, extraction, peer, recalls, read, counts, kinds), notes, raw)


HEADER = [
    "measure",
    "zhreader, PDFs",
    "zhreader, same text as .txt",
    "pdftotext",
    "PDFs / .txt",
    "zhreader / pdftotext",
]
READERS = ("pdf", "txt", "peer")  # the three figure columns


def _rows(
    built: dict[str, dict[str, Any]],
    extraction: dict[str, Any],
    peer: dict[str, Any],
    recalls: dict[str, Recall],
    read: dict[str, Fidelity],
    counts: dict[str, int],
    kinds: list[str],
) -> list[list[str]]:
    pdf, txt = built["pdf"], built["txt"]
    pages, chars = counts["pages"], counts["chars"]
    extract_s = extraction["extract_s"]
    peer_s = peer.get("seconds")
    fmt, ratio = report.fmt, report.ratio

    def versus_txt(label: str, key: str, digits: int) -> list[str]:
        ours, theirs = pdf.get(key) or None, txt.get(key) or None  # 0 workers: no figure
        return [label, fmt(ours, "", digits), fmt(theirs, "", digits), "–", ratio(ours, theirs), "–"]

    def versus_peer(label: str, ours: float, theirs: float | None, digits: int) -> list[str]:
        return [label, fmt(ours, "", digits), "–", fmt(theirs, "", digits), "–", ratio(ours, theirs)]

    def per(value: float, seconds: float | None) -> float | None:
        return value / seconds if seconds else None

    def by_reader(label: str, cell: dict[str, str]) -> list[str]:
        return [label, *(cell.get(reader, "–") for reader in READERS), "–", "–"]

    rows = [
        versus_txt("index build (s)", "seconds", 1),
        by_reader("index build (pages/s)", {"pdf": fmt(pages / pdf["seconds"], "", 0)}),
        versus_txt("index size (MB)", "size_mb", 1),
        versus_txt("peak memory while indexing, all processes (MB)", "total_rss_mb", 0),
        versus_txt("peak memory while indexing, largest worker (MB)", "worker_rss_mb", 0),
        versus_peer("extraction alone, one process (s)", extract_s, peer_s, 2),
        versus_peer("extraction (pages/s)", pages / extract_s, per(pages, peer_s), 0),
        versus_peer("extraction (k characters/s)", chars / extract_s / 1000, per(chars / 1000, peer_s), 0),
        by_reader(
            "extraction and repair to the display text, one process (s)",
            {"pdf": fmt(extract_s + extraction["repair_s"], "", 2)},
        ),
        by_reader("peak memory of the extraction (MB)", {"pdf": fmt(extraction["extract_peak_mb"], "", 0)}),
        by_reader("peak memory of extraction and repair (MB)", {"pdf": fmt(extraction["peak_mb"], "", 0)}),
        by_reader(
            f"paragraphs whose text all comes back, whitespace aside (of {counts['paragraphs']:,})",
            {reader: f"{got.text_whole:,}" for reader, got in read.items()},
        ),
        # pdftotext keeps every printed line a line: as paragraphs, its text would score 0
        by_reader(
            f"paragraphs that come back as one paragraph (of {counts['paragraphs']:,})",
            {reader: f"{read[reader].as_one:,}" for reader in ("pdf", "txt")},
        ),
    ]
    pdf_read = read["pdf"]
    for how, label in (("line", "line breaks"), ("page", "page breaks")):
        rows.append(
            by_reader(
                f"{label} inside a paragraph read as none (of {pdf_read.breaks[how]:,})",
                {"pdf": f"{pdf_read.joined[how]:,}"},
            )
        )
    for kind in KINDS:
        if kind in kinds:
            rows.append(
                by_reader(
                    f"recall of {kinds.count(kind)} phrases {kind}",
                    {reader: fmt(got.recall(kind), "", 3) for reader, got in recalls.items()},
                )
            )
    rows.append(by_reader("phrases missing a document", {r: f"{len(got.missed)}" for r, got in recalls.items()}))
    rows.append(by_reader("documents found that lack the phrase", {r: f"{got.extra}" for r, got in recalls.items()}))
    return rows


NOTES = [
    "PDFs: consecutive People's Daily articles typeset with reportlab in the font the title names (by default "
    "its built-in CID font STSong-Light, which is not embedded: PDFium and poppler map its glyphs through their "
    "own CMaps, and PDFium gives its glyphs no height; `--pdf-font` embeds a TrueType font), A4, 12 pt lines "
    f"cut every {BODY_CHARS} characters (so inside words; closing punctuation hangs at the line's end), "
    "paragraphs marked by a two-character indent only, "
    f"{HEAD_SIZE} pt headlines drawn twice half a point apart (a bold look), a running header and `- n -` page "
    "numbers on every page; paragraphs run on across page breaks. The .txt files hold the same articles, a "
    "paragraph a line with blank lines between.",
    "PDF extraction alone is zhreader's PDFium reading and layout (reading order, running headers and page "
    "numbers removed), file after file in one process; the repair (line joins, doubled headlines, structure) "
    "is timed after it, with jieba's dictionary loaded beforehand as every indexing worker has it. Characters/s "
    "count the characters typeset. When zhreader indexes, it reads PDFs in worker processes only, however few; "
    "the .txt files go to workers only above 2 MB.",
    "Phrases (3-6 Han characters, fixed seed) are drawn from the text typeset: inside a printed line, across "
    "a line break, across a page break (the paragraph goes on below the next page's running header), inside "
    "a headline. A phrase is expected in every document whose typeset text holds it (folded as zhreader "
    "folds). zhreader answers with its exact search on each index; pdftotext's output is searched as a "
    "substring of the file as it comes out, line breaks kept, as grep would (folded too, so that only the "
    "extraction differs). A paragraph's text all comes back when it occurs in the reader's text with every "
    "space and line break taken out of both; it comes back as one paragraph when it occurs in the display "
    "text as it was typeset. A break inside a paragraph is read as none when the 16 characters around it "
    "occur in the display text unbroken.",
]
WHO = {"pdf": "zhreader on the PDFs", "txt": "zhreader on the .txt files", "peer": "pdftotext"}


def _notes(
    peer: dict[str, Any], recalls: dict[str, Recall], read: dict[str, Fidelity], phrases: list[Phrase]
) -> list[str]:
    """The fixed notes, then pdftotext's version, the breaks zhreader kept and every
    reader's misses (a few of each shown)."""
    notes = list(NOTES)
    if peer:
        notes.append(
            f"pdftotext: {peer['version']}, `pdftotext -enc UTF-8 file.pdf out.txt` once per file (its start-up "
            "included, as a loop over a folder runs it); its memory is not measured."
        )
    cut = read["pdf"]
    if cut.cut:
        missing = sum(cut.breaks.values()) - sum(cut.joined.values())
        notes.append(
            f"Printed breaks inside a paragraph that zhreader's display text of the PDFs still breaks at ({missing:,}; "
            "left|right): " + "; ".join(cut.cut) + "."
        )
    for label, got in recalls.items():
        if got.missed:
            shown = [
                f"{phrases[n].text} ({phrases[n].kind} of {phrases[n].doc}; not found in "
                + ", ".join(sorted(got.expected[n] - got.found[n])[:3])
                + ")"
                for n in got.missed[:8]
            ]
            notes.append(f"Phrases {WHO[label]} misses in a document ({len(got.missed)}): " + "; ".join(shown) + ".")
    return notes
