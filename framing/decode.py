"""Bytes to text: the charset the page declares, then UTF-8, then a lossy decode.

Scraped pages arrive in every encoding and often lie about it. The order below keeps the
page's own declaration first (it is usually right), falls back to UTF-8 (the web's default),
and never fails on text: a replacement decode keeps every readable character.
"""

from __future__ import annotations

import codecs
import re

from .errors import FramingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x">, http-equiv content="text/html; charset=x", <?xml encoding="x"?>
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_SNIFF_BYTES = 4096
# Share of control characters (other than whitespace) above which input is not a page.
BINARY_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(head: bytes) -> str | None:
    """The first charset the page declares in its first bytes, if Python knows it."""
    for match in _DECLARED.finditer(head[:_SNIFF_BYTES]):
        name = match.group(1).decode("ascii", "ignore").strip("'\"")
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(page: str | bytes) -> str:
    """Return the page as text, raising FramingError for binary data."""
    if isinstance(page, str):
        text = page
    elif isinstance(page, (bytes, bytearray, memoryview)):
        text = _decode_bytes(bytes(page))
    else:
        raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
    _reject_binary(text)
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = declared_charset(data)
    for encoding in (declared, "utf-8"):
        if encoding is None:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(declared or "utf-8", errors="replace")


def _reject_binary(text: str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > BINARY_CONTROL_SHARE:
        raise FramingError(
            f"input looks like binary data, not a text or HTML page "
            f"({controls} control characters in the first {len(sample)})"
        )
