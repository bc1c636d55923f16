"""Annotated sentences in, validated records out: the one door for training and evaluation data.

Files are read through Hugging Face ``datasets`` (CSV, JSONL, Parquet, or a ``Dataset`` already
in memory), then checked here, because ``datasets`` reports neither the file line nor the value
when a record is wrong. Every error names the file, the line (or row) and the value.
"""

from __future__ import annotations

import csv
import logging
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import FramingError
from .types import LABELS

if TYPE_CHECKING:  # importing datasets takes seconds: only where it is used
    import datasets

log = logging.getLogger(__name__)

REQUIRED = ("text", "label")
OPTIONAL = ("doc_id", "split")
_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}
_FOLD = re.compile(r"[\s_-]+")

# A file path, or a datasets.Dataset (typed loosely: the import is deferred).
Source = str | os.PathLike[str] | Any


@dataclass(frozen=True, slots=True)
class Annotations:
    """Labelled sentences, in input order, each with where it came from ("file:line")."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    doc_ids: tuple[str, ...]
    splits: tuple[str | None, ...]
    origins: tuple[str, ...]
    extra: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    duplicates: tuple[tuple[str, ...], ...] = ()  # same text, same label: the origins of each group
    conflicts: tuple[tuple[str, ...], ...] = ()  # same text, different labels

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, *splits: str) -> Annotations:
        """The records of the given splits ("train", "dev", "test"), in input order."""
        keep = [i for i, s in enumerate(self.splits) if s in splits]
        return self._take(keep)

    def by_document(self, keep: Callable[[str], bool]) -> Annotations:
        """The records of the documents whose doc_id ``keep`` accepts, in input order."""
        return self._take([i for i, d in enumerate(self.doc_ids) if keep(str(d))])

    def _take(self, keep: Sequence[int]) -> Annotations:
        pick = lambda values: tuple(values[i] for i in keep)  # noqa: E731
        return Annotations(
            texts=pick(self.texts), labels=pick(self.labels), doc_ids=pick(self.doc_ids),
            splits=pick(self.splits), origins=pick(self.origins),
            extra={k: pick(v) for k, v in self.extra.items()},
        )


def normalize_label(value: object) -> str | None:
    """'Direct Quote', 'direct-quote', ' DIRECT_QUOTE ' -> 'direct_quote'; None if unknown."""
    if not isinstance(value, str):
        return None
    folded = _FOLD.sub("_", value.strip().casefold())
    return folded if folded in LABELS else None


def load_annotations(source: Source | Sequence[Source]) -> Annotations:
    """Read, validate and combine annotated sentences from one source or a list of them.

    Required columns: ``text`` and ``label``; optional ``doc_id`` (else one document per file
    line) and ``split``; other columns are kept in ``extra``. Raises ``FramingError`` naming the
    file, line and value for a missing column, an empty text, an unknown label or bytes that are
    not UTF-8. Exact and conflicting duplicates are reported (logged and returned), not dropped.
    """
    sources = list(source) if isinstance(source, (list, tuple)) else [source]
    if not sources:
        raise FramingError("no annotation sources given")
    records: list[tuple[str, str, str, str | None, str, dict[str, Any]]] = []
    for src in sources:
        records.extend(_read(src))
    return _combine(records)


def _read(src: Source) -> Iterator[tuple[str, str, str, str | None, str, dict[str, Any]]]:
    dataset, name, origin_of = _open(src)
    missing = [c for c in REQUIRED if c not in dataset.column_names]
    if missing:
        raise FramingError(
            f"{name}: missing required column {', '.join(repr(c) for c in missing)} "
            f"(columns: {', '.join(dataset.column_names) or 'none'})"
        )
    extra_columns = [c for c in dataset.column_names if c not in REQUIRED + OPTIONAL]
    for i, row in enumerate(dataset):
        origin = origin_of(i)
        text = row["text"]
        if not isinstance(text, str) or not text.strip():
            raise FramingError(f"{origin}: empty text (text={text!r})")
        label = normalize_label(row["label"])
        if label is None:
            raise FramingError(f"{origin}: unknown label {row['label']!r} (known: {', '.join(LABELS)})")
        doc_id = row.get("doc_id")
        split = row.get("split")
        yield (
            text.strip(), label, str(doc_id) if doc_id not in (None, "") else origin,
            str(split) if split not in (None, "") else None, origin, {c: row[c] for c in extra_columns},
        )


def _open(src: Source) -> tuple[datasets.Dataset, str, Any]:
    import datasets

    if isinstance(src, datasets.Dataset):
        return src, "<Dataset>", lambda i: f"<Dataset> row {i}"
    if isinstance(src, datasets.DatasetDict):
        raise FramingError("a DatasetDict holds several splits: pass one Dataset, e.g. dataset['train']")
    path = Path(src)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FramingError(f"{path}: unknown annotation format {path.suffix!r} (use .csv, .tsv, .jsonl, .json or .parquet)")
    if not path.is_file():
        raise FramingError(f"{path}: no such file")
    lines = _line_numbers(path, fmt)
    options: dict[str, Any] = {"delimiter": "\t"} if path.suffix.lower() == ".tsv" else {}
    bars_were_off = datasets.are_progress_bars_disabled()
    datasets.disable_progress_bars()  # a library call should not draw on the user's terminal
    try:
        dataset = datasets.load_dataset(fmt, data_files=str(path), split="train", **options)
    except Exception as e:  # datasets and pyarrow raise many types; the message is what helps
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise FramingError(f"{path}: cannot read as {fmt}: {first}") from None
    finally:
        if not bars_were_off:
            datasets.enable_progress_bars()
    if lines is None:
        return dataset, str(path), lambda i: f"{path} row {i}"
    return dataset, str(path), lambda i: f"{path}:{lines[i]}" if i < len(lines) else f"{path} row {i}"


def _line_numbers(path: Path, fmt: str) -> list[int] | None:
    """The file line each record starts on, checking on the way that the bytes are UTF-8."""
    if fmt == "parquet":
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise FramingError(f"{path}:{line}: not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    if fmt == "json":
        if path.suffix.lower() == ".json" and text.lstrip().startswith("["):
            return None
        return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    starts, line = [], 1
    for _ in reader:
        starts.append(line)
        line = reader.line_num + 1
    return [s for s in starts[1:]]  # the first record is the header


def _combine(records: Iterable[tuple[str, str, str, str | None, str, dict[str, Any]]]) -> Annotations:
    records = list(records)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (text, *_rest) in enumerate(records):
        groups[" ".join(text.split()).casefold()].append(i)
    duplicates, conflicts = [], []
    for members in groups.values():
        if len(members) > 1:
            origins = tuple(records[i][4] for i in members)
            (conflicts if len({records[i][1] for i in members}) > 1 else duplicates).append(origins)
    if duplicates:
        log.warning("%d texts appear more than once with the same label, e.g. %s", len(duplicates), ", ".join(duplicates[0]))
    if conflicts:
        log.warning("%d texts appear with different labels, e.g. %s", len(conflicts), ", ".join(conflicts[0]))
    extra_keys = sorted({k for r in records for k in r[5]})
    return Annotations(
        texts=tuple(r[0] for r in records),
        labels=tuple(r[1] for r in records),
        doc_ids=tuple(r[2] for r in records),
        splits=tuple(r[3] for r in records),
        origins=tuple(r[4] for r in records),
        extra={k: tuple(r[5].get(k) for r in records) for k in extra_keys},
        duplicates=tuple(duplicates),
        conflicts=tuple(conflicts),
    )
