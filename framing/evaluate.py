"""Scores, computed in one place for the tests, the CLI and the benchmarks.

Extraction is scored as the article-extraction benchmark does: texts become multisets of
4-token shingles of ``\\w+`` runs, precision and recall are taken per page and averaged over
pages, and F1 comes from the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum to 1 as the benchmark does."""
    g, p = _shingles(gold), _shingles(predicted)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def token_prf(pairs: Iterable[tuple[str, str]]) -> PRF:
    """Benchmark token P/R/F1 over (gold body, predicted body) pairs, averaged per page.

    A page with nothing predicted does not count for precision; one with an empty gold body
    does not count for recall.
    """
    precisions, recalls = [], []
    for gold, predicted in pairs:
        tp, fp, fn = shingle_counts(gold, predicted)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF(p, r, _f1(p, r))


def line_prf(gold: Sequence[Sequence[bool]], predicted: Sequence[Sequence[bool]]) -> PRF:
    """Micro P/R/F1 of body-line decisions over all lines of all pages."""
    tp = fp = fn = 0
    for g_page, p_page in zip(gold, predicted, strict=True):
        for g, p in zip(g_page, p_page, strict=True):
            tp += g and p
            fp += p and not g
            fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PRF(precision, recall, _f1(precision, recall))


@dataclass(frozen=True, slots=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Report:
    """Classification figures over the four labels, in LABELS order."""

    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, LabelScore]
    confusion: list[list[int]]  # rows: gold label, columns: predicted label, LABELS order

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "per_label": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1, "support": v.support}
                          for k, v in self.per_label.items()},
            "confusion": self.confusion,
        }


def classification_report(gold: Sequence[str], predicted: Sequence[str]) -> Report:
    """Accuracy, macro-F1 over the four labels, per-label P/R/F1 and the confusion matrix."""
    from .types import LABELS

    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(LABELS)}
    confusion = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted):
        confusion[index[g]][index[p]] += 1
    per_label = {}
    for i, label in enumerate(LABELS):
        tp = confusion[i][i]
        predicted_n = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        per_label[label] = LabelScore(precision, recall, _f1(precision, recall), support)
    present = [s for s in per_label.values() if s.support]
    macro = sum(s.f1 for s in present) / len(present) if present else 0.0
    accuracy = sum(confusion[i][i] for i in range(len(LABELS))) / len(gold) if gold else 0.0
    return Report(len(gold), accuracy, macro, per_label, confusion)


def evaluate(model: object, texts: Sequence[str], labels: Sequence[str], doc_ids: Sequence[object] | None = None) -> Report:
    """Label ``texts`` with ``model`` and score against ``labels``."""
    return classification_report(list(labels), list(model.predict(texts, doc_ids=doc_ids)))  # type: ignore[attr-defined]
