"""Hand-built places for event tests: a tiny place list stands in for the gazetteer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from geoevents.events import extract_events
from geoevents.events.scoring import LexiconPlaces, load_corpus
from geoevents.model import Article, Mention, Place, Sentence
from geoevents.text import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"


def _lexicon() -> list[tuple[str, str, str, str, float, float]]:
    rows = []
    for line in (FIXTURES / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, feature, country, lat, lon = line.split("\t")
        for alias in aliases.split("|"):
            rows.append((alias, name, feature, country, float(lat), float(lon)))
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return rows


@pytest.fixture(scope="session")
def make_places() -> Callable[[str, tuple[Sentence, ...]], list[Place]]:
    rows = _lexicon()

    def make(text: str, sentences: tuple[Sentence, ...]) -> list[Place]:
        taken: list[tuple[int, int]] = []
        out = []
        for alias, name, feature, country, lat, lon in rows:
            for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                index = next(i for i, s in enumerate(sentences) if s.start <= m.start() < s.end)
                mention = Mention(m.start(), m.end(), m.group(0), alias.lower(), index)
                out.append(Place(mention, f"test:{name}", name, lat, lon, feature, country))
        return sorted(out, key=lambda p: p.mention.start)

    return make


@pytest.fixture()
def run(make_places):
    """Events of a short text, with places from the test place list."""

    def run(text: str, *, lang: str, date: str | None = "2024-01-10"):
        sentences = split_sentences(text)
        article = Article(text, id="t", date=dt.date.fromisoformat(date) if date else None, lang=lang)
        return extract_events(article, sentences, make_places(text, sentences), lang=lang)

    return run


@pytest.fixture(scope="module")
def corpus():
    """The annotated passages and the place list the scorer gives them."""
    return load_corpus(FIXTURES / "corpus.jsonl"), LexiconPlaces(FIXTURES / "places.tsv")


@pytest.fixture()
def extract_passage():
    """Events of a corpus passage with the given places; keyword flags go to extract_events."""

    def extract(passage, places, **flags):
        sentences = split_sentences(passage.text)
        article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
        return extract_events(article, sentences, places(passage.text, sentences), lang=passage.lang, **flags)

    return extract
