"""Text to sentences, with offsets, never changing a character.

A boundary is a sentence-final mark (. ! ? … and their CJK/Arabic/Devanagari forms), any closing
quotes or brackets after it, whitespace, and then something that can open a sentence. The rules
below say when such a place is *not* a boundary in news prose: abbreviations and titles
(Mr., Gen., Jul.), initials (J. K. Rowling), list numbers at the start ("1. North Korea's…"),
decimals, and abbreviations like "U.S." followed by a word that rarely opens a sentence. Line
breaks always end a sentence, so headings without a full stop stand alone.
"""

from __future__ import annotations

import re

from .types import Sentence

# Words that end in a full stop without ending the sentence. Lower-cased, without the stop.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres
    supt insp det atty
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn ave blvd rd hwy no nos vol vols fig figs pp p ch art sec
    vs v etc al approx est min max tel ext ca cf ibid op
    """.split()
)
# Multi-part abbreviations ("U.S.", "a.m.", "e.g."): one letter or two, each with its stop.
_DOTTED = re.compile(r"(?:\b[A-Za-z]{1,2}\.){2,}$")
# After a dotted abbreviation, these words open a new sentence; other words continue it.
SENTENCE_STARTERS = frozenset(
    """
    The A An This That These Those It He She They We I You His Her Their Its Our But And Or So Yet
    In On At As For After Before When While If Although Though However Meanwhile Still Now Then
    There Here What Who Why How Some Many Most Several Both All No One Officials Police
    """.split()
)

_BOUNDARY = re.compile(r"([.!?…]+|[。！？؟।]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[^\W_a-z])|([。！？؟।])(?=\S)")
_NEWLINE = re.compile(r"\s*\n\s*")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LIST_NUMBER = re.compile(r"^\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each one."""
    sentences: list[Sentence] = []
    for start, end in _lines(text):
        cut = start
        for match in _BOUNDARY.finditer(text, start, end):
            if match.group(4):  # CJK and similar stops need no space after them
                boundary = match.end(4)
            elif _is_boundary(text, cut, match):
                boundary = match.end(2)
            else:
                continue
            _add(sentences, text, cut, boundary)
            cut = boundary
        _add(sentences, text, cut, end)
    return sentences


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _NEWLINE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(text[start:end], start, end))


def _is_boundary(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    mark, closers = match.group(1), match.group(2)
    if mark != "." or closers:
        return True  # ! ? … end a sentence; so does a stop inside a closing quote
    before = _TOKEN_BEFORE.search(text, sentence_start, match.start())
    token = before.group(1) if before else ""
    word = token.lstrip("(\"'“‘«[").casefold()
    if word in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. K. Rowling", "Harry S. Truman"
    if before is not None and before.start() == sentence_start and _LIST_NUMBER.match(token):
        return False  # "1. North Korea's support…"
    if _DOTTED.search(token + "."):
        following = text[match.end() :].split(None, 1)
        return bool(following) and following[0].strip("\"'“‘«(") in SENTENCE_STARTERS
    return True
