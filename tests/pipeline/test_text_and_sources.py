from __future__ import annotations

import datetime as dt
import io
import sys

import pytest

from geoevents.errors import InputError
from geoevents.sources import decode_text, parse_date, read_article, read_jsonl
from geoevents.text import detect_language, split_sentences


def test_sentences_have_offsets_into_the_text():
    text = "Le Gén. Milley a parlé à Bagdad. Puis il est parti.\nTitre sans point\n\nM. Esper aussi."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Le Gén. Milley a parlé à Bagdad.", "Puis il est parti.", "Titre sans point",
        "M. Esper aussi.",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_sentences_keep_initials_and_us():
    text = "George W. Bush visited the U.S. base. It was hot."
    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les forces irakiennes ont repris leurs opérations avec la coalition.", "fr"),
        ("The coalition said it had resumed operations with Iraqi forces.", "en"),
        ("قالت وزارة الدفاع إن صاروخين سقطا قرب قاعدة عين الأسد", "ar"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_parse_date_forms():
    assert parse_date("2020-01-31") == dt.date(2020, 1, 31)
    assert parse_date("2020-01-31T10:00:00Z") == dt.date(2020, 1, 31)
    assert parse_date(dt.datetime(2020, 1, 31, 5)) == dt.date(2020, 1, 31)
    assert parse_date(None) is None
    for bad in ("2020-02-30", "31/01/2020", "janvier"):
        with pytest.raises(InputError, match="YYYY-MM-DD"):
            parse_date(bad)


def test_decode_refuses_binary_and_wrong_encoding():
    with pytest.raises(InputError, match="binary"):
        decode_text(b"abc\x00def", name="x")
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_text("Irak à Erbil".encode("latin-1"), name="x")
    with pytest.raises(InputError, match="empty"):
        decode_text(b"   \n", name="x")
    assert decode_text("\ufeffErbil".encode(), name="x") == "Erbil"


def test_html_is_stripped_to_visible_text():
    page = b"<html><head><style>p{}</style></head><body><h1>Titre</h1><p>Frappe &agrave; Erbil</p></body></html>"
    assert decode_text(page, name="x") == "Titre\nFrappe à Erbil"


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Erbil. " * (300 * 1024))
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        read_article(big, max_bytes=1024 * 1024)


def test_read_article_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Frappe à Erbil".encode())))
    article = read_article("-", date=dt.date(2020, 1, 1))
    assert article.text == "Frappe à Erbil" and article.id == "stdin"


def test_read_jsonl_records_and_errors(tmp_path):
    docs = tmp_path / "d.jsonl"
    docs.write_text(
        '{"id": 7, "text": "Erbil", "date": "2020-01-08", "url": "http://x", "extra": 1}\n\n'
        '{"text": "Kirkuk"}\n',
        encoding="utf-8",
    )
    articles = list(read_jsonl(docs))
    assert [a.id for a in articles] == ["7", f"{docs}:3"]
    assert articles[0].date == dt.date(2020, 1, 8) and articles[0].url == "http://x"
    docs.write_text('{"id": 1, "text": "a"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"d.jsonl:2: expected a JSON object"):
        list(read_jsonl(docs))
    docs.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"d.jsonl:1: missing \"text\""):
        list(read_jsonl(docs))
