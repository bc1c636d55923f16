"""Cue and context features: quotation marks, speakers, reporting verbs, neighbours."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.features import CONTEXT_NAMES, CUE_NAMES, CueFeatures, context_matrix, cue_vector, mark_quotes, quote_runs


def cue(text: str, name: str) -> float:
    return cue_vector(text)[CUE_NAMES.index(name)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He called it a "sincere show of solidarity."', ["sincere show of solidarity."]),
        ("“We will not back down,” she said.", ["We will not back down,"]),
        ("Officials called the vote ‘neither free nor fair’.", ["neither free nor fair"]),
        ("Pyongyang’s contributions and the Browns’ defence don't count.", []),
        ("«Nous resterons», a-t-il dit.", ["Nous resterons"]),
    ],
)
def test_quote_runs(text, quoted):
    spans, _, _ = quote_runs(text)
    assert [text[a:b] for a, b in spans] == quoted


def test_quote_left_open_and_closed_early():
    assert quote_runs("“We were told to wait.")[1] is True
    assert quote_runs("Nobody came,” she said.")[2] is True


def test_mark_quotes_separates_the_sources_words():
    assert mark_quotes('The regime called it "a regime of lies".') == 'The regime called it "q_a q_regime q_of q_lies".'


def test_cues_read_like_a_reader():
    assert cue('"The choice is clear and final," TASS quoted her as saying.', "quote_run_4plus") == 1
    assert cue('Choe described ties as "unbreakable".', "quote_fragment_1to3") == 1
    assert cue('Choe described ties as "unbreakable".', "quote_run_4plus") == 0
    assert cue("He also pledged more flights, TASS reported.", "said_at_end") == 1
    assert cue("The meeting ended early, according to TASS.", "according_to") == 1
    assert cue("The regime's brutal crackdown was a disaster.", "evaluative_words") > 0
    assert cue("Is this really the best they can do?", "question") == 1
    assert cue("Key takeaways from the visit", "no_final_stop") == 1


def test_cue_transformer_shape_and_names():
    features = CueFeatures().fit(["a"])
    matrix = features.transform(["One sentence.", '"Another one here now," he said.'])
    assert matrix.shape == (2, len(CUE_NAMES))
    assert list(features.get_feature_names_out()) == [f"cue:{n}" for n in CUE_NAMES]


def test_context_sees_a_quotation_running_over_sentences():
    texts = ["“We were told to wait.", "Nobody came.", "By morning the water was at the windows,” she said.", "The river fell."]
    matrix = context_matrix(texts, ["d"] * 4)
    inside = [row[CONTEXT_NAMES.index("inside_open_quote")] for row in matrix]
    assert inside == [0, 1, 1, 0]
    assert context_matrix(texts, None).sum() == 0  # alone: no context at all


def test_context_restarts_at_each_document():
    texts = ["“We were told to wait.", "Nobody came.", "The river fell."]
    matrix = context_matrix(texts, ["a", "b", "b"])
    assert matrix[1][CONTEXT_NAMES.index("inside_open_quote")] == 0
    assert matrix[1][CONTEXT_NAMES.index("first_in_article")] == 1


def test_a_document_of_one_sentence_has_no_context():
    # one sentence per document, as most annotated data comes: labelled as a sentence alone
    texts = ["“We were told to wait.", "Nobody came.", "The river fell."]
    assert context_matrix(texts, ["a", "b", "c"]).sum() == 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_cues_are_finite_for_any_text(text):
    values = cue_vector(text)
    assert len(values) == len(CUE_NAMES)
    assert all(math.isfinite(v) for v in values)
    assert mark_quotes(text).replace("q_", "") == text.replace("q_", "") or "q_" in mark_quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company's defence has been that drivers choose their own hours.",
        "Her argument is that the minister never saw the file.",
        "The channel presents itself as an independent voice.",
        "On the channel, the West is routinely portrayed as decadent and unstable.",
        "In the broadcaster's coverage, the floods became a story of rescue.",
    ],
)
def test_attribution_without_a_reporting_verb(text):
    assert cue(text, "nominal_attribution") == 1


def test_occasions_and_records_as_sources():
    assert cue("In an interview with a local radio station, he described the plan as a threat.", "speech_occasion") == 1
    assert cue("The mayor told reporters the footage would be released.", "speech_occasion") == 1
    assert cue("The payments totalled $4 million, court filings show.", "evidence_shows") == 1
    assert cue("The payments totalled $4 million over three years.", "evidence_shows") == 0
    assert cue("Turn off your phone an hour before bed, sleep researcher Dana Whitcombe advises.", "said_at_end") == 1


@pytest.mark.parametrize(
    "text, credited",
    [
        ("Decide what you can do to make a difference, Wright says.", 1),
        ("This can make people feel empowered, adds psychologist Mary Alvord.", 1),
        ("The plant will close, the company told reporters on Friday.", 1),
        ("The network released a letter, telling the broadcaster to take its business elsewhere.", 1),
        ("It is a cynical piece of legislation, and its authors know it.", 0),
        ("Revenue rose 21% to $2.04 billion, slightly ahead of estimates.", 0),
        ("Many gangs copy data before encrypting it, a tactic known as double extortion.", 0),
        ("The complaint was filed in 2022, which the commission dismissed on a 3-3 vote.", 0),
        ("On the balance of play, Bohemians will feel they have thrown away two points.", 0),
    ],
)
def test_a_credit_at_the_end_is_a_speaker_and_its_verb(text, credited):
    assert cue(text, "said_at_end") == credited


def test_a_plain_verb_of_saying_anywhere_names_a_source():
    assert cue("In a video on YouTube and on his website, Mr. Rogers said his firm played by the rules.", "speech_verb") == 1
    assert cue("The insurer paid out on most of the denied claims last year.", "speech_verb") == 0  # a determiner: an adjective
    assert cue('"We said no," she recalled.', "speech_verb") == 0  # inside the quote: the speaker's words


def test_one_side_s_terms_count_as_judging_words():
    loaded = cue("Russian troops pressed on with the special military operation near Kharkiv.", "evaluative_words")
    plain = cue("Russian troops pressed on with the war near Kharkiv.", "evaluative_words")
    assert loaded > plain == 0
    assert cue('Critics called it a "special military operation" near Kharkiv.', "evaluative_words") == 0  # quoted


def test_the_reader_or_writer_as_subject_is_no_source_frame():
    # "tells you", "you would think": the reporting verb is the outlet's address to the reader
    assert cue("The list tells you everything about whose votes the law protects.", "second_person_in_frame") == 0
    assert cue("I think this is a shameful bill.", "evaluative_in_frame") == 0
    assert cue("Critics think this is a shameful bill.", "evaluative_in_frame") > 0


def test_abbreviations_are_not_first_person():
    assert cue("The F.B.I. and the US Treasury opened an inquiry into U.S. banks.", "first_person") == 0
    assert cue("We will not let the US down, and neither will I.", "first_person") > 0


def test_quote_runs_computed_once_give_the_same_features():
    texts = ["“We were told to wait.", 'He called it a "sincere show of solidarity."', "The river fell."]
    runs = [quote_runs(t) for t in texts]
    assert (CueFeatures().fit(texts).transform(texts, runs) == CueFeatures().fit(texts).transform(texts)).all()
    assert [mark_quotes(t, r) for t, r in zip(texts, runs)] == [mark_quotes(t) for t in texts]
    assert (context_matrix(texts, ["d"] * 3, runs) == context_matrix(texts, ["d"] * 3)).all()


def test_evaluative_words_in_a_source_s_mouth_are_counted_apart():
    framed = "Aerobic exercise is a wonderful way to relax, she says."
    own = "Aerobic exercise is a wonderful way to relax."
    late = "Aerobic exercise is a wonderful way to relax and to stress less."  # "stress": no frame
    assert cue(framed, "evaluative_in_frame") > 0
    assert cue(own, "evaluative_in_frame") == 0
    assert cue(own, "evaluative_words") > 0
    assert cue(late, "evaluative_in_frame") == 0


def test_only_the_words_after_the_reporting_verb_are_the_source_s():
    # "misogynist" is what she called him; "falsely" and "disgraced" are the outlet's words
    assert cue("She called him a misogynist.", "evaluative_in_frame") > 0
    assert cue("Critics call it a special military operation.", "evaluative_in_frame") > 0
    assert cue("The minister falsely claimed the figures were up.", "evaluative_in_frame") == 0
    assert cue("The disgraced minister said the figures were up.", "evaluative_in_frame") == 0
    assert cue("The disgraced minister said the figures were up.", "evaluative_words") > 0


def test_boosters_are_not_hedges():
    certain = "Future meetings are certain to occur."
    hedged = "Future meetings may occur."
    assert cue(certain, "boosters") > 0 and cue(certain, "hedges") == 0
    assert cue(hedged, "hedges") > 0 and cue(hedged, "boosters") == 0


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("The two sides noted the offer of talks – but that's all for now.", True),
        ("The board approved the budget (as if anyone expected otherwise).", True),
        ("He met the minister — a former general — on Friday.", False),  # a closed insert
        ("The talks (held in Geneva) ended on Monday.", False),  # not at the end
        ("The ministry said the offer stood – a position it has held since 2019 and repeated on Monday.", False),  # too long
    ],
)
def test_the_outlet_s_aside(text, aside):
    assert cue(text, "aside") == float(aside)
