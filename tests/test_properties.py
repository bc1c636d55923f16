"""Invariants of the cleaner, checked on generated pages (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import FramingError
from framing.clean import split_lines

WORDS = st.sampled_from(
    "the minister said on Tuesday that talks would resume police officials reported a fire in "
    "city council voted Menu Share Subscribe © 2024 Photo: Reuters https://example.org/a.jpg "
    "“We will not back down,” — 12 comments By Jane Doe 2024-05-01T10:00:00Z".split()
)
LINE = st.lists(WORDS, min_size=0, max_size=40).map(" ".join).map(
    lambda s: s + "." if s and len(s) % 3 == 0 else s
)
PAGE = st.lists(LINE, min_size=0, max_size=60).map("\n".join)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=2000)


def _normalised(line: str) -> str:
    return " ".join(line.split())


@settings(max_examples=300, deadline=None)
@given(PAGE)
def test_body_paragraphs_are_input_lines_in_order(page):
    article = framing.clean(page)
    lines = [_normalised(line) for line in split_lines(page)]
    position = -1
    for paragraph in article.body:
        position = lines.index(paragraph, position + 1)  # raises if not found after the last one


@settings(max_examples=300, deadline=None)
@given(PAGE)
def test_cleaning_the_body_again_changes_nothing(page):
    body = framing.clean(page).body
    assert framing.clean("\n".join(body)).body == body


@settings(max_examples=300, deadline=None)
@given(PAGE)
def test_one_block_per_line(page):
    assert len(framing.clean(page).blocks) == len(split_lines(page))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_arbitrary_text_never_raises(text):
    article = framing.clean(text)
    assert all(p.strip() == p and p for p in article.body)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_an_article_or_the_documented_error(data):
    try:
        framing.clean(data)
    except FramingError:
        pass
