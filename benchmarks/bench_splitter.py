"""Is framing's sentence splitter right on news prose, and is a library better?

    python benchmarks/bench_splitter.py [--json OUT]

Runs framing.split_sentences and pySBD (the `bench` extra: pip install '.[bench]'; skipped with
a note when missing) on the golden-rules table in tests/data/sentence_golden.json. Reports the
rows each gets exactly right, boundary precision/recall/F1 (a boundary is the offset where a
sentence starts), and sentences per second on the corpus's articles joined into paragraphs
(median of --repeat runs, same process).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from framing import split_sentences
from framing.persist import write_json_atomic

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((ROOT / "tests" / "data" / "sentence_golden.json").read_text(encoding="utf-8"))
CORPUS = ROOT / "seeds" / "corpus" / "sentences.jsonl"


def framing_split(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def pysbd_splitter() -> Callable[[str], list[tuple[int, int]]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        for span in segmenter.segment(text):
            start, end = span.start, span.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.append((start, end))
        return spans

    return split


def expected_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for s in sentences:
        start = text.index(s, position)
        spans.append((start, start + len(s)))
        position = start + len(s)
    return spans


def score(split: Callable[[str], list[tuple[int, int]]]) -> dict:
    exact, tp, fp, fn, wrong = 0, 0, 0, 0, []
    for row in GOLDEN:
        text = row["text"]
        want = expected_spans(text, row["sentences"])
        try:
            got = split(text)
        except Exception as e:  # a library failing on a row counts as getting it wrong
            got = []
            wrong.append(f"{text[:40]!r}: {type(e).__name__}")
        if [text[a:b] for a, b in got] == row["sentences"]:
            exact += 1
        elif not wrong or not wrong[-1].startswith(repr(text[:40])):
            wrong.append(repr(text[:60]))
        starts_want, starts_got = {a for a, _ in want[1:]}, {a for a, _ in got[1:]}
        tp += len(starts_want & starts_got)
        fp += len(starts_got - starts_want)
        fn += len(starts_want - starts_got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"rows": len(GOLDEN), "exact": exact, "boundary_precision": p, "boundary_recall": r,
            "boundary_f1": 2 * p * r / (p + r) if p + r else 0.0, "wrong": wrong}


def speed(split: Callable[[str], list[tuple[int, int]]], repeat: int) -> dict:
    paragraphs: dict[tuple[str, int], list[str]] = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paragraphs.setdefault((record["doc_id"], record["paragraph"]), []).append(record["text"])
    texts = [" ".join(p) for p in paragraphs.values()]
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(len(split(t)) for t in texts)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    return {"paragraphs": len(texts), "sentences": count, "seconds_median": median,
            "sentences_per_second": count / median, "seconds_min": min(times), "seconds_max": max(times)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    splitters = {"framing": framing_split}
    pysbd = pysbd_splitter()
    if pysbd is None:
        print("pySBD is not installed (pip install '.[bench]'): its row is skipped", file=sys.stderr)
    else:
        splitters["pysbd"] = pysbd
    rows = {name: {**score(split), **speed(split, args.repeat)} for name, split in splitters.items()}
    print(f"{'splitter':<10} {'exact rows':>11} {'boundP':>7} {'boundR':>7} {'boundF1':>8} {'sentences/s':>12}")
    for name, r in rows.items():
        print(f"{name:<10} {r['exact']:>5}/{r['rows']:<5} {r['boundary_precision']:7.3f} {r['boundary_recall']:7.3f} "
              f"{r['boundary_f1']:8.3f} {r['sentences_per_second']:12.0f}")
    for name, r in rows.items():
        for w in r["wrong"]:
            print(f"  {name} wrong: {w}")
    if args.json:
        write_json_atomic(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
