"""What does retraining cost as the annotated data grows?

    python benchmarks/bench_training.py [--sizes 1000 10000 100000] [--json OUT]

Builds training sets of the given sizes from the corpus's train split, replicated with small
seeded perturbations (a word dropped, a number changed, a word's case changed) so that no two
sentences are identical, and fits SentenceClassifier on each in a fresh process (with article
context, as `framing train` does; no cross-validation). Prints seconds and the process's peak
RSS per size, and seconds per 1,000 sentences against the smallest size: flat means linear.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "seeds" / "corpus" / "sentences.jsonl"


def perturb(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 4:
        k = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.34:
            del words[k]
        elif choice < 0.67:
            words[k] = words[k].upper() if words[k].islower() else words[k].lower()
        else:
            words.insert(k, str(rng.randrange(2, 2000)))
    return " ".join(words)


def build(size: int, seed: int = 0) -> tuple[list[str], list[str], list[str]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == "train"]
    rng = random.Random(seed)
    texts, labels, docs = [], [], []
    copy = 0
    while len(texts) < size:
        for r in rows:
            if len(texts) == size:
                break
            texts.append(r["text"] if copy == 0 else perturb(r["text"], rng))
            labels.append(r["label"])
            docs.append(f"{r['doc_id']}#{copy}")
        copy += 1
    return texts, labels, docs


def fit_once(size: int) -> dict:
    from framing.classify import SentenceClassifier

    texts, labels, docs = build(size)
    start = time.perf_counter()
    SentenceClassifier().fit(texts, labels, doc_ids=docs)
    seconds = time.perf_counter() - start
    return {"sentences": size, "seconds": seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: fit one size here
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(fit_once(args.one)))
        return 0
    rows = []
    for size in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"bench_training: size {size} failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 1
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    base = rows[0]["seconds"] / rows[0]["sentences"] * 1000
    print(f"{'sentences':>10} {'seconds':>9} {'s per 1k':>9} {'ratio':>6} {'peak RSS MB':>12}")
    for r in rows:
        r["seconds_per_1000"] = r["seconds"] / r["sentences"] * 1000
        r["ratio_to_smallest"] = r["seconds_per_1000"] / base
        print(f"{r['sentences']:10d} {r['seconds']:9.1f} {r['seconds_per_1000']:9.2f} {r['ratio_to_smallest']:6.2f} {r['peak_rss_mb']:12.0f}")
    if args.json:
        from framing.persist import write_json_atomic

        write_json_atomic(args.json, {"python": sys.version.split()[0], "rows": rows})
    return 0


if __name__ == "__main__":
    sys.exit(main())
