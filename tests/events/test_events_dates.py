"""Date expressions resolved against the article date (weekday checks done by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from geoevents.events.dates import find_dates

FRI_2020_01_31 = dt.date(2020, 1, 31)


def _one(text, anchor, lang="fr"):
    spans = find_dates(text, anchor, lang=lang)
    assert len(spans) == 1, spans
    return spans[0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("le 8 janvier", "fr", dt.date(2020, 1, 8)),
        ("Jeudi 30 janvier", "fr", dt.date(2020, 1, 30)),
        ("hier", "fr", dt.date(2020, 1, 30)),
        ("avant-hier", "fr", dt.date(2020, 1, 29)),
        ("jeudi", "fr", dt.date(2020, 1, 30)),
        ("vendredi", "fr", FRI_2020_01_31),
        ("mardi dernier", "fr", dt.date(2020, 1, 28)),
        ("on January 8", "en", dt.date(2020, 1, 8)),
        ("8th of January", "en", dt.date(2020, 1, 8)),
        ("yesterday", "en", dt.date(2020, 1, 30)),
        ("last Tuesday", "en", dt.date(2020, 1, 28)),
        ("last Friday", "en", dt.date(2020, 1, 24)),
        ("early Wednesday", "en", dt.date(2020, 1, 29)),
        ("le 2 février 2019", "fr", dt.date(2019, 2, 2)),
        ("2020-01-03", "en", dt.date(2020, 1, 3)),
    ],
)
def test_day_expressions(text, lang, expected):
    span = _one(f"Texte {text} ici", FRI_2020_01_31, lang)
    assert span.date == expected
    assert span.time_precision == 1
    assert span.text.lower().endswith(text.split()[-1].lower())


def test_day_and_month_after_the_article_is_last_year():
    assert _one("le 25 décembre", dt.date(2020, 1, 5)).date == dt.date(2019, 12, 25)


def test_weekday_that_disagrees_with_the_year_picks_the_year_that_agrees():
    # 30 January is a Wednesday in 2019 and a Thursday in 2020
    assert _one("mercredi 30 janvier", dt.date(2020, 1, 31)).date == dt.date(2019, 1, 30)


def test_night_from_one_weekday_to_the_next_is_a_two_day_range():
    span = _one("dans la nuit de mardi à mercredi", dt.date(2020, 1, 9))
    assert (span.date_start, span.date_end, span.time_precision) == (
        dt.date(2020, 1, 7), dt.date(2020, 1, 8), 1,
    )
    assert span.date == span.date_start


def test_overnight_and_last_night():
    span = _one("overnight", dt.date(2022, 3, 14), "en")
    assert (span.date_start, span.date_end) == (dt.date(2022, 3, 13), dt.date(2022, 3, 14))


def test_week_and_month_precision():
    week = _one("la semaine dernière", dt.date(2023, 12, 26))
    assert (week.date_start, week.date_end, week.time_precision) == (
        dt.date(2023, 12, 18), dt.date(2023, 12, 24), 2,
    )
    month = _one("in March", dt.date(2020, 1, 31), "en")
    assert (month.date_start, month.date_end, month.time_precision) == (
        dt.date(2019, 3, 1), dt.date(2019, 3, 31), 3,
    )


def test_without_article_date_only_what_the_text_gives():
    no_year = _one("le 8 janvier", None)
    assert (no_year.date, no_year.time_precision, no_year.text) == (None, 4, "le 8 janvier")
    dated = _one("le 8 janvier 2020", None)
    assert (dated.date, dated.time_precision) == (dt.date(2020, 1, 8), 1)
    assert _one("hier", None).date is None
    assert _one("la semaine dernière", None).time_precision == 4


def test_numeric_dates_follow_the_language_order():
    assert _one("le 08/01/2020", None, "fr").date == dt.date(2020, 1, 8)
    assert _one("on 08/01/2020", None, "en").date == dt.date(2020, 8, 1)


def test_vague_span_gives_no_date():
    span = _one("in recent weeks", FRI_2020_01_31, "en")
    assert span.date is None and span.time_precision == 4


def test_words_that_only_contain_dates_are_not_dates():
    assert find_dates("the 5200 marines and the Marais", FRI_2020_01_31, lang="en") == []
    assert find_dates("une hiérarchie stricte", FRI_2020_01_31, lang="fr") == []
