"""Training: seeded cross-validation by document, a dev check, the final fit, and the model card.

Records whose split is ``test`` are never used here: they are for ``framing evaluate``. Records
without a split count as training data. The folds group sentences by document, so no article
has sentences on both sides of a fold.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from ._version import __version__
from .classify import SentenceClassifier
from .data import Annotations, Source, load_annotations
from .errors import FramingError
from .evaluate import classification_report
from .persist import RETRAIN_COMMAND
from .types import LABELS

CV_FOLDS = 5


def data_sha256(data: Annotations) -> str:
    """A digest of the records themselves (text, label, document, split), whatever the file format."""
    digest = hashlib.sha256()
    for record in zip(data.texts, data.labels, data.doc_ids, data.splits):
        digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def base_corpus() -> Annotations:
    """The annotated corpus the shipped model is trained on (seeds/corpus in a checkout)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "seeds" / "corpus" / "sentences.jsonl"
    if not path.is_file():
        raise FramingError(f"the base corpus is not at {path}: --with-base needs a source checkout of framing")
    return load_annotations(path)


def train(
    data: Annotations | Source | Sequence[Source],
    *,
    random_state: int = 0,
    cv_folds: int = CV_FOLDS,
    with_base: bool = False,
    **params: Any,
) -> tuple[SentenceClassifier, dict[str, Any]]:
    """Train a SentenceClassifier and describe it in a model card (a plain dict).

    ``params`` go to SentenceClassifier. Cross-validated and dev metrics go in the card, as do
    the training data's sha256 and label counts, the non-default parameters and the versions.
    """
    annotations = data if isinstance(data, Annotations) else load_annotations(data)
    if with_base:
        base = base_corpus()
        annotations = _concat(base, annotations)
    train_idx = [i for i, s in enumerate(annotations.splits) if s in (None, "train")]
    dev_idx = [i for i, s in enumerate(annotations.splits) if s == "dev"]
    fit_idx = train_idx + dev_idx
    if not fit_idx:
        raise FramingError("no training records: every record is in the test split")
    labels = [annotations.labels[i] for i in fit_idx]
    if len(set(labels)) < 2:
        raise FramingError("training data needs at least two different labels")

    model = SentenceClassifier(random_state=random_state, **params)
    card: dict[str, Any] = {
        "labels": list(LABELS),
        "random_state": random_state,
        "params": _non_default(model),
        "training_data": {
            "sha256": data_sha256(annotations),
            "sentences": len(fit_idx),
            "documents": len({annotations.doc_ids[i] for i in fit_idx}),
            "label_counts": {label: Counter(labels)[label] for label in LABELS},
            "test_records_held_out": len(annotations) - len(fit_idx),
            "with_base_corpus": with_base,
        },
        "cv": _cross_validate(model, annotations, fit_idx, cv_folds, random_state),
        "dev": None,
        "versions": versions(),
        "retrain_command": RETRAIN_COMMAND,
    }
    if dev_idx and train_idx:
        dev_model = _fit(model, annotations, train_idx)
        card["dev"] = _score(dev_model, annotations, dev_idx).to_dict()
    return _fit(model, annotations, fit_idx), card


def versions() -> dict[str, str]:
    import sklearn

    return {
        "python": platform.python_version(),
        "framing": __version__,
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
    }


def _fit(model: SentenceClassifier, data: Annotations, idx: Sequence[int]) -> SentenceClassifier:
    from sklearn.base import clone

    return clone(model).fit(
        [data.texts[i] for i in idx], [data.labels[i] for i in idx], doc_ids=[data.doc_ids[i] for i in idx]
    )


def _score(model: SentenceClassifier, data: Annotations, idx: Sequence[int]):  # noqa: ANN202
    predicted = model.predict([data.texts[i] for i in idx], doc_ids=[data.doc_ids[i] for i in idx])
    return classification_report([data.labels[i] for i in idx], list(predicted))


def _cross_validate(
    model: SentenceClassifier, data: Annotations, idx: list[int], folds: int, random_state: int
) -> dict[str, Any] | None:
    groups = [data.doc_ids[i] for i in idx]
    n_groups = len(set(groups))
    folds = min(folds, n_groups)
    if folds < 2:
        return None
    labels = [data.labels[i] for i in idx]
    predicted = [""] * len(idx)
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=random_state)
    for train_part, test_part in splitter.split(np.zeros(len(idx)), labels, groups):
        fitted = _fit(model, data, [idx[j] for j in train_part])
        # predict whole documents in their order, so context features see their neighbours
        for j, label in zip(test_part, fitted.predict([data.texts[idx[j]] for j in test_part],
                                                      doc_ids=[data.doc_ids[idx[j]] for j in test_part])):
            predicted[j] = label
    report = classification_report(labels, predicted)
    return {"folds": folds, "grouped_by": "doc_id", **report.to_dict()}


def _non_default(model: SentenceClassifier) -> dict[str, Any]:
    defaults = SentenceClassifier().get_params()
    return {k: v for k, v in model.get_params().items() if v != defaults[k] and k != "random_state"}


def _concat(a: Annotations, b: Annotations) -> Annotations:
    keys = sorted(set(a.extra) | set(b.extra))
    return Annotations(
        texts=a.texts + b.texts, labels=a.labels + b.labels, doc_ids=a.doc_ids + b.doc_ids,
        splits=a.splits + b.splits, origins=a.origins + b.origins,
        extra={k: a.extra.get(k, (None,) * len(a)) + b.extra.get(k, (None,) * len(b)) for k in keys},
    )


__all__ = ["base_corpus", "data_sha256", "train", "versions"]
