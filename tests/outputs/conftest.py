"""Fixtures for the output tests: hand-built records (see outputs_samples)."""

from __future__ import annotations

import pytest
from outputs_samples import XSS_IMG, XSS_SCRIPT, base, place, strike

from geoevents.records import MapFeature


@pytest.fixture
def sample_features() -> list[MapFeature]:
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


@pytest.fixture
def xss_features() -> list[MapFeature]:
    """Hostile article text in every free-text field a popup shows."""
    text = f"Frappe à Mossoul {XSS_SCRIPT} puis {XSS_IMG} selon la source."
    return [
        strike(f"Mosul{XSS_SCRIPT}", 36.34, 43.13, mention=f"Mossoul{XSS_IMG}", actor=XSS_IMG,
               weapon=XSS_SCRIPT, source_text=text, source=f"javascript:alert(1)//{XSS_IMG}"),
        place(f"Baiji{XSS_IMG}", 34.93, 43.49, source_text=text),
    ]
