from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGES = sorted((ROOT / "seeds" / "pages").glob("*.txt"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
