"""framing: whose voice is each sentence of a news page in?

Clean a scraped page into its article body and metadata (``clean``); later stages split the
body into sentences and label each one.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from .clean import clean
from .errors import FramingError
from .sentences import split_sentences
from .types import LABELS, Article, Block, Sentence

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["LABELS", "Article", "Block", "FramingError", "Sentence", "__version__", "clean", "split_sentences"]
