"""split_sentences: a golden-rules table of news prose, and invariants (hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import split_sentences

# The golden-rules table: (text, expected sentences), one row per rule a news splitter must get
# right. Shared with benchmarks/bench_splitter.py, which runs other splitters on the same rows.
GOLDEN = [(row["text"], row["sentences"]) for row in json.loads(
    (Path(__file__).parent / "data" / "sentence_golden.json").read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("text", "expected"), GOLDEN, ids=[g[0][:30] for g in GOLDEN])
def test_golden_rules(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text():
    text = "  First one.  Second one!\n\nThird?  "
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


PROSE = st.lists(
    st.sampled_from(["Mr.", "the", "U.S.", "said", "3.5", "“We", "go.”", "Oct.", "12.", "He", "left.", "…", "Why?", "\n", "1.", "—"]),
    max_size=40,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(PROSE, st.text(max_size=300)))
def test_sentences_tile_the_text_in_order(text):
    sentences = split_sentences(text)
    position = 0
    for s in sentences:
        assert s.text and s.text == s.text.strip()
        assert text[s.start : s.end] == s.text
        assert s.start >= position
        assert text[position : s.start].strip() == ""  # only whitespace between sentences
        position = s.end
    assert text[position:].strip() == ""
