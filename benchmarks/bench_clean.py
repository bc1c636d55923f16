"""How well does the cleaner find article bodies in real scraped pages, and how fast?

    python benchmarks/bench_clean.py [--data DIR] [--json OUT] [--worst N] [--input dump|html|both]

DIR is laid out like ../shared/eval/boilerplate (pages.jsonl, dumps.jsonl): real pages with gold
bodies and per-line gold labels of their text dumps. Prints one table row per method and input
with the benchmark's token precision/recall/F1 (averaged per page), for text dumps also
line-level precision/recall/F1 against the dump's line labels, and pages per second (median of
--repeat timed passes, one process).

Peers (the `bench` extra; each skipped with a note when missing): trafilatura (default and
favor_precision), jusText and readability-lxml. On raw HTML they get the page itself; on text
dumps, each dump as a page with one <p> per line, and a dump line counts as kept when their text
has it as a line (or, for lines of 8+ words, anywhere).
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import framing
from framing.evaluate import line_prf, shingle_counts, token_prf

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "boilerplate"
LONG_LINE_WORDS = 12


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def framing_keep(dump: str) -> list[bool]:
    return [b.decision == "body" for b in framing.clean(dump).blocks]


def long_lines_keep(dump: str) -> list[bool]:
    """The baseline: keep every line of LONG_LINE_WORDS words or more."""
    return [len(line.split()) >= LONG_LINE_WORDS for line in dump.split("\n")]


def as_html(dump: str) -> str:
    """A dump as the simplest page a tool for HTML can read: one paragraph per line."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in dump.split("\n"))
    return f"<html><head><meta charset='utf-8'></head><body>\n{body}</body></html>"


def kept_lines(dump: str, text: str) -> list[bool]:
    """Which dump lines a tool kept: its text has the line as a line of its own, or (for lines of
    8+ words, which tools may join into one paragraph) somewhere inside."""
    own = {" ".join(line.split()) for line in text.splitlines()}
    folded = " ".join(text.split())
    keep = []
    for line in dump.split("\n"):
        norm = " ".join(line.split())
        keep.append(bool(norm) and (norm in own or (len(norm.split()) >= 8 and norm in folded)))
    return keep


def peers() -> dict[str, Callable[[str], str]]:
    """Text extractors to compare with, by name; those not installed are left out."""
    found: dict[str, Callable[[str], str]] = {}
    try:
        import trafilatura

        found["trafilatura"] = lambda page: trafilatura.extract(page) or ""
        found["trafilatura favor_precision"] = lambda page: trafilatura.extract(page, favor_precision=True) or ""
    except ImportError:
        print("bench_clean: trafilatura not installed (pip install '.[bench]'): skipped", file=sys.stderr)
    try:
        import justext

        stoplist = justext.get_stoplist("English")
        found["jusText"] = lambda page: "\n".join(
            p.text for p in justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8") if not p.is_boilerplate)
    except ImportError:
        print("bench_clean: jusText not installed (pip install '.[bench]'): skipped", file=sys.stderr)
    try:
        import lxml.html
        from readability import Document

        found["readability-lxml"] = lambda page: lxml.html.fromstring(Document(page).summary()).text_content()
    except ImportError:
        print("bench_clean: readability-lxml not installed (pip install '.[bench]'): skipped", file=sys.stderr)
    return found


def run(method: Callable[[str], list[bool]], dumps: list[dict], repeat: int) -> tuple[list[list[bool]], list[float]]:
    texts = ["\n".join(line["text"] for line in d["lines"]) for d in dumps]
    timings, keeps = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        keeps = [method(t) for t in texts]
        timings.append(time.perf_counter() - start)
    return keeps, timings


def run_peer(extract: Callable[[str], str], dumps: list[dict], repeat: int) -> tuple[list[list[bool]], list[str], list[float]]:
    dumps_text = ["\n".join(line["text"] for line in d["lines"]) for d in dumps]
    pages = [as_html(t) for t in dumps_text]
    timings, texts = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        texts = [extract(p) for p in pages]
        timings.append(time.perf_counter() - start)
    return [kept_lines(d, t) for d, t in zip(dumps_text, texts)], texts, timings


def run_html(extract: Callable[[str], str], pages: list[dict], repeat: int) -> tuple[list[str], list[float]]:
    timings, texts = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        texts = [extract(p["html"]) for p in pages]
        timings.append(time.perf_counter() - start)
    return texts, timings


def score_html(name: str, texts: list[str], timings: list[float], pages: list[dict]) -> dict:
    tokens = token_prf((p["body"], t) for p, t in zip(pages, texts))
    median = statistics.median(timings)
    return {
        "method": name, "input": "raw HTML", "pages": len(pages),
        "token_precision": tokens.precision, "token_recall": tokens.recall, "token_f1": tokens.f1,
        "line_precision": None, "line_recall": None, "line_f1": None,
        "pages_per_second": len(pages) / median if median else float("inf"),
        "seconds_min": min(timings), "seconds_median": median, "seconds_max": max(timings),
        "per_page_f1": {p["id"]: _page_f1(p["body"], t) for p, t in zip(pages, texts)},
    }


def _page_f1(gold: str, predicted: str) -> float:
    tp, fp, fn = shingle_counts(gold, predicted)
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 1.0


def score(name: str, keeps: list[list[bool]], timings: list[float], dumps: list[dict], gold: dict[str, str],
          texts: list[str] | None = None) -> dict:
    labels = [[bool(line["label"]) for line in d["lines"]] for d in dumps]
    predicted = texts if texts is not None else [
        "\n".join(l["text"] for l, k in zip(d["lines"], keep) if k) for d, keep in zip(dumps, keeps)]
    tokens = token_prf((gold[d["id"]], p) for d, p in zip(dumps, predicted))
    lines = line_prf(labels, keeps)
    median = statistics.median(timings)
    per_page = {d["id"]: _page_f1(gold[d["id"]], p) for d, p in zip(dumps, predicted)}
    return {
        "method": name, "input": "text dump", "pages": len(dumps),
        "token_precision": tokens.precision, "token_recall": tokens.recall, "token_f1": tokens.f1,
        "line_precision": lines.precision, "line_recall": lines.recall, "line_f1": lines.f1,
        "pages_per_second": len(dumps) / median if median else float("inf"),
        "seconds_min": min(timings), "seconds_median": median, "seconds_max": max(timings),
        "per_page_f1": per_page,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, help="write all figures here")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per method (median reported)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages where framing scores lowest")
    ap.add_argument("--no-peers", action="store_true", help="skip trafilatura, jusText and readability-lxml")
    ap.add_argument("--input", choices=("dump", "html", "both"), default="both", help="which form of the pages")
    args = ap.parse_args(argv)
    needed = {"dump": ["dumps.jsonl", "pages.jsonl"], "html": ["pages.jsonl"], "both": ["dumps.jsonl", "pages.jsonl"]}
    missing = [f for f in needed[args.input] if not (args.data / f).is_file()]
    if missing:
        print(f"bench_clean: no {', '.join(missing)} in {args.data}", file=sys.stderr)
        return 2
    pages = load_jsonl(args.data / "pages.jsonl")
    gold = {p["id"]: p["body"] for p in pages}
    extractors = {} if args.no_peers else peers()
    rows = []
    if args.input in ("html", "both"):
        for name, extract in {"framing": lambda page: framing.clean(page).text, **extractors}.items():
            texts, timings = run_html(extract, pages, args.repeat)
            rows.append(score_html(name, texts, timings, pages))
    if args.input in ("dump", "both"):
        dumps = load_jsonl(args.data / "dumps.jsonl")
        for name, method in (("framing", framing_keep), (f"keep lines of {LONG_LINE_WORDS}+ words", long_lines_keep)):
            keeps, timings = run(method, dumps, args.repeat)
            rows.append(score(name, keeps, timings, dumps, gold))
        for name, extract in extractors.items():
            keeps, texts, timings = run_peer(extract, dumps, args.repeat)
            rows.append(score(name, keeps, timings, dumps, gold, texts))
    print(f"{'method':<28} {'input':<10} {'tokP':>6} {'tokR':>6} {'tokF1':>6} {'lineP':>6} {'lineR':>6} {'lineF1':>6} {'pages/s':>8}")
    for r in rows:
        line = " ".join(f"{r[k]:6.3f}" if r[k] is not None else f"{'-':>6}" for k in ("line_precision", "line_recall", "line_f1"))
        print(f"{r['method']:<28} {r['input']:<10} {r['token_precision']:6.3f} {r['token_recall']:6.3f} {r['token_f1']:6.3f} "
              f"{line} {r['pages_per_second']:8.1f}")
    if args.worst:
        urls = {p["id"]: p["url"] for p in pages}
        for r in rows:
            if r["method"] != "framing":
                continue
            worst = sorted(r["per_page_f1"].items(), key=lambda kv: kv[1])[: args.worst]
            print(f"\nlowest-scoring pages for framing on {r['input']} (token F1 per page):")
            for pid, f1 in worst:
                print(f"  {f1:.3f}  {pid[:12]}  {urls[pid]}")
    if args.json:
        from framing.persist import write_json_atomic

        write_json_atomic(args.json, {"data": str(args.data), "python": sys.version.split()[0],
                                      "framing": framing.__version__, "rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
