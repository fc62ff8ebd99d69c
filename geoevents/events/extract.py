"""Sentences + resolved places -> events with ACLED-style metadata.

Only sentences with a cue (trigger, weapon, base word) or a casualty statement get any work;
everything is compiled regexes. Per sentence:

1. weapons, triggers (ambiguous verbs need a weapon), dates, quantities, actors, casualties;
2. each place gets a role: origin ("tirés depuis l'Iran"), actor (subject or agent, not an
   event place), base (base noun, stationing clause, base feature), target (any other place
   in a sentence with a violent trigger); a dateline is nothing;
3. each target is bound to its nearest violent trigger (a trigger before the place is
   preferred); the event type comes from the trigger kind and the weapon; quantity and
   weapon are read in the stretch of text between the neighbouring targets, so "11 missiles
   à A, et un autre à B" gives 11 to A and 1 to B;
4. a country-level place is dropped when a finer place of the same country and role is in
   the sentence ("Ain al-Assad, en Irak");
5. simple coreference: a target with no actor/date/weapon takes those of the previous
   violent event up to two sentences back; a sentence with casualty counts and no event
   gives them to the events of the previous sentence: a "none" statement to each event,
   a count to the first event only (so totals are not doubled).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from ..model import Article, Event, Evidence, Place, Role, Sentence, Status
from .actors import ActorMention, find_actors
from .casualties import CasualtyMention, find_casualties
from .dates import DateSpan, find_dates
from .merge import merge_events
from .quantities import QuantityMention, find_quantities
from .roles import (
    BASE_FEATURES,
    clause_start,
    has_locative_preposition,
    in_relative_clause,
    is_agent,
    is_base_context,
    is_dateline,
    is_origin,
    is_passive_between,
    status_of,
)
from .triggers import (
    AIR_STRIKE,
    ARMED_CLASH,
    ATTACK,
    BASE_ESTABLISHED,
    BATTLES,
    DISRUPTED_WEAPONS,
    EXPLOSIONS,
    OTHER_DEVELOPMENT,
    REMOTE_EXPLOSIVE,
    STRATEGIC,
    SUB_EVENT_BY_WEAPON,
    VAC,
    Trigger,
    WeaponMention,
    find_triggers,
    find_weapons,
    has_cue,
)

__all__ = ["extract_events"]

_VIOLENT_KINDS = frozenset({"strike", "attack", "battle", "explosion", "intercept"})
_CASUALTY_CUE = re.compile(
    r"tu[ée]|mort|bless|décè|péri|victime|traumat|kill|dead|died|death|injur|wound|hurt|casualt|fatalit",
    re.IGNORECASE,
)
_CIVILIAN_CUE = re.compile(
    r"\b(?:civils?|civilians?|villageois|villagers?|habitants|residents|fidèles|worshippers|"
    r"passants|marché|market|école|school|élèves|pupils|femmes|women|enfants|children|"
    r"réfugiés|refugees|déplacés)\b",
    re.IGNORECASE,
)
_COREF_DISTANCE = 2  # sentences
_COORDINATION = re.compile(r"^\s*(?:,|et|and|ou|or|puis)\s*(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$", re.IGNORECASE)
_SpanT = TypeVar("_SpanT", QuantityMention, WeaponMention)


@dataclass(slots=True)
class _Context:
    """What later sentences may refer back to."""

    last_violent: list[tuple[int, int]] = field(default_factory=list)  # (sentence, event index)
    last_date: tuple[int, DateSpan, int] | None = None  # (sentence, date, absolute start)
    last_actor: tuple[int, str, Evidence] | None = None
    last_weapon: tuple[int, str] | None = None


def extract_events(
    article: Article, sentences: Sequence[Sentence], places: Sequence[Place], *, lang: str
) -> tuple[Event, ...]:
    """Events of one article.

    Parameters
    ----------
    article
        The article; ``article.date`` anchors relative dates, ``article.id`` is the source.
    sentences
        Its sentences (offsets into ``article.text``).
    places
        Resolved place mentions; ``place.mention.sentence`` indexes ``sentences``.
    lang
        ``"fr"`` or ``"en"`` (other languages use the English lexicon).

    Returns
    -------
    tuple of Event
        Strikes/attacks (role TARGET), launch origins (ORIGIN), bases and deployments (BASE);
        events reported twice in the article are merged.
    """
    lang = lang if lang in ("fr", "en") else "en"
    by_sentence: dict[int, list[Place]] = {}
    for place in places:
        by_sentence.setdefault(place.mention.sentence, []).append(place)
    events: list[Event] = []
    context = _Context()
    for index, sentence in enumerate(sentences):
        sentence_places = sorted(by_sentence.get(index, ()), key=lambda p: p.mention.start)
        cue = has_cue(sentence.text, lang)
        casualty_cue = _CASUALTY_CUE.search(sentence.text) is not None
        base_feature = any(p.feature in BASE_FEATURES for p in sentence_places)
        if not (cue or casualty_cue or base_feature):
            continue
        _sentence_events(article, index, sentence, sentence_places, lang, cue, casualty_cue, events, context)
    if not events:
        return ()
    return merge_events(events, within_article=True)


def _evidence(name: str, sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(name, sentence.start + start, sentence.start + end, sentence.text[start:end])


def _sentence_events(
    article: Article,
    index: int,
    sentence: Sentence,
    places: list[Place],
    lang: str,
    cue: bool,
    casualty_cue: bool,
    events: list[Event],
    context: _Context,
) -> None:
    text = sentence.text
    weapons = find_weapons(text, lang) if cue else []
    triggers = find_triggers(text, lang, has_weapon=bool(weapons)) if cue else []
    casualties = find_casualties(text) if casualty_cue else []
    violent = [t for t in triggers if t.kind in _VIOLENT_KINDS]
    dates = find_dates(text, article.date, lang=lang) if (triggers or places) else []
    quantities = find_quantities(text, weapons) if weapons else []
    actors = find_actors(text) if violent or triggers else []

    targets: list[tuple[Place, int, int]] = []
    bases: list[tuple[Place, int, int, Trigger | None]] = []
    origins: list[tuple[Place, int, int]] = []
    actor_spans: list[tuple[int, int]] = []
    binders = [
        t for t in triggers
        if t.kind in _VIOLENT_KINDS or t.kind == "deploy"
    ]
    previous: tuple[int, bool] | None = None  # end and governed-ness of the previous place
    for place in places:
        start = place.mention.start - sentence.start
        end = place.mention.end - sentence.start
        if start < 0 or end > len(text):
            continue
        left, right = text[:start], text[end:]
        governed = has_locative_preposition(left) or (
            previous is not None and previous[1] and _COORDINATION.match(text[previous[0]:start]) is not None
        )
        previous = (end, governed)
        if is_dateline(left, right):
            continue
        if violent and is_origin(left):
            origins.append((place, start, end))
            continue
        if violent and is_agent(left):
            actor_spans.append((start, end))
            continue
        if place.feature == "country" and not governed:
            following = min((t.start for t in binders if t.start >= end), default=len(text))
            if re.match(r"^\s*['’]s\b", right) or not is_passive_between(text[end:following]):
                actor_spans.append((start, end))
                continue
        base_here = place.feature in BASE_FEATURES or is_base_context(left, right)
        bound = _nearest(binders, start, end)
        if bound is not None and bound.kind in _VIOLENT_KINDS:
            targets.append((place, start, end))
        if base_here:
            bases.append((place, start, end, None))
        elif governed:
            trigger = _nearest(
                [t for t in triggers if t.kind == "base" and not in_relative_clause(text, t.start)]
                + [t for t in binders if t.kind == "deploy"],
                start, end,
            )
            if (
                trigger is not None
                and (bound is None or bound.kind == "deploy" or trigger.kind == "base")
                and (trigger.kind == "deploy" or abs(trigger.start - start) < 60)
            ):
                bases.append((place, start, end, trigger))

    new_events: list[Event] = []
    target_events = _target_events(
        article, index, sentence, lang, targets, violent, weapons, quantities, dates, actors,
        actor_spans, events, context,
    )
    origin_place = origins[0][0] if origins else None
    for event in target_events:
        if origin_place is not None and event.status is not Status.NEGATED:
            event = replace(
                event,
                origin=origin_place,
                evidence=event.evidence
                + (_evidence("origin", sentence, origins[0][1], origins[0][2]),),
            )
        new_events.append(event)
    if origin_place is not None and target_events:
        first = target_events[0]
        for place, start, end in origins:
            new_events.append(
                replace(
                    first,
                    place=place,
                    role=Role.ORIGIN,
                    origin=None,
                    quantity=None,
                    fatalities=None,
                    injuries=None,
                    evidence=(_evidence("place", sentence, start, end),)
                    + tuple(e for e in first.evidence if e.field not in ("place", "quantity")),
                )
            )
    for place, start, end, trigger in bases:
        new_events.append(_base_event(article, sentence, lang, place, start, end, trigger, dates))
    new_events = _drop_country_containers(new_events)
    first_new = len(events)
    events.extend(new_events)
    violent_new = [
        first_new + i for i, e in enumerate(new_events) if e.role is Role.TARGET and e.is_violent
    ]
    if casualties:
        _attach_casualties(sentence, index, casualties, violent_new, events, context)
    if violent_new:
        context.last_violent = [(index, i) for i in violent_new]
    if dates:
        date = dates[0]
        context.last_date = (index, date, sentence.start + date.start)


def _nearest(
    triggers: Sequence[Trigger], start: int, end: int, *, kinds: Sequence[str] | None = None
) -> Trigger | None:
    best: tuple[float, Trigger] | None = None
    for trigger in triggers:
        if kinds is not None and trigger.kind not in kinds:
            continue
        if trigger.end <= start:
            distance: float = start - trigger.end
        elif trigger.start >= end:
            distance = (trigger.start - end) * 1.5 + 5
        else:
            distance = 0
        if best is None or distance < best[0]:
            best = (distance, trigger)
    return best[1] if best else None


def _classify(trigger: Trigger, weapon: str | None, text: str) -> tuple[str, str]:
    if trigger.kind == "intercept":
        return STRATEGIC, DISRUPTED_WEAPONS
    if trigger.kind == "battle":
        return BATTLES, ARMED_CLASH
    sub = SUB_EVENT_BY_WEAPON.get(weapon or "")
    if sub is not None:
        return EXPLOSIONS, sub
    if trigger.kind == "strike":
        if weapon == "firearms":
            return BATTLES, ARMED_CLASH
        return EXPLOSIONS, AIR_STRIKE
    if trigger.kind == "explosion":
        return EXPLOSIONS, REMOTE_EXPLOSIVE
    if _CIVILIAN_CUE.search(text):
        return VAC, ATTACK
    return BATTLES, ARMED_CLASH


def _target_events(
    article: Article,
    index: int,
    sentence: Sentence,
    lang: str,
    targets: list[tuple[Place, int, int]],
    violent: list[Trigger],
    weapons: list[WeaponMention],
    quantities: list[QuantityMention],
    dates: list[DateSpan],
    actors: list[ActorMention],
    actor_spans: list[tuple[int, int]],
    events: list[Event],
    context: _Context,
) -> list[Event]:
    text = sentence.text
    out: list[Event] = []
    previous_weapon: str | None = None
    for position, (place, start, end) in enumerate(targets):
        trigger = _nearest(violent, start, end)
        assert trigger is not None
        scope_start = targets[position - 1][2] if position else 0
        scope_end = targets[position + 1][1] if position + 1 < len(targets) else len(text)
        evidence = [
            _evidence("place", sentence, start, end),
            _evidence("event_type", sentence, trigger.start, trigger.end),
        ]
        quantity = _pick(quantities, start, end, scope_start, scope_end)
        weapon_name: str | None = None
        if quantity is not None:
            evidence.append(_evidence("quantity", sentence, quantity.start, quantity.end))
            weapon_name = quantity.weapon
            if weapon_name is not None:
                evidence.append(_evidence("weapon", sentence, quantity.start, quantity.end))
        if weapon_name is None:
            weapon = _pick(weapons, start, end, scope_start, scope_end) or _closest(weapons, trigger)
            if weapon is not None:
                weapon_name = weapon.weapon
                evidence.append(_evidence("weapon", sentence, weapon.start, weapon.end))
            elif quantity is not None and previous_weapon is not None:
                weapon_name = previous_weapon  # "un autre": same munition as before
        if weapon_name is None and quantity is not None and context.last_weapon:
            weapon_name = context.last_weapon[1]
        event_type, sub_event_type = _classify(trigger, weapon_name, text)
        status, cue = status_of(text, trigger.start, trigger.end, lang)
        if cue is not None:
            evidence.append(_evidence("status", sentence, cue[0], cue[1]))
        actor = _actor_for(text, trigger, actors, actor_spans, targets, weapons)
        if actor is not None:
            evidence.append(_evidence("actor", sentence, actor.start, actor.end))
            actor_name: str | None = actor.actor
        elif context.last_actor and index - context.last_actor[0] <= _COREF_DISTANCE:
            actor_name = context.last_actor[1]
            evidence.append(context.last_actor[2])
        else:
            actor_name = None
        date = _closest_date(dates, trigger)
        date_fields = _date_fields(date)
        if date is not None:
            evidence.append(_evidence("date", sentence, date.start, date.end))
        elif context.last_date and index - context.last_date[0] <= _COREF_DISTANCE:
            _, inherited, absolute = context.last_date
            date_fields = _date_fields(inherited)
            evidence.append(Evidence("date", absolute, absolute + len(inherited.text), inherited.text))
        target_name = _target_for(text, trigger, actors, actor_name)
        event = Event(
            event_type=event_type,
            sub_event_type=sub_event_type,
            place=place,
            role=Role.TARGET,
            sentence=sentence,
            status=status,
            actor=actor_name,
            target=target_name,
            weapon=weapon_name,
            quantity=quantity.value if quantity is not None else None,
            evidence=tuple(evidence),
            sources=(article.id,),
            **date_fields,
        )
        out.append(event)
        if weapon_name is not None:
            previous_weapon = weapon_name
            context.last_weapon = (index, weapon_name)
        if actor is not None:
            context.last_actor = (index, actor.actor, _evidence("actor", sentence, actor.start, actor.end))
        if date is not None:
            context.last_date = (index, date, sentence.start + date.start)
    return out


def _pick(items: Sequence[_SpanT], start: int, end: int, lo: int, hi: int) -> _SpanT | None:
    before = [q for q in items if lo <= q.start and q.end <= start]
    if before:
        return before[-1]
    after = [q for q in items if q.start >= end and q.end <= hi]
    return after[0] if after else None


def _closest(items: Sequence[WeaponMention], trigger: Trigger) -> WeaponMention | None:
    if not items:
        return None
    return min(items, key=lambda w: abs(w.start - trigger.start))


def _closest_date(dates: Sequence[DateSpan], trigger: Trigger) -> DateSpan | None:
    usable = [d for d in dates if d.date_start is not None or d.time_precision < 4]
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - trigger.start))


def _date_fields(date: DateSpan | None) -> dict[str, Any]:
    if date is None:
        return {"date": None, "date_start": None, "date_end": None, "time_precision": 4}
    return {
        "date": date.date_start,
        "date_start": date.date_start,
        "date_end": date.date_end,
        "time_precision": date.time_precision,
    }


def _actor_for(
    text: str,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    actor_spans: Sequence[tuple[int, int]],
    targets: Sequence[tuple[Place, int, int]],
    weapons: Sequence[WeaponMention],
) -> ActorMention | None:
    def inside_target(a: ActorMention) -> bool:
        return any(s <= a.start < e for _, s, e in targets)

    candidates = [a for a in actors if not inside_target(a)]
    # 1. subject before the trigger in its clause, not governed by a preposition
    lo = clause_start(text, trigger.start)
    before = [
        a for a in candidates
        if lo <= a.start and a.end <= trigger.start and not has_locative_preposition(text[: a.start])
    ]
    if before:
        return before[-1]
    # 2. agent after the trigger: "par l'EI", "by Hamas"
    for a in candidates:
        if a.start >= trigger.end and is_agent(text[: a.start]):
            return a
    # 3. a demonym on the weapon: "missiles iraniens", "Russian drones"
    for weapon in weapons:
        for a in candidates:
            if -20 <= a.start - weapon.end <= 2 or 0 <= weapon.start - a.end <= 2:
                return a
    # 4. the subject of a passive clause before the trigger: "frappée par des drones russes"
    for a in candidates:
        if any(s <= a.start < e for s, e in actor_spans):
            return a
    return None


def _target_for(
    text: str, trigger: Trigger, actors: Sequence[ActorMention], actor_name: str | None
) -> str | None:
    for a in actors:
        if a.start > trigger.end and a.actor != actor_name and not is_agent(text[: a.start]):
            following = text[max(0, a.start - 25):a.end + 25].lower()
            if re.search(r"troupes|troops|forces|soldats|soldiers|militaires|base|personnel", following):
                return f"{a.actor} forces"
    if _CIVILIAN_CUE.search(text):
        return "civilians"
    return None


def _base_event(
    article: Article,
    sentence: Sentence,
    lang: str,
    place: Place,
    start: int,
    end: int,
    trigger: Trigger | None,
    dates: Sequence[DateSpan],
) -> Event:
    evidence = [_evidence("place", sentence, start, end)]
    status = Status.ASSERTED
    sub_event_type = BASE_ESTABLISHED
    if trigger is not None:
        evidence.append(_evidence("event_type", sentence, trigger.start, trigger.end))
        status, cue = status_of(sentence.text, trigger.start, trigger.end, lang)
        if cue is not None:
            evidence.append(_evidence("status", sentence, cue[0], cue[1]))
        if trigger.kind == "deploy":
            sub_event_type = OTHER_DEVELOPMENT
    date_fields = _date_fields(None)
    if trigger is not None and dates:
        date = min(dates, key=lambda d: abs(d.start - trigger.start))
        date_fields = _date_fields(date)
        evidence.append(_evidence("date", sentence, date.start, date.end))
    return Event(
        event_type=STRATEGIC,
        sub_event_type=sub_event_type,
        place=place,
        role=Role.BASE,
        sentence=sentence,
        status=status,
        evidence=tuple(evidence),
        sources=(article.id,),
        **date_fields,
    )


def _drop_country_containers(events: list[Event]) -> list[Event]:
    finer = {
        (e.role, e.place.country)
        for e in events
        if e.place is not None and e.place.feature != "country" and e.place.country
    }
    return [
        e for e in events
        if e.place is None or e.place.feature != "country" or (e.role, e.place.country) not in finer
    ]


def _attach_casualties(
    sentence: Sentence,
    index: int,
    casualties: Sequence[CasualtyMention],
    violent_new: Sequence[int],
    events: list[Event],
    context: _Context,
) -> None:
    if violent_new:
        group = list(violent_new)
        same_sentence = True
    else:
        group = [
            i for s, i in context.last_violent if index - s <= 1
        ]
        same_sentence = False
    if not group:
        return
    for casualty in casualties:
        evidence = _evidence(casualty.field, sentence, casualty.start, casualty.end)
        if casualty.value == 0:
            chosen = group
        elif same_sentence:
            before = [
                i for i in group
                if events[i].place is not None
                and events[i].place.mention.start - sentence.start <= casualty.start  # type: ignore[union-attr]
            ]
            chosen = [before[-1] if before else group[0]]
        else:
            chosen = [group[0]]
        for i in chosen:
            event = events[i]
            if getattr(event, casualty.field) is not None:
                continue
            changes: dict[str, Any] = {
                casualty.field: casualty.value,
                "evidence": event.evidence + (evidence,),
            }
            events[i] = replace(event, **changes)
