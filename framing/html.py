"""Raw HTML to blocks: the page as a reader sees it, one block per rendered paragraph.

The parser is Lexbor (through selectolax): a standards-following HTML5 parser in C, the fastest
of those measured (docs/decisions.md). This module only walks the tree it builds. Every text node
joins the block of its nearest block-level ancestor, so inline markup (links, emphasis) stays in
its paragraph and a paragraph never swallows the next one. A block remembers what the tree said
about it: its tag, how much of it is link text, and whether it sits inside page furniture (nav,
footer, aside, form, figcaption, or a container whose class or id names a menu, share bar,
comment section, caption...). ``clean`` decides with these and its text-dump passes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

# Elements a browser does not show as text: dropped with their content before the walk.
INVISIBLE = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "button", "textarea", "input", "video", "audio", "picture", "img", "head",
)  # fmt: skip
# Elements that start a new block of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody "
    "tfoot thead tr ul br caption center".split()
)
CELL_TAGS = frozenset(("td", "th"))  # a table row is one block, its cells separated by spaces
# Elements that are page furniture by their tag, with the reason their text is chrome.
CHROME_TAGS = {
    "nav": "navigation", "footer": "footer", "aside": "aside", "form": "form", "figcaption": "caption",
    "menu": "navigation", "header": "header", "dialog": "widget", "address": "byline",
}  # fmt: skip
# Class and id words of page furniture, matched against the words of the attribute (split at
# -, _, spaces and camelCase), so "shareBar" and "share-tools" match but "shared" does not.
_CHROME_WORDS = {
    "navigation": "nav navbar navigation menu menus breadcrumb breadcrumbs skip masthead topbar",
    "footer": "footer",
    "share": "share sharing sharebar",
    "related": "related recirc recirculation recommended recommendations trending popular mostread outbrain taboola more",
    "comments": "comment comments disqus discussion",
    "promo": "promo promotion newsletter subscribe subscription signup paywall cta ad ads advert advertisement adslot sponsor sponsored banner",
    "caption": "caption figcaption credit credits",
    "widget": "widget toolbar tools modal popup popover rollover hovercard cookie consent overlay tooltip",
    "byline": "byline author authors bio dateline timestamp",
    "hidden": "hidden hide sronly visuallyhidden offscreen",
    "tags": "tags tag keywords topics",
    "sidebar": "sidebar rail aside",
}  # fmt: skip
CHROME_WORDS = {w: reason for reason, words in _CHROME_WORDS.items() for w in words.split()}
_SNIFF_CHARS = 4096
_DOCUMENT_TAG = re.compile(r"(?:^|\n)[ \t\ufeff]*<(?:!doctype\s+html|html|head|body)\b", re.I)
# a fragment without <html> or <body>: an element that holds content or script, opened or closed
_COMMON_TAG = re.compile(
    r"</?(?:div|p|span|a|table|tr|td|article|section|main|h[1-6]|ul|ol|li|b|i|em|strong|script|style|br)\b[^<>]*>", re.I
)
_INLINE_HIDDEN = ("hidden", "widget")  # inline elements with these reasons are not read
_WRAPPERS = frozenset(("html", "body", "main", "article"))  # never furniture, whatever their class
FURNITURE_MAX_SHARE = 0.3  # a "menu" holding more of the page's text than this is a wrapper
_ATTR_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")  # zero-width characters are space too


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """One rendered block of text and what the markup says about it."""

    text: str
    tag: str  # the block element holding the text
    link_share: float  # share of the text's characters inside links
    furniture: str | None  # reason, when the block sits inside page furniture
    origin: int  # the element that made it furniture (0: none)
    element: int  # the block element's id, to find the blocks of one container (``parents``)


@dataclass(frozen=True, slots=True)
class HtmlMeta:
    """What the page declares about itself, as written (dates are parsed by ``metadata``)."""

    title: str | None = None  # JSON-LD headline, og:title
    page_title: str | None = None  # <title>, written for browser tabs (often with the site name)
    published: str | None = None  # JSON-LD datePublished, article:published_time, <time>
    modified: str | None = None
    author: str | None = None
    outlet: str | None = None  # JSON-LD publisher, og:site_name
    url: str | None = None  # canonical link, og:url
    description: str | None = None
    keywords: tuple[str, ...] = ()
    article_body: str | None = None  # JSON-LD articleBody: a hint for the body decision


@dataclass(frozen=True, slots=True)
class HtmlPage:
    blocks: list[HtmlBlock]
    meta: HtmlMeta
    parents: dict[int, int]  # element id -> its parent's id

    def inside(self, container: int) -> list[bool]:
        """Which blocks sit inside the element ``container``; linear in the elements (memoised)."""
        memo: dict[int, bool] = {container: True}

        def up(element: int) -> bool:
            chain = []
            while element not in memo:
                chain.append(element)
                parent = self.parents.get(element)
                if parent is None:
                    memo[element] = False
                    break
                element = parent
            answer = memo[element]
            memo.update((e, answer) for e in chain)
            return answer

        return [up(b.element) for b in self.blocks]

    def common_container(self, first: int, last: int) -> int:
        """The innermost element holding both blocks (their lowest common ancestor)."""
        ancestors = []
        element: int | None = self.blocks[first].element
        while element is not None:
            ancestors.append(element)
            element = self.parents.get(element)
        seen = set(ancestors)
        element = self.blocks[last].element
        while element not in seen:
            element = self.parents.get(element)
            if element is None:
                return ancestors[-1]
        return element


def looks_like_html(text: str) -> bool:
    """HTML opens with markup: a document tag at the start of a line (after a crawler's headers,
    perhaps), or a first character "<" and an HTML element early on. Prose that mentions <html>
    in a sentence, and a dump whose first line is a <meta charset>, stay text."""
    head = text[:_SNIFF_CHARS]
    if _DOCUMENT_TAG.search(head):
        return True
    return head.lstrip().startswith("<") and bool(_COMMON_TAG.search(head))


def read(page: str) -> HtmlPage:
    """Parse a page and return its blocks and declared metadata."""
    tree = LexborHTMLParser(_limit_depth(page))
    meta = page_meta(tree)
    parents: dict[int, int] = {}
    return HtmlPage(blocks(tree, parents), meta, parents)


def blocks(tree: LexborHTMLParser, parents: dict[int, int]) -> list[HtmlBlock]:
    """The visible text of the page's body as blocks, in page order; fills ``parents``."""
    root = tree.body or tree.root
    if root is None:
        return []
    tree.strip_tags(list(INVISIBLE))
    # per element: (its block element's id, that block's tag, furniture reason, the element that
    # gave it, in a link, inside an inline popup or hidden span); elements that change nothing
    # share their parent's tuple
    state: dict[int, tuple[int, str, str | None, int, bool, bool]] = {}
    out: list[HtmlBlock] = []
    current: int | None = None
    parts: list[str] = []
    link_chars = 0
    cur_tag, cur_furniture, cur_origin, cur_element = "body", None, 0, 0

    def flush() -> None:
        nonlocal parts, link_chars
        text = _SPACE.sub(" ", "".join(parts)).strip()
        if text:
            share = min(1.0, link_chars / len(text))
            out.append(HtmlBlock(text, cur_tag, share, cur_furniture, cur_origin, cur_element))
        parts, link_chars = [], 0

    root_id = root.mem_id
    state[root_id] = (root_id, root.tag or "body", None, 0, False, False)
    for node in root.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            if node.is_empty_text_node:  # layout whitespace: 40% of the nodes of a page
                if parts:
                    parts.append(" ")
                continue
            text = node.text_content
            parent = node.parent
            st = state.get(parent.mem_id) if parent is not None else None
            if st is None:
                continue
            block_id, block_tag, furniture, origin, in_link, popup = st
            if popup:
                continue  # a popup or hidden span inside a paragraph: not part of its text
            if block_id != current:
                flush()
                current = cur_element = block_id
                cur_tag, cur_furniture, cur_origin = block_tag, furniture, origin
            parts.append(text)
            if in_link:
                link_chars += len(text.strip())
            continue
        if tag is None or tag.startswith("-"):
            continue
        node_id = node.mem_id
        if node_id == root_id:
            continue
        parent = node.parent
        pst = None
        if parent is not None:
            parents[node_id] = parent_id = parent.mem_id
            pst = state.get(parent_id)
        if pst is None:
            pst = state[root_id]
        block_id, block_tag, furniture, origin, in_link, popup = pst
        inline = tag not in BLOCK_TAGS
        changed = False
        if (furniture is None or (inline and not popup)) and tag not in _WRAPPERS:
            own = CHROME_TAGS.get(tag) or _attribute_reason(node.attributes)
            if furniture is None and own is not None:
                furniture, origin, changed = own, node_id, True
            if inline and own in _INLINE_HIDDEN:
                popup = changed = True
        if inline:
            if tag in CELL_TAGS and current == block_id and parts:
                parts.append(" ")
            if tag == "a" and not in_link:
                in_link = changed = True
            state[node_id] = (block_id, block_tag, furniture, origin, in_link, popup) if changed else pst
            continue
        if tag == "br" or tag == "hr":
            current = None  # a line break ends the block it interrupts
        state[node_id] = (node_id, tag, furniture, origin, in_link, popup)
    flush()
    return _small_furniture(out)


def _small_furniture(found: list[HtmlBlock]) -> list[HtmlBlock]:
    """Furniture is small: a container holding a large share of the page's text is a wrapper
    whose class happens to name a state or a layout ("has-sidebar", "nav-open"), not a menu."""
    total = sum(len(b.text) for b in found) or 1
    held: dict[int, int] = {}
    for b in found:
        if b.origin:
            held[b.origin] = held.get(b.origin, 0) + len(b.text)
    wrappers = {origin for origin, chars in held.items() if chars > FURNITURE_MAX_SHARE * total}
    if not wrappers:
        return found
    return [replace(b, furniture=None, origin=0) if b.origin in wrappers else b for b in found]


def _attribute_reason(attributes: dict[str, str | None]) -> str | None:
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return "hidden"
    style = attributes.get("style")
    if style and "display:none" in style.replace(" ", "").lower():
        return "hidden"
    role = attributes.get("role")
    if role in ("navigation", "banner", "contentinfo", "complementary", "dialog", "menu", "menubar"):
        return "navigation"
    for name in ("class", "id"):
        value = attributes.get(name)
        if value:
            reason = _class_reason(value)
            if reason is not None:
                return reason
    return None


@lru_cache(maxsize=8192)
def _class_reason(value: str) -> str | None:
    """The furniture a class or id value names. Cached: a page repeats its few class values."""
    for word in _ATTR_WORD.findall(value):
        reason = CHROME_WORDS.get(word.lower())
        if reason is not None:
            return reason
    return None


# -- declared metadata ---------------------------------------------------------------------------

_ARTICLE_TYPES = frozenset(
    "NewsArticle Article ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BlogPosting "
    "BackgroundNewsArticle LiveBlogPosting Report ScholarlyArticle TechArticle".split()
)
_META_KEYS = {
    "title": ("og:title", "twitter:title"),
    "published": ("article:published_time", "datepublished", "pubdate", "date", "dc.date", "dcterms.created",
                  "parsely-pub-date", "sailthru.date", "publish-date", "og:published_time"),
    "modified": ("article:modified_time", "datemodified", "og:updated_time", "dcterms.modified"),
    "author": ("author", "article:author", "parsely-author", "byl"),
    "outlet": ("og:site_name", "application-name", "publisher"),
    "url": ("og:url",),
    "description": ("og:description", "description", "twitter:description"),
}  # fmt: skip
_KEYWORD_KEYS = ("keywords", "news_keywords", "article:tag", "parsely-tags")


def page_meta(tree: LexborHTMLParser) -> HtmlMeta:
    """Metadata in the order of trust: JSON-LD, then meta tags, then the elements themselves."""
    found: dict[str, str] = {}
    keywords: list[str] = []
    article = _json_ld_article(tree)
    if article:
        found.update({k: v for k, v in _from_json_ld(article).items() if v})
        keywords.extend(_as_keywords(article.get("keywords")))
    tags: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if key and content:
            if key in _KEYWORD_KEYS:
                keywords.extend(_as_keywords(content))
            tags.setdefault(key, content)
    for field, keys in _META_KEYS.items():
        if field not in found:
            value = next((tags[k] for k in keys if k in tags), None)
            if value:
                found[field] = value
    if "url" not in found or not found["url"].startswith("http"):
        canonical = tree.css_first('link[rel="canonical"]')
        href = canonical.attributes.get("href") if canonical is not None else None
        if href:
            found["url"] = href.strip()
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        found["page_title"] = title.text(strip=True)
    if "published" not in found:
        stamp = tree.css_first("time[datetime]")
        if stamp is not None and stamp.attributes.get("datetime"):
            found["published"] = stamp.attributes["datetime"] or ""
    seen: set[str] = set()
    unique = tuple(k for k in keywords if not (k.casefold() in seen or seen.add(k.casefold())))
    return HtmlMeta(keywords=unique, **{k: _SPACE.sub(" ", v).strip() for k, v in found.items()})


def _json_ld_article(tree: LexborHTMLParser) -> dict | None:
    """The first JSON-LD object typed as an article; broken JSON is skipped, not fatal."""
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = set(kind) if isinstance(kind, list) else {kind}
                if kinds & _ARTICLE_TYPES:
                    return item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return None


def _from_json_ld(article: dict) -> dict[str, str | None]:
    page = article.get("mainEntityOfPage")
    url = article.get("url") or (page.get("@id") if isinstance(page, dict) else page)
    return {
        "title": _text(article.get("headline") or article.get("name")),
        "published": _text(article.get("datePublished")),
        "modified": _text(article.get("dateModified")),
        "author": _names(article.get("author")),
        "outlet": _names(article.get("publisher")),
        "url": _text(url),
        "description": _text(article.get("description")),
        "article_body": _text(article.get("articleBody")),
    }


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _names(value: object) -> str | None:
    """A person or organisation, or a list of them, as JSON-LD writes it."""
    items = value if isinstance(value, list) else [value]
    names = [_text(i.get("name")) if isinstance(i, dict) else _text(i) for i in items]
    return ", ".join(n for n in names if n) or None


def _as_keywords(value: object) -> list[str]:
    if isinstance(value, list):
        return [k for v in value for k in _as_keywords(v)]
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    return []


# -- pathological nesting ------------------------------------------------------------------------

DEPTH_CHECK_TAGS = 10_000  # pages with fewer tags cannot nest deep enough to slow the parser
MAX_DEPTH = 1_000  # open elements deeper than this are unwrapped (their text is kept)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
# void elements and those a later sibling closes implicitly never hold nesting
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option".split())


def _limit_depth(page: str) -> str:
    """Unwrap elements nested beyond MAX_DEPTH. HTML5 tree building spends time in proportion to
    the depth for every element, so a page nested 100,000 deep would take minutes; a page nested
    that deep has no layout worth keeping, and its text survives the unwrapping."""
    if page.count("<") <= DEPTH_CHECK_TAGS:
        return page
    stack: list[str] = []
    open_names: dict[str, int] = {}
    unwrapped: dict[str, int] = {}
    cuts: list[tuple[int, int]] = []
    for match in _TAG.finditer(page):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _FLAT or self_closing:
            continue
        if closing:
            if unwrapped.get(name):
                unwrapped[name] -= 1
                cuts.append(match.span())
            elif open_names.get(name):
                while stack:  # each element is pushed once and popped once: linear overall
                    top = stack.pop()
                    open_names[top] -= 1
                    if top == name:
                        break
        elif len(stack) >= MAX_DEPTH:
            unwrapped[name] = unwrapped.get(name, 0) + 1
            cuts.append(match.span())
        else:
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
    if not cuts:
        return page
    pieces, last = [], 0
    for start, end in cuts:
        pieces.append(page[last:start])
        last = end
    pieces.append(page[last:])
    return "".join(pieces)
