"""Reports cut down to what the merged map records read, so a large batch fits in memory.

:func:`geoevents.features` needs every event of the batch at once (to merge them across
articles), but of the places only the first one with each gazetteer id, and of the sentences
only those such places point to. Everything else is dropped while the stored reports stream
by; the records made from the slim reports are the same as from the full ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Article, Report, Sentence

__all__ = ["slim_reports"]


def slim_reports(reports: Iterable[Report]) -> list[Report]:
    """The reports, in order, with only what :func:`geoevents.features` uses of them."""
    seen: set[str] = set()
    out: list[Report] = []
    for report in reports:
        places = []
        sentences: list[Sentence] = []
        moved: dict[int, int] = {}
        for place in report.places:
            if place.gazetteer_id in seen:
                continue
            seen.add(place.gazetteer_id)
            if report.sentences:
                old = place.mention.sentence
                if old not in moved:
                    moved[old] = len(sentences)
                    sentences.append(
                        report.sentences[old] if 0 <= old < len(report.sentences)
                        else Sentence(0, 0, "")
                    )
                place = replace(place, mention=replace(place.mention, sentence=moved[old]))
            places.append(place)
        article = report.article
        out.append(Report(
            article=Article("", id=article.id, date=article.date, lang=article.lang,
                            url=article.url),
            lang=report.lang,
            sentences=tuple(sentences),
            places=tuple(places),
            events=tuple(replace(e, evidence=()) for e in report.events),
        ))
    return out
