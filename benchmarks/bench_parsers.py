"""Which HTML parser should the cleaner stand on? Speed on real pages, and deep nesting.

    python benchmarks/bench_parsers.py [--data DIR] [--repeat 3] [--depth 20000] [--json OUT]

Parses every page of DIR/pages.jsonl (laid out like ../shared/eval/boilerplate) with each parser
installed: Lexbor (selectolax, what framing uses), libxml2 (lxml, in the `bench` extra through
trafilatura), Python's own html.parser and html5lib (if installed). Prints pages per second
(median of --repeat passes, one process), then for a page of --depth nested <div>s around one
paragraph: the seconds to parse it and whether the paragraph's text survives the parse.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "boilerplate"
NEEDLE = "the paragraph at the bottom of the nesting"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _stdlib(page: str) -> str:
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    return "".join(collector.parts)


def parsers() -> dict[str, Callable[[str], str]]:
    """Each parser as page -> its visible text (what survives the parse)."""
    found: dict[str, Callable[[str], str]] = {}
    from selectolax.lexbor import LexborHTMLParser

    found["lexbor (selectolax)"] = lambda page: LexborHTMLParser(page).text()
    try:
        import lxml.html

        found["libxml2 (lxml)"] = lambda page: lxml.html.document_fromstring(page).text_content()
    except ImportError:
        print("bench_parsers: lxml not installed (pip install '.[bench]'): skipped", file=sys.stderr)
    found["html.parser (stdlib)"] = _stdlib
    try:
        import html5lib

        found["html5lib"] = lambda page: "".join(html5lib.parse(page, namespaceHTMLElements=False).itertext())
    except ImportError:
        print("bench_parsers: html5lib not installed: skipped", file=sys.stderr)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--depth", type=int, default=20_000, help="nesting depth of the deep page")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    path = args.data / "pages.jsonl"
    if not path.is_file():
        print(f"bench_parsers: no pages.jsonl in {args.data}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as f:
        pages = [json.loads(line)["html"] for line in f if line.strip()]
    deep = "<html><body>" + "<div>" * args.depth + f"<p>{NEEDLE}</p>" + "</div>" * args.depth + "</body></html>"
    rows = []
    for name, parse in parsers().items():
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for page in pages:
                parse(page)
            timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        try:
            survives = NEEDLE in parse(deep)
        except RecursionError:
            survives = False
        deep_seconds = time.perf_counter() - start
        median = statistics.median(timings)
        rows.append({"parser": name, "pages": len(pages), "pages_per_second": len(pages) / median,
                     "seconds_min": min(timings), "seconds_max": max(timings),
                     "deep_depth": args.depth, "deep_seconds": deep_seconds, "deep_text_survives": survives})
    print(f"{'parser':<22} {'pages/s':>8} {'deep s':>8} {'deep text kept':>15}")
    for r in rows:
        print(f"{r['parser']:<22} {r['pages_per_second']:8.1f} {r['deep_seconds']:8.2f} {str(r['deep_text_survives']):>15}")
    if args.json:
        from framing.persist import write_json_atomic

        write_json_atomic(args.json, {"data": str(args.data), "python": sys.version.split()[0], "rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
