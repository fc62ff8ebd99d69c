"""Short French and English passages through the real pipeline: expected strikes and bases.

Each case gives the publication date, the text, and the points that must be on the map with
the fields that must hold there. Points are checked by distance, not by gazetteer id, so the
test states what a reader of the passage expects, not how the gazetteer spells it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pytest

import geoevents


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@dataclass
class Expect:
    category: str
    lat: float
    lon: float
    radius_km: float = 30.0
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    id: str
    date: str | None
    text: str
    expected: list[Expect]
    no_strikes_near: list[tuple[float, float]] = field(default_factory=list)
    max_strikes: int | None = None


CASES = [
    Case(
        "en-camp-taji",
        "2020-03-12",
        "At least 15 rockets struck Camp Taji, north of Baghdad, on Wednesday, killing three "
        "coalition soldiers. The camp hosts US and British troops.",
        [Expect("strike", 33.53, 44.26, 25, {"quantity": 15, "fatalities": 3,
                                            "date": "2020-03-11", "weapon": "rocket"})],
        max_strikes=1,
    ),
    Case(
        "fr-erbil-drones",
        "2021-09-12",
        "Deux drones chargés d'explosifs ont visé l'aéroport d'Erbil samedi soir, sans faire de "
        "victimes, selon les autorités du Kurdistan irakien.",
        [Expect("strike", 36.21, 43.99, 30, {"quantity": 2, "weapon": "drone",
                                            "date": "2021-09-11", "fatalities": 0})],
    ),
    Case(
        "en-tower-22",
        "2024-01-29",
        "A one-way attack drone struck Tower 22, a small US outpost in northeastern Jordan, on "
        "Sunday, killing three American soldiers and wounding more than 40.",
        [Expect("strike", 33.32, 38.69, 60, {"fatalities": 3, "weapon": "drone",
                                            "date": "2024-01-28"})],
    ),
    Case(
        "fr-balad",
        "2020-01-13",
        "Huit roquettes Katioucha se sont abattues dimanche sur la base aérienne de Balad, au "
        "nord de Bagdad, blessant quatre militaires irakiens.",
        [Expect("strike", 33.94, 44.36, 30, {"quantity": 8, "injuries": 4,
                                            "date": "2020-01-12", "weapon": "rocket"})],
        no_strikes_near=[(33.34, 44.40)],
    ),
    Case(
        "fr-mogadiscio",
        "2019-12-29",
        "Un camion piégé a explosé samedi à un poste de contrôle de Mogadiscio, tuant au moins "
        "79 personnes.",
        [Expect("strike", 2.04, 45.34, 30, {"fatalities": 79, "date": "2019-12-28"})],
    ),
    Case(
        "en-negated",
        "2020-02-01",
        "Officials in Kirkuk denied reports of a rocket attack on the K-1 air base. No rocket hit "
        "the base, they said.",
        [],
        no_strikes_near=[(35.47, 44.35)],
    ),
    Case(
        "fr-hypothetical",
        "2020-01-06",
        "Selon des analystes, l'Iran pourrait frapper la base d'Al-Tanf ou des intérêts "
        "américains à Bagdad dans les prochains jours.",
        [],
        no_strikes_near=[(33.50, 38.65), (33.34, 44.40)],
    ),
    Case(
        "en-stationed",
        "2019-10-20",
        "Roughly 200 US troops will remain stationed at Al-Tanf garrison in southern Syria, the "
        "Pentagon said.",
        [Expect("base", 33.50, 38.65, 40)],
        max_strikes=0,
    ),
    Case(
        "en-baghdad-embassy",
        "2020-01-27",
        "Three Katyusha rockets slammed into the US embassy compound in Baghdad on Sunday "
        "evening, wounding one person.",
        [Expect("strike", 33.34, 44.40, 30, {"quantity": 3, "injuries": 1, "date": "2020-01-26",
                                            "weapon": "rocket"})],
    ),
    Case(
        "fr-idleb",
        "2020-02-05",
        "Mardi, des frappes aériennes russes ont touché Idleb, faisant 12 morts et 30 blessés "
        "parmi les civils.",
        [Expect("strike", 35.93, 36.63, 30, {"fatalities": 12, "injuries": 30,
                                            "date": "2020-02-04"})],
    ),
    Case(
        "en-ain-al-asad-english",
        "2020-01-09",
        "Iran fired more than a dozen ballistic missiles at Ayn al-Asad air base in western Iraq "
        "and at a facility in Erbil on Wednesday. No Americans were killed.",
        [
            Expect("strike", 33.786, 42.441, 12, {"date": "2020-01-08", "fatalities": 0,
                                                 "weapon": "missile"}),
            Expect("strike", 36.19, 44.01, 40, {"date": "2020-01-08"}),
        ],
    ),
    Case(
        "fr-arabic-script-and-elision",
        "2022-03-14",
        "Douze missiles balistiques tirés depuis l'Iran ont frappé dimanche un quartier d'Erbil "
        "(أربيل), près du nouveau consulat américain.",
        [Expect("strike", 36.19, 44.01, 30, {"quantity": 12, "date": "2022-03-13",
                                            "weapon": "missile"})],
        no_strikes_near=[(32.0, 53.0)],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_passage(case: Case) -> None:
    report = geoevents.parse(case.text, date=case.date)
    found = geoevents.features(report)
    summary = [(f.category, f.name, f.mention, round(f.lat, 2), round(f.lon, 2)) for f in found]
    for expect in case.expected:
        hits = [
            f for f in found
            if f.category == expect.category
            and km(f.lat, f.lon, expect.lat, expect.lon) <= expect.radius_km
        ]
        assert hits, (case.id, expect, summary)
        for name, value in expect.fields.items():
            got = getattr(hits[0], name)
            if name == "weapon":
                assert got and value in got.lower(), (case.id, name, got)
            else:
                assert got == value, (case.id, name, got, value, summary)
    strikes = [f for f in found if f.category == "strike"]
    for lat, lon in case.no_strikes_near:
        assert not [f for f in strikes if km(f.lat, f.lon, lat, lon) < 30], (case.id, summary)
    if case.max_strikes is not None:
        assert len(strikes) <= case.max_strikes, (case.id, summary)
