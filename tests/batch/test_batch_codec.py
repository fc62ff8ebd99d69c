"""The JSON codec rebuilds exactly the reports the pipeline made."""

from __future__ import annotations

import json
from pathlib import Path

import batch_generator
import pytest

import geoevents
from geoevents.batch import CodecError, decode_report, encode_report
from geoevents.batch._slim import slim_reports
from geoevents.sources import parse_date

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "iran-strikes-2020-01.fr.txt"


def _reports(gazetteer_ready: None) -> list[geoevents.Report]:
    docs = list(batch_generator.generate(30, seed=3))
    reports = [
        geoevents.parse(geoevents.Article(d["text"], id=d["id"], date=parse_date(d["date"]),
                                          url=d["url"]))
        for d in docs
    ]
    reports.append(geoevents.parse(EXAMPLE.read_text(encoding="utf-8"), date="2020-01-31",
                                   id="example"))
    return reports


def test_round_trip_equals_the_parsed_reports(gazetteer_ready: None) -> None:
    reports = _reports(gazetteer_ready)
    assert sum(len(r.events) for r in reports) >= 30
    decoded = [decode_report(encode_report(r)) for r in reports]
    assert decoded == reports
    # Same records and the same merged outputs from decoded reports.
    assert geoevents.features(decoded) == geoevents.features(reports)
    # The lean form the batch rebuilds its outputs from gives the same records.
    lean = [decode_report(encode_report(r), lean=True) for r in reports]
    assert all(r.article.text == "" and r.mentions == () for r in lean)
    assert geoevents.features(lean) == geoevents.features(reports)
    slim = slim_reports(lean)
    assert geoevents.features(slim) == geoevents.features(reports)
    assert sum(len(r.places) for r in slim) < sum(len(r.places) for r in reports)
    event = next(e for r in decoded for e in r.events if e.place is not None)
    assert isinstance(event.role, geoevents.Role)
    assert event.date is None or event.date.isoformat()


def test_encoded_form_is_one_json_line(gazetteer_ready: None) -> None:
    report = _reports(gazetteer_ready)[0]
    text = encode_report(report)
    assert "\n" not in text
    data = json.loads(text)
    assert data["article"]["id"] == report.article.id
    assert data["article"]["date"] == report.article.date.isoformat()


@pytest.mark.parametrize(
    "payload",
    ["not json", "[1, 2]", '{"article": {"text": "x", "date": "31/01/2020"}, "lang": "fr"}',
     '{"lang": "fr"}', '{"article": {"text": 5}, "lang": "fr"}'],
)
def test_bad_payloads_raise_codec_error(payload: str) -> None:
    with pytest.raises(CodecError):
        decode_report(payload)
