"""The command line: readable text, JSON, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from framing.cli import main

from .conftest import SEED_PAGES


def test_clean_prints_title_and_body(capsys):
    assert main(["clean", str(SEED_PAGES[0])]) == 0
    out = capsys.readouterr().out
    assert "Title: " in out
    assert out.count("\n\n") >= 5


def test_clean_json_has_the_article_fields(capsys):
    page = next(p for p in SEED_PAGES if p.name.startswith("korean-daily"))
    assert main(["clean", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"title", "published", "modified", "outlet", "credit", "url", "description", "keywords", "body", "blocks"}
    assert data["published"].startswith("2025-07-12T")
    assert len(data["body"]) == 8
    assert set(data["blocks"][0]) == {"text", "decision", "reason"}
    assert len(data["blocks"]) == 24


def test_clean_reads_standard_input():
    page = next(p for p in SEED_PAGES if p.name.startswith("sputnik")).read_bytes()
    done = subprocess.run([sys.executable, "-m", "framing", "clean", "-", "--json"], input=page, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["body"]) == 13


def test_missing_file_is_one_line_on_stderr_without_traceback():
    done = subprocess.run([sys.executable, "-m", "framing", "clean", "no/such/page.txt"], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == "framing clean: no/such/page.txt: no such file"
    assert "Traceback" not in done.stderr


def test_binary_file_is_one_line_on_stderr(tmp_path):
    page = tmp_path / "image.png"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    done = subprocess.run([sys.executable, "-m", "framing", "clean", str(page)], capture_output=True, text=True)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "binary" in done.stderr


def test_folder_is_an_error(tmp_path, capsys):
    assert main(["clean", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_label_writes_jsonl_when_piped(small_model_file):
    page = next(p for p in SEED_PAGES if p.name.startswith("korean-daily"))
    done = subprocess.run([sys.executable, "-m", "framing", "label", str(page), "--model", str(small_model_file)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 8
    assert set(records[0]) == {"page", "paragraph", "start", "end", "text", "label", "probabilities"}


def test_label_reads_a_folder_and_a_jsonl_collection(small_model_file, tmp_path, capsys):
    assert main(["label", str(SEED_PAGES[0].parent), "--model", str(small_model_file), "--jsonl"]) == 0
    pages = {json.loads(line)["page"] for line in capsys.readouterr().out.splitlines()}
    assert len(pages) == 2
    collection = tmp_path / "pages.jsonl"
    collection.write_text("".join(json.dumps({"id": p.stem, "page": p.read_text(encoding="utf-8")}) + "\n" for p in SEED_PAGES))
    assert main(["label", str(collection), "--model", str(small_model_file), "--jsonl"]) == 0
    assert {json.loads(line)["page"] for line in capsys.readouterr().out.splitlines()} == {p.stem for p in SEED_PAGES}


def test_label_table_on_a_terminal(small_model_file, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["label", str(SEED_PAGES[0]), "--model", str(small_model_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== ") and "background" in out


def test_label_bad_collection_line_is_named(small_model_file, tmp_path):
    collection = tmp_path / "bad.jsonl"
    collection.write_text('{"id": "a", "page": "x"}\n{broken\n')
    done = subprocess.run([sys.executable, "-m", "framing", "label", str(collection), "--model", str(small_model_file)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "bad.jsonl:2" in done.stderr and "Traceback" not in done.stderr


def test_train_then_evaluate(tmp_path, small_data, capsys):
    data = tmp_path / "data.csv"
    import csv

    with data.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label", "doc_id"])
        writer.writerows(zip(small_data.texts, small_data.labels, small_data.doc_ids))
    out = tmp_path / "model.joblib"
    assert main(["train", str(data), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "cross-validated" in printed and "macro-F1" in printed
    assert out.is_file() and out.with_suffix(".json").is_file()
    assert main(["evaluate", str(data), "--model", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"n", "accuracy", "macro_f1", "per_label", "confusion"}
    assert report["n"] == len(small_data)
    assert set(report["per_label"]["background"]) == {"precision", "recall", "f1", "support"}


def test_evaluate_names_a_bad_record(tmp_path, small_model_file):
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"text": "A sentence.", "label": "opinion"}) + "\n")
    done = subprocess.run([sys.executable, "-m", "framing", "evaluate", str(data), "--model", str(small_model_file)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "d.jsonl:1: unknown label 'opinion'" in done.stderr and "Traceback" not in done.stderr


def test_unwritable_output_is_one_line(tmp_path, small_data):
    import csv
    import os

    if os.geteuid() == 0:
        target = "/proc/framing-cannot-write-here/model.joblib"  # root may write anywhere else
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = str(locked / "model.joblib")
    data = tmp_path / "d.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label", "doc_id"])
        writer.writerows(zip(small_data.texts, small_data.labels, small_data.doc_ids))
    done = subprocess.run([sys.executable, "-m", "framing", "train", str(data), "--out", target],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("framing train: ") and "Traceback" not in done.stderr
