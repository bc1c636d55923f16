"""framing: whose voice is each sentence of a news page in?

Clean a scraped page into its article body and metadata (``clean``), split the body into
sentences (``split_sentences``) and label each one (``analyze``, ``SentenceClassifier``).
"""

from __future__ import annotations

import logging

from ._version import __version__
from typing import TYPE_CHECKING, Any

from .clean import clean
from .errors import FramingError
from .sentences import split_sentences
from .types import LABELS, Article, Block, Sentence

if TYPE_CHECKING:
    from .analyze import Analysis, LabeledSentence, analyze
    from .classify import SentenceClassifier
    from .evaluate import Report, evaluate
    from .persist import load_model, save_model
    from .train import train

# The model side imports scikit-learn (about a second): load it on first use, so that
# `import framing; framing.clean(page)` stays light.
_LAZY = {
    "Analysis": "analyze", "LabeledSentence": "analyze", "analyze": "analyze",
    "SentenceClassifier": "classify", "Report": "evaluate", "evaluate": "evaluate",
    "load_model": "persist", "save_model": "persist", "train": "train",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Analysis",
    "Article",
    "Block",
    "FramingError",
    "LABELS",
    "LabeledSentence",
    "Report",
    "Sentence",
    "SentenceClassifier",
    "__version__",
    "analyze",
    "clean",
    "evaluate",
    "load_model",
    "save_model",
    "split_sentences",
    "train",
]
