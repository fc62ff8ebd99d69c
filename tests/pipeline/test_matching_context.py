"""Names that are not places in context never become mentions (real gazetteer)."""

from __future__ import annotations

import pytest

import geoevents


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Russia fired 13 missiles at Sanaa on October 6.", "October 6"),
        ("Le 6 octobre, des frappes ont visé Sanaa.", "6 octobre"),
        ("The strikes of 6th of October hit Sanaa.", "6th of October"),
        ("Le chef du Pentagone Mark Esper a parlé à Bagdad.", "Esper"),
    ],
)
def test_not_a_place_in_context(text, absent):
    mentions = [p.mention.text for p in geoevents.parse(text).places]
    assert "Sanaa" in mentions or "Bagdad" in mentions
    assert not any(absent in m or m in absent for m in mentions if m not in ("Sanaa", "Bagdad")), mentions

