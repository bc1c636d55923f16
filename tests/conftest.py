from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Keep the datasets cache of test runs out of the user's home folder.
os.environ.setdefault("HF_DATASETS_CACHE", tempfile.mkdtemp(prefix="framing-tests-hf-"))

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGES = sorted((ROOT / "seeds" / "pages").glob("*.txt"))
CORPUS = ROOT / "seeds" / "corpus" / "sentences.jsonl"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def small_data():
    """600 training sentences of the corpus (whole documents), enough for contract tests."""
    from framing.data import load_annotations

    train = load_annotations(CORPUS).subset("train")
    docs = list(dict.fromkeys(train.doc_ids))[:28]
    keep = [i for i, d in enumerate(train.doc_ids) if d in set(docs)]
    return train._take(keep)


@pytest.fixture(scope="session")
def small_model(small_data):
    from framing.classify import SentenceClassifier

    return SentenceClassifier().fit(small_data.texts, small_data.labels, doc_ids=small_data.doc_ids)


@pytest.fixture(scope="session")
def small_model_file(small_model, tmp_path_factory):
    from framing.persist import save_model
    from framing.train import versions
    from framing.types import LABELS

    path = tmp_path_factory.mktemp("model") / "small.joblib"
    save_model(small_model, {"labels": list(LABELS), "versions": versions()}, path)
    return path
