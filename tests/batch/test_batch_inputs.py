"""Batch inputs: files, folders, globs, JSONL and stdin, with per-document failures."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from geoevents.batch import Document, ReadFailure, document_key, iter_documents
from geoevents.model import Article


def _tree(root: Path) -> None:
    (root / "a").mkdir(parents=True)
    (root / "a" / "one.txt").write_text("Strike on Erbil.", encoding="utf-8")
    (root / "a" / "two.html").write_text("<html><body><p>Strike on <b>Kirkuk</b>.</p></body></html>",
                                         encoding="utf-8")
    (root / "a" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (root / "a" / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / "b").mkdir()
    (root / "b" / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Drones hit Homs.", "date": "2020-03-02",
                    "url": "https://x.example/1"}) + "\n"
        + "{broken\n"
        + "\n"
        + json.dumps({"id": "j3", "text": "Rockets fell on Aden."}) + "\n",
        encoding="utf-8",
    )


def test_folder_is_walked_in_order_with_jsonl_lines_and_bad_line_reported(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(iter_documents([tmp_path], date=dt.date(2020, 1, 1)))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [d.article.id for d in docs] == [
        str(tmp_path / "a" / "one.txt"), str(tmp_path / "a" / "two.html"), "j1", "j3"
    ]
    assert docs[1].article.text == "Strike on Kirkuk."
    assert docs[2].article.date == dt.date(2020, 3, 2)
    assert docs[2].article.url == "https://x.example/1"
    assert docs[3].article.date == dt.date(2020, 1, 1)  # the batch default
    assert docs[2].source == f"{tmp_path / 'b' / 'feed.jsonl'}:1"
    assert len(failures) == 1
    assert failures[0].source.endswith("feed.jsonl:2")
    assert "invalid JSON" in failures[0].message and "\n" not in failures[0].message


def test_globs_and_missing_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(iter_documents(
        [str(tmp_path / "**" / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.zzz"),
         str(tmp_path / "b" / "*.jsonl")],
    ))
    sources = [i.source for i in items]
    assert sources[0] == str(tmp_path / "a" / "one.txt")
    assert str(tmp_path / "a" / ".hidden.txt") not in sources  # glob skips dot files
    missing = [i.message for i in items if isinstance(i, ReadFailure) and "feed" not in i.source]
    assert missing == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / '*.zzz'}: no file matches",
    ]
    assert [i.article.id for i in items if isinstance(i, Document)] == [
        str(tmp_path / "a" / "one.txt"), "j1", "j3"
    ]


def test_output_folder_is_not_walked(tmp_path: Path) -> None:
    _tree(tmp_path)
    out = tmp_path / "a" / "out"
    out.mkdir()
    (out / "old.txt").write_text("must not be read", encoding="utf-8")
    sources = [i.source for i in iter_documents([tmp_path / "a"], skip=out)]
    assert str(out / "old.txt") not in sources
    assert str(tmp_path / "a" / "one.txt") in sources
    globbed = [i.source for i in iter_documents([str(tmp_path / "**" / "*.txt")], skip=out)]
    assert str(out / "old.txt") not in globbed and str(tmp_path / "a" / "one.txt") in globbed


def test_corrupt_files_are_failures_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("Strike on Erbil.", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    (tmp_path / "3.txt").write_bytes("caf\xe9 Latin-1".encode("latin-1"))
    (tmp_path / "4.txt").write_text("", encoding="utf-8")
    (tmp_path / "5.txt").write_text("Shelling in Homs.", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "ReadFailure", "ReadFailure", "ReadFailure", "Document"]
    messages = [i.message for i in items if isinstance(i, ReadFailure)]
    assert "binary" in messages[0] and "UTF-8" in messages[1] and "empty" in messages[2]


def test_stdin_jsonl_and_plain_text() -> None:
    feed = b'{"id": "s1", "text": "Strike on Erbil."}\n{"id": "s2", "text": "Shelling in Homs."}\n'
    docs = list(iter_documents(["-"], stdin=io.BytesIO(feed)))
    assert [d.article.id for d in docs if isinstance(d, Document)] == ["s1", "s2"]
    plain = list(iter_documents(["-"], stdin=io.BytesIO(b"Frappe sur Erbil.\n")))
    assert len(plain) == 1 and isinstance(plain[0], Document)
    assert plain[0].article.id == "stdin" and plain[0].article.text.startswith("Frappe")
    twice = list(iter_documents(["-", "-"], stdin=io.BytesIO(b"Text.")))
    assert isinstance(twice[1], ReadFailure)


def test_document_key_ignores_spacing_but_not_words_or_date() -> None:
    base = Article("Drones hit Homs.\n\nTwo died.", date=dt.date(2020, 3, 2))
    assert document_key(base) == document_key(Article("Drones  hit Homs. Two died. ", id="x",
                                                      date=dt.date(2020, 3, 2)))
    assert document_key(base) != document_key(Article("Drones hit Hama. Two died.",
                                                      date=dt.date(2020, 3, 2)))
    assert document_key(base) != document_key(Article(base.text, date=dt.date(2020, 3, 3)))
    composed = Article("Lattaqui\u00e9", date=None)
    decomposed = Article("Lattaquie\u0301", date=None)
    assert document_key(composed) == document_key(decomposed)
