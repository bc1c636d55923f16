"""The cleaner on raw HTML: hand-written pages (tests/data/html) and awkward markup.

The pages in tests/data/html are invented (outlets, people and events) and were written to
look like what scrapers bring back: menus, breadcrumbs, share bars, galleries, comments,
cookie banners, JSON-LD and OpenGraph, legacy charsets. Each has a sibling ``.expected.json``
with the body a careful reader would keep and the metadata the page states.
"""

from __future__ import annotations

import codecs
import html as stdlib_html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.decode import declared_charset, decode
from framing.html import looks_like_html

from .conftest import SEED_PAGES

DATA = Path(__file__).parent / "data" / "html"
PAGES = sorted(DATA.glob("*.html"))
META_FIELDS = ("title", "published", "outlet", "url", "credit")

# Known failures of the library on realistic pages, kept strict so a fix shows up here.
BODY_XFAIL: dict[str, str] = {}
META_XFAIL: dict[tuple[str, str], str] = {}


def _expected(page: Path) -> dict:
    return json.loads(page.with_name(page.name.replace(".html", ".expected.json")).read_text(encoding="utf-8"))


def _xfail(reason: str | None) -> list:
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


BODY_CASES = [pytest.param(p, id=p.stem, marks=_xfail(BODY_XFAIL.get(p.stem))) for p in PAGES]
META_CASES = [
    pytest.param(p, field, id=f"{p.stem}-{field}", marks=_xfail(META_XFAIL.get((p.stem, field))))
    for p in PAGES
    for field in META_FIELDS
    if field in _expected(p)
]


def test_the_page_set_covers_what_it_claims():
    """Guards against a data folder that silently lost pages or expectation files."""
    assert 10 <= len(PAGES) <= 14
    assert all(p.with_name(p.name.replace(".html", ".expected.json")).is_file() for p in PAGES)
    declared = {codecs.lookup(declared_charset(p.read_bytes()) or "utf-8").name for p in PAGES}
    assert {"cp1252", "iso8859-1", "cp1251"} <= declared


@pytest.mark.parametrize("page", BODY_CASES)
def test_page_body(page: Path):
    article = framing.clean(page.read_bytes())
    assert article.body == tuple(_expected(page)["body"])


@pytest.mark.parametrize(("page", "field"), META_CASES)
def test_page_metadata(page: Path, field: str):
    article = framing.clean(page.read_bytes())
    expected = _expected(page)[field]
    if field == "published":
        assert article.published is not None and article.published.isoformat() == expected
    else:
        assert getattr(article, field) == expected


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_block_has_a_decision_and_a_reason(page: Path):
    article = framing.clean(page.read_bytes())
    assert article.blocks
    for block in article.blocks:
        assert block.decision in {"body", "chrome"}
        assert isinstance(block.reason, str) and block.reason
        assert (block.reason == "body") == (block.decision == "body")
    assert tuple(b.text for b in article.blocks if b.decision == "body") == article.body


def test_headline_is_the_title_and_not_body():
    page = DATA / "gazette_council_budget.html"
    article = framing.clean(page.read_bytes())
    headline = "Ashford council approves budget with library cuts reversed"
    assert article.title == headline
    assert headline not in article.body
    assert any(b.text == headline and b.decision == "chrome" for b in article.blocks)


# -- invisible elements ------------------------------------------------------------------------

_SECRET = "Zanzibar quokka telemetry"  # words that appear in no page: if seen, invisible text leaked


def _story(paragraphs: int = 4, first: int = 0) -> str:
    return "".join(
        f"<p>Paragraph {k}: the harbour board said on Thursday that dredging of the outer channel "
        f"would begin in the autumn and take about eleven weeks to finish.</p>"
        for k in range(first, first + paragraphs)
    )


def test_script_style_and_noscript_never_reach_the_blocks():
    """Scripts often carry whole sentences (article JSON, inline state); none of it is text."""
    page = (
        "<!doctype html><html><head><title>Harbour dredging to begin</title>"
        f"<style>p::before {{ content: '{_SECRET} style'; }}</style>"
        f"<script>var state = {{headline: '{_SECRET} in head script, a long sentence of prose.'}};</script>"
        "</head><body>"
        f"<script>document.write('<p>{_SECRET} written by script, a long sentence of prose.</p>')</script>"
        f"<noscript><p>{_SECRET}: please enable JavaScript to read this article in full today.</p></noscript>"
        f"{_story()}"
        f"<template><p>{_SECRET} template content that is never rendered by the browser.</p></template>"
        f"<style>.x {{ color: red }} /* {_SECRET} */</style>"
        f"<script type='application/ld+json'>{{\"articleBody\": \"{_SECRET} in JSON-LD.\"}}</script>"
        "</body></html>"
    )
    article = framing.clean(page)
    assert len(article.body) == 4
    assert not any(_SECRET in b.text for b in article.blocks)
    assert _SECRET not in (article.title or "") + (article.description or "")


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param("<div hidden>", id="bare-hidden"),
        pytest.param('<div hidden="hidden">', id="hidden-value"),
        pytest.param('<div aria-hidden="true">', id="aria-hidden"),
        pytest.param("<div style='display: none'>", id="display-none"),
    ],
)
def test_hidden_elements_are_not_body(opening):
    hidden = f"{opening}<p>{_SECRET} in an element the browser does not show at all.</p></div>"
    article = framing.clean(f"<html><body>{_story(2)}{hidden}{_story(2, first=2)}</body></html>")
    assert len(article.body) == 4
    assert not any(_SECRET in p for p in article.body)


SCRIPT_ONLY = (
    '<script>window.__STATE__ = {"story": "The bridge will reopen next week, the council said."};</script>'
    "<script src='/app.js'></script>"
)


def test_script_only_page_gives_an_empty_body():
    assert framing.clean(SCRIPT_ONLY).body == ()


def test_script_only_page_is_read_as_html():
    article = framing.clean(SCRIPT_ONLY)
    assert article.title is None
    assert not any("__STATE__" in b.text for b in article.blocks)


@pytest.mark.parametrize("page", ["<html></html>", "<!DOCTYPE html><html><head></head><body></body></html>", b"<html></html>"])
def test_empty_html_gives_an_empty_article(page):
    article = framing.clean(page)
    assert article.body == ()
    assert article.title is None


# -- bytes and charsets --------------------------------------------------------------------------

_CAFE = "Die Betreiberin des Cafés am Marktplatz sagte, sie rechne „mit deutlich weniger Gästen“ während der Bauzeit."


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>Marktplatz</title></head><body><p>{body}</p>{_story(2)}</body></html>"


@pytest.mark.parametrize(
    "bom, encoding",
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_bytes_with_a_bom(bom, encoding):
    assert framing.clean(bom + _page(_CAFE).encode(encoding)).body[0] == _CAFE


def test_bom_beats_a_contrary_declaration():
    """A BOM is proof of the encoding; a meta tag copied from a template is not (HTML5 rule)."""
    data = codecs.BOM_UTF8 + _page(_CAFE, '<meta charset="windows-1251">').encode("utf-8")
    assert framing.clean(data).body[0] == _CAFE


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-15", "cp1252"])
def test_http_equiv_content_type_charset(charset):
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    body = _CAFE.replace("„", '"').replace("“", '"') if charset == "iso-8859-15" else _CAFE
    assert framing.clean(_page(body, head).encode(charset)).body[0] == body


def test_meta_charset_windows_1251():
    body = "Мэр города заявил, что ремонт моста завершится к концу лета, если позволит погода."
    data = _page(body, '<meta charset="windows-1251">').encode("cp1251")
    assert framing.clean(data).body[0] == body


def test_data_pages_in_legacy_charsets_decode_without_replacement():
    for name in ("de_stadtwerke_fernwaerme", "es_embalse_sequia", "ru_most_remont"):
        text = "".join(b.text for b in framing.clean((DATA / f"{name}.html").read_bytes()).blocks)
        assert "\ufffd" not in text, name


# -- broken and pathological markup ------------------------------------------------------------

MALFORMED = """<html><head><title>Market hall to reopen</title>
<body>
<div class=nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a> <a href=/weather>Weather</a></div>
<div class=story id=main>
<h1>Market hall to reopen after roof repairs</h1>
<p>The covered market hall in Dunmere will reopen on Saturday after eight months of repairs to its roof, which was damaged when a storm brought down part of the glazing last winter.</span>
<p>Traders said they had lost most of their regular customers to a temporary site in the car park, and several asked the council for a rent holiday for the first three months.
<p class=quote>"We are glad to be back under a proper roof," said fishmonger Agnes Tully, who has run a stall in the hall for twenty-six years. "Now we need people to come back too."</b>
<div class=footer>&copy; 2025 Dunmere Echo
"""


def test_malformed_html_gives_the_right_body():
    """Unclosed p and div, stray end tags and unquoted attributes: the HTML5 parser repairs them."""
    body = framing.clean(MALFORMED).body
    assert len(body) == 3
    assert body[0].startswith("The covered market hall") and body[0].endswith("last winter.")
    assert body[1].startswith("Traders said") and body[2].startswith('"We are glad')
    assert not any("Dunmere Echo" in p or "Home" in p for p in body)


_DEEP_PARAGRAPH = "The harbour master said the channel would reopen to shipping once divers had checked the wreck for fuel leaks."


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<html><body>" + "<div>" * 100_000 + f"<p>{_DEEP_PARAGRAPH}</p>" + "</div>" * 100_000 + "</body></html>", id="document"),
        pytest.param("<html><body>" + "<div>" * 100_000 + f"<p>{_DEEP_PARAGRAPH}", id="never-closed"),
        pytest.param(
            "<div>" * 100_000 + f"<p>{_DEEP_PARAGRAPH}</p>" + "</div>" * 100_000, id="fragment",
        ),
    ],
)
def test_deeply_nested_divs(page):
    """Timing is for benchmarks; here the page must come back with its one paragraph."""
    article = framing.clean(page)
    assert article.body == (_DEEP_PARAGRAPH,)


# -- sniffing --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        *(pytest.param(p.read_bytes(), id=p.stem) for p in PAGES),
        pytest.param("<p>One short paragraph.</p><p>Another one.</p>", id="paragraphs"),
        pytest.param("\n\n  <div class='story'><span>Text</span></div>", id="indented-div"),
        pytest.param("<!-- saved by a scraper -->\n<article><h2>Heading</h2></article>", id="comment-first"),
        pytest.param(
            "<p>The ferry will not sail on Sunday.\n<p>Passengers should check the timetable.\n", id="unclosed-p",
        ),
    ],
)
def test_looks_like_html_for_pages_and_fragments(text):
    if isinstance(text, bytes):
        text = decode(text)
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        *(pytest.param(p.read_text(encoding="utf-8"), id=p.stem.split("_")[0]) for p in SEED_PAGES),
        pytest.param(
            "Web accessibility rules tighten\nThe guidance says headings should use <b> only for emphasis, "
            "never in place of a real heading element, and that </b> must close it.\nMenu\nShare", id="prose-b",
        ),
        pytest.param("Readers wrote in.\n<3 from all of us at the paper\nSubscribe", id="heart"),
        pytest.param(
            "New accessibility law for public websites\nThe regulation requires every page to declare its language "
            "in the <html> element so that screen readers pronounce it correctly.\nShare", id="prose-html",
        ),
    ],
)
def test_looks_like_html_false_for_text_dumps(text):
    assert not looks_like_html(text)


# -- command line --------------------------------------------------------------------------------

def test_cli_clean_on_an_html_file(capsys):
    page = DATA / "herald_ferry_timetable.html"
    assert main(["clean", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Title: Island ferry timetable cut to four sailings a day from May" in out
    assert "Tennant said." in out and "islander_22" not in out and "<p>" not in out
    assert main(["clean", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["body"] == _expected(page)["body"]
    assert data["published"] == "2025-04-02T07:15:00+01:00"


def test_cli_label_on_an_html_file(small_model_file, capsys):
    page = DATA / "de_stadtwerke_fernwaerme.html"
    assert main(["label", str(page), "--model", str(small_model_file), "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and {r["page"] for r in records} == {str(page)}
    body = _expected(page)["body"]
    assert {r["paragraph"] for r in records} == set(range(len(body)))
    assert all(r["text"] in body[r["paragraph"]] for r in records)
    assert not any("<" in r["text"] or "Impressum" in r["text"] for r in records)


# -- property --------------------------------------------------------------------------------------

_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")  # what the HTML reader counts as space
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=400)
# prose-like text too, so that the body is rarely empty and the property has something to check
WORDS = st.sampled_from("the council said on Monday that <b> & &amp; “talks” would resume Menu © 2025 —".split() + ["\u00a0", "\t"])
SENTENCE = st.lists(WORDS, min_size=4, max_size=40).map(" ".join).map(lambda s: s + ".")


def _normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(TEXT, SENTENCE), min_size=0, max_size=12))
def test_any_text_in_paragraphs_cleans_to_substrings_of_it(texts):
    page = "<!DOCTYPE html><html><head><title>t</title></head><body>"
    page += "".join(f"<p>{stdlib_html.escape(t)}</p>" for t in texts) + "</body></html>"
    article = framing.clean(page)
    inputs = [_normalised(t) for t in texts]
    for paragraph in article.body:
        assert any(paragraph in t for t in inputs), paragraph


# -- what the markup adds to the decisions ------------------------------------------------------


def test_modified_time_comes_from_json_ld():
    article = framing.clean((DATA / "gazette_council_budget.html").read_bytes())
    assert article.modified is not None and article.modified.isoformat() == "2025-02-20T08:05:00+00:00"
    assert article.published is not None and article.published < article.modified


def test_json_ld_article_body_holds_short_paragraphs_in_the_run():
    """One-line paragraphs cost more than they earn, so a story told in them falls out of the run;
    the publisher's own articleBody vouches for them."""
    lines = [f"Crews shut bridge {k}." for k in range(10)]  # four words: one costs more than it earns
    body_html = "".join(f"<div>{line}</div>" for line in lines)
    ld = json.dumps({"@type": "NewsArticle", "headline": "Bridge closes", "articleBody": " ".join(lines) * 2})
    with_hint = f'<html><head><script type="application/ld+json">{ld}</script></head><body>{body_html}</body></html>'
    without = f"<html><body>{body_html}</body></html>"
    assert framing.clean(without).body == ()
    assert framing.clean(with_hint).body == tuple(lines)


def test_link_list_is_chrome_but_a_linked_sentence_is_prose():
    links = "".join(f'<div><a href="/s{k}">Other story number {k}</a></div>' for k in range(3))
    linked = '<p><a href="/report">The full report, published by the harbour board on Thursday, runs to 400 pages.</a></p>'
    article = framing.clean(f"<html><body>{_story(3)}{linked}{links}{_story(2, first=3)}</body></html>")
    assert any("full report" in p for p in article.body)
    assert not any(p.startswith("Other story") for p in article.body)
    assert {b.reason for b in article.blocks if b.text.startswith("Other story")} == {"links"}


def test_the_article_container_brings_back_a_list_inside_it():
    items = "".join(f"<li>Stop {k}: Harbour Road</li>" for k in range(12))
    page = (f"<html><body><nav><a href='/'>Home</a></nav><article>{_story(3)}<ul>{items}</ul>"
            f"{_story(3, first=3)}</article><aside><p>Related: other news</p></aside></body></html>")
    article = framing.clean(page)
    assert sum(p.startswith("Stop ") for p in article.body) == 12
    assert not any("Related" in p for p in article.body)


def test_class_words_match_whole_words_only():
    shadow = f'<div class="shadow-box"><p>{_SECRET} is the one paragraph in a shadowed box, said the editor.</p></div>'
    article = framing.clean(f"<html><body>{_story(2)}{shadow}{_story(2, first=2)}</body></html>")
    assert any(_SECRET in p for p in article.body)  # "shadow" is not the word "ad"
    share = f'<div class="shareBar"><p>{_SECRET} share this story with friends and family today.</p></div>'
    article = framing.clean(f"<html><body>{_story(2)}{share}{_story(2, first=2)}</body></html>")
    assert not any(_SECRET in p for p in article.body)
