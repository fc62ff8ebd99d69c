"""Map scale: 10,000 events render in <= 3 s into <= 5 MB of HTML.

Builds 10,000 synthetic events (deterministic: 2,000 articles of five records each, realistic
sentence lengths, dates over three months, strikes/bases/places mixed) and times
``write_map`` end to end (records -> folium -> HTML file on disk), for the CDN page and the
self-contained page. Also times the exports, and with ``--browser`` the load of the
self-contained page in headless Chromium (offline) until the markers are drawn.

Run: python benchmarks/bench_map.py [--n 10000] [--repeat 3] [--browser] [--no-write]
Writes benchmarks/results/map.md (markdown table) unless --no-write; exits 1 if a target is
missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from geoevents._io import atomic_write
from geoevents.outputs import write_csv, write_geojson, write_gpkg, write_kml, write_map
from geoevents.records import MapFeature

ROOT = Path(__file__).resolve().parents[1]
TIME_TARGET_S = 3.0
SIZE_TARGET_MB = 5.0

_TEXT = (
    "les forces ont frappé une position près de la ville selon un responsable local qui a "
    "requis l'anonymat plusieurs roquettes sont tombées sur la base aérienne dans la nuit "
    "the ministry said missiles hit the airport while officials reported casualties among "
    "soldiers and civilians after drones targeted a convoy on the road to the border"
)
_WORDS = _TEXT.split(" ")
_SUBTYPES = (
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
)


def synthetic(n: int, seed: int = 20200108) -> list[MapFeature]:
    """``n`` records: per article one sentence per two records, five records an article."""
    rng = random.Random(seed)
    out: list[MapFeature] = []
    start = dt.date(2020, 1, 1)
    article = 0
    while len(out) < n:
        article += 1
        source = f"https://news.example.org/{article:05d}"
        sentences = [
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(18, 40))).capitalize() + "."
            for _ in range(3)
        ]
        for k in range(5):
            if len(out) >= n:
                break
            lat, lon = rng.uniform(29.0, 37.5), rng.uniform(38.5, 48.5)
            name = f"Place {article}-{k}"
            category = rng.choices(("strike", "base", "place"), weights=(6, 1, 3))[0]
            common = {
                "category": category,
                "name": name,
                "mention": name.upper(),
                "gazetteer_id": f"geonames:{rng.randint(100000, 9999999)}",
                "country": "IQ",
                "feature": rng.choice(("city", "town", "airbase", "admin1")),
                "geo_precision": rng.randint(1, 3),
                "lat": lat,
                "lon": lon,
                "source": source,
                "source_text": sentences[k // 2],
            }
            if category == "place":
                out.append(MapFeature(**common))  # type: ignore[arg-type]
                continue
            day = (start + dt.timedelta(days=rng.randint(0, 90))).isoformat()
            out.append(
                MapFeature(
                    **common,  # type: ignore[arg-type]
                    event_type="Explosions/Remote violence" if category == "strike"
                    else "Strategic developments",
                    sub_event_type=rng.choice(_SUBTYPES) if category == "strike" else "Other",
                    date=day,
                    date_start=day,
                    date_end=day,
                    time_precision=1,
                    actor=rng.choice(("Iran (IRGC)", "United States", "Kataib Hezbollah")),
                    weapon=rng.choice(("missile", "drone", "rocket", None)),
                    quantity=rng.choice((None, rng.randint(1, 30))),
                    fatalities=rng.choice((None, 0, rng.randint(1, 50))),
                    injuries=rng.choice((None, rng.randint(0, 100))),
                    sources=(source,),
                )
            )
    return out


def _time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _cold_start(n: int, path: Path) -> float:
    """Records already built, then a new interpreter imports folium and writes the map."""
    import pickle
    import subprocess

    data = path.with_suffix(".pickle")
    data.write_bytes(pickle.dumps(synthetic(n)))
    code = (
        "import pickle, sys, time; t0 = time.perf_counter();"
        "from geoevents.outputs import write_map;"
        "write_map(pickle.loads(open(sys.argv[1], 'rb').read()), sys.argv[2], self_contained=True);"
        "print(time.perf_counter() - t0)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(data), str(path)],
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def _browser_load(path: Path) -> float | None:
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.exists() and driver_path.exists()):
        print("browser: skipped (no /usr/bin/chromium or /usr/bin/chromedriver)")
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    with tempfile.TemporaryDirectory() as profile:
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,900", f"--user-data-dir={profile}",
                    "--proxy-server=127.0.0.1:9",
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
        try:
            t0 = time.perf_counter()
            driver.get(path.resolve().as_uri())
            while not driver.execute_script(
                "return !!document.querySelector('.folium-map[data-ge-ready]')"
            ):
                time.sleep(0.02)
            elapsed = time.perf_counter() - t0
            shown = driver.execute_script(
                "return document.querySelectorAll('.ge-marker, .ge-cluster').length"
            )
            print(f"browser: ready in {elapsed:.2f} s with {shown} markers/clusters drawn")
            return elapsed
        finally:
            driver.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also time the page in Chromium")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    load = os.getloadavg()[0]

    features = synthetic(args.n)
    rows: list[tuple[str, float, float | None]] = []
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for label, kwargs in (
            ("map (CDN assets)", {}),
            ("map --self-contained", {"self_contained": True}),
            ("map --self-contained --tiles none", {"self_contained": True, "tiles": None}),
        ):
            path = out / "map.html"
            seconds = _time(lambda kwargs=kwargs, path=path: write_map(features, path, **kwargs), args.repeat)
            size_mb = path.stat().st_size / 1e6
            rows.append((label, seconds, size_mb))
            ok &= seconds <= TIME_TARGET_S and size_mb <= SIZE_TARGET_MB
        cold = _cold_start(args.n, out / "cold.html")
        rows.append(("map --self-contained, fresh process (imports included)", cold, None))
        ok &= cold <= TIME_TARGET_S
        browser_s = _browser_load(out / "map.html") if args.browser else None
        for label, fn, name in (
            ("geojson", write_geojson, "e.geojson"),
            ("gpkg", write_gpkg, "e.gpkg"),
            ("csv", write_csv, "e.csv"),
            ("kml", write_kml, "e.kml"),
        ):
            path = out / name
            seconds = _time(lambda fn=fn, path=path: fn(features, path), args.repeat)
            rows.append((f"export {label}", seconds, path.stat().st_size / 1e6))

    lines = [
        f"# Map and export benchmark ({args.n:,} records)",
        "",
        f"Targets: the map renders in <= {TIME_TARGET_S:g} s into <= {SIZE_TARGET_MB:g} MB of HTML. "
        f"Median of {args.repeat} runs, records -> file on disk; {sys.platform}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the start, "
        f"Python {sys.version.split()[0]}.",
        "",
        "| output | seconds | MB |",
        "|---|---:|---:|",
        *(
            f"| {label} | {seconds:.2f} | {'-' if size is None else f'{size:.2f}'} |"
            for label, seconds, size in rows
        ),
    ]
    if browser_s is not None:
        lines += ["", f"Headless Chromium, self-contained page, offline: ready in {browser_s:.2f} s."]
    lines += ["", f"Result: {'all targets met' if ok else 'TARGET MISSED'}.", ""]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        target = ROOT / "benchmarks" / "results" / "map.md"
        with atomic_write(target) as handle:
            handle.write(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
