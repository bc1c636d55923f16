"""analyze(): clean, split, label; offsets point into the body paragraphs."""

from __future__ import annotations

import pytest

from framing.analyze import analyze
from framing.types import LABELS

from .conftest import SEED_PAGES


@pytest.mark.parametrize("page", SEED_PAGES, ids=lambda p: p.stem.split("_")[0])
def test_every_body_sentence_is_labelled(page, small_model):
    analysis = analyze(page.read_bytes(), small_model)
    assert analysis.sentences
    for s in analysis.sentences:
        assert analysis.article.body[s.paragraph][s.start : s.end] == s.text
        assert s.label in LABELS
        assert abs(sum(s.probabilities.values()) - 1) < 1e-3
        assert s.label == max(s.probabilities, key=s.probabilities.get)
    assert sum(analysis.label_counts().values()) == len(analysis.sentences)


def test_a_page_without_body_gives_no_sentences(small_model):
    assert analyze("Home\nNews\nSubscribe", small_model).sentences == ()
