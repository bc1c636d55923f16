"""The ``framing`` command line: one small function per subcommand and one dispatch table.

Errors the user can fix (a missing file, binary input) end in one line on stderr and a
non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._version import __version__
from .clean import clean
from .errors import FramingError
from .types import LABELS, Article

EXIT_USAGE = 2
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
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
        "modified": article.modified.isoformat() if article.modified else None,
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
        ("Modified", article.modified.isoformat() if article.modified else None),
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


# -- label --------------------------------------------------------------------------------------

_COLOURS = {"attribution": "\033[34m", "direct_quote": "\033[32m", "editorial_framing": "\033[31m", "background": "\033[2m"}
_RESET = "\033[0m"


def _pages(source: str) -> list[tuple[str, bytes]]:
    """(name, page) pairs: one file, standard input, the page files of a folder, or a JSONL collection
    whose records carry the page in "page", "html" or "text" (and a name in "id")."""
    if source == "-":
        return [("-", sys.stdin.buffer.read())]
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
        if not files:
            raise FramingError(f"{source}: the folder holds no page files ({', '.join(PAGE_SUFFIXES)})")
        return [(str(p), p.read_bytes()) for p in files]
    if path.suffix.lower() == ".jsonl":
        pages = []
        for n, line in enumerate(_read_page(source).decode("utf-8", errors="replace").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise FramingError(f"{source}:{n}: not JSON ({e.msg})") from None
            page = next((record.get(k) for k in ("page", "html", "text") if isinstance(record, dict) and k in record), None)
            if not isinstance(page, str):
                raise FramingError(f"{source}:{n}: no \"page\" (or \"html\", \"text\") string in the record")
            pages.append((str(record.get("id", f"{source}:{n}")), page.encode("utf-8")))
        return pages
    return [(source, _read_page(source))]


def _progress(done: int, total: int, name: str) -> None:
    if total > 1 and sys.stderr.isatty():
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[-40:]:<40}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_label(args: argparse.Namespace) -> int:
    from .analyze import analyze_many
    from .persist import load_model

    model = load_model(args.model)
    pages = _pages(args.page)
    as_jsonl = args.jsonl or not sys.stdout.isatty()
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    failed = 0
    for done, (name, page) in enumerate(pages, start=1):
        try:
            analysis = next(iter(analyze_many([page], model)))
        except FramingError as e:
            failed += 1
            print(f"framing label: {name}: {e}", file=sys.stderr)
            continue
        finally:
            _progress(done, len(pages), name)
        if as_jsonl:
            for s in analysis.sentences:
                record = {"page": name, "paragraph": s.paragraph, "start": s.start, "end": s.end,
                          "text": s.text, "label": s.label, "probabilities": s.probabilities}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(_format_analysis(name, analysis, colour))
    if failed and failed == len(pages):
        return EXIT_INPUT
    return EXIT_INPUT if failed else 0


def _format_analysis(name: str, analysis: Any, colour: bool) -> str:
    title = analysis.article.title or name
    lines = [f"== {title}", ""]
    for s in analysis.sentences:
        tag = f"{s.label:<17} {s.probabilities[s.label]:.2f}"
        if colour:
            tag = f"{_COLOURS[s.label]}{tag}{_RESET}"
        lines.append(f"{tag}  {s.text}")
    counts = analysis.label_counts()
    total = max(1, sum(counts.values()))
    lines += ["", "   ".join(f"{label} {n} ({n / total:.0%})" for label, n in counts.items()), ""]
    return "\n".join(lines) + "\n"


# -- train and evaluate -------------------------------------------------------------------------

def _report_table(report: dict[str, Any]) -> str:
    """A report in its dict form (Report.to_dict(), or the figures in a model card) as a table."""
    rows = [f"{'label':<18} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label, s in report["per_label"].items():
        rows.append(f"{label:<18} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} {s['support']:8d}")
    rows.append(f"{'accuracy':<18} {report['accuracy']:9.3f}   macro-F1 {report['macro_f1']:.3f}   n {report['n']}")
    return "\n".join(rows)


def cmd_train(args: argparse.Namespace) -> int:
    from .persist import save_model
    from .train import train

    params = {} if args.C is None else {"C": args.C}  # the estimator's own default otherwise
    model, card = train(args.data, random_state=args.seed, with_base=args.with_base, **params)
    for name in ("cv", "dev"):
        figures = card.get(name)
        if figures:
            heading = f"cross-validated ({figures['folds']} folds by document)" if name == "cv" else "dev split"
            print(f"{heading}:\n{_report_table(figures)}\n")
    card = save_model(model, card, args.out)
    print(f"wrote {args.out} (sha256 {card['artifact_sha256'][:12]}…) and its card {Path(args.out).with_suffix('.json').name}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .data import load_annotations
    from .evaluate import evaluate
    from .persist import load_model

    data = load_annotations(args.data)
    if args.split:
        data = data.subset(args.split)
        if not len(data):
            raise FramingError(f"no records in split {args.split!r}")
    report = evaluate(load_model(args.model), data.texts, data.labels, doc_ids=data.doc_ids)
    figures = report.to_dict()
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=1) + "\n")
        return 0
    print(_report_table(figures))
    print("\nconfusion (rows: gold, columns: predicted, in the order above)")
    for label, row in zip(LABELS, report.confusion):
        print(f"{label:<18} " + " ".join(f"{n:6d}" for n in row))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Whose voice is each sentence of a news page in?")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("clean", help="extract the article body and metadata from a page")
    p.add_argument("page", metavar="PAGE", help="a text dump or HTML file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print one JSON object with every field and block")

    p = sub.add_parser("label", help="clean pages, split them into sentences and label each sentence")
    p.add_argument("page", metavar="PAGE", help="a page file, - for standard input, a folder of pages, or a JSONL file of {id, page}")
    p.add_argument("--jsonl", action="store_true", help="JSON lines even on a terminal (the default when piped)")
    p.add_argument("--model", help="a model file (default: the shipped model)")

    p = sub.add_parser("train", help="train a model from annotated sentences and write it with its card")
    p.add_argument("data", nargs="+", metavar="DATA", help="annotation files (CSV, TSV, JSONL, Parquet)")
    p.add_argument("--out", required=True, help="where to write the model (.joblib; the card goes beside it)")
    p.add_argument("--with-base", action="store_true", help="add the shipped corpus to the training data")
    p.add_argument("--seed", type=int, default=0, help="random state for the folds and the model (default 0)")
    p.add_argument("--C", type=float, help="inverse regularisation strength (default: SentenceClassifier's, 1.0)")

    p = sub.add_parser("evaluate", help="score a model on annotated sentences")
    p.add_argument("data", nargs="+", metavar="DATA", help="annotation files (CSV, TSV, JSONL, Parquet)")
    p.add_argument("--model", help="a model file (default: the shipped model)")
    p.add_argument("--split", help="only the records of this split (e.g. test)")
    p.add_argument("--json", action="store_true", help="one JSON object: n, accuracy, macro_f1, per_label, confusion")
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "clean": cmd_clean,
    "label": cmd_label,
    "train": cmd_train,
    "evaluate": cmd_evaluate,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except FramingError as e:
        print(f"framing {args.command}: {e}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush is quiet
        return 0
    except OSError as e:  # a file that cannot be written or read past the checks: still one line
        print(f"framing {args.command}: {e.filename or ''}{': ' if e.filename else ''}{e.strerror or e}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
