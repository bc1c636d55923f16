"""The cleaner on 33 page dumps written for this project (tests/data/dumps, see its README).

The pages were written by someone who never saw the cleaner; the floors below are what it
reaches today minus a small margin, so a change that makes it worse fails here.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import framing
from framing.evaluate import line_prf

CASES = sorted((Path(__file__).parent / "data" / "dumps").glob("*.json"))
LINE_PRECISION_FLOOR = 0.89
LINE_RECALL_FLOOR = 0.90
TITLE_FLOOR = 0.95


def _load(case: Path) -> tuple[dict, framing.Article, list[bool], list[bool]]:
    expected = json.loads(case.read_text(encoding="utf-8"))
    page = case.with_suffix(".txt").read_text(encoding="utf-8")
    article = framing.clean(page)
    body = set(expected["body"])
    gold = [b.text.strip() in body for b in article.blocks]
    predicted = [b.decision == "body" for b in article.blocks]
    return expected, article, gold, predicted


def test_there_are_enough_varied_cases():
    kinds = {json.loads(c.read_text(encoding="utf-8"))["kind"] for c in CASES}
    languages = {json.loads(c.read_text(encoding="utf-8"))["language"] for c in CASES}
    assert len(CASES) >= 25
    assert len(kinds) >= 10
    assert len(languages - {"en"}) >= 6


def test_line_precision_and_recall_hold_their_floors():
    loaded = [_load(c) for c in CASES]
    score = line_prf([g for _, _, g, _ in loaded], [p for _, _, _, p in loaded])
    assert score.precision >= LINE_PRECISION_FLOOR, score
    assert score.recall >= LINE_RECALL_FLOOR, score


def test_titles():
    loaded = [_load(c) for c in CASES]
    right = sum(article.title == expected["title"] for expected, article, _, _ in loaded)
    assert right / len(loaded) >= TITLE_FLOOR


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.stem)
def test_published_time(case: Path):
    expected, article, _, _ = _load(case)
    if expected["published"] is None:
        assert article.published is None
        return
    want = datetime.fromisoformat(expected["published"])
    got = article.published
    assert got is not None
    if got.tzinfo is None:  # the page gave a wall-clock time without its zone
        assert got == want.replace(tzinfo=None)
    else:
        assert got == want


def test_page_without_article_has_no_body():
    expected, article, _, _ = _load(next(c for c in CASES if "index" in c.stem))
    assert expected["body"] == []
    assert len(article.body) <= 1
