"""Generated news articles for batch tests and benchmarks (templates x places x weapons x dates).

Deterministic for a seed. Some stories are told twice in different words (another outlet,
the other language) so that merging events across articles is exercised. Place names are
towns and countries of the embedded GeoNames-based gazetteer.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["generate", "write_jsonl", "write_files", "PLACES"]

# (French name, English name) of places the offline gazetteer knows.
PLACES = [
    ("Erbil", "Erbil"),
    ("Kirkouk", "Kirkuk"),
    ("Bagdad", "Baghdad"),
    ("Tikrit", "Tikrit"),
    ("Ramadi", "Ramadi"),
    ("Falloujah", "Fallujah"),
    ("Najaf", "Najaf"),
    ("Homs", "Homs"),
    ("Hama", "Hama"),
    ("Idlib", "Idlib"),
    ("Raqqa", "Raqqa"),
    ("Lattaquié", "Latakia"),
    ("Tyr", "Tyre"),
    ("Sanaa", "Sanaa"),
    ("Aden", "Aden"),
    ("Hodeïda", "Hodeidah"),
    ("Kharkiv", "Kharkiv"),
    ("Odessa", "Odessa"),
    ("Donetsk", "Donetsk"),
    ("Marioupol", "Mariupol"),
    ("Kherson", "Kherson"),
    ("Mogadiscio", "Mogadishu"),
    ("Benghazi", "Benghazi"),
    ("Kandahar", "Kandahar"),
]
ACTORS = [("L'Iran", "Iran"), ("La Russie", "Russia"), ("Israël", "Israel"), ("La Turquie", "Turkey")]
WEAPONS = [("missiles", "missiles"), ("drones", "drones"), ("roquettes", "rockets"), ("obus", "shells")]
OUTLETS = ["AFP", "Reuters", "AP", "DPA", "ANSA", "EFE", "Kyodo", "Xinhua", "PAP", "TASR"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
FR_FILLER = [
    "Les autorités de {other} ont appelé au calme.",
    "Une réunion est prévue à {other} la semaine prochaine.",
    "Des observateurs se trouvaient à {other} au moment des faits.",
]
EN_FILLER = [
    "Officials in {other} called for calm.",
    "A meeting is planned in {other} next week.",
    "Observers were in {other} at the time.",
]


def _fr(actor: str, qty: int, weapon: str, place: str, day: dt.date, killed: int, other: str,
        filler: str) -> str:
    when = f"le {day.day} {FR_MONTHS[day.month - 1]}"
    lead = f"{actor} a tiré {qty} {weapon} sur {place} {when}."
    toll = f"L'attaque a fait {killed} morts." if killed else "Aucune victime n'a été signalée."
    return f"{lead} {toll}\n\n{filler.format(other=other)}\n"


def _en(actor: str, qty: int, weapon: str, place: str, day: dt.date, killed: int, other: str,
        filler: str) -> str:
    when = f"on {EN_MONTHS[day.month - 1]} {day.day}"
    lead = f"{actor} fired {qty} {weapon} at {place} {when}."
    toll = f"The attack killed {killed} people." if killed else "No casualties were reported."
    return f"{lead} {toll}\n\n{filler.format(other=other)}\n"


def generate(n: int, *, seed: int = 8) -> Iterator[dict[str, str]]:
    """``n`` JSONL-ready documents ``{"id", "text", "date", "url"}``, about one in four a retelling."""
    rng = random.Random(seed)
    told: list[tuple[int, int, int, int, dt.date, int, dt.date]] = []
    for i in range(n):
        if told and rng.random() < 0.25:
            a, w, p, qty, day, killed, published = rng.choice(told)
            published = published + dt.timedelta(days=1)
        else:
            a, w, p = rng.randrange(len(ACTORS)), rng.randrange(len(WEAPONS)), rng.randrange(len(PLACES))
            qty, killed = rng.randint(2, 30), rng.choice([0, 0, 1, 2, 3, 5, 8])
            published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(300))
            day = published - dt.timedelta(days=rng.randint(0, 2))
            told.append((a, w, p, qty, day, killed, published))
        lang = rng.choice(["fr", "en"])
        k = (lang == "en")
        others = [pl for j, pl in enumerate(PLACES) if j != p]
        other = rng.choice(others)[k]
        text = (_en if k else _fr)(
            ACTORS[a][k], qty, WEAPONS[w][k], PLACES[p][k], day, killed, other,
            rng.choice(EN_FILLER if k else FR_FILLER),
        )
        outlet = rng.choice(OUTLETS)
        yield {
            "id": f"gen-{i:05d}",
            "text": f"{outlet} - {text}" if rng.random() < 0.5 else f"{text}\n({outlet})\n",
            "date": published.isoformat(),
            "url": f"https://news.example/{lang}/{i}",
        }


def write_jsonl(path: Path, n: int, *, seed: int = 8) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in generate(n, seed=seed):
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def write_files(folder: Path, n: int, *, seed: int = 8) -> list[Path]:
    """One ``.txt`` file per document (no date: pass ``--date``)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in generate(n, seed=seed):
        path = folder / f"{doc['id']}.txt"
        path.write_text(doc["text"], encoding="utf-8")
        paths.append(path)
    return paths
