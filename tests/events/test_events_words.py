"""The anchored-matching speed-up finds exactly what a full regex scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from geoevents.events import triggers
from geoevents.events._words import candidate_starts, leading_words, lexicon_keys, match_at
from geoevents.events.actors import ACTORS, _keys, _regex
from geoevents.events.dates import _DATE_KEYS, _DATE_RE
from geoevents.events.scoring import load_corpus
from geoevents.text import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "events"


def _sentences():
    out = []
    for passage in load_corpus(FIXTURES / "corpus.jsonl"):
        out.extend((s.text, passage.lang) for s in split_sentences(passage.text))
    example = (FIXTURES / "iran-strikes-2020-01.fr.txt").read_text(encoding="utf-8")
    out.extend((s.text, "fr") for s in split_sentences(example))
    return out


def _spans(matches):
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def test_leading_words_reads_groups_and_optional_letters():
    assert leading_words(r"(?:kamikaze\s+|attack\s+)?drones?|UAVs?") == {"kamikaze", "attack", "drone", "uav"}
    assert leading_words(r"(?:abrit|héberg)\w+|garnisons?") == {"abrit", "héberg", "garnison"}
    with pytest.raises(ValueError):
        lexicon_keys([r"\d+ missiles"])


@pytest.mark.parametrize("kind", ["triggers", "weapons", "dates", "actors"])
def test_same_matches_as_a_full_scan(kind):
    checked = 0
    for text, lang in _sentences():
        if kind == "triggers":
            regex = triggers._trigger_regex(lang)[0]
            starts = triggers._starts(text, lang, "triggers")
        elif kind == "weapons":
            regex = triggers._weapon_regex(lang)[0]
            starts = triggers._starts(text, lang, "weapons")
        elif kind == "dates":
            regex = _DATE_RE
            starts = candidate_starts(text, prefixes=_DATE_KEYS, digits=True, lookback=4)
        else:
            regex = _regex()[0]
            exact, prefixes = _keys()
            starts = candidate_starts(text, exact=exact, prefixes=prefixes)
        full = _spans(regex.finditer(text))
        checked += len(full)
        assert _spans(match_at(regex, text, starts)) == full, text
    assert checked > 50
    assert len(ACTORS) > 30
