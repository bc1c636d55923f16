"""Does cleaning time grow linearly with page size, up to 50 MB?

    python benchmarks/bench_clean_scaling.py [--sizes 1 5 10 50] [--repeat 3] [--html] [--json OUT]

Builds pages of the given sizes in MB from a mix of menu lines, meta values, prose paragraphs,
repeated captions and one 100k-character line (with --html: the same as an HTML page with nav
menus, scripts, figures with captions, and 5,000 nested <div>s), cleans each --repeat times in
this process, and prints the median seconds, seconds per MB (flat when time is linear) and the
peak RSS. The ratio column compares each size's seconds per MB with the smallest size's,
measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time

import framing
from framing.persist import write_json_atomic

MENU = ["Home", "World", "Politics", "Business", "Sport", "Subscribe", "Sign in", "© 2025 Example Media"]
META = ["width=device-width, initial-scale=1", "true", "1920", "en_US", "https://example.org/img/a.jpg"]
WORDS = ("the minister said talks would resume on Tuesday after officials reported progress on the "
         "border dispute while residents of the valley waited for news about the bridge").split()


def build_page(megabytes: float, seed: int = 0) -> str:
    rng = random.Random(seed)
    lines, size = ["Example headline for a long page - Example Media"], 0
    while size < megabytes * 1_000_000:
        block = META if rng.random() < 0.2 else MENU if rng.random() < 0.3 else None
        if block:
            chunk = list(block)
        else:
            chunk = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 60))).capitalize() + "."
                     for _ in range(rng.randint(3, 12))]
            chunk.append("Photo: Jane Doe / Example Agency")
        lines.extend(chunk)
        size += sum(len(c) + 1 for c in chunk)
    lines.insert(len(lines) // 2, "x" * 100_000)
    return "\n".join(lines)


def build_html_page(megabytes: float, seed: int = 0) -> str:
    """The dump's content as markup: menus in <nav>, meta values in <head>, prose in <p>."""
    rng = random.Random(seed)
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Example headline - Example Media</title>",
             *(f"<meta name='m{i}' content='{m}'>" for i, m in enumerate(META)), "</head><body>"]
    size = sum(map(len, parts))
    while size < megabytes * 1_000_000:
        roll = rng.random()
        if roll < 0.2:
            chunk = "<nav><ul>" + "".join(f"<li><a href='/{m}'>{m}</a></li>" for m in MENU) + "</ul></nav>"
        elif roll < 0.3:
            chunk = "<script>var x = '" + "y" * rng.randint(100, 2000) + "';</script>"
        else:
            paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 60))).capitalize() + "."
                          for _ in range(rng.randint(3, 12))]
            chunk = ("<article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                     + "<figure><img src='a.jpg'><figcaption>Photo: Jane Doe / Example Agency</figcaption></figure></article>")
        parts.append(chunk)
        size += len(chunk)
    parts.insert(len(parts) // 2, "<div>" * 5000 + "<p>" + "x" * 100_000 + "</p>" + "</div>" * 5000)
    return "".join(parts) + "</body></html>"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 10, 50])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--html", action="store_true", help="raw HTML pages instead of text dumps")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    rows = []
    for mb in args.sizes:
        page = build_html_page(mb) if args.html else build_page(mb)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            article = framing.clean(page)
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append({"megabytes": mb, "lines": len(article.blocks), "seconds_median": median,
                     "seconds_min": min(timings), "seconds_max": max(timings),
                     "seconds_per_mb": median / mb, "peak_rss_mb_so_far": rss_mb})
    base = rows[0]["seconds_per_mb"]
    print(f"{'MB':>6} {'lines':>9} {'median s':>9} {'min s':>8} {'max s':>8} {'s/MB':>7} {'ratio':>6} {'peak RSS MB':>12}")
    for r in rows:
        r["ratio_to_smallest"] = r["seconds_per_mb"] / base
        print(f"{r['megabytes']:6.0f} {r['lines']:9d} {r['seconds_median']:9.2f} {r['seconds_min']:8.2f} "
              f"{r['seconds_max']:8.2f} {r['seconds_per_mb']:7.3f} {r['ratio_to_smallest']:6.2f} {r['peak_rss_mb_so_far']:12.0f}")
    if args.json:
        write_json_atomic(args.json, {"python": sys.version.split()[0], "input": "html" if args.html else "dump",
                                      "rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
