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
    assert set(data) == {"title", "published", "outlet", "credit", "url", "description", "keywords", "body", "blocks"}
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
