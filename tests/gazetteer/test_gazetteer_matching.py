"""The embedded gazetteer: normalisation, matching and lookup on real data."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from gazetteer import Gazetteer, normalise


def _texts(gz: Gazetteer, text: str, **kw: bool) -> list[str]:
    return [m.text for m in gz.find(text, **kw)]


def _top(gz: Gazetteer, name: str) -> str:
    found = gz.lookup(name)
    assert found, name
    return found[0].entry.id


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ain al-Assad", "Ayn al Asad"),
        ("Aïn el-Asad", "AIN AL-ASSAD"),
        ("Deir ez-Zor", "Dayr az Zor"),
        ("Etats-Unis", "États Unis"),
        ("Sana'a", "Sanaa"),
        ("أربيل", "اربيل"),
        ("إربيل", "أرْبيل"),
        ("مدينة", "مدينه"),
    ],
)
def test_normalise_folds_variants(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_normalise_keeps_different_names_apart() -> None:
    assert normalise("Mosul") != normalise("Basra")
    assert normalise("Al Anbar") == normalise("Anbar") == "anbar"


def test_al_asad_variants_resolve_to_the_same_curated_entry(gz: Gazetteer) -> None:
    ids = {_top(gz, n) for n in ("Ain al-Assad", "Ayn al Asad", "Aïn el-Asad", "عين الأسد")}
    assert ids == {"curated:al-asad-air-base"}
    entry = gz.get("curated:al-asad-air-base")
    assert entry is not None and entry.feature == "airbase" and entry.country == "IQ"
    assert abs(entry.lat - 33.786) < 0.05 and abs(entry.lon - 42.441) < 0.05


def test_french_elisions_give_the_name_as_written(gz: Gazetteer) -> None:
    text = "Des roquettes ont visé la base d'Erbil, l’Irak a protesté, ainsi qu'à Bagdad."
    matches = gz.find(text)
    assert [m.text for m in matches] == ["Erbil", "Irak", "Bagdad"]
    for m in matches:
        assert text[m.start:m.end] == m.text
    assert gz.candidates(matches[1].key)[0].entry.id == "country:IQ"
    baghdad = gz.candidates(matches[2].key)[0].entry
    assert baghdad.country == "IQ" and baghdad.population > 1_000_000


def test_arabic_script_with_attached_prefix(gz: Gazetteer) -> None:
    text = "قصف صاروخي على أربيل وبغداد والعراق"
    matches = gz.find(text)
    assert [m.text for m in matches] == ["أربيل", "بغداد", "العراق"]
    assert [text[m.start:m.end] for m in matches] == ["أربيل", "بغداد", "العراق"]
    assert gz.candidates(matches[2].key)[0].entry.id == "country:IQ"


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Iraq", "IQ"), ("Irak", "IQ"), ("العراق", "IQ"), ("Syrie", "SY"), ("Syria", "SY"),
     ("سوريا", "SY"), ("Etats-Unis", "US"), ("U.S.", "US"), ("USA", "US"),
     ("Grande-Bretagne", "GB"), ("Royaume-Uni", "GB"), ("Allemagne", "DE"), ("Jordanie", "JO"),
     ("Koweït", "KW"), ("Bahrain", "BH"), ("الكويت", "KW")],
)
def test_countries_in_three_languages(gz: Gazetteer, name: str, iso: str) -> None:
    best = gz.lookup(name)[0]
    assert best.entry.id == f"country:{iso}"
    assert best.entry.feature == "country" and best.entry.country == iso


def test_admin1_region_has_a_point_inside_its_country(gz: Gazetteer) -> None:
    best = gz.lookup("Al Anbar")[0].entry
    assert best.id == "admin1:IQ.01" and best.feature == "admin1"
    assert 32 < best.lat < 35.5 and 39 < best.lon < 44.5
    assert [m.text for m in gz.find("Fighting in al-Anbar province")] == ["al-Anbar"]


def test_longest_match_wins_and_matches_do_not_overlap(gz: Gazetteer) -> None:
    assert _texts(gz, "He flew from New York City to Al Asad Air Base.") == [
        "New York City", "Al Asad Air Base"]
    matches = gz.find("Strikes near Deir ez-Zor and Abu Kamal, Syria")
    assert [m.text for m in matches] == ["Deir ez-Zor", "Abu Kamal", "Syria"]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))


def test_curated_installations_are_found_in_text(gz: Gazetteer) -> None:
    text = ("Drones hit Tower 22 and the Al-Tanf garrison; rockets fell on Camp Taji, "
            "K-1 Air Base and Q-West.")
    found = {m.text: gz.candidates(m.key)[0].entry for m in gz.find(text)}
    assert found["Tower 22"].country == "JO"
    assert found["Camp Taji"].feature == "base"
    assert found["K-1 Air Base"].feature == "airbase"
    assert found["Q-West"].country == "IQ"
    assert any(e.id == "curated:al-tanf-garrison" for e in found.values())


def test_common_words_are_not_places(gz: Gazetteer) -> None:
    text = "Of the Chef, Mark Said: Une fois, Les gens. Reading is fun. The Orchard."
    assert _texts(gz, text) == []
    for word in ("of", "mark", "said", "chef", "une", "les", "le"):
        assert gz.candidates(normalise(word)) == [], word


def test_capital_rule_and_sentence_initial_common_words(gz: Gazetteer) -> None:
    assert _texts(gz, "a mobile phone in baghdad") == []
    loose = gz.find("a mobile phone in baghdad", require_capital=False)
    assert [(m.text, m.common) for m in loose] == [("mobile", True), ("baghdad", False)]
    # "Mobile" mid-sentence is the city; at the start of a sentence it may be any word.
    matches = gz.find("Mobile phones were sold in Mobile.")
    assert [m.text for m in matches] == ["Mobile"] and matches[0].start == 27
    assert matches[0].common


def test_lookup_scores_are_sorted_and_bounded(gz: Gazetteer) -> None:
    found = gz.lookup("Alexandria", limit=5)
    assert 1 < len(found) <= 5
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    assert found[0].entry.country == "EG"


def test_get_unknown_id_is_none(gz: Gazetteer) -> None:
    assert gz.get("geonames:0") is None
    assert gz.get("nothing:here") is None
    assert gz.get("country:FR") is not None


def test_pickle_reopens_by_path(gz: Gazetteer) -> None:
    clone = pickle.loads(pickle.dumps(gz))
    assert clone.path == gz.path
    assert _texts(clone, "Rockets hit Erbil.") == ["Erbil"]


def test_info_lists_sources(gz: Gazetteer) -> None:
    info = gz.info()
    names = {s["name"]: s["count"] for s in info["sources"]}
    assert {"countries", "geonames-admin1", "geonames-cities1000", "ourairports", "curated"} <= set(names)
    assert names["countries"] > 200 and names["geonames-cities1000"] > 100_000
    assert info["layers"][0]["layer"] == "embedded" and info["layers"][0]["bytes"] > 0


def test_threads_share_one_instance(gz: Gazetteer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{i} soldiers drove from Baghdad to Mosul, then Erbil and Kirkuk." for i in range(200)]

    def work(text: str) -> list[tuple[str, str]]:
        return [(m.text, gz.candidates(m.key)[0].entry.country) for m in gz.find(text)]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, texts))
    assert all(r == [("Baghdad", "IQ"), ("Mosul", "IQ"), ("Erbil", "IQ"), ("Kirkuk", "IQ")]
               for r in results)


def test_normalise_agrees_with_the_tokeniser(fixtures: Path) -> None:
    from gazetteer._normalise import key_of, tokenise

    names = {n for line in (fixtures / "IQ.txt").read_text(encoding="utf-8").splitlines()
             for n in [*line.split("\t")[1:3], *line.split("\t")[3].split(",")] if n}
    names |= {"Ain al-Assad", "d'Erbil", "Sana'a", "New York City", "U.S.", "Iraq's"}
    assert len(names) > 100
    for name in names:
        assert normalise(name) == key_of([t.norm for t in tokenise(name)]), name


def test_seas_and_regions_with_french_lowercase_heads(gz: Gazetteer) -> None:
    text = ("Des tirs dans la bande de Gaza, le détroit d'Ormuz et la mer Rouge; "
            "la mer était calme.")
    found = [(m.text, gz.candidates(m.key)[0].entry) for m in gz.find(text)]
    assert [t for t, _ in found] == ["bande de Gaza", "détroit d'Ormuz", "mer Rouge"]
    assert [e.feature for _, e in found] == ["region", "strait", "sea"]
    english = gz.find("Tankers crossed the Strait of Hormuz into the Persian Gulf.")
    assert [m.text for m in english] == ["Strait of Hormuz", "Persian Gulf"]
    assert gz.lookup("Darfur")[0].entry.country == "SD"
