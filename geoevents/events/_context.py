"""What later sentences of an article may refer back to, and evidence spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Event, Evidence, Place, Role, Sentence
from ._patterns import CLAIM_CUE, COREF_DISTANCE, SAID_ON, SCOPE_BREAK
from .dates import DateSpan, find_dates

__all__ = [
    "ArticleContext",
    "evidence_at",
    "recent_targets",
    "same_segment",
    "sentence_of_event",
    "told_after_trigger",
    "trigger_span",
]

_RELATIVE_DAY = re.compile(
    r"veille|lendemain|\bday\s+(?:before|earlier|later|after)|jour\s+après|previous\s+day|(?:next|following)\s+day|"
    r"days\s+(?:earlier|later|before)|jours\s+(?:plus|auparavant|avant)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ArticleContext:
    """What later sentences may refer back to."""

    article: Article
    sentences: Sequence[Sentence]
    lang: str
    events: list[Event] = field(default_factory=list)
    last_group: tuple[int, list[int]] | None = None  # sentence, indices of its violent targets
    last_actor: tuple[int, str, Evidence] | None = None
    last_weapon: tuple[int, str] | None = None
    weapon_owner: dict[str, tuple[int, str, Evidence]] = field(default_factory=dict)  # "Russian drones" -> Russia
    last_disrupted: tuple[int, list[int]] | None = None  # sentence, indices of its interceptions
    last_violent_sentence: int | None = None
    recent_places: list[tuple[int, Place, bool]] = field(default_factory=list)  # (sentence, place, is base)
    dates: dict[int, list[DateSpan]] = field(default_factory=dict)
    weapon_sets: dict[int, frozenset[str]] = field(default_factory=dict)  # all munitions of a sentence
    group_actor: tuple[str, Evidence] | None = None  # the last non-state armed group named
    force_state: str | None = None  # the state whose army/forces were last named with a nationality
    force_sentence: int = -99  # and the sentence that named them
    sentence_index: dict[int, int] | None = None

    def dates_of(self, index: int) -> list[DateSpan]:
        if index not in self.dates:
            text = self.sentences[index].text
            narrative = self._narrative(index) if _RELATIVE_DAY.search(text) else None
            self.dates[index] = find_dates(text, self.article.date, lang=self.lang, narrative=narrative)
        return self.dates[index]

    def _narrative(self, index: int) -> Any:
        """The last day the sentences just before name ("Saturday ... Two days earlier")."""
        for back in range(index - 1, max(-1, index - 1 - COREF_DISTANCE), -1):
            days = [d.date_start for d in self.dates_of(back) if d.date_start and d.time_precision == 1]
            if days:
                return days[-1]
        return None

    def undated(self) -> bool:
        """Does the article give no date at all? Then what it reports happened on its day."""
        return all(not self.dates_of(i) for i in range(len(self.sentences)))

    def inherited_date(self, index: int, reach: int = COREF_DISTANCE) -> tuple[DateSpan, Evidence] | None:
        # the day the events just told happened on first ("which seized the capital in September"
        # between them is background), then any date the sentences before give
        for back in range(index - 1, max(-1, index - 1 - reach), -1):
            start = self.sentences[back].start
            dated = [e for e in self.events if e.sentence.start == start and e.date_start is not None]
            if dated:  # the main clause's, not a retaliation's ("in retaliation for the April 22 ...")
                event = dated[0]
                proof = next((v for v in event.evidence if v.field == "date"), None)
                if proof is not None:
                    span = DateSpan(0, 0, proof.text, event.date_start, event.date_end, event.time_precision)
                    return span, proof
        for back in range(index - 1, max(-1, index - 1 - reach), -1):
            said = self.sentences[back].text
            spans = [
                d for d in self.dates_of(back)
                if not SAID_ON.search(said[max(0, d.start - 25):d.start])
                and not CLAIM_CUE.search(said[max(0, d.start - 25):d.start])  # "a revendiqué samedi l'attaque"
            ]
            if spans:
                span = spans[-1]
                sentence = self.sentences[back]
                return span, evidence_at("date", sentence, span.start, span.end)
        return None


def evidence_at(name: str, sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(name, sentence.start + start, sentence.start + end, sentence.text[start:end])


def same_segment(text: str, a: int, b: int) -> bool:
    """No clause break ("tandis que", "after", ";" ...) between two offsets."""
    lo, hi = min(a, b), max(a, b)
    return SCOPE_BREAK.search(text, lo, hi) is None


def recent_targets(index: int, context: ArticleContext) -> list[int]:
    return [
        i for i, e in enumerate(context.events)
        if e.role is Role.TARGET and e.is_violent and e.sentence.start < context.sentences[index].start
        and index - sentence_of_event(context, e) <= COREF_DISTANCE
    ]


def sentence_of_event(context: ArticleContext, event: Event) -> int:
    if context.sentence_index is None:
        context.sentence_index = {s.start: i for i, s in enumerate(context.sentences)}
    return context.sentence_index.get(event.sentence.start, -1)


def trigger_span(event: Event) -> tuple[int, int] | None:
    """Article offsets of the word that made the event (its ``event_type`` evidence)."""
    return next(((v.start, v.end) for v in event.evidence if v.field == "event_type"), None)


def told_after_trigger(event: Event, sentence: Sentence, offset: int) -> bool:
    """Is ``offset`` (in ``sentence``) after the event's trigger?"""
    span = trigger_span(event)
    return span is not None and span[0] - sentence.start < offset
