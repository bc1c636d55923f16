"""The public API is exactly what __all__ says, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import framing

PUBLIC = {
    "LABELS", "Analysis", "Article", "Block", "FramingError", "LabeledSentence", "Report", "Sentence",
    "SentenceClassifier", "__version__", "analyze", "clean", "evaluate", "load_model", "save_model",
    "split_sentences", "train",
}


def test_all_is_exactly_the_public_names():
    assert set(framing.__all__) == PUBLIC
    assert framing.__all__ == sorted(framing.__all__)
    assert all(hasattr(framing, name) for name in framing.__all__)


def test_import_and_clean_load_neither_datasets_nor_scikit_learn():
    code = "import sys, framing; framing.clean('a'); print('datasets' in sys.modules, 'sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False False"


def test_unknown_attribute_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        framing.no_such_thing  # noqa: B018


def test_the_package_is_typed():
    from importlib import resources

    assert resources.files("framing").joinpath("py.typed").is_file()
