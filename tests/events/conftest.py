"""Hand-built places for event tests: a tiny place list stands in for the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from geoevents.model import Mention, Place, Sentence

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
