"""load_annotations: every format, every kind of bad record, and the shipped corpus itself."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from framing import FramingError
from framing.data import load_annotations, normalize_label
from framing.types import LABELS

from .conftest import CORPUS


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [
    {"text": "The minister said talks would resume.", "label": "attribution", "doc_id": "d1", "split": "train"},
    {"text": "“We will not back down,” she said.", "label": "Direct Quote", "doc_id": "d1", "split": "train"},
    {"text": "The regime's latest stunt fooled nobody.", "label": "editorial-framing", "doc_id": "d2", "split": "dev"},
    {"text": "The bridge closed in March.", "label": " BACKGROUND ", "doc_id": "d2", "split": "dev"},
]


@pytest.mark.parametrize(
    ("raw", "label"),
    [("Direct Quote", "direct_quote"), ("direct-quote", "direct_quote"), ("EDITORIAL_FRAMING", "editorial_framing"),
     ("  background ", "background"), ("attribution", "attribution"), ("opinion", None), (None, None), (3, None)],
)
def test_label_names_fold_case_spaces_and_dashes(raw, label):
    assert normalize_label(raw) == label


def test_jsonl(tmp_path):
    data = load_annotations(_jsonl(tmp_path / "a.jsonl", ROWS))
    assert data.labels == ("attribution", "direct_quote", "editorial_framing", "background")
    assert data.doc_ids == ("d1", "d1", "d2", "d2")
    assert data.origins[2].endswith("a.jsonl:3")
    assert len(data.subset("dev")) == 2


def test_csv_tsv_parquet_dataset_and_a_list_of_them(tmp_path):
    import csv

    import datasets

    with (tmp_path / "a.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["text", "label", "doc_id", "split"])
        writer.writeheader()
        writer.writerows(ROWS)
    with (tmp_path / "a.tsv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["text", "label"], delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(ROWS)
    datasets.Dataset.from_list(ROWS).to_parquet(str(tmp_path / "a.parquet"))
    in_memory = datasets.Dataset.from_list(ROWS)
    for source in ("a.csv", "a.tsv", "a.parquet"):
        assert load_annotations(tmp_path / source).labels[1] == "direct_quote", source
    assert load_annotations(in_memory).origins[3] == "<Dataset> row 3"
    combined = load_annotations([tmp_path / "a.csv", in_memory])
    assert len(combined) == 8
    assert len(combined.duplicates) == 4  # each text twice, same label


def test_unknown_label_names_file_line_and_value(tmp_path):
    rows = [*ROWS, {"text": "Something else entirely.", "label": "Opinion"}]
    with pytest.raises(FramingError, match=r"b\.jsonl:5: unknown label 'Opinion'"):
        load_annotations(_jsonl(tmp_path / "b.jsonl", rows))


def test_missing_column_is_named(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [{"text": "A sentence.", "tag": "background"}])
    with pytest.raises(FramingError, match=r"c\.jsonl: missing required column 'label' \(columns: text, tag\)"):
        load_annotations(path)


def test_empty_text_names_the_line(tmp_path):
    rows = [ROWS[0], {"text": "   ", "label": "background"}]
    with pytest.raises(FramingError, match=r"d\.jsonl:2: empty text"):
        load_annotations(_jsonl(tmp_path / "d.jsonl", rows))


def test_non_utf8_bytes_name_the_line(tmp_path):
    path = tmp_path / "e.csv"
    path.write_bytes(b"text,label\nFine sentence.,background\nCaf\xe9 opened.,background\n")
    with pytest.raises(FramingError, match=r"e\.csv:3: not UTF-8 \(byte 0xe9"):
        load_annotations(path)


def test_csv_line_numbers_survive_quoted_newlines(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('text,label\n"A sentence\nspread over two lines.",background\nAnother one.,nonsense\n', encoding="utf-8")
    with pytest.raises(FramingError, match=r"f\.csv:4: unknown label 'nonsense'"):
        load_annotations(path)


def test_conflicting_duplicates_are_reported(tmp_path):
    rows = [ROWS[0], {**ROWS[0], "label": "background"}, ROWS[3]]
    data = load_annotations(_jsonl(tmp_path / "g.jsonl", rows))
    assert len(data.conflicts) == 1 and len(data.conflicts[0]) == 2
    assert data.duplicates == ()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("h.txt", "x", "unknown annotation format"), ("missing.jsonl", None, "no such file"),
     ("i.jsonl", "{not json\n", "cannot read as json")],
)
def test_unreadable_sources(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FramingError, match=message):
        load_annotations(path)


def test_dataset_dict_and_empty_list_are_refused():
    import datasets

    with pytest.raises(FramingError, match="DatasetDict"):
        load_annotations(datasets.DatasetDict({"train": datasets.Dataset.from_list(ROWS)}))
    with pytest.raises(FramingError, match="no annotation sources"):
        load_annotations([])


# The shipped corpus: the floors, checked on the file itself.

@pytest.fixture(scope="module")
def corpus():
    return load_annotations(CORPUS)


def test_corpus_size_and_label_shares(corpus):
    assert len(corpus) >= 3000
    assert len(set(corpus.doc_ids)) >= 150
    counts = Counter(corpus.labels)
    assert set(counts) == set(LABELS)
    assert min(counts.values()) / len(corpus) >= 0.15


def test_corpus_has_no_repeated_sentence(corpus):
    assert corpus.duplicates == () and corpus.conflicts == ()


def test_corpus_splits_are_by_document(corpus):
    splits_of = defaultdict(set)
    for doc, split in zip(corpus.doc_ids, corpus.splits):
        splits_of[doc].add(split)
    assert all(len(s) == 1 for s in splits_of.values())
    assert {s for (s,) in splits_of.values()} == {"train", "dev", "test"}


def test_corpus_columns_and_variety(corpus):
    assert {"outlet_kind", "topic"} <= set(corpus.extra)
    assert len(set(corpus.extra["outlet_kind"])) >= 10
    assert len(set(corpus.extra["topic"])) >= 10


def test_corpus_holds_both_seed_articles_in_test(corpus):
    seeds = {d for d in corpus.doc_ids if d.startswith("seed-")}
    assert len(seeds) == 2
    assert all(s == "test" for d, s in zip(corpus.doc_ids, corpus.splits) if d in seeds)


def test_by_document_keeps_whole_documents_in_input_order(tmp_path):
    rows = [{"text": f"Sentence {i}.", "label": "background", "doc_id": f"d{i % 3}"} for i in range(9)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    picked = load_annotations(path).by_document(lambda d: d != "d1")
    assert picked.texts == tuple(f"Sentence {i}." for i in range(9) if i % 3 != 1)
    assert set(picked.doc_ids) == {"d0", "d2"}
