"""Dates of events: absolute and relative expressions resolved against the article date.

Rules (documented because news dates are ambiguous):

* ``date`` is always ``date_start``; ``date_end`` closes the range ("dans la nuit de mardi à
  mercredi" gives Tuesday..Wednesday, "la semaine dernière" the previous Monday..Sunday).
* ``time_precision``: 1 day (or a night), 2 week, 3 month, 4 unknown.
* A day and month without a year take the article's year, or the year before when that
  would put the day more than a week after the article (news reports the past).
  A weekday given with the day ("jeudi 30 janvier") must agree: if it does not agree with
  that year but does with the one before or after, that year wins.
* A bare weekday ("jeudi", "on Tuesday") is the latest such day on or before the article
  date; "mardi dernier" / "last Tuesday" the latest strictly before it.
* Without an article date only what the text gives is kept: an explicit year gives a full
  date; anything else ("le 8 janvier", "hier", "last week") gives ``date=None`` and
  ``time_precision`` 4, the words kept as evidence of the event's date.
* Vague spans ("ces dernières semaines", "in recent weeks") give no date (precision 4) and
  stop the sentence from borrowing the date of the sentences before it.
* Numeric dates ("08/01/2020") go through dateparser with the language's day/month order;
  dateparser is imported lazily and its parser cached per language.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from ._words import candidate_starts, match_at
from .quantities import parse_number

__all__ = ["DateSpan", "find_dates"]

_MONTHS = {
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "october": 10, "november": 11, "december": 12, "dec": 12,
    # Arabic: Egyptian/Maghreb names and the Levantine (Syriac) ones
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يوليو": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4,
    "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10,
    "تشرين الثاني": 11, "كانون الأول": 12,
}
_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}

_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_W = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DAY = r"(?:1er|[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"),
    ("numeric", r"(?P<num>[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d)"),
    (
        "night_range",
        rf"(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<n1>{_W})(?:\s+(?P<n1d>{_DAY}))?\s+(?:à|au)\s+"
        rf"(?P<n2>{_W})(?:\s+(?P<n2d>{_DAY})(?:\s+(?P<n2m>{_M})\.?)?)?"
        rf"|(?:on\s+)?the\s+night\s+of\s+(?P<e1>{_W})\s+to\s+(?P<e2>{_W})"
        rf"|(?:overnight|during\s+the\s+night|late\s+at\s+night)\s+(?:into|to)\s+(?P<e3>{_W})",
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{_W}),?\s+)?(?:le\s+|the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_M})\.?"
        rf"(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    (
        "mdy",
        rf"(?:(?P<wd2>{_W}),?\s+)?(?P<m2>{_M})\.?\s+(?P<d2>{_DAY})\b(?:,?\s+(?P<y2>{_YEAR}))?",
    ),
    ("month", rf"(?:en|in|début|fin|mi-|early|late|mid-)\s*(?P<m3>{_M})(?:\s+(?P<y3>{_YEAR}))?"),
    ("last_weekday", rf"(?P<lw>{_W})\s+dernier|last\s+(?P<lw2>{_W})|(?:يوم\s+)?(?P<lw3>{_W})\s+الماضي"),
    ("rel_night", r"(?:la\s+)?nuit\s+dernière|cette\s+nuit|last\s+night|overnight|dans\s+la\s+nuit|nocturnes?|"
                  r"(?:خلال\s+|في\s+)?الليلة\s+الماضية|ليلة\s+أمس"),
    ("day_before", r"avant-hier|the\s+day\s+before\s+yesterday"),
    # counted from the day the story has reached ("la veille", "a day earlier", "le lendemain")
    ("eve", r"la\s+veille|l['’]avant-veille|the\s+day\s+before|the\s+previous\s+day|(?:a|one)\s+day\s+(?:earlier|before|after)|un\s+jour\s+après"),
    ("next_day", r"le\s+lendemain|the\s+(?:next|following)\s+day|(?:a|one)\s+day\s+later"),
    (
        "days_ago",
        r"il\s+y\s+a\s+(?P<ago>\w+)\s+jours|(?P<ago2>\w+)\s+jours\s+(?:plus\s+tôt|auparavant|avant)|"
        r"(?P<ago3>\w+)\s+days\s+(?:ago|earlier|before|after|later)|(?P<ago4>\w+)\s+jours\s+plus\s+tard",
    ),
    ("yesterday", r"hier|yesterday|(?:مساء\s+|صباح\s+|فجر\s+|ليل\s+)?(?:يوم\s+)?(?:أمس|الأمس)"),
    ("today", r"aujourd'hui|aujourd’hui|ce\s+matin|ce\s+soir|today|this\s+morning|tonight|earlier\s+today|"
              r"(?:صباح|فجر|مساء|ظهر)\s+اليوم|اليوم"),
    ("last_week", r"la\s+semaine\s+(?:dernière|passée)|last\s+week"),
    ("this_week", r"cette\s+semaine|(?:earlier\s+)?this\s+week|en\s+début\s+de\s+semaine"),
    ("last_month", r"le\s+mois\s+dernier|last\s+month"),
    ("weekday", rf"(?P<bw>{_W})(?!\s+(?:dernier|prochain))"),
    (
        "vague",
        r"(?:ces|les)\s+(?:dernières\s+semaines|derniers\s+(?:jours|mois))|récemment|"
        r"depuis\s+(?:des|plusieurs)\s+(?:semaines|mois)|in\s+recent\s+(?:weeks|days|months)|"
        r"recently|for\s+(?:weeks|months)|over\s+the\s+past\s+(?:few\s+)?(?:weeks|days|months)",
    ),
]
_DATE_RE = re.compile(
    "|".join(rf"(?P<{name}>\b(?:{pattern})(?!\w))" for name, pattern in _PATTERNS),
    re.IGNORECASE,
)
_KINDS = [name for name, _ in _PATTERNS]
# 3-letter starts of every word that can anchor a date expression (see candidate_starts)
_DATE_KEYS = frozenset(
    word[:3]
    for word in (
        *_MONTHS, *_WEEKDAYS, "hier", "yesterday", "أمس", "الأمس", "اليوم", "مساء", "صباح", "فجر",
        "ليل", "ليلة", "الليلة", "خلال", "يوم", "aujourd", "today", "matin", "soir", "morning",
        "tonight", "nuit", "night", "overnight", "nocturne", "during", "semaine", "semaines", "week", "weeks", "mois",
        "month", "months", "récemment", "recently", "recent", "jours", "days", "début", "fin", "il",
        "mi", "early", "late", "mid", "veille", "avant", "lendemain", "day", "jour",
    )
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date expression of a sentence, resolved."""

    start: int  # offsets relative to the string searched
    end: int
    text: str
    date_start: dt.date | None
    date_end: dt.date | None
    time_precision: int

    @property
    def date(self) -> dt.date | None:
        return self.date_start


def find_dates(
    text: str, article_date: dt.date | None, *, lang: str = "en", narrative: dt.date | None = None
) -> list[DateSpan]:
    """Every date expression in ``text`` resolved against ``article_date``.

    ``narrative`` is the day the sentences before have reached: "la veille", "a day later",
    "two days earlier" count from the day named just before in the sentence, else from it
    (else from the article date, except "le lendemain", which then gives no date).

    >>> [d.date_start.isoformat() for d in find_dates("Jeudi 30 janvier, puis hier", dt.date(2020, 1, 31))]
    ['2020-01-30', '2020-01-30']
    >>> d = find_dates("dans la nuit de mardi à mercredi", dt.date(2020, 1, 9), lang="fr")[0]
    >>> d.date_start.isoformat(), d.date_end.isoformat(), d.time_precision
    ('2020-01-07', '2020-01-08', 1)
    """
    out: list[DateSpan] = []
    starts = candidate_starts(text, prefixes=_DATE_KEYS, digits=True, lookback=4)
    for match in match_at(_DATE_RE, text, starts):
        kind = match.lastgroup
        if kind is None:  # pragma: no cover - every alternative is named
            continue
        anchor = article_date
        if kind in ("eve", "next_day") or (
            kind == "days_ago"
            and re.search(r"after|before|earlier|later|plus\s+tôt|plus\s+tard|auparavant|avant", match.group(0))
        ):
            # "on Sunday, two days after ...": counted from the day just named, if any
            named = [d.date_start for d in out if d.date_start is not None and d.time_precision == 1]
            anchor = named[-1] if named else narrative or (None if kind == "next_day" else article_date)
        span = _resolve(kind, match, anchor, lang)
        if span is not None:
            out.append(span)
    return out


def _day(raw: str) -> int:
    return int(re.sub(r"\D", "", raw) or 1)


def _month(raw: str) -> int:
    return _MONTHS[raw.lower().rstrip(".")]


def _weekday(raw: str | None) -> int | None:
    return _WEEKDAYS[raw.lower()] if raw else None


def _on_or_before(anchor: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    delta = (anchor.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(
    day: int, month: int, year: int | None, weekday: int | None, anchor: dt.date | None
) -> tuple[dt.date | None, int]:
    if year is not None:
        return _safe_date(year, month, day), 1
    if anchor is None:
        return None, 1
    value = _safe_date(anchor.year, month, day)
    if value is not None and value > anchor + dt.timedelta(days=7):
        value = _safe_date(anchor.year - 1, month, day)
    if value is not None and weekday is not None and value.weekday() != weekday:
        for year_try in (anchor.year, anchor.year - 1, anchor.year + 1):
            other = _safe_date(year_try, month, day)
            if other is not None and other.weekday() == weekday:
                value = other
                break
    return value, 1


def _span(
    match: re.Match[str], start: dt.date | None, end: dt.date | None, precision: int
) -> DateSpan:
    if start is None:
        precision = 4  # no date: its precision is unknown (the words stay as evidence)
    words = match.group(0)
    if words.endswith(".") and not re.search(r"\b\w{1,4}\.$", words):
        words = words[:-1]  # the full stop of the sentence, not of an abbreviation
    return DateSpan(match.start(), match.start() + len(words), words, start, end or start, precision)


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None, lang: str) -> DateSpan | None:
    g = m.group
    if kind == "iso":
        value = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return _span(m, value, value, 1) if value else None
    if kind == "numeric":
        value = _numeric(g("num"), lang)
        return _span(m, value, value, 1) if value else None
    if kind == "dmy" or kind == "mdy":
        suffix = "" if kind == "dmy" else "2"
        year_text = g("y" + suffix)
        value, precision = _day_month(
            _day(g("d" + suffix)), _month(g("m" + suffix)), int(year_text) if year_text else None,
            _weekday(g("wd" + suffix)), anchor,
        )
        if value is None and (year_text or anchor):
            return None
        return _span(m, value, value, precision)
    if kind == "night_range":
        second = _weekday(g("n2") or g("e2") or g("e3"))
        assert second is not None
        if g("n2d") and anchor is not None:
            month = _month(g("n2m")) if g("n2m") else anchor.month
            end, _ = _day_month(_day(g("n2d")), month, None, second, anchor)
        else:
            end = _on_or_before(anchor, second) if anchor else None
        start = end - dt.timedelta(days=1) if end else None
        return _span(m, start, end, 1)
    if kind == "month":
        month = _month(g("m3"))
        if g("y3"):
            year: int | None = int(g("y3"))
        elif anchor is not None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        else:
            year = None
        if year is None:
            return _span(m, None, None, 3)
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return _span(m, first, last, 3)
    if kind == "vague":  # "in recent weeks": the text dates it, but to no day
        return _span(m, None, None, 4)
    if anchor is None:
        precision = {"last_week": 2, "this_week": 2, "last_month": 3}.get(kind, 1)
        return _span(m, None, None, precision)
    if kind == "last_weekday":
        weekday = _weekday(g("lw") or g("lw2") or g("lw3"))
        assert weekday is not None
        value = _on_or_before(anchor, weekday, strict=True)
        return _span(m, value, value, 1)
    if kind == "weekday":
        weekday = _weekday(g("bw"))
        assert weekday is not None
        value = _on_or_before(anchor, weekday)
        return _span(m, value, value, 1)
    if kind == "rel_night":
        return _span(m, anchor - dt.timedelta(days=1), anchor, 1)
    if kind == "days_ago":
        # "il y a trois jours"; "two days earlier/after" counts from the day named just before
        # in the sentence, else from the article's day
        count = parse_number(g("ago") or g("ago2") or g("ago3") or g("ago4") or "")
        if count is None or count > 60:
            return None
        # "two days later" moves on; "(on Sunday,) two days after the attack" looks back
        later = re.search(r"later|plus\s+tard", m.group(0), re.IGNORECASE) is not None
        value = anchor + dt.timedelta(days=count) if later else anchor - dt.timedelta(days=count)
        return _span(m, value, value, 1)
    if kind == "eve":
        value = anchor - dt.timedelta(days=2 if "avant" in m.group(0).lower() else 1)
        return _span(m, value, value, 1)
    if kind == "next_day":
        value = anchor + dt.timedelta(days=1)
        return _span(m, value, value, 1)
    if kind == "day_before":
        value = anchor - dt.timedelta(days=2)
        return _span(m, value, value, 1)
    if kind == "yesterday":
        value = anchor - dt.timedelta(days=1)
        return _span(m, value, value, 1)
    if kind == "today":
        return _span(m, anchor, anchor, 1)
    if kind == "last_week":
        monday = anchor - dt.timedelta(days=anchor.weekday() + 7)
        return _span(m, monday, monday + dt.timedelta(days=6), 2)
    if kind == "this_week":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return _span(m, monday, anchor, 2)
    if kind == "last_month":
        last = anchor.replace(day=1) - dt.timedelta(days=1)
        return _span(m, last.replace(day=1), last, 3)
    return None  # pragma: no cover


@functools.lru_cache(maxsize=8)
def _parser(lang: str) -> Any:
    import dateparser  # slow import: only when a numeric date is seen

    languages = [lang] if lang in ("fr", "en", "ar") else ["en"]
    return dateparser.date.DateDataParser(
        languages=languages,
        settings={"DATE_ORDER": "MDY" if lang == "en" else "DMY", "PREFER_DAY_OF_MONTH": "first"},
    )


@functools.lru_cache(maxsize=4096)
def _numeric(text: str, lang: str) -> dt.date | None:
    data = _parser(lang).get_date_data(text)
    value = data.date_obj if data is not None else None
    return value.date() if value is not None else None
