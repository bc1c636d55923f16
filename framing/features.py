"""Cue features: what a reader looks at to tell whose voice a sentence is in.

Word n-grams alone cannot see quotation marks (scikit-learn's token pattern drops them) and
cannot tell the outlet's "regime" from a quoted source's. These features can: where the quoted
runs are and how long, whether a speaker and a reporting verb sit outside them, which evaluative
words the outlet uses in its own voice, hedges, intensifiers, first person, questions, figures.
``mark_quotes`` rewrites a sentence for the n-gram vectorizers so that words inside quotes are
distinct tokens (``q_regime``) from the same words in the outlet's voice.

Everything here is stateless: the same sentence always gives the same features.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*")


def _lexicon(name: str) -> frozenset[str]:
    """A word list shipped in framing/lexicons (one lower-case word per line, # comments)."""
    from importlib import resources

    text = resources.files("framing").joinpath("lexicons", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))

# Opening and closing marks; straight quotes open or close depending on their neighbours.
_OPEN = "“«„‘"
_CLOSE = "”»“’"
_PAIR = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}

REPORTING = _lexicon("reporting")
SOURCES = frozenset(
    """
    official officials spokesperson spokesman spokeswoman source sources minister ministry government
    police prosecutors prosecutor court judge analysts analyst experts expert economists researchers
    scientists study report survey poll data statement document documents agency committee authorities
    authority critics supporters residents witnesses lawyer lawyers attorney company executive ceo
    chairman president director manager coach aide aides adviser advisers diplomats diplomat
    representatives representative campaigners activists union organisers organizers people
    """.split()
)
EVALUATIVE = _lexicon("evaluative")
LOADED_REPORTING = _lexicon("loaded_reporting")
HEDGES = _lexicon("hedges")
INTENSIFIERS = _lexicon("intensifiers")
FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today
    yesterday tomorrow week weeks month months year years morning afternoon evening night
    """.split()
)
_SPEAKER_AFTER = re.compile(
    r"[,.!?…]\s*[\"”’']\s*(?:[\w.'’-]+\s+){0,6}?(?:said|says|added|told|asked|wrote|recalled|explained|insisted|"
    r"noted|warned|argued|replied|continued|according)\b",
    re.I,
)
_SAID_AT_END = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,8}?(?:said|says|added|told\s+\S+|reported|according\s+to\s+.{1,80}?|wrote|noted|"
    r"warned|claimed|insisted|announced|estimated|stated)\s*[^\s,]*[.!?]?[\"”’]?\s*$",
    re.I,
)
_ACCORDING = re.compile(r"\baccording to\b|\bquoted (?:as|by)\b|\bin a statement\b|\btold (?:reporters|the|a|an|\w+)\b", re.I)
_NUMBER = re.compile(r"\d")
EARLY_WORDS = 6  # "Russia warns…", "Critics call…": the subject speaks in the sentence's first words
_SCARE_FRAGMENT_MAX = 3
_QUOTE_CLAUSE_MIN = 4


def quote_runs(text: str) -> tuple[list[tuple[int, int]], bool, bool]:
    """Quoted spans as (start, end) offsets; whether a quote is left open at the end; whether a
    closing mark appears with no opening one before it (the end of a quote begun earlier)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    closed_early = False
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in _PAIR and ch not in _CLOSE:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in "'’" and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: don't, Pyongyang’s
        if ch in "'’" and prev.isalnum() and not stack:
            continue  # a possessive or elision with no quote open: the Browns’ Week 11
        if stack and ch == _PAIR[stack[-1][0]] and not (ch in "\"'" and prev.isspace() and not nxt.isspace()):
            opener, start = stack.pop()
            spans.append((start + 1, i))
        elif ch in _OPEN or (ch in "\"'" and (prev.isspace() or prev in "([—–-" or i == 0)):
            stack.append((ch, i))
        elif ch in _CLOSE or ch in "\"'":
            if not spans and not stack:
                closed_early = True
    left_open = bool(stack)
    if left_open:
        spans.append((stack[0][1] + 1, n))
    return spans, left_open, closed_early


def mark_quotes(text: str) -> str:
    """The sentence with every word inside quotation marks prefixed ``q_``, for the n-grams."""
    spans, _, _ = quote_runs(text)
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(_WORD.sub(lambda m: "q_" + m.group(0), text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


CUE_NAMES = (
    "quote_run_4plus", "quote_fragment_1to3", "quote_share", "starts_with_quote", "quote_left_open",
    "quote_closes_only", "speaker_after_quote", "no_quote_marks",
    "reporting_verbs", "reporting_verb_early", "said_at_end", "according_to", "source_nouns", "reporting_and_source",
    "evaluative_words", "loaded_reporting", "verb_that", "scare_quotes", "hedges", "intensifiers", "first_person", "second_person",
    "question", "exclamation", "numbers", "time_words", "log_words", "no_final_stop", "colon_end",
)


def cue_vector(text: str) -> list[float]:
    """The cue features of one sentence, in CUE_NAMES order."""
    spans, left_open, closed_early = quote_runs(text)
    words = _WORD.findall(text)
    n_words = max(1, len(words))
    quoted_words = [len(_WORD.findall(text[a:b])) for a, b in spans]
    inside = set()
    for a, b in spans:
        inside.update(range(a, b))
    outside_words = [m.group(0).casefold() for m in _WORD.finditer(text) if m.start() not in inside]
    reporting = sum(w in REPORTING for w in outside_words)
    sources = sum(w in SOURCES for w in outside_words)
    long_run = any(q >= _QUOTE_CLAUSE_MIN for q in quoted_words)
    fragments = sum(1 for q in quoted_words if 0 < q <= _SCARE_FRAGMENT_MAX)
    stripped = text.rstrip()
    last = stripped.rstrip("\"'”’»)]")[-1:]
    return [
        float(long_run or left_open and len(words) >= _QUOTE_CLAUSE_MIN),
        float(fragments > 0),
        sum(quoted_words) / n_words,
        float(bool(stripped) and stripped[0] in _OPEN + "\"'"),
        float(left_open),
        float(closed_early),
        float(bool(_SPEAKER_AFTER.search(text))),
        float(not spans and not closed_early),
        math.log1p(reporting),
        float(any(w in REPORTING for w in outside_words[:EARLY_WORDS])),
        float(bool(_SAID_AT_END.search(text))),
        float(bool(_ACCORDING.search(text))),
        math.log1p(sources),
        float(reporting > 0 and sources > 0),
        math.log1p(sum(w in EVALUATIVE for w in outside_words)),
        float(any(w in LOADED_REPORTING for w in outside_words)),
        float(any(w in REPORTING and "that" in outside_words[k + 1 : k + 4] for k, w in enumerate(outside_words))),
        float(fragments > 0 and reporting == 0),
        math.log1p(sum(w in HEDGES for w in outside_words)),
        math.log1p(sum(w in INTENSIFIERS for w in outside_words)),
        math.log1p(sum(w in FIRST_PERSON for w in outside_words)),
        math.log1p(sum(w in SECOND_PERSON for w in outside_words)),
        float("?" in text and not long_run),
        float("!" in text and not long_run),
        math.log1p(len(_NUMBER.findall(text))) / 2,
        float(any(w in TIME_WORDS for w in outside_words)),
        math.log1p(len(words)) / 3,
        float(last not in ".!?…:"),
        float(last == ":"),
    ]


class CueFeatures(TransformerMixin, BaseEstimator):
    """Stateless transformer: a list of sentences -> a dense matrix of cue features."""

    def fit(self, X: Sequence[str], y: object = None) -> CueFeatures:
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[str]) -> np.ndarray:
        return np.array([cue_vector(t) for t in X], dtype=np.float64).reshape(len(X), len(CUE_NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"cue:{n}" for n in CUE_NAMES], dtype=object)


CONTEXT_NAMES = ("inside_open_quote", "previous_quotes", "next_quotes", "first_in_article", "previous_reports")


def context_matrix(texts: Sequence[str], doc_ids: Sequence[object] | None) -> np.ndarray:
    """Features from a sentence's neighbours in the same article (zeros when it comes alone).

    Sentences of an article must be consecutive and in order. The most important one: whether
    a quotation opened in an earlier sentence is still open, which makes this sentence part of
    a quote even when it has no quote mark of its own.
    """
    out = np.zeros((len(texts), len(CONTEXT_NAMES)))
    if doc_ids is None:
        return out
    cues = [quote_runs(t) for t in texts]
    long_quote = [any(len(_WORD.findall(t[a:b])) >= _QUOTE_CLAUSE_MIN for a, b in c[0]) for t, c in zip(texts, cues)]
    reports = [any(w.casefold() in REPORTING for w in _WORD.findall(t)) for t in texts]
    open_quote = False
    for i, text in enumerate(texts):
        first = i == 0 or doc_ids[i] != doc_ids[i - 1]
        if first:
            open_quote = False
        spans, left_open, closed_early = cues[i]
        starts_quoted = bool(text) and text[0] in _OPEN + "\"'"
        out[i] = [
            float(open_quote and not starts_quoted or closed_early),
            float(not first and long_quote[i - 1]),
            float(i + 1 < len(texts) and doc_ids[i + 1] == doc_ids[i] and long_quote[i + 1]),
            float(first),
            float(not first and reports[i - 1]),
        ]
        if left_open:
            open_quote = True
        elif closed_early or (spans and not left_open):
            open_quote = False
    return out
