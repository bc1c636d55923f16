"""The ``framing`` command line: one small function per subcommand and one dispatch table.

Errors the user can fix (a missing file, binary input) end in one line on stderr and a
non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .clean import clean
from .errors import FramingError
from .types import Article

EXIT_USAGE = 2
EXIT_INPUT = 1


def _read_page(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    path = Path(source)
    if path.is_dir():
        raise FramingError(f"{source}: is a folder, not a page")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FramingError(f"{source}: no such file") from None
    except OSError as e:
        raise FramingError(f"{source}: cannot read ({e.strerror or e})") from None


def article_to_dict(article: Article) -> dict[str, Any]:
    """The Article as JSON-ready data: ISO 8601 time, lists for sequences."""
    return {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "outlet": article.outlet,
        "credit": article.credit,
        "url": article.url,
        "description": article.description,
        "keywords": list(article.keywords),
        "body": list(article.body),
        "blocks": [{"text": b.text, "decision": b.decision, "reason": b.reason} for b in article.blocks],
    }


def _format_article(article: Article) -> str:
    fields = [
        ("Title", article.title),
        ("Published", article.published.isoformat() if article.published else None),
        ("Outlet", article.outlet),
        ("Credit", article.credit),
        ("URL", article.url),
    ]
    head = [f"{name}: {value}" for name, value in fields if value]
    body = "\n\n".join(article.body) if article.body else "(no article body found)"
    return "\n".join(head) + "\n\n" + body + "\n"


def cmd_clean(args: argparse.Namespace) -> int:
    article = clean(_read_page(args.page))
    if args.json:
        sys.stdout.write(json.dumps(article_to_dict(article), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_format_article(article))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Whose voice is each sentence of a news page in?")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("clean", help="extract the article body and metadata from a page")
    p.add_argument("page", metavar="PAGE", help="a text dump or HTML file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object with every field and block")
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"clean": cmd_clean}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except FramingError as e:
        print(f"framing {args.command}: {e}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
