"""Bad input: one-line error, exit 1 (2 for usage), no traceback, no output file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run_cli


def _assert_one_line_error(result, code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("geoevents: error:")


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n\t ")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("L'Irak a été frappé à Erbil, déclaré le ministère.".encode("latin-1"))
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "missing": tmp_path / "does-not-exist.txt",
        "directory": folder,
        "empty": empty,
        "blank": blank,
        "binary": binary,
        "latin1": latin1,
    }


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "blank", "binary", "latin1"])
def test_bad_article_is_one_line_error_and_writes_nothing(bad_inputs, tmp_path, kind):
    out = tmp_path / "out" / "map.html"
    result = run_cli("map", str(bad_inputs[kind]), "-o", str(out))
    _assert_one_line_error(result, 1)
    assert str(bad_inputs[kind].name) in result.stderr
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())


def test_latin1_article_reads_with_encoding_option(bad_inputs, tmp_path):
    out = tmp_path / "latin1.geojson"
    result = run_cli("export", str(bad_inputs["latin1"]), "--encoding", "latin-1",
                     "--format", "geojson", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Erbil" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad_date", ["31/01/2020", "2020-13-01", "yesterday", "2020-02-30"])
def test_bad_date_is_a_usage_error(tmp_path, bad_date):
    out = tmp_path / "map.html"
    result = run_cli("map", str(EXAMPLE), "--date", bad_date, "-o", str(out))
    _assert_one_line_error(result, 2)
    assert bad_date in result.stderr
    assert not out.exists()


def test_unknown_option_is_usage_error(tmp_path):
    result = run_cli("map", str(EXAMPLE), "--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_existing_output_survives_a_failed_run(bad_inputs, tmp_path):
    out = tmp_path / "map.html"
    out.write_text("previous map", encoding="utf-8")
    result = run_cli("map", str(bad_inputs["binary"]), "-o", str(out))
    assert result.returncode == 1
    assert out.read_text(encoding="utf-8") == "previous map"


def test_broken_jsonl_names_the_line(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "Erbil"}\n{"id": "b", "text": \n', encoding="utf-8")
    out = tmp_path / "toponyms.jsonl"
    result = run_cli("toponyms", "--jsonl", str(docs), "-o", str(out))
    _assert_one_line_error(result, 1)
    assert "docs.jsonl:2" in result.stderr
    assert not out.exists()


def test_jsonl_bad_date_names_the_line(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "Erbil", "date": "last week"}\n', encoding="utf-8")
    result = run_cli("toponyms", "--jsonl", str(docs))
    _assert_one_line_error(result, 1)
    assert "docs.jsonl:1" in result.stderr


def test_html_article_is_read_as_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title><script>var Paris = 1;</script></head>"
        "<body><p>Rockets hit the base in <b>Erbil</b> on Monday.</p></body></html>",
        encoding="utf-8",
    )
    result = run_cli("toponyms", str(page))
    assert result.returncode == 0, result.stderr
    assert '"Erbil"' in result.stdout
    assert "Paris" not in result.stdout


def test_stdin_dash(tmp_path):
    result = run_cli("toponyms", "-", stdin=b"Two rockets struck Baghdad airport.")
    assert result.returncode == 0, result.stderr
    assert '"id": "stdin"' in result.stdout
    assert "Baghdad" in result.stdout


def test_help_everywhere():
    for args in (["--help"], ["map", "--help"], ["geojson", "--help"], ["toponyms", "--help"],
                 ["export", "--help"]):
        result = run_cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Usage" in result.stdout
