"""Per-block features: what a single line of a page says about itself.

The cleaner's first pass. Each function looks at one line only; deciding what the line means
in its neighbourhood is the second pass, in ``clean.py``. Patterns are generic page furniture
(menus, meta values, credits, widgets) in the languages scrapers meet most, never the strings
of one outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Scripts written without spaces: a character carries about half a word of text.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")
WORD = re.compile(r"\w+")  # a word as the cleaner counts them: one run of \w
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END_CHARS = frozenset(".!?。！？…؟।:;")
_CLOSERS = "\"'”’»)] \t"
_PACKED_COMMA = re.compile(r",\S")

_URL = re.compile(r"^(?:https?://|www\.|//)\S*$|^\S+\.(?:jpe?g|png|gif|webp|svg|mp4|pdf|html?|php)(?:\?\S*)?$", re.I)
_KEY_VALUES = re.compile(r"^[\w-]+=[^\s,;=]*(?:[,;]\s*[\w-]+=[^\s,;=]*)*$")
# a tag as text, markup a scraper did not parse: lower-case name, attributes (not "<The Title>")
_MARKUP = re.compile(r"^<[!/]?[a-z][a-z0-9]*(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>")
_EMAIL_OR_HANDLE = re.compile(r"^(?:\S+@\S+\.\w+|@\w+)$")
_META_VALUE = re.compile(
    r"^(?:true|false|null|none|yes|no|index,?\s*follow|noarchive.*|article|website|summary\w*|"
    r"[a-z]{2}[_-][A-Za-z]{2}|[\w-]+=[\w.,-]+(?:,\s*[\w-]+=[\w.,-]+)*|[0-9a-f]{8,}|[{\[].*[}\]]|"
    r"text/html.*|width=.*|image/\w+|[\w.-]+\.(?:com|org|net|co\.\w+|\w{2})|\w+://\S+)$",
    re.I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATEISH = re.compile(
    rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|"
    rf"\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?|\b\d{{1,2}}\.\d{{2}}\s*(?:GMT|UTC|BST|CET|CEST)\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|"
    rf"\b\d{{1,2}}\s+{_MONTH}\s*,?\s*\d{{4}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
    re.I,
)
_DATE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|modified|date|on|at|am|pm|gmt|utc|[a-z]{2,4}t|et|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"today|yesterday|ago|am|um|le|el|de|du|опубликовано|обновлено|发布时间|更新)$",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|von|par|por|di|door|av|автор|текст|от)[:\s]+[^\W\d_]", re.I
)
# Credits: how the line starts (a credit word, a gallery counter, "Name / Outlet"), or how it
# ends (an agency in brackets). Two patterns, so the ending one only scans the line's tail.
_CREDIT_START = re.compile(
    r"[(\[]?\s*(?:©|\(c\)|photo\b|photos\b|photograph\b|picture\b|pictured\b|image\b|images\b|"
    r"credit\b|source:|courtesy\b|foto\b|bild\b|фото\b|фотография|फोटो|तस्वीर|صورة|图[片]?[:：]|写真|사진|"
    r"caption\b|video\b|getty)|"
    r"(?:image|photo|slide|picture)\s+\d+\s+(?:of|/)\s*\d+|\d+\s*/\s*\d+$|\d+\s+of\s+\d+$|"
    # "Jane Doe / The Courier": a photographer and an agency or paper
    r"[^\W\d][\w.'’-]*(?:\s[^\W\d][\w.'’-]*){0,3}\s?/\s?[^\W\d][\w.'’&-]*(?:\s[\w.'’&-]+){0,4}$",
    re.I,
)
_CREDIT_END = re.compile(
    r"\[[A-Z][A-Z .&/-]{1,30}\]$|\((?:AP|AFP|EPA|Reuters|Getty|Xinhua)\b[^)]*\)$|"
    r"(?:getty images|/\s*afp|/\s*reuters|/\s*ap|/\s*epa|via getty|shutterstock|istock)\W*$|\s摄$",
    re.I,
)
_CREDIT_END_HINTS = ("]", ")", "/", "getty", "stock", "摄")  # a literal piece of every _CREDIT_END ending
CREDIT_TAIL_CHARS = 120  # the longest ending a credit pattern reads: "(AP Photo/Name, File)"
# Wire sign-offs after the story: "(Reporting by ...; Editing by ...)", "— AFP", "With AP".
SIGNOFF = re.compile(
    r"^\(?\s*(?:reporting|writing|editing|additional reporting|compiled|translated) by\b|"
    r"^[—–-]\s*[A-Z][\w./&-]*(?:\s[A-Z][\w./&-]*){0,3}\s*$|^with (?:agencies|wires?|afp|ap|reuters)\W*$",
    re.I,
)
_EMAIL_INSIDE = re.compile(r"\S+@\S+\.\w{2,}")
# Links to other stories announced inside or after the body ("Read also:", "Auch interessant").
_RELATED = re.compile(
    r"^(?:read (?:also|more|next)|see also|related|more on this|also read|you may also like|recommended|"
    r"auch interessant|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|lea también|le puede interesar|"
    r"leia também|читайте также|смотрите также|اقرأ أيضا|اقرأ أيضاً|यह भी पढ़ें|ये भी पढ़ें|相关阅读|延伸阅读|関連記事|관련기사)"
    r"\b\W*",
    re.I,
)
RELATED_MAX_WORDS = 4

_COPYRIGHT = re.compile(
    r"(?:©|\(c\))\s*(?:copyright\s*)?\d{4}|\bcopyright\b|all rights reserved|todos los derechos|tous droits|"
    r"alle rechte|все права|版权所有|著作権|저작권",
    re.I,
)
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "rights", "derechos", "droits", "rechte", "права", "版权", "著作権", "저작권")
_DIGIT = re.compile(r"\d")
# Widgets and promos that read like prose: checked on lines of any length up to PROMO_MAX_WORDS.
_PROMO = re.compile(
    r"\b(?:sign up|sign in|log ?in|log out|subscribe|subscription|newsletters?|cookies?|"
    r"download (?:our|the) app|follow us|click here|read more|read next|read also|see also|"
    r"terms of (?:use|service)|privacy (?:policy|notice)|your inbox|unlimited access|already a subscriber|"
    r"continue reading|enable javascript|javascript is|advertisement|sponsored|recommended for you|"
    r"share this|share on|most (?:popular|read|viewed)|trending now|related (?:articles?|stories|news|content)|"
    r"more from|watch live|listen to|back to top|skip to|go to the|you may (?:also )?like|"
    r"подписаться|подпишитесь|читайте также|реклама|abonnieren|anmelden|werbung|suscr[ií]b\w*|"
    r"publicidad|lire aussi|abonnez|关注|订阅|広告|登録|구독|광고)\b",
    re.I,
)
# A literal piece of every _PROMO phrase: lines holding none skip the regex (most body lines)
_PROMO_HINTS = (
    "sign ", "log", "subscri", "newsletter", "cookie", "download", "follow", "click", "read ", "see also",
    "terms of", "privacy", "inbox", "unlimited", "continue", "javascript", "advertisement", "sponsored",
    "recommended", "share ", "most ", "trending", "related ", "more from", "watch live", "listen to",
    "back to", "skip to", "go to", "you may", "подпи", "читайте", "реклам", "abonn", "anmelden", "werbung",
    "suscr", "publicidad", "lire aussi", "关注", "订阅", "広告", "登録", "구독", "광고",
)
PROMO_MAX_WORDS = 40
_NOTICE_HINTS = ("cookie", "tracking", "continu", "consent", "privacy", "block", "subscri")
DATE_MAX_WORDS = 14
# Consent and paywall notices run long; their wording is distinctive enough at any length.
_NOTICE = re.compile(
    r"\b(?:we use cookies|use of cookies|tracking technologies|by continuing to (?:use|browse)|"
    r"you consent to|consent to our|privacy settings|ad blocker|disable your ad ?block|"
    r"subscribe (?:now|today) to|to continue reading|already a subscriber)\b",
    re.I,
)
_COMMENT_WORDS = (
    r"comments?|replies|responses|reactions|reader comments|discussion|conversation|"
    r"комментари\w*|kommentare?|commentaires?|comentarios?|评论|コメント|댓글|التعليقات"
)
_COMMENTS = re.compile(
    rf"^\W*(?:\d+\s+(?:{_COMMENT_WORDS})\b.*|(?:top rated |reader |show |view |see |all |load )?(?:{_COMMENT_WORDS})"
    rf"(?:\s*\(\d+\))?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|"
    rf"to participate in the discussion|.*\b\d+\s+comments\b.*)\W*$",
    re.I,
)
COMMENT_MAX_WORDS = 14
# "name says:" / "name wrote:" heads each comment in many comment systems
_COMMENTER = re.compile(r"^\S(?:.{0,40}\S)?\s+(?:says|said|wrote|writes|replied|responded):?$", re.I)
_VIA = re.compile(r"\b(?:via|courtesy(?: of)?|source)\s*:?\s+\S+(?:\s+\S+)?$", re.I)


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What one line looks like on its own."""

    words: float
    sentence_end: bool
    chrome: str | None  # a reason when the line is chrome whatever its neighbours
    comments: bool  # a line that opens a comment section
    announces_link: bool  # "Read also:" alone on its line: the next line is a link


def ends_sentence(text: str) -> bool:
    """Does the line end like a sentence (a final mark, perhaps inside closing quotes)?"""
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END_CHARS


def count_words(text: str) -> float:
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return float(len(WORD.findall(text)))
    spaced = len(WORD.findall(_UNSPACED.sub(" ", text)))
    return spaced + unspaced / 2.0


def is_date_line(text: str, words: float) -> bool:
    if words > DATE_MAX_WORDS or not _DIGIT.search(text) or not _DATEISH.search(text):  # every date has a digit
        return False
    rest = _DATEISH.sub(" ", text)
    leftover = [w for w in WORD.findall(rest) if not _DATE_WORDS.match(w) and not w.isdigit()]
    return len(leftover) <= 2


def chrome_reason(text: str, words: float, sentence_end: bool) -> str | None:
    """The reason a line is chrome on its own, or None when only context can tell.

    Most patterns only apply to short lines, so the word count is checked first: long
    paragraphs pay for one consent-notice search and nothing else.
    """
    if not text:
        return "blank"
    if not _LETTER.search(text):
        return "no text"
    if _URL.match(text):
        return "url"
    if _MARKUP.match(text):
        return "markup"
    if words > PROMO_MAX_WORDS:
        if _hinted(_NOTICE, _NOTICE_HINTS, text):
            return "boilerplate phrase"
        return "keyword list" if _is_keyword_list(text, sentence_end) else None
    if len(text) > 25 and " " not in text and not _UNSPACED.search(text):
        return "metadata"  # ids, hashes, query strings, data URIs: one long token
    # the literal test first: a search for \S+@ backtracks quadratically on a line without "@"
    if "@" in text and (_EMAIL_OR_HANDLE.match(text) or _EMAIL_INSIDE.search(text)):
        return "contact"
    if (words <= 3 and _META_VALUE.match(text)) or _KEY_VALUES.match(text):
        return "metadata"
    if is_date_line(text, words):
        return "date"
    if _hinted(_COPYRIGHT, _COPYRIGHT_HINTS, text):
        return "copyright"
    if SIGNOFF.search(text):
        return "credit"
    if _RELATED.match(text) and (words <= 12 or ":" in text[:40]):
        return "related link"
    if _CREDIT_START.match(text) or _hinted(_CREDIT_END, _CREDIT_END_HINTS, text[-CREDIT_TAIL_CHARS:]):
        return "caption" if words > 8 else "credit"
    if _COMMENTER.match(text):
        return "comment"
    if words <= 15 and not sentence_end and _VIA.search(text):
        return "caption"
    if words <= 12 and not sentence_end and _BYLINE.match(text):
        return "byline"
    if _hinted(_PROMO, _PROMO_HINTS, text) or _hinted(_NOTICE, _NOTICE_HINTS, text):
        return "boilerplate phrase"
    if _is_keyword_list(text, sentence_end):
        return "keyword list"
    return None


def _hinted(pattern: re.Pattern[str], hints: tuple[str, ...], text: str) -> bool:
    """``pattern`` is in ``text``, searched only when one of ``hints`` (a literal piece of every
    match, case-folded) is: a substring test spares the long alternations on ordinary prose."""
    folded = text.casefold()
    return any(k in folded for k in hints) and pattern.search(text) is not None


def _is_keyword_list(text: str, sentence_end: bool) -> bool:
    items = [i.strip() for i in re.split(r"[,;|،、]", text)]
    short_items = len(items) >= 3 and all(0 < len(WORD.findall(i)) <= 4 for i in items if i)
    # prose lists have spaces after commas and end like a sentence; tag lists do neither
    if short_items and (not sentence_end or len(items) >= 8 or len(_PACKED_COMMA.findall(text)) >= 2):
        return True
    if sentence_end:
        return False
    # a lone lower-case tag ("sergey lavrov", "world"): meta keywords one per line
    return len(items) == 1 and len(WORD.findall(text)) <= 4 and text == text.lower() and text != text.upper()


def features(text: str) -> LineFeatures:
    words = count_words(text)
    ends = ends_sentence(text)
    return LineFeatures(
        words=words,
        sentence_end=ends,
        chrome=chrome_reason(text, words, ends),
        comments=words <= COMMENT_MAX_WORDS and bool(_COMMENTS.match(text)),
        announces_link=words <= RELATED_MAX_WORDS and bool(_RELATED.match(text)),
    )
