"""The literal prefilters of chrome.py must never hide a line its pattern would match.

Each prefilter is a speed-up only: for any text, "pattern matches" implies "a hint is present".
The examples cover every alternative of each pattern; hypothesis embeds them in arbitrary text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from framing import chrome

PROMO_EXAMPLES = [
    "Sign up", "SIGN IN", "Login", "log in", "Log out", "Subscribe", "subscription", "Newsletter", "newsletters",
    "Cookies", "cookie", "Download our app", "download the app", "Follow us", "Click here", "Read more",
    "read next", "Read also", "See also", "Terms of use", "terms of service", "Privacy policy", "privacy notice",
    "your inbox", "Unlimited access", "Already a subscriber", "Continue reading", "Enable JavaScript",
    "JavaScript is", "Advertisement", "Sponsored", "Recommended for you", "Share this", "share on",
    "Most popular", "most read", "most viewed", "Trending now", "Related articles", "related article",
    "related stories", "Related news", "related content", "More from", "Watch live", "Listen to",
    "Back to top", "Skip to", "Go to the", "You may like", "you may also like", "Подписаться", "подпишитесь",
    "Читайте также", "Реклама", "Abonnieren", "anmelden", "Werbung", "Suscríbete", "suscribir", "Publicidad",
    "Lire aussi", "Abonnez-vous", "关注", "订阅", "広告", "登録", "구독", "광고",
]  # fmt: skip
COPYRIGHT_EXAMPLES = [
    "© 2025 Example", "(c) 2024", "© copyright 2023", "Copyright", "All rights reserved", "Todos los derechos",
    "Tous droits réservés", "Alle Rechte vorbehalten", "Все права защищены", "版权所有", "著作権", "저작권",
]  # fmt: skip
CREDIT_END_EXAMPLES = [
    "[REUTERS]", "(AP Photo/Jane Doe)", "(Reuters)", "(Xinhua/Li Wei)", "Getty Images", "Name / AFP",
    "photo / reuters", "/ AP", "/EPA", "via Getty", "Shutterstock", "iStock", " 新华社记者 摄",
]  # fmt: skip
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(_text, st.sampled_from(PROMO_EXAMPLES), _text)
def test_promo_hints_cover_the_promo_pattern(before, phrase, after):
    text = f"{before} {phrase} {after}"
    if chrome._PROMO.search(text):
        assert any(k in text.casefold() for k in chrome._PROMO_HINTS)


@given(_text, st.sampled_from(COPYRIGHT_EXAMPLES), _text)
def test_copyright_hints_cover_the_copyright_pattern(before, phrase, after):
    text = f"{before} {phrase} {after}"
    if chrome._COPYRIGHT.search(text):
        assert chrome._hinted(chrome._COPYRIGHT, chrome._COPYRIGHT_HINTS, text)


@given(_text, st.sampled_from(CREDIT_END_EXAMPLES))
def test_credit_end_hints_cover_the_credit_ending(before, ending):
    tail = f"{before} {ending}"[-chrome.CREDIT_TAIL_CHARS :]
    if chrome._CREDIT_END.search(tail):
        assert chrome._hinted(chrome._CREDIT_END, chrome._CREDIT_END_HINTS, tail)


def test_every_example_matches_its_pattern():
    """So the tests above exercise each alternative, not a pattern that never fires."""
    assert all(chrome._PROMO.search(f"x {p} x") for p in PROMO_EXAMPLES)
    assert all(chrome._COPYRIGHT.search(p) for p in COPYRIGHT_EXAMPLES)
    assert all(chrome._CREDIT_END.search(p) for p in CREDIT_END_EXAMPLES)
