"""Throughput of event extraction alone (places given), on the annotated corpus.

The pipeline target is >= 50 articles/s in one process; extraction must take a small share.
Usage: python benchmarks/bench_events.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "events"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from geoevents.events import extract_events
    from geoevents.events.scoring import LexiconPlaces, load_corpus
    from geoevents.model import Article
    from geoevents.text import split_sentences

    lexicon = LexiconPlaces(FIXTURES / "places.tsv")
    jobs = []
    for passage in load_corpus(FIXTURES / "corpus.jsonl"):
        sentences = split_sentences(passage.text)
        article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
        jobs.append((article, sentences, lexicon(passage.text, sentences), passage.lang))
    example = (FIXTURES / "iran-strikes-2020-01.fr.txt").read_text(encoding="utf-8")
    long_text = "\n".join([example] * 10)  # a long article: ~25 kB, 140 sentences
    sentences = split_sentences(long_text)
    jobs_long = [(Article(long_text, id="long", lang="fr"), sentences, lexicon(long_text, sentences), "fr")]

    started = time.perf_counter()
    for job in jobs[:1]:
        extract_events(job[0], job[1], job[2], lang=job[3])  # compile the regexes
    warm = time.perf_counter() - started

    for name, batch in (("corpus passages", jobs), ("10x example article", jobs_long)):
        started = time.perf_counter()
        events = 0
        for _ in range(args.repeat):
            for article, sents, places, lang in batch:
                events += len(extract_events(article, sents, places, lang=lang))
        elapsed = time.perf_counter() - started
        tracemalloc.start()  # a separate pass: tracing slows the timed one down
        for article, sents, places, lang in batch:
            extract_events(article, sents, places, lang=lang)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        count = args.repeat * len(batch)
        print(f"{name:<22} {count / elapsed:>9.0f} articles/s  {1000 * elapsed / count:>7.2f} ms/article"
              f"  {events // args.repeat:>4} events/pass  peak {peak / 1e6:.1f} MB")
    print(f"first call (regex compilation) {1000 * warm:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
