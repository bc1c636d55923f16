"""The shipped model: found after installation, checked on load, and held to pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.data import load_annotations
from framing.evaluate import classification_report
from framing.persist import load_model, read_card
from framing.train import data_sha256
from framing.types import LABELS

from .conftest import CORPUS

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped():
    return load_model()


@pytest.fixture(scope="module")
def corpus():
    return load_annotations(CORPUS)


def test_found_and_loadable_from_outside_the_checkout(tmp_path):
    # run from an empty folder, so the installed package is what gets imported
    code = "import framing.persist as p, framing; m = p.load_model(); print(p.default_model_path()); print(list(m.classes_))"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    path, classes = done.stdout.splitlines()
    assert Path(path).is_file()
    assert classes == str(list(LABELS))


def test_card_is_complete(shipped):
    from framing.persist import default_model_path

    card = read_card(default_model_path())
    assert card["labels"] == list(LABELS)
    assert {"python", "framing", "scikit-learn", "numpy"} <= set(card["versions"])
    assert card["cv"]["macro_f1"] > 0.8 and card["dev"]["macro_f1"] > 0.8
    assert card["retrain_command"] == "framing train seeds/corpus/sentences.jsonl --out models/sentence-model.joblib"
    assert list(shipped.classes_) == list(LABELS)


def test_floors_were_recorded_on_this_corpus(corpus):
    assert data_sha256(corpus) == FLOORS["corpus_sha256"], (
        "the corpus changed: retrain the model, rerun the benchmarks and re-record tests/quality_floors.json"
    )


def test_test_split_macro_f1_holds_its_floor(shipped, corpus):
    test = corpus.subset("test")
    report = classification_report(list(test.labels), list(shipped.predict(test.texts, doc_ids=test.doc_ids)))
    assert report.macro_f1 >= FLOORS["test_split_macro_f1"] - FLOORS["epsilon"], report.macro_f1


@pytest.mark.parametrize("doc", sorted(FLOORS["seed_sentences_correct"]))
def test_seed_articles_hold_their_floor(shipped, corpus, doc):
    idx = [i for i, d in enumerate(corpus.doc_ids) if d == doc]
    predicted = shipped.predict([corpus.texts[i] for i in idx], doc_ids=[doc] * len(idx))
    correct = sum(p == corpus.labels[i] for p, i in zip(predicted, idx))
    assert correct >= FLOORS["seed_sentences_correct"][doc], f"{correct}/{len(idx)}"


def test_the_two_seed_outlets_speak_in_different_voices(shipped):
    from framing.analyze import analyze

    from .conftest import SEED_PAGES

    state = analyze(next(p for p in SEED_PAGES if p.name.startswith("sputnik")).read_bytes(), shipped)
    wire = analyze(next(p for p in SEED_PAGES if p.name.startswith("korean-daily")).read_bytes(), shipped)
    state_counts, wire_counts = state.label_counts(), wire.label_counts()
    assert wire_counts["editorial_framing"] == 0
    assert wire_counts["attribution"] >= 5
    assert state_counts["editorial_framing"] >= 1
