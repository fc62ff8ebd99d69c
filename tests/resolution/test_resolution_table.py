"""The shipped place table: what it finds in text and that its rows point at real places."""

from __future__ import annotations

import math

import pytest

from geoevents.pipeline import open_gazetteer
from geoevents.ranking import person_names, place_table


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gz():
    return open_gazetteer(progress=False)


def test_finds_counties_abbreviations_demonyms_and_regions():
    text = ("Deputies in Laurel County, Ky., met Iraqi officials from the Middle East "
            "and W. Va. troopers; the county's Sheriff said.")
    found = {name: text[s:e] for s, e, name in place_table().find(text)}
    assert found == {"Laurel County": "Laurel County", "Ky.": "Ky.", "Iraqi": "Iraqi",
                     "Middle East": "Middle East", "W. Va.": "W. Va."}


def test_matches_are_case_sensitive_whole_words():
    table = place_table()
    assert table.find("an iraqi, the laurel county fair") == []
    assert table.find("Iraqistan and Kyiv") == []
    # A sentence-final period is not part of the name.
    assert table.find("They moved to Europe.") == [(14, 20, "Europe")]


def test_every_reference_is_a_real_place(gz):
    table = place_table()
    unplaced = set()
    for rows in table.names.values():
        for row in rows:
            if (row.kind in ("demonym", "abbrev") and row.ref not in table.places
                    and gz.get(row.ref) is None and row.lat is None):
                unplaced.add(row.ref)
    assert not unplaced, sorted(unplaced)
    for ref in ("country:US", "country:IQ", "country:RU", "admin1:US.GA", "admin1:US.WV"):
        assert gz.get(ref) is not None


def test_reference_points_are_central():
    points = place_table().points
    # Geographic centre of the contiguous United States, near Lebanon, Kansas.
    assert km(*points["country:US"], 39.83, -98.58) < 100
    # New York State: the middle of the state, not New York City where its towns crowd.
    assert km(*points["admin1:US.NY"], 42.9, -75.5) < 150
    assert km(*points["admin1:US.NY"], 40.71, -74.0) > 200


def test_county_points_lie_in_their_state():
    table = place_table()
    laurel = [r for r in table.rows("Laurel County") if r.admin1 == "US.KY"]
    assert len(laurel) == 1
    assert km(laurel[0].lat, laurel[0].lon, 37.11, -84.12) < 30  # London, Kentucky
    assert len(table.rows("Madison County")) >= 15  # one per state that has one


def test_person_names():
    first, last = person_names()
    assert {"Andrew", "Mary", "James"} <= first
    assert {"Smith", "Johnson"} <= last
    assert "Baghdad" not in first | last
