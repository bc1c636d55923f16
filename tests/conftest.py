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
