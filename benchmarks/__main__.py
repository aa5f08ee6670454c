"""python -m benchmarks: zhreader against its peers, in one run, on one machine.

For each scale (People's Daily, January 1998, replicated 1x, 10x, 100x into a temporary
folder) it measures zhreader's index build (time, size, memory of every process), its
re-index, the searcher (open time, memory, query latency with the snippets a results
screen shows), a cold `zhreader search` command and the reader in a pseudo-terminal;
then the same queries answered by an in-memory substring scan (the oracle: recall and
precision are against it), ripgrep, and up to --peers-up-to, jieba's Whoosh recipe and
SQLite FTS5. A traditional-script section (the Tang poems of the npm package
chinese-poetry) checks simplified/traditional matching. A PDF section (benchmarks/pdfs.py)
typesets People's Daily articles into PDFs and measures their indexing against the same
text as .txt files, extraction against pdftotext, and what comes back (paragraphs, line
and page breaks, phrases found by search); it writes the PDFs with reportlab, a test
dependency (pip install -e '.[test]'), and is skipped with one line without it. It prints
tables and writes docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from benchmarks import engines, pdfs, poetry, reader, report, workload

REPO = Path(__file__).resolve().parent.parent
REPEATS = 3  # re-index runs per figure (the median): one run on a shared machine is noise

Results = dict[str, dict[str, Any]]


def default_corpus() -> Path:
    for candidate in (os.environ.get("ZHREADER_CORPORA"), REPO.parent / "shared" / "corpora"):
        if candidate and (Path(candidate) / "peoples-daily-1998-01").is_dir():
            return Path(candidate) / "peoples-daily-1998-01"
    raise SystemExit("People's Daily corpus not found: pass --corpus or set ZHREADER_CORPORA")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def latency_stats(latencies: list[float], kinds: list[str]) -> dict[str, float]:
    stats = {
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * percentile(latencies, 0.95),
    }
    for kind in ("common", "multi", "rare", "traditional"):
        picked = [t for t, k in zip(latencies, kinds, strict=True) if k == kind]
        if picked:
            stats[f"p95_{kind}_ms"] = 1000 * percentile(picked, 0.95)
    return stats


def quality(answers: dict[str, Any], oracle: dict[str, Any], expected: dict[str, list[str]]) -> dict[str, float]:
    """Recall and precision against the oracle's answers, over all queries."""
    relevant = retrieved = correct = 0
    missed = 0
    for n, count in enumerate(oracle["counts"]):
        found = answers["differing"].get(str(n))
        if found is None:  # same digest: the same documents
            relevant += count
            retrieved += count
            correct += count
            continue
        truth = set(expected[str(n)])
        relevant += len(truth)
        retrieved += len(found)
        correct += len(truth & set(found))
        missed += bool(truth - set(found))
    return {
        "recall": correct / relevant if relevant else 1.0,
        "precision": correct / retrieved if retrieved else 1.0,
        "missed_queries": missed,
    }


def answer_all(
    answering: list[engines.Engine], scan: engines.Scan, queries: workload.QuerySet, work: Path, console: Console
) -> Results:
    """Every engine answers; the scan first, as the oracle; then recall and precision."""
    queries_path = work / "queries.json"
    queries_path.write_text(json.dumps(queries.queries, ensure_ascii=False), encoding="utf-8")
    console.print(Text(f"  {scan.name}: queries (the oracle)"))
    oracle = scan.answer(queries_path, None)
    oracle_path = work / "oracle.json"
    oracle_path.write_text(json.dumps(oracle["digests"]), encoding="utf-8")
    answers: dict[str, dict[str, Any]] = {scan.name: oracle}
    for engine in answering:
        console.print(Text(f"  {engine.name}: queries"))
        answers[engine.name] = engine.answer(queries_path, oracle_path)
    differing = sorted({int(n) for a in answers.values() for n in a["differing"]})
    expected = scan.names(queries_path, differing) if differing else {}
    results: Results = {}
    for name, got in answers.items():
        stats: dict[str, Any] = latency_stats(got["latencies"], queries.kinds)
        for key in ("open_s", "open_rss_mb", "rss_mb"):
            if key in got:
                stats["searcher_" + key] = got[key]
        stats.update(quality(got, oracle, expected))
        stats["counts"] = got["counts"]
        stats["differing"] = sorted(int(n) for n in got["differing"])
        results[name] = stats
    return results


def measure_scale(
    source: Path, scale: int, tmp: Path, query_count: int, peers_up_to: int, limit_files: int | None, console: Console
) -> tuple[Results, dict[str, Any]]:
    root = tmp / f"corpus-{scale}x"
    console.print(f"[bold]{scale}x[/]: copying the corpus")
    if limit_files:
        root.mkdir(parents=True)
        for path in sorted(source.iterdir())[:limit_files]:
            (root / path.name).write_bytes(path.read_bytes())
    else:
        workload.replicate(source, root, scale)
    work = tmp / f"work-{scale}x"
    work.mkdir()
    results: Results = {}

    ours = [engines.Zhreader(root, work, "jieba")]
    if engines.fast_segmenter_installed():
        ours.append(engines.Zhreader(root, work, "fast"))
    for zh in ours:
        console.print(Text(f"  {zh.name}: build"))
        results[zh.name] = zh.build()
        results[zh.name]["reindex_none_s"] = statistics.median(zh.reindex()["seconds"] for _ in range(REPEATS))
    zh = ours[0]
    texts_path = work / "texts.jsonl"
    zh.texts(texts_path)
    texts = [json.loads(line)["text"] for line in texts_path.open(encoding="utf-8")]
    chars = sum(len(t) for t in texts)
    # The same questions at every scale: drawn from one copy of the corpus.
    one_copy = texts if scale == 1 else texts[: len(texts) // scale]
    queries = workload.news_queries(one_copy, query_count)

    peers: list[engines.Engine] = []
    if scale <= peers_up_to:
        peers += [engines.Recipe(texts_path, work), engines.Fts5(texts_path, work)]
    for peer in peers:
        console.print(Text(f"  {peer.name}: build"))
        results[peer.name] = peer.build()
    rg = engines.Ripgrep(root)
    if rg.available:
        peers.append(rg)
    scan = engines.Scan(texts_path)
    for name, stats in answer_all([*ours, *peers], scan, queries, work, console).items():
        results.setdefault(name, {}).update(stats)
    for stats in results.values():
        if "seconds" in stats:
            stats["throughput_kcs"] = chars / stats["seconds"] / 1000

    console.print(Text(f"  {zh.name}: cold command-line searches, the reader"))
    rare = queries.queries[queries.of_kind("rare")[0]]
    results[zh.name]["cli_common_s"] = zh.cold_search("中国")
    results[zh.name]["cli_rare_s"] = zh.cold_search(rare)
    # Its settings, notes and reading positions go to the work folder, not the user's.
    isolated = {**os.environ, **{name: str(work / name.lower()) for name in reader.XDG}}
    opened = reader.opened_and_searched(root, zh.index_dir, "中国", isolated)
    results[zh.name].update({f"reader_{key}": value for key, value in opened.items()})
    if scale <= peers_up_to:
        fresh = reader.first_open(root, work / "first-open-index", isolated)
        results[zh.name].update({f"reader_{key}": value for key, value in fresh.items()})

    console.print(Text(f"  {zh.name} and {scan.name}: concordance, words, collocates"))
    results[zh.name].update(engines.run_child("zhreader-analysis", str(root), str(zh.index_dir), env=zh.env))
    results[scan.name].update(engines.run_child("scan-analysis", str(texts_path)))

    # One file changed (appended to), then the incremental update; a new edit each time.
    victim = next(p for p in sorted(root.rglob("*.txt")))
    for one in ours:
        seconds = []
        for n in range(REPEATS):
            victim.write_text(victim.read_text("utf-8") + f"\n\n新增的第{n}段内容。\n", encoding="utf-8")
            seconds.append(one.reindex()["seconds"])
        results[one.name]["reindex_one_s"] = statistics.median(seconds)
    info = {"files": len(texts), "chars": chars, "queries": len(queries.queries), "rare": rare}
    return results, info


def measure_poetry(tmp: Path, query_count: int, console: Console) -> tuple[list[list[str]], dict[str, Any]]:
    console.print("[bold]Tang poems[/] (traditional script): building the corpus")
    root = tmp / "tang"
    files = poetry.write_corpus(poetry.fetch(), root)
    work = tmp / "work-tang"
    work.mkdir()
    zh = engines.Zhreader(root, work, "jieba")
    exact = engines.Zhreader(root, work, "jieba", exact_script=True)
    console.print(Text(f"  {zh.name}: build"))
    built = zh.build()
    texts_path = work / "texts.jsonl"
    zh.texts(texts_path)
    texts = [json.loads(line)["text"] for line in texts_path.open(encoding="utf-8")]
    queries = workload.poetry_queries(texts, query_count)
    results = answer_all([zh, exact], engines.Scan(texts_path), queries, work, console)
    oracle = results["substring scan"]["counts"]
    rows = []
    for kind in dict.fromkeys(queries.kinds):
        picked = queries.of_kind(kind)
        expected = sum(oracle[n] for n in picked)
        found = sum(results[zh.name]["counts"][n] for n in picked)
        exact_found = sum(results[exact.name]["counts"][n] for n in picked)
        wrong = sum(1 for n in picked if n in results[zh.name]["differing"])
        rows.append([kind, f"{len(picked)}", f"{expected:,}", f"{found:,}", f"{exact_found:,}", f"{wrong}"])
    info = {
        "files": files,
        "chars": sum(len(t) for t in texts),
        "build_s": built["seconds"],
        "recall": results[zh.name]["recall"],
        "precision": results[zh.name]["precision"],
    }
    return rows, info


ROWS = [
    ("index build (s)", "seconds", 1),
    ("throughput (k chars/s)", "throughput_kcs", 0),
    ("index size (MB)", "size_mb", 1),
    ("peak memory while indexing, all processes (MB)", "total_rss_mb", 0),
    ("peak memory while indexing, main process (MB)", "rss_mb", 0),
    ("peak memory while indexing, largest worker (MB)", "worker_rss_mb", 0),
    ("re-index, nothing changed (s)", "reindex_none_s", 2),
    ("re-index, one file changed (s)", "reindex_one_s", 2),
    ("searcher open (s)", "searcher_open_s", 2),
    ("searcher memory after opening (MB)", "searcher_open_rss_mb", 0),
    ("searcher memory after the queries (MB)", "searcher_rss_mb", 0),
    ("query p50 (ms)", "p50_ms", 1),
    ("query p95 (ms)", "p95_ms", 1),
    ("query p95, common words (ms)", "p95_common_ms", 1),
    ("query p95, several terms (ms)", "p95_multi_ms", 1),
    ("query p95, rare terms (ms)", "p95_rare_ms", 1),
    ("recall", "recall", 3),
    ("precision", "precision", 3),
    ("queries missing a document", "missed_queries", 0),
    ("concordance of 的 by right context, to the first screen (s)", "conc_right_s", 2),
    ("words of 经济's documents, with keyness (s)", "words_query_s", 2),
    ("words of the corpus (s)", "words_corpus_s", 2),
    ("collocates of 中国, ±5 words (s)", "collocates_s", 2),
    ("cold `zhreader search 中国` (s)", "cli_common_s", 2),
    ("cold `zhreader search` of a rare term (s)", "cli_rare_s", 2),
    ("reader: documents listed after (s)", "reader_listed_s", 2),
    ("reader, first open (no index): files listed after (s)", "reader_first_listed_s", 2),
    ("reader, first open (no index): index ready after (s)", "reader_first_ready_s", 1),
    ("reader: memory after opening and one search (MB)", "reader_rss_mb", 0),
]
ENGINES = ["zhreader", "zhreader [fast]", "jieba recipe", "SQLite FTS5", "substring scan", "ripgrep"]
RATIOS = [
    ("zhreader", "jieba recipe"),
    ("zhreader", "SQLite FTS5"),
    ("zhreader", "substring scan"),
    ("zhreader", "ripgrep"),
]


def table_rows(results: Results) -> tuple[list[str], list[list[str]]]:
    present = [name for name in ENGINES if name in results]
    ratios = [(ours, theirs) for ours, theirs in RATIOS if ours in results and theirs in results]
    header = ["measure", *present, *(f"{ours} / {theirs}" for ours, theirs in ratios)]
    rows = []
    for label, key, digits in ROWS:
        if not any(key in results[name] for name in present):
            continue
        row = [label]
        for name in present:
            value = results[name].get(key)
            if key == "worker_rss_mb" and not value:
                value = None  # no worker processes (a small job is analysed in-process)
            row.append(report.fmt(value, "", digits))
        for ours, theirs in ratios:
            row.append(report.ratio(results[ours].get(key), results[theirs].get(key)))
        rows.append(row)
    return header, rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: People's Daily, January 1998)")
    parser.add_argument("--scales", default="1,10", help="comma-separated replication factors (default: 1,10)")
    parser.add_argument("--queries", type=int, default=100, help="queries per engine (default: 100)")
    parser.add_argument("--peers-up-to", type=int, default=10, help="largest scale for recipe and FTS5 (default 10)")
    parser.add_argument("--no-poetry", action="store_true", help="skip the traditional-script corpus")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF section")
    parser.add_argument("--only-pdf", action="store_true", help="only the PDF section (with --quick: a small one)")
    parser.add_argument("--pdf-docs", type=int, default=250, help="PDFs of about four pages each (default: 250)")
    parser.add_argument("--pdf-font", type=Path, help="a TrueType font to embed (default: STSong-Light, not embedded)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md", help="Markdown output")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("--startup-runs", type=int, default=8, help="first-frame measurements (0: skip)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 150 files, 1x, 60 queries, 6 PDFs")
    args = parser.parse_args()
    if args.no_pdf and args.only_pdf:
        parser.error("--no-pdf and --only-pdf exclude each other")
    console = Console(stderr=True)
    source = args.corpus or default_corpus()
    scales = [] if args.only_pdf else [1] if args.quick else [int(s) for s in args.scales.split(",")]
    sections: list[tuple[str, list[str], list[list[str]]]] = []
    raw: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="zhreader-bench-") as tmp:
        for scale in scales:
            results, info = measure_scale(
                source,
                scale,
                Path(tmp),
                60 if args.quick else args.queries,
                args.peers_up_to,
                150 if args.quick else None,
                console,
            )
            raw[f"{scale}x"] = {"info": info, "results": results}
            title = f"{scale}x: {info['files']:,} documents, {info['chars']:,} characters, {info['queries']} queries"
            sections.append((title, *table_rows(results)))
        if not args.no_poetry and not args.quick and not args.only_pdf:
            rows, info = measure_poetry(Path(tmp), args.queries, console)
            raw["tang"] = {"info": info, "rows": rows}
            title = (
                f"Traditional script: {info['files']:,} Tang poems, {info['chars']:,} characters "
                f"(built in {info['build_s']:.0f} s); recall {info['recall']:.3f}, precision {info['precision']:.3f}"
            )
            header = ["queries", "count", "documents (oracle)", "zhreader", "zhreader, exact script", "differing"]
            sections.append((title, header, rows))
        pdf_notes: list[str] = []
        if not args.no_pdf:
            if args.quick:
                plan = pdfs.Plan(documents=6, min_chars=2500, per_kind=10, font=args.pdf_font)
            else:
                plan = pdfs.Plan(documents=args.pdf_docs, font=args.pdf_font)
            pdf = pdfs.measure(source, Path(tmp), plan, console)
            if pdf is not None:
                raw["pdf"] = pdf.raw
                sections.append((pdf.title, pdf.header, pdf.rows))
                pdf_notes = pdf.notes
    if args.only_pdf:
        notes = [RATIO_NOTE, *pdf_notes]
    else:
        notes = notes_for(args.startup_runs if not args.quick else 0) + pdf_notes
    text = report.markdown(sections, notes, str(source))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(raw, ensure_ascii=False, indent=1), encoding="utf-8")
    out = Console()
    for title, header, rows in sections:
        # Cells are Text: "zhreader [fast]" would otherwise be read as a markup tag.
        table = Table(title=Text(title), title_justify="left")
        for cell in header:
            table.add_column(Text(cell))
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)
    console.print(Text(f"written to {args.out}"))


RATIO_NOTE = (
    "Ratios are zhreader divided by the peer: below 1 is better for times, sizes and memory; above 1 for "
    "throughput, recall and precision."
)


def notes_for(startup_runs: int) -> list[str]:
    notes = [
        RATIO_NOTE,
        "Every engine answers the same queries, drawn from one copy of the corpus so they are the same at every "
        "scale: 20 common words (的, 中国, 发展 …), 10 of several terms, 10 in traditional characters, 5 that "
        "need width or Kangxi folding, 10 rare substrings (one document per copy), then random 1-6 character "
        "substrings (fixed seed).",
        "Recall and precision are against the in-memory substring scan, which folds text and query as zhreader "
        "documents (simplified/traditional, width, case, Kangxi radicals). The recipe, FTS5 and ripgrep do not "
        "fold: their misses on traditional and folded queries are real misses for a user. ripgrep searches the "
        "files as they are, without line repair: it misses words cut by a line break.",
        "Query times include what a results screen needs: zhreader and the scan build three snippets for the top "
        "20 documents, the recipe computes Whoosh highlights for its top 20, FTS5 runs snippet() for its top 20; "
        "ripgrep's include starting the process, once per term.",
        "Memory is each process's own, from /proc (VmHWM, VmRSS); the total while indexing is the peak of the "
        "summed RSS of the indexer and its worker processes, sampled every 0.1 s. The searcher's is measured "
        "in a process that only opens the index and answers the queries.",
        "The reader runs in a pseudo-terminal (100x30) on the scale's corpus: documents listed after start, "
        "then `/中国`; its memory (RSS, with any worker) is read a second after the results are drawn. "
        "Then it opens the corpus with no index (up to the peers' largest scale): its files listed, its index "
        "ready — to compare with the first index row, the same build by `zhreader index`.",
        "Analysis (issue 13's targets: ≤ 1 s at 10x for the first two): the concordance of 的 sorted by the right "
        "context up to its first screen of 40 lines; the word frequencies of 经济's documents with their keyness "
        "(the corpus' counts, timed on their own, made beforehand); the collocates of 中国 (±5 words, "
        "log-likelihood). Medians of 3 warm runs. The substring scan does the concordance on texts already in "
        "memory and folded, and the words by segmenting the matching texts again with jieba.",
        "The recipe and FTS5 index the already extracted display texts; zhreader's build time includes reading, "
        "decoding and repairing the files. zhreader's re-index times are the median of "
        f"{REPEATS} runs, each in a fresh process (Python start-up excluded).",
    ]
    if startup_runs:
        times = reader.measure(startup_runs)
        notes.insert(
            0,
            f"Reader start-up to first frame (sample corpus, warm index, median of {startup_runs} in a pty): "
            f"zhreader {times['zhreader']:.2f} s, a bare Textual app {times['bare textual']:.2f} s "
            f"(ratio {times['zhreader'] / times['bare textual']:.2f}).",
        )
    return notes


if __name__ == "__main__":
    sys.exit(main())
