"""How far do two annotators agree on the corpus sample labelled twice?

    python benchmarks/agreement.py [--data seeds/corpus/agreement.jsonl] [--json OUT]

Reports raw agreement and Cohen's kappa overall and per label (one label against the rest),
the confusion between the two annotators, and how the disagreements were settled.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, confusion_matrix

from framing.persist import write_json_atomic
from framing.types import LABELS

DEFAULT = Path(__file__).resolve().parents[1] / "seeds" / "corpus" / "agreement.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    first = [r["first_label"] for r in rows]
    second = [r["second_label"] for r in rows]
    figures = {
        "sentences": len(rows),
        "documents": len({r["doc_id"] for r in rows}),
        "raw_agreement": sum(a == b for a, b in zip(first, second)) / len(rows),
        "kappa": cohen_kappa_score(first, second),
        "kappa_per_label": {  # a label neither annotator used has no kappa
            l: cohen_kappa_score([a == l for a in first], [b == l for b in second])
            for l in LABELS if l in first or l in second
        },
        "confusion": confusion_matrix(first, second, labels=list(LABELS)).tolist(),
        "disagreements": sum(a != b for a, b in zip(first, second)),
        "settled_for_second": sum(r["first_label"] != r["second_label"] == r["settled_label"] for r in rows),
    }
    print(f"{figures['sentences']} sentences from {figures['documents']} documents, labelled twice")
    print(f"raw agreement {figures['raw_agreement']:.3f}, Cohen's kappa {figures['kappa']:.3f}")
    for label, k in figures["kappa_per_label"].items():
        print(f"  {label:<18} kappa {k:.3f}")
    print("confusion (rows: first annotator, columns: second):")
    for label, row in zip(LABELS, figures["confusion"]):
        print(f"  {label:<18} " + " ".join(f"{n:4d}" for n in row))
    print(f"{figures['disagreements']} disagreements, {figures['settled_for_second']} settled for the second annotator")
    if args.json:
        write_json_atomic(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
