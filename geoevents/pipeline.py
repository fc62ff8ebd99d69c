"""The whole flow for one article: sentences, language, mentions, places, events."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .matching import find_mentions
from .model import Article, Mention, Place, Report, Sentence
from .resolution import resolve
from .sources import parse_date
from .text import detect_language, split_sentences

if TYPE_CHECKING:
    from gazetteer import Gazetteer

    from .geocoding import Provider

__all__ = ["parse", "open_gazetteer", "toponyms", "unknown_locatives"]

# Mention-filter probability a name needs to become a map place (geoparsing output uses the
# filter's own threshold, 0.4): half of it, because a missed strike site costs more than a
# plain place.
MAP_FILTER_THRESHOLD = 0.2


@functools.lru_cache(maxsize=4)
def _open_gazetteer(path: str | None, progress: bool) -> Gazetteer:
    from gazetteer import Gazetteer

    return Gazetteer.open(path, progress=progress)


def open_gazetteer(path: str | os.PathLike[str] | None = None, *, progress: bool = True) -> Gazetteer:
    """The gazetteer at ``path`` (default: the embedded one), opened once per process."""
    return _open_gazetteer(os.fspath(path) if path is not None else None, progress)


def parse(
    text: str | Article,
    *,
    date: str | dt.date | None = None,
    lang: str | None = "auto",
    id: str | None = None,  # noqa: A002 - mirrors the JSONL field
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
    geocoder: Provider | None = None,
) -> Report:
    """Parse one article into a :class:`~geoevents.model.Report`.

    Parameters
    ----------
    text
        The article text, or an :class:`~geoevents.model.Article` (then the other
        article arguments override its fields only when given).
    date
        Publication date (``YYYY-MM-DD`` or a date): the anchor for relative dates.
    lang
        ``"fr"``, ``"en"``, ``"ar"`` or ``"auto"``/``None`` to detect it.
    gazetteer
        An open gazetteer; the embedded one by default.
    geocoder
        Optional provider chain asked for place names the gazetteer does not know
        (see :mod:`geoevents.geocoding`). Offline by default.

    Examples
    --------
    >>> report = parse("L'Iran a lancé 11 missiles sur Erbil le 8 janvier.", date="2020-01-31")
    >>> [(p.name, p.country) for p in report.places]
    [('Iran', 'IR'), ('Erbil', 'IQ')]
    >>> event = report.events[0]
    >>> event.place.name, event.quantity, event.date.isoformat()
    ('Erbil', 11, '2020-01-08')
    """
    article = _as_article(text, date=date, lang=lang, id=id, url=url)
    gz = gazetteer if gazetteer is not None else open_gazetteer()
    language = article.lang if article.lang not in (None, "", "auto") else detect_language(article.text)
    assert language is not None
    sentences = split_sentences(article.text)
    mentions = find_mentions(article.text, sentences, gazetteer=gz)
    places = list(resolve(mentions, gazetteer=gz, text=article.text, lang=language,
                          threshold=MAP_FILTER_THRESHOLD))
    if geocoder is not None:
        places.extend(
            _geocode_unknown(article.text, sentences, mentions, geocoder, language=language)
        )
        places.sort(key=lambda p: p.mention.start)

    from .events import extract_events

    events = extract_events(article, sentences, places, lang=language)
    return Report(
        article=article,
        lang=language,
        sentences=sentences,
        mentions=mentions,
        places=tuple(places),
        events=tuple(events),
    )


def _as_article(
    text: str | Article,
    *,
    date: str | dt.date | None,
    lang: str | None,
    id: str | None,  # noqa: A002
    url: str | None,
) -> Article:
    if isinstance(text, Article):
        article = text
        changes: dict[str, Any] = {}
        if date is not None:
            changes["date"] = parse_date(date)
        if lang not in (None, "auto"):
            changes["lang"] = lang
        if id is not None:
            changes["id"] = id
        if url is not None:
            changes["url"] = url
        if changes:
            import dataclasses

            article = dataclasses.replace(article, **changes)
        return article
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str or an Article, not {type(text).__name__}")
    return Article(
        text,
        id=id or "article",
        date=parse_date(date),
        lang=None if lang in (None, "auto") else lang,
        url=url,
    )


_LOCATIVE = re.compile(
    r"""\b(?:à|au|aux|dans|près\s+de|près\s+d'|vers|depuis|in|at|near|outside|from|into|
        village\s+of|town\s+of|city\s+of|village\s+de|ville\s+de|localité\s+de)\s+
        (?P<name>(?:[A-ZÀ-ÖØ-Þ][\w'’\-]+)(?:[\s\-](?:al|el|ad|as|ash|ar|an)?-?[A-ZÀ-ÖØ-Þ][\w'’\-]+){0,2})""",
    re.VERBOSE,
)


def unknown_locatives(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """Capitalised names after locative prepositions that the gazetteer did not match.

    >>> unknown_locatives("Des tirs à Qaryat al-Zib et à Erbil.", [])
    [(11, 24, 'Qaryat al-Zib'), (30, 35, 'Erbil')]
    """
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _LOCATIVE.finditer(text):
        start, end = match.span("name")
        if any(s < end and start < e for s, e in taken):
            continue
        found.append((start, end, match.group("name")))
    return found


def _geocode_unknown(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    geocoder: Provider,
    *,
    language: str | None = None,
) -> list[Place]:
    """Ask the provider chain about names the gazetteer does not know (each name once)."""
    from .geocoding import place_from_location

    places: list[Place] = []
    answers: dict[str, Any] = {}
    for start, end, name in unknown_locatives(text, mentions):
        if name not in answers:
            answers[name] = geocoder.geocode(name, language=language)
        location = answers[name]
        if location is None:
            continue
        sentence = next((i for i, s in enumerate(sentences) if s.start <= start < s.end), 0)
        mention = Mention(start, end, name, name.casefold(), sentence)
        places.append(place_from_location(mention, location, score=0.5))
    return places


def toponyms(
    text: str,
    *,
    date: str | dt.date | None = None,
    lang: str | None = "auto",
    gazetteer: Gazetteer | None = None,
) -> list[dict[str, Any]]:
    """Toponyms of ``text`` in the JSON shape of ``geoevents toponyms`` (design notes).

    >>> [(t["text"], t["country"]) for t in toponyms("Flooding hit Baghdad and Basra, Iraq.")]
    [('Baghdad', 'IQ'), ('Basra', 'IQ'), ('Iraq', 'IQ')]
    """
    gz = gazetteer if gazetteer is not None else open_gazetteer()
    sentences = split_sentences(text)
    mentions = find_mentions(text, sentences, gazetteer=gz, demonyms=True)
    language = lang if lang not in (None, "", "auto") else detect_language(text)
    places = resolve(mentions, gazetteer=gz, text=text, lang=language)
    return [place_json(p) for p in places]


def place_json(place: Place) -> dict[str, Any]:
    return {
        "start": place.mention.start,
        "end": place.mention.end,
        "text": place.mention.text,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "gazetteer_id": place.gazetteer_id,
        "feature": place.feature,
        "country": place.country,
        "score": place.score,
    }
