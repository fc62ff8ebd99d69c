"""Inter-annotator agreement on the event corpus, and the system read against it.

Passages of tests/fixtures/events/corpus.jsonl were annotated a second time by annotators who
saw only the text, the article date, the place list and the conventions docstring (never the
first annotation, never the rules): tests/fixtures/events/second_annotation.jsonl (``id`` and
``events`` per line). The scorer is run three ways on those passages:

* second annotator against the first (human agreement: the ceiling a rule set can be held to);
* the system against the first annotation (the usual figures);
* the system against the second annotation.

Usage::

    python benchmarks/annotator_agreement.py [--second PATH] [--places lexicon|pipeline]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "events"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(FIXTURES / "corpus.jsonl"))
    parser.add_argument("--lexicon", default=str(FIXTURES / "places.tsv"))
    parser.add_argument("--second", default=str(FIXTURES / "second_annotation.jsonl"))
    parser.add_argument("--places", choices=("lexicon", "pipeline"), default="lexicon")
    args = parser.parse_args(argv)

    import geoevents
    from geoevents.events.scoring import (
        FIELDS,
        LexiconPlaces,
        Score,
        event_record,
        load_corpus,
        predict_with_pipeline,
        predict_with_places,
    )

    second: dict[str, list[dict[str, object]]] = {}
    for number, line in enumerate(Path(args.second).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
                second[row["id"]] = row["events"]
            except (ValueError, KeyError, TypeError):
                print(f"error: {args.second}:{number}: not an annotation line", file=sys.stderr)
                return 1
    try:
        passages = [p for p in load_corpus(args.corpus) if p.id in second]
    except geoevents.InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    predict = (
        predict_with_places(LexiconPlaces(args.lexicon)) if args.places == "lexicon" else predict_with_pipeline()
    )

    scores = {"B vs A": Score(), "system vs A": Score(), "system vs B": Score()}
    for passage in passages:
        system = [event_record(e) for e in predict(passage) if e.place is not None]
        scores["B vs A"].add(passage.id, passage.events, second[passage.id])
        scores["system vs A"].add(passage.id, passage.events, system)
        scores["system vs B"].add(passage.id, second[passage.id], system)
    splits = sorted({p.split for p in passages})
    print(f"{len(passages)} passages annotated twice (splits: {', '.join(splits)}); places from {args.places}\n")
    header = f"{'field':<16}" + "".join(f"{name:>22}" for name in scores)
    print(header)
    print(" " * 16 + "".join(f"{'P':>8}{'R':>7}{'F1':>7}" for _ in scores))
    print("-" * len(header))
    for name in ("location", *FIELDS):
        row = f"{name:<16}"
        for score in scores.values():
            stats = score.fields[name]
            row += f"{stats.precision:>8.2f}{stats.recall:>7.2f}{stats.f1:>7.2f}"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
