"""What is in the annotated corpus, and how much of it repeats itself?

    python benchmarks/corpus_stats.py [--data PATH...] [--threshold 0.8] [--json OUT]

Counts sentences, documents and labels per split, outlet kind and topic, and measures
near-duplicates: two sentences are near-duplicates when the cosine similarity of their
character 3-5-gram TF-IDF vectors reaches --threshold. Reports the share of sentences that have a
near-duplicate elsewhere in the corpus, and the closest pairs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from framing.data import load_annotations
from framing.persist import write_json_atomic
from framing.types import LABELS

DEFAULT = Path(__file__).resolve().parents[1] / "seeds" / "corpus" / "sentences.jsonl"


def near_duplicates(texts: list[str], threshold: float, block: int = 1000) -> tuple[np.ndarray, list[tuple[float, int, int]]]:
    """For each text, whether another text is at least `threshold` similar; and the top pairs."""
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    has_twin = np.zeros(len(texts), dtype=bool)
    pairs: list[tuple[float, int, int]] = []
    for lo in range(0, len(texts), block):
        sims = (matrix[lo : lo + block] @ matrix.T).toarray()
        for r in range(sims.shape[0]):
            sims[r, lo + r] = 0.0
        rows, cols = np.nonzero(sims >= threshold)
        has_twin[lo + rows] = True
        best = sims.argmax(axis=1)
        pairs.extend((float(sims[r, best[r]]), lo + r, int(best[r])) for r in range(sims.shape[0]) if lo + r < best[r])
    pairs.sort(reverse=True)
    return has_twin, pairs[:10]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="+", default=[str(DEFAULT)])
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    data = load_annotations(args.data)
    texts = list(data.texts)
    print(f"{len(data)} sentences, {len(set(data.doc_ids))} documents")
    splits = sorted({s or '-' for s in data.splits})
    print(f"{'split':<8} {'docs':>5} {'sents':>6} " + " ".join(f"{label:>18}" for label in LABELS))
    figures: dict = {"sentences": len(data), "documents": len(set(data.doc_ids)), "splits": {}}
    for split in splits:
        idx = [i for i, s in enumerate(data.splits) if (s or "-") == split]
        counts = Counter(data.labels[i] for i in idx)
        docs = len({data.doc_ids[i] for i in idx})
        figures["splits"][split] = {"documents": docs, "sentences": len(idx), **{l: counts[l] for l in LABELS}}
        print(f"{split:<8} {docs:5d} {len(idx):6d} " + " ".join(f"{counts[l]:7d} ({counts[l] / len(idx):5.1%})" for l in LABELS))
    for column in ("outlet_kind", "topic"):
        if column in data.extra:
            counts = Counter(data.extra[column])
            figures[column] = dict(counts.most_common())
            print(f"\n{column}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    has_twin, pairs = near_duplicates(texts, args.threshold)
    figures["near_duplicate_threshold"] = args.threshold
    figures["near_duplicate_rate"] = float(has_twin.mean())
    print(f"\nnear-duplicates (char 3-5-gram TF-IDF cosine >= {args.threshold}): "
          f"{int(has_twin.sum())} sentences of {len(texts)} ({has_twin.mean():.2%})")
    for sim, a, b in pairs[:5]:
        print(f"  {sim:.2f}  {texts[a][:70]!r}\n        {texts[b][:70]!r}")
    figures["closest_pairs"] = [{"similarity": s, "a": texts[a], "b": texts[b]} for s, a, b in pairs]
    if args.json:
        write_json_atomic(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
