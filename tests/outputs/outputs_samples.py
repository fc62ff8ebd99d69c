"""Hand-built map records and fixtures for the output tests (no pipeline needed).

Each test module wraps them in fixtures: a conftest.py per test folder would clash with the
other folders' under --doctest-modules (tests/ has no __init__.py).
"""

from __future__ import annotations

import dataclasses
import random

from geoevents.records import MapFeature

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


def strike(name: str, lat: float, lon: float, **kw: object) -> MapFeature:
    values: dict[str, object] = {
        "category": "strike",
        "name": name,
        "mention": name,
        "gazetteer_id": f"test:{name}",
        "country": "IQ",
        "feature": "city",
        "geo_precision": 1,
        "lat": lat,
        "lon": lon,
        "source": "article-1",
        "source_text": f"Des missiles ont frappé {name}.",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "time_precision": 4,
    }
    values.update(kw)
    return MapFeature(**values)  # type: ignore[arg-type]


def place(name: str, lat: float, lon: float, **kw: object) -> MapFeature:
    values: dict[str, object] = {
        "category": "place",
        "name": name,
        "mention": name,
        "gazetteer_id": f"test:{name}",
        "country": "IQ",
        "feature": "city",
        "geo_precision": 1,
        "lat": lat,
        "lon": lon,
        "source": "article-1",
        "source_text": f"Il est question de {name}.",
    }
    values.update(kw)
    return MapFeature(**values)  # type: ignore[arg-type]


def base(name: str, lat: float, lon: float, **kw: object) -> MapFeature:
    values: dict[str, object] = {
        "event_type": "Strategic developments",
        "sub_event_type": "Other",
        **kw,
    }
    return dataclasses.replace(place(name, lat, lon, **values), category="base")


def crowd(n: int, *, seed: int = 7, center: tuple[float, float] = (33.3, 44.4),
          spread: float = 0.5) -> list[MapFeature]:
    """``n`` strikes scattered around ``center`` (deterministic)."""
    rng = random.Random(seed)
    return [
        strike(f"Site {i}", center[0] + rng.uniform(-spread, spread),
               center[1] + rng.uniform(-spread, spread), quantity=rng.randint(0, 20))
        for i in range(n)
    ]


def sample_records() -> list[MapFeature]:
    """A realistic mix: dated strikes with counts, a base, places, a country, two sources."""
    return [
        strike(
            "Ain al-Asad Air Base", 33.786, 42.441, mention="Aïn al-Assad", feature="airbase",
            date="2020-01-08", date_start="2020-01-08", date_end="2020-01-08", time_precision=1,
            actor="Iran (IRGC)", target="US troops", weapon="ballistic missile", quantity=11,
            fatalities=0, injuries=110, origin="Iran",
            source_text="L'Iran a tiré 11 missiles balistiques sur la base d'Aïn al-Assad.",
            sources=("article-1", "https://news.example.org/iran-strikes"),
        ),
        strike(
            "Erbil", 36.19, 44.01, date="2020-01-08", date_start="2020-01-08", date_end="2020-01-08",
            time_precision=1, actor="Iran (IRGC)", weapon="ballistic missile", quantity=2,
        ),
        strike(
            "Baghdad International Airport", 33.262, 44.234, feature="airport",
            sub_event_type="Air/drone strike", date="2020-01-03", date_start="2020-01-03",
            date_end="2020-01-03", time_precision=1, actor="United States", weapon="drone",
            fatalities=10, source="article-2",
            source_text="A US drone strike near Baghdad airport killed ten people.",
        ),
        strike(
            "Kirkuk", 35.468, 44.392, date=None, date_start="2019-12-20", date_end="2019-12-31",
            time_precision=2, actor="Kataib Hezbollah", weapon="rocket", quantity=30,
        ),
        base("Camp Taji", 33.524, 44.256, feature="base", actor="US Army"),
        place("Iraq", 33.0, 44.0, feature="country", geo_precision=4, gazetteer_id="test:IQ"),
        place("Tehran", 35.694, 51.421, country="IR", source="article-2",
              source_text="Téhéran a promis une riposte."),
    ]


def hostile_records() -> list[MapFeature]:
    """Hostile article text in every free-text field a popup shows."""
    text = f"Frappe à Mossoul {XSS_SCRIPT} puis {XSS_IMG} selon la source."
    return [
        strike(f"Mosul{XSS_SCRIPT}", 36.34, 43.13, mention=f"Mossoul{XSS_IMG}", actor=XSS_IMG,
               weapon=XSS_SCRIPT, source_text=text, source=f"javascript:alert(1)//{XSS_IMG}"),
        place(f"Baiji{XSS_IMG}", 34.93, 43.49, source_text=text),
    ]
