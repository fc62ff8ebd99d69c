"""The date of an event: the closest date of its clause, the day told next, or inherited."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ._context import ArticleContext, same_segment
from ._patterns import SAID_ON
from .dates import DateSpan
from .triggers import (
    Trigger,
)

__all__ = [
    "closest_date",
    "event_date_fields",
    "owned_by_other",
    "told_next",
]

_GENITIVE_DATE = re.compile(r"(?:\bdu|\bof|\bsince|depuis|\bd['’])\s*$", re.IGNORECASE)
_AFTER_END = re.compile(r"\b(?:after|après)$", re.IGNORECASE)


def owned_by_other(text: str, date: DateSpan, trigger: Trigger, violent: Sequence[Trigger]) -> bool:
    """"Friday's missile strike on Dnipro": a possessive date belongs to the trigger it opens."""
    if not re.match(r"['’]s\b", text[date.end:date.end + 3]):
        return False
    owner = next((t for t in violent if 0 <= t.start - date.end <= 30), None)
    return owner is not None and owner is not trigger


def closest_date(
    dates: Sequence[DateSpan], trigger: Trigger, place_start: int, text: str
) -> DateSpan | None:
    """The date nearest to the place or its trigger ("X on Friday after rockets hit Y on Thursday")."""
    # "a day after a drone hit Tel Aviv": the date of the event after it, not of one before
    dates = [d for d in dates if not (d.start > trigger.start and _AFTER_END.search(d.text))]
    if not dates:
        return None

    def key(d: DateSpan) -> tuple[int, int]:
        # a date across a clause break ("en représailles à l'attaque du 1er octobre") or
        # hanging on a noun ("l'attaque du 1er octobre") is a weaker candidate
        penalty = (not same_segment(text, d.start, trigger.start)) + bool(
            _GENITIVE_DATE.search(text[max(0, d.start - 5):d.start])
        ) + 2 * bool(SAID_ON.search(text[max(0, d.start - 25):d.start]))  # "a annoncé samedi"
        return penalty, min(abs(d.start - trigger.start), abs(d.start - place_start))

    best = min(dates, key=key)
    for other in dates:  # "on Saturday and Sunday": the story starts on the first
        if other.end <= best.start and re.fullmatch(r"\s*(?:and|et|or|ou)\s*", text[other.end:best.start]):
            return other
    return best


def told_next(index: int, said: DateSpan, context: ArticleContext) -> DateSpan | None:
    """A day the next sentence gives for the events, earlier than the day something was said."""
    if index + 1 >= len(context.sentences) or said.date_start is None:
        return None
    following = context.sentences[index + 1].text
    for span in context.dates_of(index + 1):
        if (
            span.time_precision == 1
            and span.date_start is not None
            and span.date_start <= said.date_start
            and not SAID_ON.search(following[max(0, span.start - 25):span.start])
        ):
            return span
    return None


def event_date_fields(date: DateSpan | None) -> dict[str, Any]:
    if date is None:
        return {"date": None, "date_start": None, "date_end": None, "time_precision": 4}
    return {
        "date": date.date_start,
        "date_start": date.date_start,
        "date_end": date.date_end,
        "time_precision": date.time_precision,
    }
