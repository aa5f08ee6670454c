"""python -m benchmarks: zhreader against its peers, in one run, on one machine.

For each scale (1x, 10x: the corpus replicated into a temporary folder) it measures
index build time, throughput, size and peak memory; re-indexing with nothing and with
one file changed; query latency (with the snippets a results screen shows) and recall
and precision against a plain substring scan, for zhreader, jieba's recipe (ChineseAnalyzer
in Whoosh), SQLite FTS5 with the trigram tokenizer and ripgrep; then the reader's time to
first frame. It prints a table and writes docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from benchmarks import engines, report, startup, workload

REPO = Path(__file__).resolve().parent.parent
REPEATS = 3  # re-index runs per figure (the median): one run on a shared machine is noise


def default_corpus() -> Path:
    for candidate in (os.environ.get("ZHREADER_CORPORA"), REPO.parent / "shared" / "corpora"):
        if candidate and (Path(candidate) / "peoples-daily-1998-01").is_dir():
            return Path(candidate) / "peoples-daily-1998-01"
    raise SystemExit("People's Daily corpus not found: pass --corpus or set ZHREADER_CORPORA")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def run_queries(engine, queries: list[str], texts: dict[str, str]) -> dict[str, float]:
    engine.query(queries[0])  # warm caches, as a running app would have them
    latencies: list[float] = []
    relevant = retrieved = correct = 0
    missed = 0
    for query in queries:
        found, seconds = engine.query(query)
        expected = workload.reference(texts, query)
        latencies.append(seconds)
        relevant += len(expected)
        retrieved += len(found)
        correct += len(found & expected)
        missed += bool(expected - found)
    return {
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "recall": correct / relevant if relevant else 1.0,
        "precision": correct / retrieved if retrieved else 1.0,
        "missed_queries": missed,
    }


def measure_scale(source: Path, scale: int, tmp: Path, query_count: int, limit_files: int | None, console: Console):
    root = tmp / f"corpus-{scale}x"
    if limit_files:
        root.mkdir(parents=True)
        for path in sorted(source.iterdir())[:limit_files]:
            (root / path.name).write_bytes(path.read_bytes())
    else:
        workload.replicate(source, root, scale)
    work = tmp / f"work-{scale}x"
    work.mkdir()
    results: dict[str, dict[str, float]] = {}

    ours = [engines.Zhreader(root, work, "jieba")]
    if engines.fast_segmenter_installed():
        ours.append(engines.Zhreader(root, work, "fast"))
    for zh in ours:
        console.print(f"[bold]{scale}x[/]: {escape(zh.name)} build")
        results[zh.name] = zh.build()
        results[zh.name]["reindex_none_s"] = statistics.median(zh.reindex()["seconds"] for _ in range(REPEATS))
    zh = ours[0]
    zh.open()
    texts = zh.texts()
    chars = sum(len(t) for t in texts.values())
    texts_path = work / "texts.jsonl"
    with texts_path.open("w", encoding="utf-8") as handle:
        for doc_id, text in texts.items():
            handle.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    queries = workload.queries(texts, query_count)

    peers: list = [engines.Recipe(texts_path, work), engines.Fts5(texts_path, work)]
    for peer in peers:
        console.print(f"[bold]{scale}x[/]: {escape(peer.name)} build")
        results[peer.name] = peer.build()
        peer.open()
    rg = engines.Ripgrep(root)
    if rg.available:
        peers.append(rg)
        results[rg.name] = {}
    for engine in [*ours, *peers]:
        console.print(f"[bold]{scale}x[/]: {escape(engine.name)} queries")
        if engine in ours:
            engine.open()
        results[engine.name].update(run_queries(engine, queries, texts))
    for stats in results.values():
        if "seconds" in stats:
            stats["throughput_kcs"] = chars / stats["seconds"] / 1000

    # One file changed (appended to), then the incremental update; a new edit each time.
    victim = next(p for p in sorted(root.rglob("*.txt")))
    for zh in ours:
        seconds = []
        for n in range(REPEATS):
            victim.write_text(victim.read_text("utf-8") + f"\n\n新增的第{n}段内容。\n", encoding="utf-8")
            seconds.append(zh.reindex()["seconds"])
        results[zh.name]["reindex_one_s"] = statistics.median(seconds)
    return results, {"files": len(texts), "chars": chars, "queries": len(queries)}


ROWS = [
    ("index build (s)", "seconds", "", 1, "lower"),
    ("throughput (k chars/s)", "throughput_kcs", "", 0, "higher"),
    ("index size (MB)", "size_mb", "", 1, "lower"),
    ("peak memory, main process (MB)", "rss_mb", "", 0, "lower"),
    ("peak memory, largest worker (MB)", "worker_rss_mb", "", 0, "lower"),
    ("re-index, nothing changed (s)", "reindex_none_s", "", 2, "lower"),
    ("re-index, one file changed (s)", "reindex_one_s", "", 2, "lower"),
    ("query p50 (ms)", "p50_ms", "", 1, "lower"),
    ("query p95 (ms)", "p95_ms", "", 1, "lower"),
    ("recall", "recall", "", 3, "higher"),
    ("precision", "precision", "", 3, "higher"),
    ("queries missing a document", "missed_queries", "", 0, "lower"),
]


def table_rows(results: dict[str, dict[str, float]]) -> list[list[str]]:
    rows = []
    for label, key, unit, digits, _ in ROWS:
        row = [label]
        for name in report.ENGINES:
            value = results.get(name, {}).get(key)
            if key == "worker_rss_mb" and not value:
                value = None  # no worker processes (a small job is analysed in-process)
            row.append(report.fmt(value, unit, digits) if name in results else "n/a")
        for ours, theirs in report.RATIOS:
            row.append(report.ratio(results.get(ours, {}).get(key), results.get(theirs, {}).get(key)))
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of documents (default: People's Daily, January 1998)")
    parser.add_argument("--scales", default="1,10", help="comma-separated replication factors (default: 1,10)")
    parser.add_argument("--queries", type=int, default=200, help="queries per engine (default: 200)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md", help="Markdown output")
    parser.add_argument("--startup-runs", type=int, default=8, help="first-frame measurements (0: skip)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 150 files, 1x, 40 queries, no startup")
    args = parser.parse_args()
    console = Console(stderr=True)
    source = args.corpus or default_corpus()
    scales = [1] if args.quick else [int(s) for s in args.scales.split(",")]
    header = ["measure", *report.ENGINES, *(f"{ours} / {theirs}" for ours, theirs in report.RATIOS)]
    sections = []
    with tempfile.TemporaryDirectory(prefix="zhreader-bench-") as tmp:
        for scale in scales:
            results, info = measure_scale(
                source, scale, Path(tmp), 40 if args.quick else args.queries, 150 if args.quick else None, console
            )
            title = f"{scale}x: {info['files']:,} documents, {info['chars']:,} characters, {info['queries']} queries"
            sections.append((title, table_rows(results)))
    startup_line = None
    if args.startup_runs and not args.quick:
        console.print("reader start-up")
        times = startup.measure(args.startup_runs)
        startup_line = (
            f"Reader start-up to first frame (sample corpus, warm index, median of {args.startup_runs} in a pty): "
            f"zhreader {times['zhreader']:.2f} s, a bare Textual app {times['bare textual']:.2f} s "
            f"(ratio {times['zhreader'] / times['bare textual']:.2f})."
        )
    notes = [
        "Ratios are zhreader divided by the peer: below 1 is better for times, sizes and memory; above 1 for "
        "throughput, recall and precision.",
        "Every engine answers the same queries: common words and random 1-6 character substrings of the texts "
        "(fixed seed). Recall and precision are against a plain substring scan of zhreader's display texts.",
        "Query times include what a results screen needs: zhreader builds snippets for the top 20 documents, the "
        "recipe computes Whoosh highlights for its top 20, FTS5 runs snippet() for its top 20; ripgrep's include "
        "starting the process.",
        "The recipe and FTS5 index the already extracted display texts; zhreader's build time includes reading, "
        "decoding and repairing the files. zhreader's re-index times are the median of "
        f"{REPEATS} runs, each in a fresh process (Python start-up excluded; a changed file includes loading "
        "the segmenter's dictionary).",
        "zhreader is a plain install (jieba segments the words used for ranking); zhreader [fast] has the "
        "optional jieba-fast-dat segmenter (pip install 'zhreader[fast]'), which finds the same documents.",
        "zhreader's peak memory is its main process (the Whoosh writer); analysis runs in worker processes, "
        "reported separately.",
    ]
    if startup_line:
        notes.insert(0, startup_line)
    text = report.markdown(sections, header, notes, str(source))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    out = Console()
    for title, rows in sections:
        # Cells are Text: "zhreader [fast]" would otherwise be read as a markup tag.
        table = Table(title=title, title_justify="left")
        for cell in header:
            table.add_column(Text(cell))
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        out.print(table)
    for note in notes[:1]:
        out.print(Text(note))
    console.print(f"written to {args.out}")


if __name__ == "__main__":
    sys.exit(main())
