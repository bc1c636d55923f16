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

# Abbreviations with full stops (U.S., F.B.I.) are one word: their "I" and "us" are not first person.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’-]*|\d[\d.,]*")
_US = re.compile(r"\bUS\b")


def _fold(text: str) -> str:
    """Case-folded for the word lists, with the capitalised country "US" kept apart from "us"."""
    return (_US.sub("U.S.", text) if "US" in text else text).casefold()


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
BOOSTERS = _lexicon("boosters")
# One side's terms ("death tax", "special military operation"): phrases, looked up by their first word.
_ONE_SIDED: dict[str, list[tuple[str, ...]]] = {}
for _term in sorted(_lexicon("one_sided")):
    _words = tuple(_term.split())
    _ONE_SIDED.setdefault(_words[0], []).append(_words[1:])
INTENSIFIERS = _lexicon("intensifiers")
FIRST_PERSON = frozenset("i me my mine we us our ours myself ourselves".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
_PERSONAL = FIRST_PERSON | SECOND_PERSON
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
# Attribution without a reporting verb: a source's stance named by a noun ("RT's defense has been
# that…", "the argument goes"), the occasion of a statement ("in an interview", "told reporters",
# "at a news conference"), and records or data as the source ("FEC records show").
_NOMINAL_ATTRIBUTION = re.compile(
    r"\b(?:defen[cs]e|argument|view|position|claim|contention|message|point|case|belief|stance|response|"
    r"explanation|complaint|concern|fear|hope|worry|assessment|conclusion|finding|theory|assertion|insistence|"
    r"pitch|promise|pledge|warning|suggestion|thinking|reasoning|logic|line|answer|excuse|rationale|premise|"
    r"thesis|hunch|calculation|bet|expectation|objection|charge|allegation|accusation)s?\s+"
    r"(?:(?:has|had|have)\s+(?:long\s+|always\s+)?been|is|was|are|were|remains|remained)\s+(?:simply\s+)?that\b"
    r"|\b(?:the\s+)?(?:argument|thinking|reasoning|logic|story|theory)\s+goes\b"
    r"|\bgoes\s+the\s+(?:argument|thinking|reasoning|logic|theory)\b"
    r"|\b(?:presents?|presented|presenting|portrays?|portrayed|casts?|casting|bills?|billed|styles?|styled|sees|saw|"
    r"describes?|described|markets?|marketed)\s+(?:itself|himself|herself|themselves|themself)\s+as\b"
    r"|\b(?:take|takes|took|taken|taking)\s+aim\s+at\b",
    re.I,
)
# A portrayal: "the West is portrayed as decadent", "in the channel's coverage, …".
_PORTRAYAL = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:portrayed|depicted|painted|cast|characteri[sz]ed|"
    r"described|presented|framed|branded|billed|dubbed|labell?ed)\s+as\b"
    r"|\bin\s+(?:[\w'’.-]+\s+){1,3}?(?:coverage|telling|account|version|portrayal|narrative)\b",
    re.I,
)
_SPEECH_OCCASION = re.compile(
    r"\b(?:in|during|on)\s+(?:a|an|his|her|their|its|the|one)\s+(?:[\w-]+\s+){0,2}?(?:statement|interview|speech|"
    r"letter|tweet|post|op-ed|memo|e-?mail|filing|press\s+release|news\s+conference|press\s+conference|briefing|"
    r"testimony|remarks|address|podcast|editorial|column|essay|report|lawsuit|complaint)s?\b"
    r"|\btold\s+(?:reporters|journalists|supporters|the\s+crowd|a\s+crowd|lawmakers|the\s+audience|an\s+audience)\b"
    r"|\bat\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?(?:rally|news\s+conference|press\s+conference|"
    r"briefing|hearing|town\s+hall|campaign\s+stop|debate)\b",
    re.I,
)
_EVIDENCE_SHOWS = re.compile(
    r"\b(?:records?|data|figures|filings?|documents?|polls?|polling|surveys?|statistics|numbers|footage|e-?mails?|"
    r"studies|study|research|analysis|report|reports|tallies|estimates?|models?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|reveal|reveals|"
    r"revealed|found|find|finds|obtained|reviewed)\b|\breportedly\b",
    re.I,
)
# Each pattern above needs one of these words: a set lookup spares the regex search (tens of
# microseconds for the long alternations) in the sentences that have none of them.
_ACCORDING_KEYS = frozenset("according quoted statement told".split())
_NOMINAL_KEYS = frozenset(
    """defense defence defenses defences argument arguments view views position positions claim claims contention
    message point case belief beliefs stance response explanation complaint concern concerns fear fears hope hopes
    worry assessment conclusion finding findings theory assertion insistence pitch promise pledge warning suggestion
    thinking reasoning logic line answer excuse rationale premise thesis hunch calculation bet expectation
    expectations objection objections charge charges allegation allegations accusation accusations goes itself
    himself herself themselves themself aim""".split()
)
_PORTRAYAL_KEYS = frozenset(
    """portrayed depicted painted cast characterized characterised described presented framed branded billed dubbed
    labeled labelled coverage telling account version portrayal narrative""".split()
)
_OCCASION_KEYS = frozenset(
    """statement statements interview interviews speech letter letters tweet tweets post posts op-ed op-eds memo memos
    email emails e-mail e-mails filing filings release releases conference conferences briefing briefings testimony
    remarks address podcast podcasts editorial editorials column columns essay essays report reports lawsuit
    lawsuits complaint complaints told rally hall stop debate hearing""".split()
)
_EVIDENCE_KEYS = frozenset(
    """show shows showed shown suggest suggests suggested indicate indicates indicated reveal reveals revealed found
    find finds obtained reviewed reportedly""".split()
)


def _matches(pattern: re.Pattern[str], keys: frozenset[str], words: set[str], text: str) -> bool:
    """``pattern`` is in ``text``; searched only when one of its ``keys`` is among the words."""
    return not keys.isdisjoint(words) and pattern.search(text) is not None


_TAIL_WORDS_MAX = 9  # "…, psychotherapist Jane Sherman says.": a short clause after the last comma
# What may follow the credit ("…, she said on Friday / in a statement / last week") and what may
# not open it or stand just before its verb (a relative clause, a noun phrase: "…, which critics
# dismissed", "…, ahead of estimates").
_CREDIT_TRAIL = frozenset("on in at to during after before last this earlier later late yesterday today tonight "
                          "via through from by when while".split())
_CREDIT_TRAIL_MAX = 5
_CLAUSE_OPENERS = frozenset("and but or nor which who whom whose that where when as while so if because though although "
                            "since whether without after before than what how why until unless once".split())
_NOT_A_SPEAKER = frozenset("the a an of its their his her our my your this that these those for with by to in on at "
                           "from no any some every each".split())
# The plainest verbs of saying and stance, a subset of the reporting words: a sure sign of a source
# wherever in the sentence they stand ("In a video on his website, Mr. Rogers said…"), unless a
# determiner makes them a noun ("the claims").
_SPEECH = frozenset("""said says say told tells added adds stated denied denies deny claimed argued argues insisted insists
warned warns acknowledged acknowledges admitted admits announced announces asserted asserts contended contends alleged alleges
testified testifies wrote writes tweeted tweets confirmed confirms disclosed discloses revealed reveals urged urges accused accuses
pledged pledges vowed vows believes believed fears feared""".split())
_NUMBER = re.compile(r"\d")
# The outlet's aside: a short last clause set off by a dash, or a closing parenthesis
# ("… – but that's all for now.", "(As if anyone asked.)").
_ASIDE = re.compile(r"(?:\s[–—]\s|\s-\s|\()([^–—()]{1,60})\)?[.!?…]?[\"'”’»)]*\s*$")
_ASIDE_WORDS_MAX = 8
EARLY_WORDS = 6  # "Russia warns…", "Critics call…": the subject speaks in the sentence's first words
_SCARE_FRAGMENT_MAX = 3
_QUOTE_CLAUSE_MIN = 4


QuoteRuns = tuple[list[tuple[int, int]], bool, bool]
_MARK = re.compile("[\"'“”«»„‘’]")


def quote_runs(text: str) -> QuoteRuns:
    """Quoted spans as (start, end) offsets; whether a quote is left open at the end; whether a
    closing mark appears with no opening one before it (the end of a quote begun earlier).

    Only the quotation-mark characters are visited (one regex scan), not every character.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    closed_early = False
    n = len(text)
    for match in _MARK.finditer(text):
        i = match.start()
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in "'’" and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: don't, Pyongyang’s
        if ch in "'’" and prev.isalnum() and not stack:
            continue  # a possessive or elision with no quote open: the Browns’ Week 11
        if stack and ch == _PAIR[stack[-1][0]] and not (ch in "\"'" and prev.isspace() and not nxt.isspace()):
            _, start = stack.pop()
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


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with its quoted spans cut out: the outlet's (or the paraphrase's) own words."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            out.append(text[last:start])
            last = end
    out.append(text[last:])
    return " ".join(out)


def mark_quotes(text: str, runs: QuoteRuns | None = None) -> str:
    """The sentence with every word inside quotation marks prefixed ``q_``, for the n-grams.

    ``runs``: the sentence's ``quote_runs``, when the caller has them already.
    """
    spans = (runs or quote_runs(text))[0]
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
    "nominal_attribution", "speech_occasion", "evidence_shows",
    "evaluative_in_frame", "second_person_in_frame", "intensifiers_in_frame", "boosters", "aside", "speech_verb",
)


# One dict lookup per word tells which word lists it is in (bit k: _LISTS[k]).
_LISTS = ("reporting", "sources", "evaluative", "loaded_reporting", "hedges", "intensifiers", "first_person",
          "second_person", "time", "boosters")
_LIST_BITS: dict[str, int] = {}
for _k, _words in enumerate((REPORTING, SOURCES, EVALUATIVE, LOADED_REPORTING, HEDGES, INTENSIFIERS, FIRST_PERSON,
                             SECOND_PERSON, TIME_WORDS, BOOSTERS)):
    for _w in _words:
        _LIST_BITS[_w] = _LIST_BITS.get(_w, 0) | (1 << _k)
_REPORTING_BIT = 1 << _LISTS.index("reporting")
_EVALUATIVE_BIT = 1 << _LISTS.index("evaluative")


def cue_vector(text: str, runs: QuoteRuns | None = None) -> list[float]:
    """The cue features of one sentence, in CUE_NAMES order (``runs``: its ``quote_runs``, if known)."""
    spans, left_open, closed_early = runs or quote_runs(text)
    if spans:
        quoted_words = [len(_WORD.findall(text[a:b])) for a, b in spans]
        outside_words = _WORD.findall(_fold(_outside(text, spans)))
        all_words = set(_WORD.findall(_fold(text)))
        n_all = len(_WORD.findall(text))
    else:
        quoted_words = []
        outside_words = _WORD.findall(_fold(text))
        n_all = len(outside_words)
        all_words = set(outside_words)
    n_words = max(1, n_all)
    counts = [0] * len(_LISTS)
    reporting_at: list[int] = []
    evaluative_at: list[int] = []
    get = _LIST_BITS.get
    for k, w in enumerate(outside_words):
        bits = get(w)
        if bits:
            if bits & _REPORTING_BIT:
                reporting_at.append(k)
            if bits & _EVALUATIVE_BIT:
                evaluative_at.append(k)
            for j in range(len(_LISTS)):
                if bits >> j & 1:
                    counts[j] += 1
    reporting, sources, evaluative, loaded, hedges, intensifiers, first, second, time_words, boosters = counts
    terms_at = _one_sided_terms(outside_words)
    evaluative += len(terms_at)
    evaluative_at += terms_at
    long_run = any(q >= _QUOTE_CLAUSE_MIN for q in quoted_words)
    fragments = sum(1 for q in quoted_words if 0 < q <= _SCARE_FRAGMENT_MAX)
    stripped = text.rstrip()
    last = stripped.rstrip("\"'”’»)]")[-1:]
    comma = text.rfind(",")
    tail = _WORD.findall(_fold(text[comma + 1 :])) if comma >= 0 else []
    said_at_end = bool(_SAID_AT_END.search(text)) or _credit_clause(tail)
    according = _matches(_ACCORDING, _ACCORDING_KEYS, all_words, text)
    nominal = _matches(_NOMINAL_ATTRIBUTION, _NOMINAL_KEYS, all_words, text) or _matches(
        _PORTRAYAL, _PORTRAYAL_KEYS, all_words, text
    )
    occasion = _matches(_SPEECH_OCCASION, _OCCASION_KEYS, all_words, text)
    evidence = _matches(_EVIDENCE_SHOWS, _EVIDENCE_KEYS, all_words, text)
    early = bool(reporting_at) and reporting_at[0] < EARLY_WORDS
    # a source speaks; not the reader or the writer ("If you want to know…", "It tells you…", "I think…")
    own_voice = early and not _PERSONAL.isdisjoint(outside_words[: reporting_at[0] + 2])
    credited = said_at_end or according or nominal or occasion or evidence
    frame = float(early and not own_voice or credited)
    # evaluative words of the source's content: after the verb of an early frame ("She called him a
    # misogynist"), or anywhere when the sentence is credited as a whole; not the outlet's own
    # words before the verb ("X falsely claimed")
    if credited:
        in_content = evaluative
    elif frame:
        after = reporting_at[0] + 1
        in_content = sum(1 for k in evaluative_at if k >= after)
    else:
        in_content = 0
    return [
        float(long_run or left_open and n_all >= _QUOTE_CLAUSE_MIN),
        float(fragments > 0),
        sum(quoted_words) / n_words,
        float(bool(stripped) and stripped[0] in _OPEN + "\"'"),
        float(left_open),
        float(closed_early),
        float(bool(_SPEAKER_AFTER.search(text))),
        float(not spans and not closed_early),
        math.log1p(reporting),
        float(early),
        float(said_at_end),
        float(according),
        math.log1p(sources),
        float(reporting > 0 and sources > 0),
        math.log1p(evaluative),
        float(loaded > 0),
        float(any("that" in outside_words[k + 1 : k + 4] for k in reporting_at)),
        float(fragments > 0 and reporting == 0),
        math.log1p(hedges),
        math.log1p(intensifiers),
        math.log1p(first),
        math.log1p(second),
        float("?" in text and not long_run),
        float("!" in text and not long_run),
        math.log1p(len(_NUMBER.findall(text))) / 2,
        float(time_words > 0),
        math.log1p(n_all) / 3,
        float(last not in ".!?…:"),
        float(last == ":"),
        float(nominal),
        float(occasion),
        float(evidence),
        math.log1p(in_content),
        frame * math.log1p(second),
        frame * math.log1p(intensifiers),
        math.log1p(boosters),
        float(_is_aside(text)),
        float(any(outside_words[k] in _SPEECH and (k == 0 or outside_words[k - 1] not in _NOT_A_SPEAKER)
                  for k in reporting_at)),
    ]


def _credit_clause(tail: list[str]) -> bool:
    """The last clause credits the sentence to a speaker: "…, psychotherapist Jane Sherman says",
    "…, she told reporters on Friday". Not a clause that merely holds a reporting word ("…, and
    its authors know it", "…, slightly ahead of estimates", "…, a tactic known as…")."""
    if not 0 < len(tail) <= _TAIL_WORDS_MAX:
        return False
    if tail[0] in REPORTING and len(tail) > 1:
        return True  # "…, adds psychologist Mary Alvord", "…, telling the broadcaster to leave"
    k = next((i for i in range(len(tail) - 1, -1, -1) if tail[i] in REPORTING), -1)
    if k < 1 or tail[k].endswith("ing") or tail[0] in _CLAUSE_OPENERS or tail[k - 1] in _NOT_A_SPEAKER:
        return False
    after = tail[k + 1 :]
    return len(after) <= _CREDIT_TRAIL_MAX and (not after or after[0] in _CREDIT_TRAIL or tail[k] in ("told", "tells"))


def _one_sided_terms(words: list[str]) -> list[int]:
    """Where one side's terms start among the words."""
    found = []
    for k, w in enumerate(words):
        for rest in _ONE_SIDED.get(w, ()):
            if tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
                found.append(k)
                break
    return found


def _is_aside(text: str) -> bool:
    match = _ASIDE.search(text) if ("–" in text or "—" in text or " - " in text or "(" in text) else None
    if not match or not 0 < len(_WORD.findall(match.group(1))) <= _ASIDE_WORDS_MAX:
        return False
    # "the minister — a former general — on Friday": the second dash of a pair closes an insert
    before = text[: match.start()]
    return match.group(0).lstrip().startswith("(") or (before.count("–") + before.count("—") + before.count(" - ")) % 2 == 0


class CueFeatures(TransformerMixin, BaseEstimator):
    """Stateless transformer: a list of sentences -> a dense matrix of cue features."""

    def fit(self, X: Sequence[str], y: object = None) -> CueFeatures:
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[str], runs: Sequence[QuoteRuns] | None = None) -> np.ndarray:
        """``runs``: the sentences' ``quote_runs``, when the caller has computed them already."""
        rows = [cue_vector(t) for t in X] if runs is None else [cue_vector(t, r) for t, r in zip(X, runs)]
        return np.array(rows, dtype=np.float64).reshape(len(X), len(CUE_NAMES))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"cue:{n}" for n in CUE_NAMES], dtype=object)


CONTEXT_NAMES = ("inside_open_quote", "previous_quotes", "next_quotes", "first_in_article", "previous_reports")


def context_matrix(
    texts: Sequence[str], doc_ids: Sequence[object] | None, runs: Sequence[QuoteRuns] | None = None
) -> np.ndarray:
    """Features from a sentence's neighbours in the same article (zeros when it comes alone).

    Sentences of an article must be consecutive and in order; a document of one sentence gets
    zeros, as a sentence alone does. The most important one: whether
    a quotation opened in an earlier sentence is still open, which makes this sentence part of
    a quote even when it has no quote mark of its own. ``runs``: the texts' ``quote_runs``, if known.
    """
    out = np.zeros((len(texts), len(CONTEXT_NAMES)))
    if doc_ids is None:
        return out
    cues = list(runs) if runs is not None else [quote_runs(t) for t in texts]
    long_quote = [any(len(_WORD.findall(t[a:b])) >= _QUOTE_CLAUSE_MIN for a, b in c[0]) for t, c in zip(texts, cues)]
    reports = [any(w.casefold() in REPORTING for w in _WORD.findall(t)) for t in texts]
    open_quote = False
    for i, text in enumerate(texts):
        first = i == 0 or doc_ids[i] != doc_ids[i - 1]
        if first and (i + 1 == len(texts) or doc_ids[i + 1] != doc_ids[i]):
            continue  # a document of one sentence has no neighbours: the sentence comes alone
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
