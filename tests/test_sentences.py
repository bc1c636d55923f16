"""split_sentences: a golden-rules table of news prose, and invariants (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import split_sentences

# (text, expected sentences). Each row is a rule a news splitter must get right.
GOLDEN = [
    ("Mr. Smith met Mrs. Jones. They talked.", ["Mr. Smith met Mrs. Jones.", "They talked."]),
    ("Gen. Mark Milley and Lt. Col. Alexander Vindman testified.", ["Gen. Mark Milley and Lt. Col. Alexander Vindman testified."]),
    ("The talks were held on Jul. 12 in Wonsan. Lavrov left on Sunday.", ["The talks were held on Jul. 12 in Wonsan.", "Lavrov left on Sunday."]),
    ("They met in Pyongyang on Oct. 19, 2023. The talks ended.", ["They met in Pyongyang on Oct. 19, 2023.", "The talks ended."]),
    ("The U.S. economy grew. The U.S. Senate voted on it.", ["The U.S. economy grew.", "The U.S. Senate voted on it."]),
    ("He moved to the U.S. The next day he left.", ["He moved to the U.S.", "The next day he left."]),
    ("J. K. Rowling spoke first. Harry S. Truman was quoted.", ["J. K. Rowling spoke first.", "Harry S. Truman was quoted."]),
    ("Inflation rose 3.2 percent. Rates stayed at 5.25%.", ["Inflation rose 3.2 percent.", "Rates stayed at 5.25%."]),
    ("The deal is worth $4.5 billion. Shares rose.", ["The deal is worth $4.5 billion.", "Shares rose."]),
    ("The vote is at 3 p.m. Officials expect a close result.", ["The vote is at 3 p.m.", "Officials expect a close result."]),
    ("It opens at 9 a.m. on Monday.", ["It opens at 9 a.m. on Monday."]),
    ("He paused... Then he walked out.", ["He paused...", "Then he walked out."]),
    ("She waited… Nobody came.", ["She waited…", "Nobody came."]),
    ('Lavrov called it a "sincere show of solidarity." Talks resumed.', ['Lavrov called it a "sincere show of solidarity."', "Talks resumed."]),
    ("He said it was “decided solely by Kim Jong-un.” Then he left.", ["He said it was “decided solely by Kim Jong-un.”", "Then he left."]),
    ('"We will not back down," she said. "We never have."', ['"We will not back down," she said.', '"We never have."']),
    ("“We were told to wait. Nobody came,” she said.", ["“We were told to wait.", "Nobody came,” she said."]),
    ("1. North Korea’s support for Russia\nLavrov acknowledged it.", ["1. North Korea’s support for Russia", "Lavrov acknowledged it."]),
    ("2. Bilateral cooperation", ["2. Bilateral cooperation"]),
    ("Key takeaways from Lavrov’s visit\n\nThe visit ended.", ["Key takeaways from Lavrov’s visit", "The visit ended."]),
    ("The bond — now battle-tested — holds. It will last.", ["The bond — now battle-tested — holds.", "It will last."]),
    ("Is this the end? Nobody knows! Time will tell.", ["Is this the end?", "Nobody knows!", "Time will tell."]),
    ("He works for Acme Inc. in Ohio.", ["He works for Acme Inc. in Ohio."]),
    ("See Fig. 3 and No. 7 for details.", ["See Fig. 3 and No. 7 for details."]),
    ("He met Dr. Ahmed (a surgeon). She agreed.", ["He met Dr. Ahmed (a surgeon).", "She agreed."]),
    ("'It is over,' he said. 'Go home.'", ["'It is over,' he said.", "'Go home.'"]),
    ("外交部发言人表示，双方将继续沟通。会谈在友好气氛中进行。", ["外交部发言人表示，双方将继续沟通。", "会谈在友好气氛中进行。"]),
    ("Министр заявил, что переговоры продолжатся. Встреча назначена на октябрь.",
     ["Министр заявил, что переговоры продолжатся.", "Встреча назначена на октябрь."]),
    ("", []),
    ("   \n  ", []),
]


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
