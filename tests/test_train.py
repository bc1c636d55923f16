"""train(): grouped cross-validation, a dev check, held-out test records, a complete card."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing import FramingError
from framing.train import data_sha256, train
from framing.types import LABELS


@pytest.fixture(scope="module")
def annotations_file(small_data, tmp_path_factory):
    path = tmp_path_factory.mktemp("train") / "data.jsonl"
    docs = list(dict.fromkeys(small_data.doc_ids))
    split = {d: ("dev" if i % 5 == 0 else "test" if i % 7 == 0 else "train") for i, d in enumerate(docs)}
    with path.open("w", encoding="utf-8") as f:
        for t, l, d in zip(small_data.texts, small_data.labels, small_data.doc_ids):
            f.write(json.dumps({"text": t, "label": l, "doc_id": d, "split": split[d]}) + "\n")
    return path


def test_card_describes_the_model(annotations_file):
    model, card = train(annotations_file, random_state=0, cv_folds=3)
    assert list(model.classes_) == list(LABELS)
    assert card["labels"] == list(LABELS)
    assert card["cv"]["folds"] == 3 and set(card["cv"]["per_label"]) == set(LABELS)
    assert card["dev"]["n"] > 0
    assert card["training_data"]["test_records_held_out"] > 0
    assert sum(card["training_data"]["label_counts"].values()) == card["training_data"]["sentences"]
    assert {"python", "framing", "scikit-learn", "numpy"} <= set(card["versions"])
    assert card["retrain_command"].startswith("framing train")


def test_same_seed_same_model_and_card(annotations_file):
    a, card_a = train(annotations_file, random_state=5, cv_folds=2)
    b, card_b = train(annotations_file, random_state=5, cv_folds=2)
    assert card_a == card_b
    texts = ["The vote is on Tuesday.", "Officials said the bridge would reopen."]
    np.testing.assert_array_equal(a.predict_proba(texts), b.predict_proba(texts))


def test_data_digest_ignores_the_file_format(annotations_file, tmp_path):
    import datasets

    from framing.data import load_annotations

    jsonl = load_annotations(annotations_file)
    parquet_path = tmp_path / "data.parquet"
    datasets.Dataset.from_json(str(annotations_file)).to_parquet(str(parquet_path))
    assert data_sha256(jsonl) == data_sha256(load_annotations(parquet_path))


def test_only_test_records_is_an_error(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"text": "A sentence.", "label": "background", "split": "test"}) + "\n")
    with pytest.raises(FramingError, match="no training records"):
        train(path)
