"""Page to Article: separate the article body from site chrome, keep the metadata.

The algorithm, in the order ``clean`` runs it:

1. decode the page and cut it into blocks (a text dump: one block per line);
2. first pass, per block (``chrome.features``): length, sentence punctuation, case, and the
   patterns of page furniture (urls, meta values, dates, credits, widgets, copyright);
3. second pass, over the sequence: every block gets a score (prose earns its word count, every
   other block costs a constant), and the body is the contiguous run with the highest total:
   a long article outweighs the short menus, captions and teasers around it, while a heading
   or a one-line list item between paragraphs costs less than the paragraphs around it earn;
4. inside that run, blocks that are chrome on their own, captions next to a credit, and repeats
   of earlier body text are dropped; outside it, everything is chrome with the reason that fits.

Every block keeps its decision and reason, so nothing of the input is lost.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, replace

from . import html, metadata
from .chrome import WORD, LineFeatures, count_words, ends_sentence, features
from .decode import decode
from .types import Article, Block

# Named thresholds (keyword defaults of ``clean``): tuned on the evaluation pages, see docs.
LINE_COST = 5.0  # what every block costs in the body run: the price of a line break
MIN_PROSE_WORDS = 6  # a sentence-final line shorter than this counts as short text
SHORT_SENTENCE_WORDS = 3  # ...but a sentence of this many words costs only what it lacks
LONG_TEXT_WORDS = 15  # a line this long counts as prose even without final punctuation
CHROME_COST = 15.0  # a block that is chrome on its own
MIN_BODY_SCORE = 50.0  # a run this strong before a comment section is the article
MAX_GAP_LINES = 8  # this many non-text lines in a row end the article (menus, tag and link lists)

DIGEST_MIN_WORDS = 30  # shorter lines are never taken for a digest of others
DIGEST_SHARE = 0.5  # share of a digest's sampled 5-grams found in other lines
LIST_MAX_ITEMS = 200
TABLE_CELL_WORDS = 12  # longest line taken for a table cell
TABLE_MIN_CELLS = 12
TABLE_NUMBER_SHARE = 0.3  # share of bare numbers that makes a run of short lines a table
TABLE_CELL_SCORE = 0.5  # a table cell earns a little: a table is content, not furniture
# what a table cell or a list item may be on its own: text, numbers, tags, dates
_CELL_REASONS = (None, "blank", "no text", "keyword list", "date")
# an HTML table row holds all its cells: a row that is only a date is a layout table's dateline
_ROW_REASONS = (None, "no text")
CONTAINED_MAX_WORDS = 60  # longest line checked for being a repeat inside a nearby paragraph
CONTAINED_WINDOW = 12  # how many body lines before and after are compared

_NEWLINE = re.compile(r"\r\n|\r|\n")
_DUP_KEY = re.compile(r"\W+")


ARTICLE_BODY_MIN_WORDS = 50  # a JSON-LD articleBody shorter than this is a teaser, not a hint
LINK_SHARE = 0.5  # an HTML block with more of its text in links than this is a link list


@dataclass(frozen=True, slots=True)
class _Line:
    raw: str
    text: str
    f: LineFeatures
    furniture: str | None = None  # what the markup says the block is (HTML only)
    tag: str = ""  # the HTML block element ("" in a text dump)


def clean(
    page: str | bytes,
    *,
    line_cost: float = LINE_COST,
    min_prose_words: int = MIN_PROSE_WORDS,
    long_text_words: int = LONG_TEXT_WORDS,
    max_gap_lines: int = MAX_GAP_LINES,
) -> Article:
    """Clean one scraped page (a text dump or raw HTML, str or bytes) into an Article.

    Raises ``FramingError`` for binary input; empty or body-less pages give an empty body.
    """
    text = decode(page)
    markup = html.read(text) if html.looks_like_html(text) else None
    if markup is not None:
        lines = _html_lines(markup.blocks, min_prose_words, long_text_words)
    else:
        lines = [_line(raw) for raw in split_lines(text)]
    scores = [_score(line, line_cost, min_prose_words, long_text_words) for line in lines]
    if markup is not None and markup.meta.article_body:
        _follow_declared_body(lines, scores, markup.meta.article_body)
    # Text the page repeats (meta descriptions, captions and alt text, teasers, a whole-article
    # digest in one line) earns nothing on its own: the run must be carried by text seen once.
    repeats = Counter(line.text for line in lines if line.text)
    # HTML keeps meta values and scripts out of its blocks, so only dumps carry flattened digests
    digests = _digests(lines) if markup is None else set()
    # a table row of HTML is a row of a table, unless it is furniture (a layout table's menu)
    tables = _table_lines(lines) | {i for i, line in enumerate(lines) if line.tag == "tr" and line.furniture is None}
    run_scores = [
        max(s, TABLE_CELL_SCORE) if i in tables else min(s, 0.0) if repeats[line.text] > 1 or i in digests else s
        for i, (s, line) in enumerate(zip(scores, lines))
    ]
    start, end = _body_run(run_scores, [line.f.comments and not line.furniture for line in lines], max_gap_lines)
    start = _extend_over_lead(lines, scores, start)
    end = _extend_over_list(lines, start, end)
    if markup is not None:
        start, end = _extend_over_container(markup, scores, start, end)
    reasons = _decide(lines, start, end, min_prose_words, tables)
    blocks = tuple(
        Block(line.raw, "body" if reason is None else "chrome", reason or "body")
        for line, reason in zip(lines, reasons)
    )
    body = tuple(line.text for line, reason in zip(lines, reasons) if reason is None)
    return metadata.build([line.text for line in lines], blocks, body, start, markup.meta if markup else None)


def split_lines(text: str) -> list[str]:
    """Lines as a dump writer meant them: any newline convention, no phantom last line."""
    lines = _NEWLINE.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _line(raw: str) -> _Line:
    text = raw.strip()
    return _Line(raw, text, features(text))


def _follow_declared_body(lines: list[_Line], scores: list[float], declared: str) -> None:
    """JSON-LD articleBody is the publisher's own copy of the body: a block it contains earns its
    words without the line cost. A hint, not the answer: furniture stays furniture, and the run
    and the container still decide (some sites put a teaser or the whole page there)."""
    if count_words(declared) < ARTICLE_BODY_MIN_WORDS:
        return
    key = _dup_key(declared)
    for i, line in enumerate(lines):
        if line.furniture is None and line.f.chrome is None and line.f.words >= 3 and _dup_key(line.text) in key:
            scores[i] = max(scores[i], line.f.words)


def _html_lines(blocks: list[html.HtmlBlock], min_prose_words: int, long_text_words: int) -> list[_Line]:
    """HTML blocks as lines, with what the markup adds: furniture, link lists, the headline."""
    lines = []
    for b in blocks:
        furniture = b.furniture
        if furniture is None and b.tag == "h1":
            furniture = "title"  # the headline belongs to the metadata, not the body
        if furniture is None and b.link_share > LINK_SHARE:
            shape = LineFeatures(count_words(b.text), ends_sentence(b.text), None, False, False)
            if not _is_prose(shape, min_prose_words, long_text_words):
                furniture = "links"  # a sentence stays prose even when its words link elsewhere
        if furniture is not None:  # chrome whatever its text says: spare it pass 1 (a rough length will do)
            f = LineFeatures(float(len(b.text.split())), False, "furniture", False, False)
        else:
            f = features(b.text)
            if f.chrome == "keyword list":  # a dump's meta keywords; in HTML, list items and addresses
                f = replace(f, chrome=None)
        lines.append(_Line(b.text, b.text, f, furniture, b.tag))
    return lines


def _is_prose(f: LineFeatures, min_prose_words: int, long_text_words: int) -> bool:
    return (f.sentence_end and f.words >= min_prose_words) or f.words >= long_text_words


def _score(line: _Line, line_cost: float, min_prose_words: int, long_text_words: int) -> float:
    f = line.f
    if line.furniture is not None:
        return -line_cost  # like a menu line: it breaks nothing alone, but a run of them ends a body
    if f.chrome == "blank":
        return 0.0
    if f.chrome is not None:
        return -CHROME_COST
    if _is_prose(f, min_prose_words, long_text_words):
        weight = 1.0 if f.sentence_end else 0.5
        return weight * f.words - line_cost
    if f.sentence_end and f.words >= SHORT_SENTENCE_WORDS:
        return f.words - line_cost  # a one-line paragraph: costs little, as in tabloid prose
    return -line_cost


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """The half-open range in [lo, hi) with the largest positive sum (Kadane), with that sum."""
    best, best_range = 0.0, (lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, best_range = total, (start, i + 1)
    return best, *best_range


def _body_run(scores: list[float], opens_comments: list[bool], max_gap_lines: int) -> tuple[int, int]:
    """The body run. It never crosses a comment-section opener, and comments come after the
    article, so the first section holding a strong run wins over a longer comment thread.
    Within a section, a long gap of non-text lines also ends a run, and the best piece wins."""
    cuts = [i for i, opener in enumerate(opens_comments) if opener]
    best_per_section = []
    for lo, hi in zip([0, *(c + 1 for c in cuts)], [*cuts, len(scores)]):
        pieces = [_best_run(scores, a, b) for a, b in _split_at_gaps(scores, lo, hi, max_gap_lines)]
        best_per_section.append(max(pieces, default=(0.0, lo, lo)))
    strong = next((r for r in best_per_section if r[0] >= MIN_BODY_SCORE), None)
    _, start, end = strong or max(best_per_section)
    return start, end


def _split_at_gaps(scores: list[float], lo: int, hi: int, max_gap_lines: int) -> list[tuple[int, int]]:
    """Cut [lo, hi) wherever max_gap_lines lines in a row cost something (blanks cost nothing)."""
    pieces, start, gap = [], lo, 0
    for i in range(lo, hi):
        if scores[i] < 0:  # table cells score above 0: a table is not a gap
            gap += 1
            if gap == max_gap_lines:
                pieces.append((start, i + 1))
                start = i + 1
        elif scores[i] > 0:
            gap = 0
    pieces.append((start, hi))
    return pieces


def _digests(lines: list[_Line]) -> set[int]:
    """Lines whose text mostly re-appears spread over several shorter lines: a summary or a
    whole article flattened into one line (meta values, JSON-LD, noscript copies).

    Compares a hashed sample of word 5-grams, keeping at most a few lines per 5-gram, so time
    and memory stay linear in the page.
    """
    owners: dict[int, list[int]] = {}  # sampled 5-gram -> the first lines holding it
    samples: dict[int, set[int]] = {}
    for i, line in enumerate(lines):
        if line.f.words < 5:
            continue
        words = WORD.findall(line.text.casefold())
        # crc32, not hash(): Python salts hash() per process, and cleaning must not depend on it
        grams = (zlib.crc32(" ".join(words[k : k + 5]).encode("utf-8")) for k in range(len(words) - 4))
        sample = {h for h in grams if h % 4 == 0}
        if line.f.words >= DIGEST_MIN_WORDS:
            samples[i] = sample
        for h in sample:
            holders = owners.setdefault(h, [])
            if len(holders) < 3:
                holders.append(i)
    found = set()
    for i, sample in samples.items():
        if len(sample) < 8:
            continue
        sources: set[int] = set()
        shared = 0
        for h in sample:
            others = [j for j in owners[h] if j != i]
            if others:
                shared += 1
                sources.update(j for j in others if lines[j].f.words < lines[i].f.words)
        if shared >= DIGEST_SHARE * len(sample) and len(sources) >= 2:
            found.add(i)
    return found


def _table_lines(lines: list[_Line]) -> set[int]:
    """Lines of a table flattened one cell per line: a long run of short cells, many of them
    bare numbers (scores, standings, statistics). Menus have short lines but no numbers."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        f = line.f if line is not None else None
        if f is not None and f.chrome == "blank":
            continue
        if f is not None and not f.comments and f.words <= TABLE_CELL_WORDS and f.chrome in _CELL_REASONS:
            run.append(i)
            continue
        numbers = [lines[j].text for j in run if lines[j].f.chrome == "no text"]
        if len(run) >= TABLE_MIN_CELLS and len(numbers) >= TABLE_NUMBER_SHARE * len(run) and not _counting(numbers):
            found.update(range(run[0], run[-1] + 1))
        run = []
    return found


def _counting(numbers: list[str]) -> bool:
    """1, 2, 3, 4…: slide, page or rank numbers of a widget, not the figures of a table."""
    values = [int(n) for n in numbers if n.isdigit()]
    return len(values) == len(numbers) and values == list(range(values[0], values[0] + len(values)))


def _extend_over_container(markup: html.HtmlPage, scores: list[float], start: int, end: int) -> tuple[int, int]:
    """In HTML the run widens to the element that holds it: the article's own container, with
    the list, gallery or table that interrupted the run. Furniture and chrome inside stay chrome."""
    earning = [i for i in range(start, end) if scores[i] > 0]
    if not earning:
        return start, end
    container = markup.common_container(earning[0], earning[-1])
    inside = markup.inside(container)
    if inside[0] and inside[-1]:
        return start, end  # the whole page: no container to widen to
    first = next(i for i, x in enumerate(inside) if x)
    last = len(inside) - next(i for i, x in enumerate(reversed(inside)) if x)
    return min(start, first), max(end, last)


def _extend_over_list(lines: list[_Line], start: int, end: int) -> int:
    """A body that ends announcing a list ("Tour dates:") goes on over the list's items."""
    last = next((i for i in range(end - 1, start - 1, -1) if lines[i].f.chrome != "blank"), None)
    if last is None or not lines[last].text.endswith(":"):
        return end
    i = end
    while i < len(lines) and i - end < LIST_MAX_ITEMS:
        f = lines[i].f
        if f.comments or f.chrome not in _CELL_REASONS:
            break
        if f.words > LONG_TEXT_WORDS:
            break
        i += 1
    return i


def _extend_over_lead(lines: list[_Line], scores: list[float], start: int) -> int:
    """Take back a repeated lead paragraph (also used as the meta description) into the run."""
    i = start - 1
    while i >= 0 and lines[i].f.chrome == "blank":
        i -= 1
    return i if i >= 0 and scores[i] > 0 and start > 0 else start


def _decide(lines: list[_Line], start: int, end: int, min_prose_words: int, tables: set[int]) -> list[str | None]:
    """A reason per line: None for body, else why it is chrome."""
    reasons: list[str | None] = []
    seen: set[str] = set()
    keys: dict[int, str] = {}  # the duplicate key of every body line, for _drop_contained
    previous: _Line | None = None
    for i, line in enumerate(lines):
        f = line.f
        if line.furniture is not None:
            reasons.append(line.furniture)
        elif f.comments:
            reasons.append("comments")
        elif i in tables and start <= i < end and f.chrome in (_ROW_REASONS if line.tag else _CELL_REASONS):
            reasons.append(None)  # a cell of a table inside the article
            keys[i] = _dup_key(line.text)
        elif f.chrome is not None:
            reasons.append(f.chrome)
        elif not start <= i < end:
            reasons.append(_outside_reason(f, min_prose_words))
        elif previous is not None and previous.f.announces_link:
            reasons.append("related link")
        elif not line.tag and _next_is_credit(lines, i, end):  # HTML marks its captions itself
            reasons.append("caption")
        else:
            key = _dup_key(line.text)
            reasons.append("duplicate" if key in seen else None)
            seen.add(key)
            keys[i] = key
        if f.chrome != "blank":
            previous = line
    _drop_contained(lines, reasons, keys)
    return reasons


def _dup_key(text: str) -> str:
    return _DUP_KEY.sub(" ", text.casefold()).strip()


def _drop_contained(lines: list[_Line], reasons: list[str | None], keys: dict[int, str]) -> None:
    """A short body line that repeats part of a nearby paragraph is a pull quote or a repeated
    lead: keep the paragraph, drop the repeat. Only neighbours are compared, to stay linear."""
    body = [i for i, r in enumerate(reasons) if r is None]
    for n, i in enumerate(body):
        if lines[i].f.words > CONTAINED_MAX_WORDS or len(keys[i]) < 20:
            continue
        near = body[max(0, n - CONTAINED_WINDOW) : n] + body[n + 1 : n + 1 + CONTAINED_WINDOW]
        if any(keys[i] in keys[j] and len(keys[j]) > len(keys[i]) for j in near):
            reasons[i] = "duplicate"


def _outside_reason(f: LineFeatures, min_prose_words: int) -> str:
    if f.words >= min_prose_words and f.sentence_end:
        return "outside body"
    return "navigation"


def _next_is_credit(lines: list[_Line], i: int, end: int) -> bool:
    """A text line directly above a photo credit is that photo's caption."""
    for j in range(i + 1, min(end + 1, len(lines))):
        reason = lines[j].f.chrome
        if reason == "blank":
            continue
        return reason in ("credit", "caption")
    return False
