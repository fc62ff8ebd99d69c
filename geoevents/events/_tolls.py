"""Casualty statements attached to the events they count.

A toll in an event's sentence goes to that event; one in a sentence with no event goes to
the previous events (a "none" to each, a count to the first, or to those in the country a
demonym names: "côté israélien"); tolls given place by place go to each place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Event, Place, Role, Sentence, Status
from ._context import (
    ArticleContext,
    evidence_at,
    recent_targets,
    sentence_of_event,
    told_after_trigger,
    trigger_span,
)
from ._patterns import COARSE, COORDINATION, COREF_DISTANCE, FORCE_WORD, STATE_BY_COUNTRY
from .actors import STATE_COUNTRY, ActorMention, find_actors
from .casualties import CasualtyMention
from .quantities import NUMBER_PATTERN, parse_number
from .roles import (
    has_locative_preposition,
)
from .triggers import (
    ARMED_CLASH,
    BATTLES,
    DISRUPTED_WEAPONS,
    EXPLOSIONS,
    VAC,
)

__all__ = [
    "attach_casualties",
    "attackers_killed",
    "casualties_by_place",
    "none_for_interceptions",
]

_TOLL_AT = re.compile(r"\s*(?:à|au|aux|in|at|dans)\s+(?:la\s+|le\s+|l['’]|the\s+)?", re.IGNORECASE)
_PLACE_CLAUSE = re.compile(r"\s*,?\s*(?:[^\W\d][\w'’-]*\s+){0,4}[^,;]{0,30}$")
_ATTACKERS = (
    r"(?:assaillants?|attaquants?|terroristes?|jihadistes?|kamikazes?|attackers?|assailants?|gunm[ae]n|terrorists?|"
    r"militants?|insurgents?)"
)
_ATTACKERS_KILLED = re.compile(
    rf"(?:\b(?:(?:les|the|all)\s+)?(?:(?P<n>{NUMBER_PATTERN})\s+)?(?:(?:\w+\s+){{0,1}})?{_ATTACKERS}\b[^.;]{{0,80}}?"
    r"\b(?:ont\s+été|were|have\s+been|had\s+been|sont)\s+(?:\w+\s+)?(?:tués|abattus|neutralisés|killed|shot\s+dead|neutrali[sz]ed)"
    rf"|\b(?:tué|tuant|abattu|abattant|neutralisé|killed|killing|shot\s+dead|neutrali[sz]ed)\s+(?:(?P<m>{NUMBER_PATTERN})|les|the|all)\s+"
    rf"(?:(?:\w+\s+){{0,1}}){_ATTACKERS}\b"
    # one attacker: "L'assaillant a été abattu", "the gunman was shot dead"
    rf"|\b(?P<one>(?:l['’]|le\s+|the\s+)(?:\w+\s+)?(?:assaillant|attaquant|terroriste|kamikaze|attacker|assailant|gunman|"
    r"suspect|tireur|shooter|assailant))\b[^.;]{0,60}?\b(?:a\s+été|was|has\s+been|had\s+been|est)\s+(?:\w+\s+)?"
    r"(?:tué|abattu|neutralisé|killed|shot\s+dead|neutrali[sz]ed)\b)",
    re.IGNORECASE,
)
_POLICE = r"(?:police|policiers?|policemen|officers|gendarmes?|forces|soldiers|soldats|militaires|troops|security)"
_POLICE_WORD = re.compile(_POLICE, re.IGNORECASE)
# the forces' answer told in the clause of the attack: "before he was shot dead by police",
# "before police shot them dead", "un échange de tirs avec la police"
_RESPONSE = re.compile(
    rf"\b(?P<pronoun>he|she|il|elle)\s+(?:was|a\s+été)\s+(?:\w+\s+)?(?:shot\s+dead|killed|abattue?|tuée?|neutralisée?)"
    rf"\s+(?:by|par)\s+(?:the\s+|la\s+|les\s+|des\s+)?(?:\w+\s+)?{_POLICE}\b"
    rf"|\b(?:they|ils|elles)\s+(?:were|ont\s+été)\s+(?:\w+\s+)?(?:shot\s+dead|killed|abattu(?:e)?s|tué(?:e)?s|neutralisé(?:e)?s)"
    rf"\s+(?:by|par)\s+(?:the\s+|la\s+|les\s+|des\s+)?(?:\w+\s+)?{_POLICE}\b"
    rf"|\b{_POLICE}\s+(?:\w+\s+)?(?:shot|killed)\s+(?P<object>him|her|them)\b"
    rf"|\b(?:échange\s+de\s+tirs|fusillade|exchange\s+of\s+fire|gun\s*battle|gunfight|shoot-?out)\s+(?:avec|with)\s+"
    rf"(?:la\s+|les\s+|the\s+|des\s+)?(?:\w+\s+)?{_POLICE}\b",
    re.IGNORECASE,
)
_WHERE = re.compile(r"\s*,?\s*(?:où|where|in\s+which)\b", re.IGNORECASE)


def attackers_killed(
    text: str, sentence: Sentence, index: int, context: ArticleContext, *, violent_here: bool
) -> None:
    """"Trois assaillants ont été tués lors de l'intervention des forces ivoiriennes", "the four attackers
    were killed by security forces": the forces' response to an attack just told is an armed clash there."""
    # with an event of its own, only an answer told right in its clause ("killing 20 militants" is its toll)
    match = None if violent_here else _ATTACKERS_KILLED.search(text)
    if match is None or not (FORCE_WORD.search(text) or _POLICE_WORD.search(text)):
        match = _RESPONSE.search(text)
    if match is None:
        return
    here = [i for i, e in enumerate(context.events) if e.sentence.start == sentence.start and e.role is Role.TARGET]
    recent = [
        i for i in (*here, *recent_targets(index, context))
        if context.events[i].event_type in (VAC, EXPLOSIONS) and context.events[i].status is Status.ASSERTED
        and (context.events[i].sentence.start != sentence.start or told_after_trigger(context.events[i], sentence, match.start()))
    ]
    if not recent:
        return
    attack = context.events[recent[0]]
    if attack.place is None or any(
        e.event_type == BATTLES and e.place is not None and e.place.name == attack.place.name for e in context.events
    ):
        return
    groups = match.groupdict()
    number = groups.get("n") or groups.get("m")
    count = parse_number(number) if number else (1 if groups.get("one") or groups.get("pronoun") else None)
    if groups.get("object") in ("him", "her"):
        count = 1
    countries = {a.actor: STATE_COUNTRY[a.actor] for a in find_actors(text) if a.actor in STATE_COUNTRY}
    actor = next(iter(countries), None) or STATE_BY_COUNTRY.get(attack.place.country or "")
    evidence = (
        evidence_at("event_type", sentence, match.start(), match.end()),
        *(v for v in attack.evidence if v.field in ("place", "date")),
    )
    context.events.append(
        replace(
            attack,
            event_type=BATTLES,
            sub_event_type=ARMED_CLASH,
            sentence=sentence,
            actor=actor,
            weapon=None,
            quantity=None,
            fatalities=count,
            injuries=None,
            origin=None,
            evidence=evidence,
        )
    )


def none_for_interceptions(
    index: int, casualties: Sequence[CasualtyMention], new_events: Sequence[Event], first_new: int, context: ArticleContext
) -> None:
    """"... shot down 12 drones, no casualties were reported": a "none" covers the interceptions
    of its sentence, or of the sentence before."""
    zeros = [c for c in casualties if c.value == 0]
    if not zeros:
        return
    here = [first_new + i for i, e in enumerate(new_events) if e.sub_event_type == DISRUPTED_WEAPONS and e.place]
    if (
        not here
        and not any(e.is_violent for e in new_events)  # "Un troisième drone s'est écrasé ..., sans faire de victimes"
        and context.last_disrupted is not None
        and index - context.last_disrupted[0] == 1
    ):
        here = list(context.last_disrupted[1])
    for i in here:
        for casualty in zeros:
            event = context.events[i]
            if getattr(event, casualty.field) is None and event.status is Status.ASSERTED:
                proof = evidence_at(casualty.field, context.sentences[index], casualty.start, casualty.end)
                changes: dict[str, Any] = {casualty.field: 0, "evidence": event.evidence + (proof,)}
                context.events[i] = replace(event, **changes)


def attach_casualties(
    sentence: Sentence,
    index: int,
    casualties: Sequence[CasualtyMention],
    violent_new: Sequence[int],
    actors: Sequence[ActorMention],
    context: ArticleContext,
) -> None:
    events = context.events
    same_sentence = bool(violent_new)
    if same_sentence:
        group = list(violent_new)
    else:
        countries = {STATE_COUNTRY[a.actor] for a in actors if a.actor in STATE_COUNTRY}
        recent = recent_targets(index, context) if countries else []
        in_country = [
            i for i in recent
            if (place := events[i].place) is not None and place.country in countries
        ]
        if in_country:
            group = in_country
        elif context.last_group and (
            index - context.last_group[0] <= 1
            or (  # "... tuant 84 personnes. Le conducteur a été abattu. Des dizaines de blessés"
                index - context.last_group[0] <= COREF_DISTANCE
                and all(  # the salvo's interceptions told in between do not end its story
                    sentence_of_event(context, e) <= context.last_group[0] or e.sub_event_type == DISRUPTED_WEAPONS
                    for e in events
                )
            )
        ):
            group = list(context.last_group[1])
        else:
            return
    for casualty in casualties:
        evidence = evidence_at(casualty.field, sentence, casualty.start, casualty.end)
        inside = [  # "the death toll from the strike on Dnipro rose to 45"
            i for i in group
            if same_sentence
            and (place := events[i].place) is not None
            and casualty.start <= place.mention.start - sentence.start < casualty.end
        ] or [  # "... et sur Tyr, où au moins six personnes ont été tuées"
            i for i in group
            if same_sentence
            and (place := events[i].place) is not None
            and 0 <= casualty.start - (place.mention.end - sentence.start) <= 40
            and _WHERE.match(sentence.text, place.mention.end - sentence.start)
        ]
        if inside and casualty.value == 0:
            # "des roquettes sur Ashdod et Beersheba, où aucune victime n'a été signalée": the whole list
            first = inside[0]
            chosen = [first]
            for i in reversed(group):
                place, head = events[i].place, events[chosen[0]].place
                if place is None or head is None or i in chosen:
                    continue
                if place.mention.end <= head.mention.start and COORDINATION.match(
                    sentence.text[place.mention.end - sentence.start:head.mention.start - sentence.start]
                ):
                    chosen.insert(0, i)
        elif inside:
            chosen = inside[:1]
        elif casualty.value == 0:
            # "... vers Metoula, sans faire de victimes, selon l'armée, qui a riposté sur Kfar Kila":
            # a "none" speaks of the strikes told before it, not of one told after
            told = [
                i for i in group
                if not same_sentence or (span := trigger_span(events[i])) is None
                or span[0] - sentence.start < casualty.start
            ]
            chosen = told or group
        elif same_sentence and (
            after := [
                i for i in group
                if (place := events[i].place) is not None
                and 0 <= place.mention.start - sentence.start - casualty.end <= 60
            ]
        ):
            chosen = after[:1]
        elif same_sentence:
            before = [
                i for i in group
                if (place := events[i].place) is not None
                and place.mention.start - sentence.start <= casualty.start
            ]
            nearest = before[-1] if before else group[0]
            # "à Beyrouth et dans la Bekaa, tuant 9": the toll of the whole strike, to its first place
            segment = sentence.text.rfind(";", 0, casualty.start) + 1  # "Le premier, à Tanta, ... ; ... à Alexandrie, tuant 17"
            same_trigger = [
                i for i in group
                if trigger_span(events[i]) == trigger_span(events[nearest])
                and (place := events[i].place) is not None
                and place.mention.start - sentence.start >= segment
            ]
            chosen = [same_trigger[0] if same_trigger else nearest]
        else:
            chosen = [group[0]]
        for i in chosen:
            event = events[i]
            if getattr(event, casualty.field) is not None or event.status is not Status.ASSERTED:
                continue
            changes: dict[str, Any] = {
                casualty.field: casualty.value,
                "evidence": event.evidence + (evidence,),
            }
            events[i] = replace(event, **changes)


def casualties_by_place(
    sentence: Sentence,
    index: int,
    casualties: Sequence[CasualtyMention],
    places: Sequence[Place],
    context: ArticleContext,
) -> list[CasualtyMention]:
    """"À Loutsk, une personne a été tuée ; à Zaporijjia, deux ont péri": a toll given
    place by place after a strike belongs to the event at that place, which the toll alone
    reports when the strike named it only among others ("38 killed across the country ...
    In Kryvyi Rih, ten died"). Returns the casualties left for the sentence-level rules."""
    group = context.last_group
    if group is None or index - group[0] > COREF_DISTANCE:
        return list(casualties)
    text = sentence.text
    template = context.events[group[1][0]]
    left_over = []
    for casualty in casualties:
        lo = max(0, text.rfind(";", 0, casualty.start) + 1)
        scoped = [  # "70 personnes ont péri à Tchoma Bangou"
            p for p in places
            if p.feature not in COARSE
            and _TOLL_AT.fullmatch(text, casualty.end, max(casualty.end, p.mention.start - sentence.start))
        ][:1] or [  # "À Loutsk, une personne a été tuée"
            p for p in places
            if lo <= p.mention.start - sentence.start < casualty.start
            and p.feature not in COARSE
            and has_locative_preposition(text[: p.mention.start - sentence.start])
            and _PLACE_CLAUSE.match(text, p.mention.end - sentence.start, casualty.start)
        ][-1:]
        if not scoped:
            left_over.append(casualty)
            continue
        place = scoped[0]
        same = [
            i for i, e in enumerate(context.events)
            if e.role is Role.TARGET and e.place is not None and e.place.name == place.name
            and index - sentence_of_event(context, e) <= COREF_DISTANCE
        ]
        evidence = evidence_at(casualty.field, sentence, casualty.start, casualty.end)
        if same:
            i = same[-1]
            told_before = any(  # a total given earlier to the first place yields to its own toll
                v.field == casualty.field and not sentence.start <= v.start < sentence.end
                for v in context.events[i].evidence
            )
            if (getattr(context.events[i], casualty.field) is None or told_before) and (
                context.events[i].status is Status.ASSERTED
            ):
                kept_evidence = tuple(v for v in context.events[i].evidence if v.field != casualty.field)
                changes: dict[str, Any] = {casualty.field: casualty.value, "evidence": (*kept_evidence, evidence)}
                context.events[i] = replace(context.events[i], **changes)
            continue
        if template.status is not Status.ASSERTED or not template.is_violent:
            left_over.append(casualty)
            continue
        start = place.mention.start - sentence.start
        kept = tuple(v for v in template.evidence if v.field in ("event_type", "actor", "date"))
        toll: dict[str, Any] = {"fatalities": None, "injuries": None, casualty.field: casualty.value}
        context.events.append(
            replace(
                template,
                place=place,
                sentence=sentence,
                weapon=None,
                quantity=None,
                origin=None,
                evidence=(evidence_at("place", sentence, start, start + len(place.mention.text)), *kept, evidence),
                **toll,
            )
        )
    return left_over
