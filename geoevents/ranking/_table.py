"""The shipped place table (places.csv): names the gazetteer lacks and better reference points.

Built by ``benchmarks/build_place_tables.py`` (its docstring gives sources and licences).
Rows by ``kind``:

- ``place``: a place with its own point (US county, continent, world region);
- ``demonym``: a nationality adjective that stands for the place ``ref`` ("Iraqi");
- ``abbrev``: an AP-style abbreviation of the place ``ref`` ("Ga.", "W.Va.");
- ``point``: a better reference point for the gazetteer entry ``ref`` (countries, regions);
- ``capital``: the gazetteer entry ``ref`` is a national capital.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["TableRow", "PlaceTable", "place_table", "person_names"]


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of places.csv (``lat``/``lon`` are ``None`` for rows that only refer)."""

    kind: str
    name: str
    ref: str
    lat: float | None
    lon: float | None
    feature: str
    country: str
    admin1: str
    population: int
    label: str = ""  # the place's own name when ``name`` is an alias ("L.A.": Los Angeles)


@dataclass(frozen=True, slots=True)
class PlaceTable:
    """Rows by written name (``names``), by ``ref`` (``places``) and reference ``points``."""

    names: dict[str, tuple[TableRow, ...]]
    places: dict[str, TableRow]
    points: dict[str, tuple[float, float]]
    longest: int
    capitals: frozenset[str] = frozenset()

    def rows(self, name: str) -> tuple[TableRow, ...]:
        """Rows whose written name is exactly ``name``."""
        return self.names.get(name, ())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of ``text`` written exactly as a table name: ``(start, end, name)``.

        Case-sensitive and whole words; longest match wins, matches do not overlap.

        >>> place_table().find("Near London, Ky., Laurel County deputies and Iraqis.")
        [(13, 16, 'Ky.'), (18, 31, 'Laurel County'), (45, 51, 'Iraqis')]
        >>> [n for _, _, n in place_table().find("Egyptian-US talks on Sub-Saharan Africa")]
        ['Egyptian', 'Sub-Saharan Africa']
        """
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(words):
            start = words[i][0]
            if not text[start].isupper():
                i += 1
                continue
            hit = None
            parts: list[str] = []
            for j in range(i, min(len(words), i + self.longest)):
                if j > i:
                    gap = text[words[j - 1][1] : words[j][0]]
                    if gap.strip() and gap != "-":
                        break
                    parts.append("-" if gap == "-" else " ")
                parts.append(text[words[j][0] : words[j][1]])
                name = "".join(parts)
                for end, form in _forms(name, words[j][1]):
                    if form in self.names:
                        hit = (j, start, end, form)
                        break
            if hit is None:
                i += 1
                continue
            j, start, end, form = hit
            found.append((start, end, form))
            i = j + 1
        return found


# Words end at spaces, punctuation and hyphens: "Egyptian-US", "Arab-Israeli" hold names.
_WORD = re.compile(r"[^\s,;:()\[\]\"“”«»!?\-–—]+")


def _forms(name: str, end: int) -> list[tuple[int, str]]:
    """The word run as written, then without a final period or possessive."""
    forms = [(end, name)]
    if name.endswith("."):
        forms.append((end - 1, name[:-1]))
    for tail in ("'s", "’s"):
        if name.endswith(tail):
            forms.append((end - 2, name[:-2]))
    return forms


def _float(value: str) -> float | None:
    return float(value) if value else None


@functools.lru_cache(maxsize=1)
def place_table() -> PlaceTable:
    """The shipped table, loaded once per process (about 10 ms)."""
    text = resources.files(__package__).joinpath("places.csv").read_text(encoding="utf-8")
    names: dict[str, list[TableRow]] = {}
    places: dict[str, TableRow] = {}
    points: dict[str, tuple[float, float]] = {}
    capitals: set[str] = set()
    for raw in csv.DictReader(text.splitlines()):
        row = TableRow(raw["kind"], raw["name"], raw["ref"], _float(raw["lat"]),
                       _float(raw["lon"]), raw["feature"], raw["country"], raw["admin1"],
                       int(raw["population"] or 0), raw.get("label") or "")
        if row.kind == "capital":
            capitals.add(row.ref)
            continue
        if row.kind == "point":
            assert row.lat is not None and row.lon is not None
            points[row.ref] = (row.lat, row.lon)
            continue
        names.setdefault(row.name, []).append(row)
        if row.kind == "place":
            places.setdefault(row.ref, row)
    longest = max(len(re.split(r"[\s-]+", name)) for name in names)
    return PlaceTable({k: tuple(v) for k, v in names.items()}, places, points, longest,
                      frozenset(capitals))


@functools.lru_cache(maxsize=1)
def person_names() -> tuple[frozenset[str], frozenset[str]]:
    """Common first names and surnames, capitalised ("Andrew", "Trapani" is not one).

    >>> first, last = person_names()
    >>> "Andrew" in first, "Smith" in last, "Baghdad" in first | last
    (True, True, False)
    """
    text = resources.files(__package__).joinpath("person_names.csv").read_text(encoding="utf-8")
    first: set[str] = set()
    last: set[str] = set()
    for raw in csv.DictReader(text.splitlines()):
        (first if raw["kind"] == "first" else last).add(raw["name"])
    return frozenset(first), frozenset(last)
