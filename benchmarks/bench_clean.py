"""How well does the cleaner find article bodies in real scraped pages, and how fast?

    python benchmarks/bench_clean.py [--data DIR] [--json OUT] [--worst N]

DIR is laid out like ../shared/eval/boilerplate (pages.jsonl, dumps.jsonl): real pages with gold
bodies and per-line gold labels of their text dumps. Prints one table row per method with the
benchmark's token precision/recall/F1 (averaged per page), line-level precision/recall/F1 against
the dump's line labels, and pages per second (median of --repeat timed passes).
"""

from __future__ import annotations

import argparse
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


def run(method: Callable[[str], list[bool]], dumps: list[dict], repeat: int) -> tuple[list[list[bool]], list[float]]:
    texts = ["\n".join(line["text"] for line in d["lines"]) for d in dumps]
    timings, keeps = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        keeps = [method(t) for t in texts]
        timings.append(time.perf_counter() - start)
    return keeps, timings


def score(name: str, keeps: list[list[bool]], timings: list[float], dumps: list[dict], gold: dict[str, str]) -> dict:
    labels = [[bool(line["label"]) for line in d["lines"]] for d in dumps]
    predicted = ["\n".join(l["text"] for l, k in zip(d["lines"], keep) if k) for d, keep in zip(dumps, keeps)]
    tokens = token_prf((gold[d["id"]], p) for d, p in zip(dumps, predicted))
    lines = line_prf(labels, keeps)
    median = statistics.median(timings)
    per_page = {
        d["id"]: round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 1.0
        for d, p in zip(dumps, predicted)
        for tp, fp, fn in [shingle_counts(gold[d["id"]], p)]
    }
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
    args = ap.parse_args(argv)
    if not (args.data / "dumps.jsonl").is_file():
        print(f"bench_clean: no dumps.jsonl in {args.data}", file=sys.stderr)
        return 2
    dumps = load_jsonl(args.data / "dumps.jsonl")
    gold = {p["id"]: p["body"] for p in load_jsonl(args.data / "pages.jsonl")}
    rows = []
    for name, method in (("framing", framing_keep), (f"keep lines of {LONG_LINE_WORDS}+ words", long_lines_keep)):
        keeps, timings = run(method, dumps, args.repeat)
        rows.append(score(name, keeps, timings, dumps, gold))
    print(f"{'method':<28} {'input':<10} {'tokP':>6} {'tokR':>6} {'tokF1':>6} {'lineP':>6} {'lineR':>6} {'lineF1':>6} {'pages/s':>8}")
    for r in rows:
        print(f"{r['method']:<28} {r['input']:<10} {r['token_precision']:6.3f} {r['token_recall']:6.3f} {r['token_f1']:6.3f} "
              f"{r['line_precision']:6.3f} {r['line_recall']:6.3f} {r['line_f1']:6.3f} {r['pages_per_second']:8.1f}")
    if args.worst:
        urls = {d["id"]: d["url"] for d in dumps}
        worst = sorted(rows[0]["per_page_f1"].items(), key=lambda kv: kv[1])[: args.worst]
        print(f"\nlowest-scoring pages for framing (token F1 per page):")
        for pid, f1 in worst:
            print(f"  {f1:.3f}  {pid[:12]}  {urls[pid]}")
    if args.json:
        from framing.persist import write_json_atomic

        write_json_atomic(args.json, {"data": str(args.data), "python": sys.version.split()[0],
                                      "framing": framing.__version__, "rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
