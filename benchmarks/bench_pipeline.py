"""Pipeline speed: `map` on the example article in a cold process, and articles/s in one process.

Targets (issue 2): map <= 2 s cold; parse >= 50 articles/s in one process.
Run: python benchmarks/bench_pipeline.py   (prints a markdown table; machine noise: compare
ratios from one run, e.g. cold map vs. a bare `python -c pass`).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "iran-strikes-2020-01.fr.txt"
LGL = ROOT.parent / "shared" / "eval" / "LGL.gold.jsonl"


def _time(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def cold_map(runs: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        # First run may build the embedded gazetteer index; it is not what we measure.
        _time([sys.executable, "-m", "geoevents", "map", str(EXAMPLE), "--date", "2020-01-31"],
              Path(tmp))
        python = [_time([sys.executable, "-c", "pass"], Path(tmp)) for _ in range(runs)]
        maps = [
            _time([sys.executable, "-m", "geoevents", "map", str(EXAMPLE), "--date",
                   "2020-01-31", "-q"], Path(tmp))
            for _ in range(runs)
        ]
    return {"python_startup_s": statistics.median(python), "map_cold_s": statistics.median(maps)}


def _articles(n: int) -> list[tuple[str, str | None]]:
    texts: list[tuple[str, str | None]] = [(EXAMPLE.read_text(encoding="utf-8"), "2020-01-31")]
    if LGL.exists():
        with LGL.open(encoding="utf-8") as handle:
            for line in handle:
                texts.append((json.loads(line)["text"], None))
                if len(texts) >= n:
                    break
    while len(texts) < n:
        texts.append(texts[len(texts) % max(1, len(texts))])
    return texts[:n]


def parse_throughput(n: int = 100) -> dict[str, float]:
    import geoevents

    articles = _articles(n)
    geoevents.parse(articles[0][0], date=articles[0][1])  # open the gazetteer, warm imports
    start = time.perf_counter()
    events = 0
    for text, date in articles:
        events += len(geoevents.parse(text, date=date).events)
    elapsed = time.perf_counter() - start
    chars = sum(len(t) for t, _ in articles)
    return {"articles": n, "seconds": elapsed, "articles_per_s": n / elapsed,
            "mean_chars": chars / n, "events": events}


def main() -> None:
    cold = cold_map()
    speed = parse_throughput()
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| python -c pass (startup floor) | {cold['python_startup_s']:.2f} s | |")
    print(f"| `map` example article, cold process | {cold['map_cold_s']:.2f} s | <= 2 s |")
    print(f"| parse, {speed['articles']} articles in one process (mean {speed['mean_chars']:.0f} chars) "
          f"| {speed['articles_per_s']:.0f} articles/s | >= 50 /s |")


if __name__ == "__main__":
    main()
