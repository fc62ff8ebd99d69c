"""Score event extraction on the hand-annotated corpus (tests/fixtures/events/corpus.jsonl).

Two ways to get places:

* ``lexicon``  : places from tests/fixtures/events/places.tsv (exact alias matches), so the
                 figures measure event extraction alone;
* ``pipeline`` : geoevents.parse end to end (embedded gazetteer, resolution included).

The corpus is split into ``dev`` (rules were tuned on it), ``holdout2`` (written before the
second tuning round and kept unseen through round 3; its errors were read and tuned on in
round 4, so it is development data now) and ``holdout3`` (50 passages written blind by two
annotators who never saw the rules, committed before any round-4 rule was measured on it;
never inspected) and ``holdout4`` (50 more blind passages, events of even years, written
while round 4 was tuned on 50 blind ``dev`` passages ``d14-*`` of odd years; never
inspected) and ``holdout5`` (40 blind passages written in session 3 after round 4, committed
before their first score; never inspected). ``dev8`` (240 blind passages ``d17-*`` by eight more
annotators, session 3) was scored once before it was read; it is development data, and so is
``dev9`` (240 more, ``d18-*``). Usage::

    python benchmarks/score_events.py [--places lexicon|pipeline|both] [--errors dev|holdout2|all]  (never holdout3/4/5 while tuning)
                                      [--corpus PATH] [--exclude ID,ID,...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "events"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(FIXTURES / "corpus.jsonl"))
    parser.add_argument("--lexicon", default=str(FIXTURES / "places.tsv"))
    parser.add_argument("--places", choices=("lexicon", "pipeline", "both"), default="both")
    parser.add_argument("--errors", choices=("none", "dev", "test", "holdout2", "holdout3", "holdout4", "holdout5", "dev8", "dev9", "all"), default="none")
    parser.add_argument(
        "--exclude", default="", help="comma-separated passage ids left out (sensitivity checks)"
    )
    args = parser.parse_args(argv)

    import geoevents
    from geoevents.events.scoring import (
        LexiconPlaces,
        format_table,
        load_corpus,
        predict_with_pipeline,
        predict_with_places,
        score,
    )

    excluded = {x.strip() for x in args.exclude.split(",") if x.strip()}
    try:
        passages = [p for p in load_corpus(args.corpus) if p.id not in excluded]
    except geoevents.InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    modes = ["lexicon", "pipeline"] if args.places == "both" else [args.places]
    for mode in modes:
        predict = (
            predict_with_places(LexiconPlaces(args.lexicon)) if mode == "lexicon" else predict_with_pipeline()
        )

        splits = [s for s in ("dev", "test", "holdout2", "holdout3", "holdout4", "holdout5", "dev8", "dev9") if any(p.split == s for p in passages)]
        started = time.perf_counter()
        scores = {
            split: score([p for p in passages if split == "all" or p.split == split], predict)
            for split in (*splits, "all")
        }
        elapsed = time.perf_counter() - started
        print(f"\n## places from {mode} ({len(passages)} passages, {elapsed:.2f} s for {len(scores)} passes)\n")
        print(format_table(scores))
        if args.errors != "none":
            print()
            for line in scores[args.errors].errors:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
