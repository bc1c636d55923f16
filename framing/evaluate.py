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
