"""Geoparsing quality beside published systems, and speed, on the shared evaluation corpora.

Runs our geoparser (``geoevents.toponyms``) over ../shared/eval/{LGL,GeoVirus}.gold.jsonl,
scores it and every baseline in ../shared/eval/baselines/, checks that our scorer gives the same
numbers as the reference scorer (../shared/eval/score_geoparse.py) on every system, and writes:

- benchmarks/results/geoparse.md         the comparison table for README (committed)
- benchmarks/results/ours.<corpus>.jsonl our predictions (ignored by git; rescore them with
                                          ``geoevents evaluate GOLD ours.<corpus>.jsonl``)

Targets: the LGL run (588 documents) <= 30 s once the gazetteer is open; scoring one system on
LGL well under 1 s.

Run: python benchmarks/bench_geoparse.py [--eval-dir DIR] [--corpus LGL --corpus GeoVirus]
     [--limit N] [--no-write] [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import math
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from geoevents._io import atomic_write
from geoevents.evaluation import (
    Documents,
    Scores,
    outcomes,
    parse_predictions,
    predict,
    read_gold,
    read_predictions,
    score,
    system_name,
    write_predictions,
)

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "benchmarks" / "results"
OURS = "geoevents"
LGL_TARGET_S = 30.0


def _reference(eval_dir: Path) -> ModuleType | None:
    path = eval_dir / "score_geoparse.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_geoparse", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _oracle_is_current(eval_dir: Path) -> bool | None:
    """Whether the tests' copy of the reference scorer still matches ../shared/eval's."""
    shared = eval_dir / "score_geoparse.py"
    copy = ROOT / "tests" / "fixtures" / "evaluation" / "score_geoparse_reference.py"
    if not shared.exists() or not copy.exists():
        return None
    body = [line for line in copy.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]
    return body == [line for line in shared.read_text(encoding="utf-8").splitlines()
                    if not line.startswith("#")]


def _agrees(ours: Scores, ref: dict[str, float]) -> bool:
    mine = ours.as_dict()
    for key, expected in ref.items():
        got = mine[key]
        assert got is not None
        if isinstance(expected, float) and math.isnan(expected):
            if not math.isnan(got):
                return False
        elif not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
            return False
    return True


def _print_errors(corpus: str, gold: Documents, pred: Documents, top: int) -> None:
    """The most frequent surface forms our geoparser misses, misplaces or invents."""
    counts: dict[str, Counter[str]] = {"missed": Counter(), "far": Counter(),
                                       "spurious": Counter(), "unplaced": Counter()}
    far_to: dict[str, Counter[str]] = {}
    far_feature: Counter[str] = Counter()
    for o in outcomes(gold, pred):
        if o.kind == "correct":
            continue
        span = o.gold if o.gold is not None else o.pred
        assert span is not None
        text = gold[o.doc_id].text or ""
        surface = text[span.start:span.end]
        counts[o.kind][surface] += 1
        if o.kind == "far" and o.pred is not None:
            far_to.setdefault(surface, Counter())[o.pred.name] += 1
            near = "<1000 km" if o.km is not None and o.km < 1000 else ">=1000 km"
            far_feature[f"{o.pred.feature or '?'} {near}"] += 1
    for kind, counter in counts.items():
        if not counter:
            continue
        items = []
        for name, n in counter.most_common(top):
            where = f" -> {far_to[name].most_common(1)[0][0]}" if kind == "far" else ""
            items.append(f"{name}{where} ({n})")
        sys.stderr.write(f"{corpus} {kind} ({sum(counter.values())}): {'; '.join(items)}\n")
    if far_feature:
        by = "; ".join(f"{k} ({n})" for k, n in far_feature.most_common(top))
        sys.stderr.write(f"{corpus} far by our feature class: {by}\n")


def run_corpus(corpus: str, eval_dir: Path, limit: int | None, write: bool,
               ref: ModuleType | None, errors: int = 0) -> dict[str, Any]:
    gold_path = eval_dir / f"{corpus}.gold.jsonl"
    full_gold = read_gold(gold_path, require_text=True)
    gold = dict(list(full_gold.items())[:limit]) if limit is not None else full_gold
    sys.stderr.write(f"{corpus}: geoparsing {len(gold)} documents...\n")
    records, seconds = predict(gold, lang="en")
    scratch = tempfile.TemporaryDirectory()
    ours_path = RESULTS / f"ours.{corpus}.jsonl" if write else Path(scratch.name) / "ours.jsonl"
    write_predictions(ours_path, records)

    systems: dict[str, Scores] = {}
    score_s: dict[str, float] = {}
    parity: dict[str, bool] = {}
    started = time.perf_counter()
    ours_docs = parse_predictions(enumerate(records, 1), gold, "ours")
    systems[OURS] = score(gold, ours_docs)
    score_s[OURS] = time.perf_counter() - started
    if errors:
        _print_errors(corpus, gold, ours_docs, errors)
    if ref is not None and limit is None:
        parity[OURS] = _agrees(systems[OURS], ref.score(ref.load(str(gold_path)),
                                                       ref.load(str(ours_path))))
    for path in sorted((eval_dir / "baselines").glob(f"{corpus}.*.jsonl")):
        name = system_name(path, gold_path)
        started = time.perf_counter()
        systems[name] = score(gold, read_predictions(path, full_gold))
        score_s[name] = time.perf_counter() - started
        if ref is not None and limit is None:
            parity[name] = _agrees(systems[name], ref.score(ref.load(str(gold_path)),
                                                           ref.load(str(path))))
    scratch.cleanup()
    return {"corpus": corpus, "docs": len(gold), "gold": systems[OURS].gold, "seconds": seconds,
            "systems": systems, "score_s": score_s, "parity": parity}


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                             capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def cold_evaluate(gold_path: Path) -> float:
    """Wall time of ``geoevents evaluate GOLD`` (our geoparser, scored) in a fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geoevents", "evaluate", str(gold_path), "--json"],
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - started


def markdown(runs: list[dict[str, Any]], open_s: float, peak_mb: float,
             cold_s: float | None = None) -> str:
    names = [OURS] + sorted({n for r in runs for n in r["systems"] if n != OURS}, key=str.lower)
    lines = [
        "# Geoparsing benchmark",
        "",
        f"Generated by `python benchmarks/bench_geoparse.py` on {dt.date.today().isoformat()} "
        f"(commit {_commit()}). Corpora and baseline outputs: ../shared/eval (EUPEG; LGL by "
        "Lieberman et al. 2010, GeoVirus by Gritta et al. 2018). Metrics as in "
        "score_geoparse.py: spans match when they overlap; acc161 over matched toponyms; "
        "E2E161 = share of all gold toponyms found and placed within 161 km.",
        "",
        "Caveat: these two corpora are the project's development set. geoevents is tuned on "
        "them (the recipe that fits its candidate ranker, `python -m geoevents.ranking.train`, "
        "learns from them and reports document-fold held-out scores), so its figures here are "
        "in-sample and optimistic; the baselines' are not. Expect lower scores on unseen news.",
        "",
        "## E2E161 (higher is better)",
        "",
        "| system | " + " | ".join(r["corpus"] for r in runs) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for name in names:
        cells = []
        for r in runs:
            s = r["systems"].get(name)
            cells.append("" if s is None else (f"**{s.e2e161:.3f}**" if name == OURS
                                               else f"{s.e2e161:.3f}"))
        label = f"**{name} (ours)**" if name == OURS else name
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for r in runs:
        lines += [
            "",
            f"## {r['corpus']} ({r['docs']} documents, {r['gold']} gold toponyms)",
            "",
            "| system | E2E161 | P | R | F1 | acc161 | medKm | AUC |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name in names:
            s = r["systems"].get(name)
            if s is None:
                continue
            med = "-" if math.isnan(s.median_km) else f"{s.median_km:.1f}"
            auc = "-" if math.isnan(s.auc) else f"{s.auc:.3f}"
            lines.append(f"| {name} | {s.e2e161:.3f} | {s.precision:.3f} | {s.recall:.3f} | "
                         f"{s.f1:.3f} | {s.acc161:.3f} | {med} | {auc} |")
    lines += ["", "## Speed (2 cores)", "",
              "| corpus | documents | geoparse s | docs/s | scoring one system, ms |",
              "|---|---:|---:|---:|---:|"]
    for r in runs:
        rate = r["docs"] / r["seconds"] if r["seconds"] else math.inf
        worst_ms = max(r["score_s"].values()) * 1000
        lines.append(f"| {r['corpus']} | {r['docs']} | {r['seconds']:.1f} | {rate:.0f} | "
                     f"{worst_ms:.0f} |")
    lines += ["", f"Opening the gazetteer (once per process, not included above): {open_s:.1f} s; "
              f"peak RSS {peak_mb:.0f} MB. Target: LGL <= {LGL_TARGET_S:.0f} s."]
    if cold_s is not None:
        lines += ["", f"`geoevents evaluate LGL.gold.jsonl` in a fresh process (start-up, gazetteer, "
                  f"588 documents, scoring): {cold_s:.1f} s."]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--corpus", action="append", choices=["LGL", "GeoVirus"])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only (smoke)")
    parser.add_argument("--no-write", action="store_true", help="write no result files")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print our N most frequent misses, misplacements and inventions")
    args = parser.parse_args(argv)
    corpora = args.corpus or ["LGL", "GeoVirus"]
    if not (args.eval_dir / f"{corpora[0]}.gold.jsonl").exists():
        sys.stderr.write(f"bench_geoparse: no evaluation data in {args.eval_dir}\n")
        return 1
    ref = _reference(args.eval_dir)
    if _oracle_is_current(args.eval_dir) is False:
        sys.stderr.write("warning: tests/fixtures/evaluation/score_geoparse_reference.py differs "
                         "from the shared reference scorer; copy it again\n")
    write = not args.no_write and args.limit is None

    import geoevents

    started = time.perf_counter()
    geoevents.toponyms("Warm-up in Paris.", lang="en")  # opens the gazetteer once
    open_s = time.perf_counter() - started

    runs = [run_corpus(c, args.eval_dir, args.limit, write, ref, args.errors) for c in corpora]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lgl_gold = args.eval_dir / "LGL.gold.jsonl"
    cold_s = cold_evaluate(lgl_gold) if "LGL" in corpora and args.limit is None else None
    table = markdown(runs, open_s, peak_mb, cold_s)
    print(table)
    for r in runs:
        worst = max(r["score_s"].values())
        sys.stderr.write(f"{r['corpus']}: geoparse {r['seconds']:.1f} s for {r['docs']} docs; "
                         f"slowest scoring {worst * 1000:.0f} ms\n")
        bad = [n for n, ok in r["parity"].items() if not ok]
        if r["parity"]:
            sys.stderr.write(f"{r['corpus']}: reference scorer parity on {len(r['parity'])} "
                             f"systems: {'FAILED for ' + ', '.join(bad) if bad else 'ok'}\n")
        if bad:
            return 1
    if write:
        with atomic_write(RESULTS / "geoparse.md") as handle:
            handle.write(table)
    lgl = next((r for r in runs if r["corpus"] == "LGL"), None)
    if lgl is not None and args.limit is None and lgl["seconds"] > LGL_TARGET_S:
        sys.stderr.write(f"LGL run took {lgl['seconds']:.1f} s > target {LGL_TARGET_S:.0f} s\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
