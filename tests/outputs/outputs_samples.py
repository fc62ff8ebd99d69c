"""Hand-built map records for the output tests (no pipeline needed)."""

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
