"""The metadata a page carries besides its body: title, time, outlet, credit, url, summary, tags.

In a text dump the meta values have lost their names, so each field is found by its shape and
its place: the title is the headline the page repeats (and its <title> line contains), the
publication time is the most precise timestamp before the body ends, the credit is the agency
sign-off after the body or the byline before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .chrome import WORD, count_words, ends_sentence
from .html import HtmlMeta
from .types import Article, Block

_SCRAPER_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—:]|::|/)\s+|[：_|]")
_URL = re.compile(r"^https?://(?:www\.)?([^/\s?#]+)\S*$", re.I)
_ASSET = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|mp4|mp3|pdf)(?:[?#]|$)", re.I)
_SIGNOFF = re.compile(r"^(?:\(?(?:reporting|writing|editing|additional reporting) by\b.*|[—–-]\s*[A-Z][\w ./&-]{1,40})$", re.I)
_BYLINE = re.compile(r"^(?:by|written by|von|par|por|di)[:\s]+(.+)$", re.I)
_BYLINE_TAIL = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")  # "Name | Staff writer", "Name · 6 August"
DESCRIPTION_OVERLAP = 0.5  # share of a description's words that the body also uses

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_MON}\s*,?\s*(\d{{4}})", re.I)
_MDY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_CJK = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?(?![\w])", re.I)
_ZONE = re.compile(r"\b(UTC|GMT|Z|[ECMP][SD]?T|BST|CES?T|KST|JST|MSK|IST|HKT|SGT|AES?T)\b|([+-]\d{2}:?\d{2})\b")
# Abbreviations stand for a zone; where the region observes summer time, its rules decide.
_ZONES = {
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC", "ET": "America/New_York", "EST": "-05:00", "EDT": "-04:00",
    "CT": "America/Chicago", "CST": "-06:00", "CDT": "-05:00", "MT": "America/Denver", "MST": "-07:00",
    "MDT": "-06:00", "PT": "America/Los_Angeles", "PST": "-08:00", "PDT": "-07:00", "BST": "+01:00",
    "CET": "+01:00", "CEST": "+02:00", "KST": "+09:00", "JST": "+09:00", "MSK": "+03:00",
    "IST": "+05:30", "HKT": "+08:00", "SGT": "+08:00", "AEST": "+10:00", "AET": "Australia/Sydney",
}


def build(
    lines: Sequence[str],
    blocks: tuple[Block, ...],
    body: tuple[str, ...],
    body_start: int,
    declared: HtmlMeta | None = None,
) -> Article:
    """Assemble the Article: find each metadata field and name the blocks it came from.

    An HTML page names its own metadata (JSON-LD, meta tags, ``declared``): that beats what the
    text suggests, and the text is searched only for the fields the page leaves out.
    """
    meta = declared or HtmlMeta()
    body_end = max((i + 1 for i, b in enumerate(blocks) if b.decision == "body"), default=len(lines))
    head = range(0, min(body_start, len(lines)) if body else len(lines))
    title, title_lines = _declared_title(meta, blocks) if declared else _title(lines, blocks, head)
    description = meta.description or _description(lines, blocks, head, body, title)
    credit, credit_line = _credit(lines, blocks, body_start, body_end, bool(body), meta.author)
    relabel = {i: "title" for i in title_lines}
    if credit_line is not None:
        relabel[credit_line] = "credit"
    if description:
        relabel.update({i: "description" for i in head if lines[i] == description})
    blocks = tuple(
        replace(b, reason=relabel[i]) if i in relabel and b.decision == "chrome" else b
        for i, b in enumerate(blocks)
    )
    url = meta.url or next((t for t in lines if _URL.match(t) and not _ASSET.search(t)), None)
    stamp = parse_datetime(meta.published) if meta.published else None
    modified = parse_datetime(meta.modified) if meta.modified else None
    return Article(
        title=title,
        published=stamp[0] if stamp else _published(lines[: body_end if body else len(lines)]),
        modified=modified[0] if modified else None,
        outlet=meta.outlet or _outlet(lines, blocks, head, title, url, (meta.page_title or "") if declared else None),
        credit=credit,
        url=url,
        description=description,
        keywords=meta.keywords or _keywords(lines, blocks, head),
        body=body,
        blocks=blocks,
    )


def _declared_title(meta: HtmlMeta, blocks: tuple[Block, ...]) -> tuple[str | None, list[int]]:
    """The headline an HTML page declares (JSON-LD, OpenGraph), else its <h1>, else its <title>
    without the site name: the <title> is written for browser tabs, the <h1> for readers."""
    if meta.title:
        title = meta.title
        if meta.outlet and title.casefold().endswith(meta.outlet.casefold()):
            title = _strip_site(title)
        return title, []
    headline = next((b.text for b in blocks if b.reason == "title"), None)
    if headline:
        return headline, []
    return (_strip_site(meta.page_title), []) if meta.page_title else (None, [])


def _title(lines: Sequence[str], blocks: tuple[Block, ...], head: range) -> tuple[str | None, list[int]]:
    """The headline: the line the page repeats and its <title> line carries with a site suffix."""
    texts = [_SCRAPER_HEADER.sub("", t).strip() for t in lines]
    candidates = Counter(
        texts[i] for i in head
        if blocks[i].decision == "chrome" and blocks[i].reason not in _NOT_TITLES
        and TITLE_MIN_WORDS <= count_words(texts[i]) <= TITLE_MAX_WORDS
    )
    suffixed_titles = _suffixed_prefixes(texts[i] for i in head)
    best, best_score = None, 0.0
    for text, n in candidates.items():
        suffixed = text in suffixed_titles
        if text.endswith(".") and not suffixed:
            continue  # a repeated sentence is a description, unless the <title> line carries it
        score = n + (3.0 if suffixed else 0.0)
        if score > best_score:
            best, best_score = text, score
    if best is None or best_score < 2.0:
        # no headline repeated: the page's first line is its <title>, perhaps with a site suffix
        best = next((_strip_site(texts[i]) for i in head if texts[i] and blocks[i].reason not in _NOT_FIRST), None)
    if not best:
        return None, []
    return best, [i for i in head if texts[i] == best or (texts[i].startswith(best) and _strip_site(texts[i]) == best)]


_NOT_FIRST = ("url", "metadata", "contact", "no text", "date", "blank")
_NOT_TITLES = (*_NOT_FIRST, "keyword list", "copyright", "credit", "caption", "boilerplate phrase", "related link", "comment")
TITLE_MIN_WORDS = 4  # shorter repeated lines are site and publisher names
TITLE_MAX_WORDS = 30
_SUFFIX_AT = re.compile(r"\s*(?:[-|–—:：_/·•»]|::)\s*(?=\S)")
TITLE_LINE_MAX_CHARS = 400
TITLE_MAX_SEPARATORS = 3


def _suffixed_prefixes(texts: Iterable[str]) -> set[str]:
    """Every "<text>" for which the page has a line "<text> - Site Name" (its <title>)."""
    found = set()
    for t in texts:
        if len(t) <= TITLE_LINE_MAX_CHARS:
            for match in list(_SUFFIX_AT.finditer(t))[-TITLE_MAX_SEPARATORS:]:
                found.add(t[: match.start()].rstrip())
    return found


def _strip_site(text: str) -> str:
    """ "Headline - Site" -> "Headline": drop the last separated part when it is short."""
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) > 1 and count_words(parts[-1]) <= 6 and count_words(text) - count_words(parts[-1]) >= 2:
        return text[: text.rfind(parts[-1])].rstrip(" -|–—:：_/·•»").strip()
    return text


def _description(
    lines: Sequence[str], blocks: tuple[Block, ...], head: range, body: tuple[str, ...], title: str | None
) -> str | None:
    """The first pre-body sentence that is about the article (a meta description or standfirst).

    "About the article" means most of its words occur in the body: a site's own tagline, which
    also sits among the meta values, does not.
    """
    vocabulary = {w.casefold() for p in body for w in WORD.findall(p)}
    first = next((i for i, t in enumerate(lines) if t), -1)
    for i in head:
        text = lines[i]
        if i == first or text == title or count_words(text) < 8 or not ends_sentence(text):
            continue
        if blocks[i].reason in ("url", "keyword list", "metadata", "caption", "credit", "boilerplate phrase"):
            continue
        words = [w.casefold() for w in WORD.findall(text)]
        if vocabulary and sum(w in vocabulary for w in words) / len(words) >= DESCRIPTION_OVERLAP:
            return text
    return None


def _credit(
    lines: Sequence[str], blocks: tuple[Block, ...], start: int, end: int, has_body: bool, author: str | None
) -> tuple[str | None, int | None]:
    """An agency sign-off after the body, else the author the page declares, else its byline."""
    if not has_body:
        return None, None
    after = [i for i in range(end, min(end + 8, len(lines))) if lines[i]][:3]
    for i in after:
        text = lines[i]
        letters = re.sub(r"[\W\d_]", "", text)
        if (count_words(text) <= 4 and letters.isupper()) or _SIGNOFF.match(text):
            return text, i
    if author:
        return author, None
    for i in range(start - 1, max(start - 16, -1), -1):
        match = _BYLINE.match(lines[i])
        if match and count_words(lines[i]) <= 12:
            return _BYLINE_TAIL.split(match.group(1))[0].strip(), i
    for i in range(start - 1, max(start - 16, -1), -1):
        if blocks[i].reason in ("credit", "caption") and lines[i].startswith("©"):
            return lines[i].split("/ Go to")[0].strip(), i
    return None, None


def _outlet(
    lines: Sequence[str], blocks: tuple[Block, ...], head: range, title: str | None, url: str | None,
    page_title: str | None = None,
) -> str | None:
    """The site suffix of the <title> (a dump's first line), else a short name the page repeats,
    else the URL's host. In HTML the <title> is known, and repeated menu items are not a name."""
    html = page_title is not None
    first = page_title if html else next((t for t in lines if t), "")
    parts = _TITLE_SEPARATORS.split(_SCRAPER_HEADER.sub("", first or "").strip())
    if len(parts) > 1:
        suffix = parts[-1].strip()
        if suffix != title and 0 < count_words(suffix) <= 5:
            return suffix
    counts = Counter() if html else Counter(
        lines[i] for i in head
        if 1 <= count_words(lines[i]) <= 4 and blocks[i].reason in ("navigation", "metadata", "body")
        and any(c.isupper() for c in lines[i]) and not any(c.isdigit() for c in lines[i])
    )
    common = [t for t, n in counts.most_common(1) if n >= 3]
    if common:
        return common[0]
    match = _URL.match(url or "")
    return match.group(1).lower() if match else None


def _keywords(lines: Sequence[str], blocks: tuple[Block, ...], head: range) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for i in head:
        if blocks[i].reason == "keyword list":
            for item in re.split(r"[,;|،、]", lines[i]):
                if item.strip():
                    found.setdefault(item.strip(), None)
    return tuple(found)


def parse_datetime(text: str) -> tuple[datetime, int] | None:
    """The first date in ``text`` with its precision: 3 time and zone, 2 time, 1 date only."""
    date, rest = _find_date(text)
    if date is None:
        return None
    time = _TIME.search(rest)
    if time is None:
        return date, 1
    hour, minute, second = int(time.group(1)), int(time.group(2)), int(time.group(3) or 0)
    if time.group(4):
        hour = hour % 12 + (12 if time.group(4).lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return date, 1
    stamp = date.replace(hour=hour, minute=minute, second=second)
    zone = _ZONE.search(rest)
    tz = _tz(zone.group(1) or zone.group(2), stamp) if zone else None
    return (stamp.replace(tzinfo=tz), 3) if tz else (stamp, 2)


def _find_date(text: str) -> tuple[datetime | None, str]:
    iso = _ISO.search(text)
    if iso:
        y, mo, d = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        time_part = f"{iso.group(4)}:{iso.group(5)}:{iso.group(6) or '00'} {iso.group(7) or ''}" if iso.group(4) else ""
        return _safe_date(y, mo, d), time_part + " " + text[: iso.start()] + text[iso.end():]
    for pattern, order in ((_DMY, "dmy"), (_MDY, "mdy"), (_DOTTED, "dotted"), (_CJK, "cjk")):
        match = pattern.search(text)
        if not match:
            continue
        g = match.groups()
        if order == "dmy":
            y, mo, d = int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0])
        elif order == "mdy":
            y, mo, d = int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1])
        elif order == "dotted":
            y, mo, d = int(g[2]), int(g[1]), int(g[0])
        else:
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        return _safe_date(y, mo, d), text[: match.start()] + " " + text[match.end():]
    return None, text


def _safe_date(y: int, mo: int, d: int) -> datetime | None:
    try:
        return datetime(y, mo, d)
    except ValueError:
        return None


def _tz(name: str, stamp: datetime) -> timezone | ZoneInfo | None:
    spec = _ZONES.get(name.upper(), name)
    if spec == "UTC":
        return timezone.utc
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", spec)
    if offset:
        sign = 1 if offset.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))))
    try:
        return ZoneInfo(spec)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _published(lines: Sequence[str]) -> datetime | None:
    best: tuple[datetime, int] | None = None
    for text in lines:
        if not text or len(text) > 200 or not any(c.isdigit() for c in text):
            continue
        found = parse_datetime(text)
        if found and (best is None or found[1] > best[1]):
            best = found
            if best[1] == 3:
                break
    return best[0] if best else None
