"""Models are written atomically with a card, and nothing is unpickled before the card checks pass."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing import FramingError
from framing.persist import card_path, load_model, save_model, write_text_atomic
from framing.types import LABELS


def test_round_trip_gives_the_same_probabilities(small_model, small_model_file):
    loaded = load_model(small_model_file)
    texts = ["The council voted on Monday.", '"We will win," he said.']
    np.testing.assert_array_equal(loaded.predict_proba(texts), small_model.predict_proba(texts))
    card = json.loads(card_path(small_model_file).read_text())
    assert card["artifact"] == small_model_file.name and len(card["artifact_sha256"]) == 64


def _copy(src, dst_dir):
    dst = dst_dir / src.name
    dst.write_bytes(src.read_bytes())
    card_path(dst).write_bytes(card_path(src).read_bytes())
    return dst


def test_missing_card_is_refused(small_model_file, tmp_path):
    model = _copy(small_model_file, tmp_path)
    card_path(model).unlink()
    with pytest.raises(FramingError, match="no model card"):
        load_model(model)


def test_changed_artifact_is_refused(small_model_file, tmp_path):
    model = _copy(small_model_file, tmp_path)
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(FramingError, match="sha256 does not match"):
        load_model(model)


def _edit_card(model, **changes):
    card = json.loads(card_path(model).read_text())
    card.update(changes)
    card_path(model).write_text(json.dumps(card))


def test_unknown_label_set_is_refused(small_model_file, tmp_path):
    model = _copy(small_model_file, tmp_path)
    _edit_card(model, labels=["opinion", "fact"])
    with pytest.raises(FramingError, match="labels"):
        load_model(model)


def test_other_scikit_learn_version_names_both_and_the_retrain_command(small_model_file, tmp_path):
    import sklearn

    model = _copy(small_model_file, tmp_path)
    _edit_card(model, versions={"scikit-learn": "0.24.2"})
    with pytest.raises(FramingError) as info:
        load_model(model)
    message = str(info.value)
    assert "0.24.2" in message and sklearn.__version__ in message and "framing train" in message


def test_missing_model_and_unreadable_card(tmp_path):
    with pytest.raises(FramingError, match="no such model file"):
        load_model(tmp_path / "nothing.joblib")
    model = tmp_path / "m.joblib"
    model.write_bytes(b"x")
    card_path(model).write_text("{not json")
    with pytest.raises(FramingError, match="unreadable model card"):
        load_model(model)


def test_atomic_writes_leave_no_temporary_files(tmp_path):
    write_text_atomic(tmp_path / "a.txt", "one")
    write_text_atomic(tmp_path / "a.txt", "two")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "two"


def test_save_model_writes_both_files(small_model, tmp_path):
    card = save_model(small_model, {"labels": list(LABELS)}, tmp_path / "sub" / "m.joblib")
    assert (tmp_path / "sub" / "m.joblib").is_file() and (tmp_path / "sub" / "m.json").is_file()
    assert card["format"] == 1
