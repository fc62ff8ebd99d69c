"""GeoNames import, user places and broken inputs, on small GeoNames-format fixtures."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer, GazetteerError, GazetteerInputError

DUMPS = ("IQ.zip", "alternateNamesV2.txt", "admin1CodesASCII.txt", "countryInfo.txt")


@pytest.fixture()
def fresh(gz_dir: Path, tmp_path: Path) -> Gazetteer:
    """A private copy of the session index (embedded layer only) that a test may change."""
    target = tmp_path / "index"
    shutil.copytree(gz_dir, target)
    return Gazetteer.open(target, progress=False)


@pytest.fixture()
def imported(fresh: Gazetteer, fixtures: Path) -> Gazetteer:
    fresh.import_geonames([fixtures / n for n in DUMPS], progress=False)
    return fresh


def _ids(gz: Gazetteer, name: str) -> list[str]:
    return [c.entry.id for c in gz.lookup(name)]


def test_import_maps_features_and_keeps_raw_codes(imported: Gazetteer) -> None:
    zulu = imported.lookup("Camp Zulu")[0]
    assert zulu.entry.id == "geonames:90000002"
    assert (zulu.entry.feature, zulu.entry.feature_class, zulu.entry.feature_code) == (
        "base", "S", "MILB")
    assert zulu.entry.admin1 == "IQ.18" and zulu.entry.source == "geonames:IQ"
    check = imported.lookup("Qasr al-Mukhtar Checkpoint")[0].entry
    assert check.feature == "checkpoint" and check.feature_code == "CSTM"
    assert imported.get("geonames:90000003").feature == "water"  # type: ignore[union-attr]
    baghdad = imported.get("geonames:98182")
    assert baghdad is not None and baghdad.feature_code == "PPLC" and baghdad.admin1 == "IQ.07"
    assert baghdad.population == 7_216_000
    assert imported.get("geonames:99237").feature == "country"  # type: ignore[union-attr]


def test_import_alternate_names_with_languages(imported: Gazetteer) -> None:
    fob = imported.lookup("Forward Operating Base Zulu")
    assert [(c.entry.id, c.lang) for c in fob] == [("geonames:90000002", "en")]
    assert imported.lookup("معسكر زولو")[0].entry.id == "geonames:90000002"
    bagdad = {c.entry.id: c for c in imported.lookup("Bagdad")}
    assert "geonames:98182" in bagdad
    # names of ids that no imported file defines, links and postcodes are not names
    assert imported.lookup("Nowhere Town") == []
    assert imported.lookup("10001") == []
    assert imported.lookup("https://en.wikipedia.org/wiki/Baghdad") == []


def test_import_admin_codes_and_country_info(imported: Gazetteer) -> None:
    # admin1CodesASCII names become names of the ADM1 rows of the geoname table
    erbil = imported.lookup("Erbil Governorate")[0].entry
    assert erbil.id == "geonames:95445" and erbil.feature == "admin1" and erbil.admin1 == "IQ.11"
    assert "geonames:95445" in _ids(imported, "Arbil")
    sources = {s["name"]: s for s in imported.info()["sources"] if s["layer"] == "geonames"}
    assert sources["geonames:IQ"]["count"] == 31
    assert "32 rows" in str(sources["geonames:admin1CodesASCII"]["detail"])
    assert "2 rows" in str(sources["geonames:countryInfo"]["detail"])


def test_imported_names_are_found_in_text(imported: Gazetteer) -> None:
    text = "Mortars hit Forward Operating Base Zulu near Qasr al-Mukhtar Checkpoint."
    found = [(m.text, imported.candidates(m.key)[0].entry.id) for m in imported.find(text)]
    assert found == [("Forward Operating Base Zulu", "geonames:90000002"),
                     ("Qasr al-Mukhtar Checkpoint", "geonames:90000001")]


def test_plain_and_zipped_dumps_import_the_same(fresh: Gazetteer, fixtures: Path) -> None:
    fresh.import_geonames([fixtures / "IQ.txt"], progress=False)
    plain = {c.entry.id for c in fresh.lookup("Mosul")}
    fresh.import_geonames([fixtures / "IQ.zip"], progress=False)
    assert {c.entry.id for c in fresh.lookup("Mosul")} == plain
    assert "geonames:99072" in plain


def test_user_places_win_ties(imported: Gazetteer, fixtures: Path) -> None:
    assert imported.add_places(fixtures / "places.csv") == 3
    assert imported.add_places(fixtures / "places.geojson") == 2
    first = imported.lookup("Baghdad")[0]
    assert first.entry.id == "user:baghdad" and first.entry.feature == "base"
    assert {"geonames:98182", "user:baghdad"} <= set(_ids(imported, "Baghdad"))
    assert _ids(imported, "CP Bravo") == ["user:checkpoint-bravo"]
    assert imported.lookup("OP Echo")[0].entry.country == "JO"
    assert imported.lookup("Poste Saint-Eloi")[0].entry.name == "Outpost Saint-Éloi"
    # earlier user places survive a later add; re-adding a name replaces the place
    assert _ids(imported, "LZ Rmelan") == ["user:landing-zone-rmelan"]
    text = "Drones approached Checkpoint Bravo and LZ Rmelan."
    assert [m.text for m in imported.find(text)] == ["Checkpoint Bravo", "LZ Rmelan"]


def _assert_old_index_works(gz: Gazetteer) -> None:
    reopened = Gazetteer.open(gz.path, progress=False)
    assert reopened.lookup("Camp Zulu")[0].entry.id == "geonames:90000002"
    assert not [p for p in gz.path.iterdir() if p.name.endswith((".tmp", ".alts"))]


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("IQ.txt", "98182\tBaghdad\tBaghdad\n", r"IQ\.txt:1: 3 columns"),
        ("IQ.txt", "1\tA\tA\t\t33.1\t44.1\tP\tPPL\tIQ\t\t07\t\t\t\t10\t\t1\tx\t2020\n"
                   "2\tB\tB\t\tnorth\t44.1\tP\tPPL\tIQ\t\t07\t\t\t\t10\t\t1\tx\t2020\n",
         r"IQ\.txt:2: bad latitude 'north'"),
        ("IQ.txt", "3\tC\tC\t\t95.0\t44.1\tP\tPPL\tIQ\t\t07\t\t\t\t10\t\t1\tx\t2020\n",
         r"IQ\.txt:1: latitude 95\.0 out of range"),
        ("alternateNamesV2.txt", "1\t98182\tfr\n", r"alternateNamesV2\.txt:1: 3 columns"),
    ],
)
def test_broken_rows_name_file_and_line(imported: Gazetteer, tmp_path: Path, name: str,
                                        content: str, expect: str) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerInputError, match=expect):
        imported.import_geonames([bad], progress=False)
    _assert_old_index_works(imported)


def test_wrong_encoding_names_the_line(imported: Gazetteer, fixtures: Path,
                                       tmp_path: Path) -> None:
    rows = (fixtures / "IQ.txt").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "IQ.txt"
    bad.write_bytes(rows[0].encode("utf-8") + b"\n" + "9\tBéji\tBeji".encode("latin-1")
                    + b"\t\t36.3\t43.1\tP\tPPL\tIQ\t\t15\t\t\t\t1\t\t1\tx\t2020\n")
    with pytest.raises(GazetteerInputError, match=r"IQ\.txt:2: not UTF-8"):
        imported.import_geonames([bad], progress=False)
    utf8_then_latin = tmp_path / "cities500.txt"
    utf8_then_latin.write_bytes(b"\n".join(r.encode("utf-8") for r in rows[:3]) + b"\n"
                                + "4\tالقائم".encode("cp1256") + b"\n")
    with pytest.raises(GazetteerInputError, match=r"cities500\.txt:4: not UTF-8"):
        imported.import_geonames([utf8_then_latin], progress=False)
    _assert_old_index_works(imported)


def test_truncated_zip_is_reported(imported: Gazetteer, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    row = "{}\tPlace {}\tPlace {}\t\t33.0\t44.0\tP\tPPL\tIQ\t\t07\t\t\t\t1000\t\t1\tx\t2020\n"
    big.write_text("".join(row.format(i, i, i) for i in range(1, 30_000)), encoding="utf-8")
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(big, "IQ.txt")
    cut = tmp_path / "IQ.zip"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(GazetteerInputError, match=r"IQ\.zip"):
        imported.import_geonames([cut], progress=False)
    # a zip whose directory is intact but whose data is cut short
    data = bytearray(whole.read_bytes())
    info = zipfile.ZipFile(whole).infolist()[0]
    start = info.header_offset + 30 + len(info.filename) + 1000
    data[start:start + 2000] = b"\0" * 2000
    damaged = tmp_path / "allCountries.zip"
    damaged.write_bytes(bytes(data))
    with pytest.raises(GazetteerInputError, match=r"allCountries\.zip(:\d+)?: "):
        imported.import_geonames([damaged], progress=False)
    _assert_old_index_works(imported)


def test_missing_file_is_a_clear_error(imported: Gazetteer, tmp_path: Path) -> None:
    with pytest.raises(GazetteerInputError, match="no such file"):
        imported.import_geonames([tmp_path / "nope.zip"], progress=False)
    _assert_old_index_works(imported)


@pytest.mark.parametrize(
    ("suffix", "content", "expect"),
    [
        (".csv", "name,aliases,lat,lon,kind,country\nA,,33,44,base,IQ\nB,,abc,44,base,IQ\n",
         r"places\.csv:3: bad coordinates"),
        (".csv", "name,lat\nA,33\n", r"places\.csv:1: CSV header lacks lon"),
        (".csv", "name,aliases,lat,lon,kind,country\nA,,33,244,base,IQ\n",
         r"places\.csv:2: coordinates out of range"),
        (".csv", "name,aliases,lat,lon,kind,country\nA,,33,44,base,Iraq\n",
         r"places\.csv:2: country must be an ISO alpha-2 code"),
        (".geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
                     '"geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, '
                     '"properties": {"name": "X"}}]}', r"places\.geojson: feature 1 is not a Point"),
        (".geojson", '{"type": "FeatureCollection", "features": [', r"places\.geojson:1: bad JSON"),
    ],
)
def test_broken_user_places(imported: Gazetteer, tmp_path: Path, suffix: str, content: str,
                            expect: str) -> None:
    bad = tmp_path / f"places{suffix}"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerInputError, match=expect):
        imported.add_places(bad)
    _assert_old_index_works(imported)


def test_not_an_index_folder(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(GazetteerError, match="not a folder"):
        Gazetteer.open(f, progress=False)


def test_cli_import_add_info_lookup(fresh: Gazetteer, fixtures: Path) -> None:
    from geoevents.cli.gazetteer import app

    runner = CliRunner()
    where = ["--gazetteer", str(fresh.path)]
    res = runner.invoke(app, ["import", *(str(fixtures / n) for n in DUMPS), *where])
    assert res.exit_code == 0, res.output
    assert "IQ.zip: 31 rows" in res.output
    res = runner.invoke(app, ["add", str(fixtures / "places.csv"), *where])
    assert res.exit_code == 0 and "added 3 places" in res.output
    res = runner.invoke(app, ["lookup", "--json", "Ayn", "al", "Asad", *where])
    assert res.exit_code == 0
    found = json.loads(res.output)
    assert found["key"] == "ayn al asad"
    assert found["candidates"][0]["id"] == "curated:al-asad-air-base"
    res = runner.invoke(app, ["info", "--json", *where])
    info = json.loads(res.output)
    assert [x["layer"] for x in info["layers"]] == ["user", "geonames", "embedded"]
    res = runner.invoke(app, ["lookup", "Camp Zulu", *where])
    assert res.exit_code == 0 and "geonames:90000002" in res.output
    bad = fixtures / "places.csv"
    res = runner.invoke(app, ["import", str(bad), *where])
    assert res.exit_code == 1
    assert res.output.strip().splitlines()[-1].startswith("geoevents: error: ")
    assert "places.csv:1:" in res.output and "Traceback" not in res.output
