"""The weapon and the number of munitions of an event, read in the stretch of text that
belongs to its place ("11 missiles à A, et un autre à B" gives 11 to A and 1 to B)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from ..model import Sentence
from ._context import ArticleContext, evidence_at, recent_targets, same_segment
from ._patterns import COREF_DISTANCE, HIT_OBJECT_GAP, HITTING, RELATIVE_INTERCEPT, SCOPE_BREAK
from .quantities import QuantityMention
from .triggers import (
    BATTLES,
    EXPLOSIONS,
    SUB_EVENT_BY_WEAPON,
    VAC,
    Trigger,
    WeaponMention,
)

__all__ = [
    "disrupted_head",
    "munition_for",
    "pick",
    "weapon_told_after",
    "weapons_before_explosions",
]

_LAUNCH_PARTICIPLE = re.compile(r"tirée?s?|lancée?s?|fired|launched", re.IGNORECASE)
_BACK_TO_ATTACKS = re.compile(
    r"\b(?:l['’]attaque|l['’]attentat|l['’]explosion|(?:les|des|ces|the|these|most\s+of\s+the)\s+(?:attaques|attentats|"
    r"explosions?|attacks?|bombings?|blasts?))\b",
    re.IGNORECASE,
)
_BY_INSTRUMENT = re.compile(r"\b(?:par|by|with|avec|using|au\s+moyen\s+d['’]?e?)\s+(?:des\s+|un\s+|une\s+|les\s+|an?\s+|the\s+)?(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_OBJECT_DATE_GAP = re.compile(
    r"(?!\s+(?:by|par)\b)\s*(?:(?:dans\s+la\s+nuit|cette\s+nuit|overnight|hier|yesterday|(?:on\s+)?(?:lun|mar|mercre|jeu|vendre|same|diman)di|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?:\s+(?:soir|matin|evening|morning|night))?\s*)?$",
    re.IGNORECASE,
)
_SpanT = TypeVar("_SpanT", QuantityMention, WeaponMention)


def weapon_told_after(
    text: str,
    sentence: Sentence,
    index: int,
    weapons: Sequence[WeaponMention],
    context: ArticleContext,
    *,
    elaboration: bool = False,
) -> None:
    """"La plupart des attaques ont été commises par des kamikazes", "accusé Kiev d'avoir orchestré
    l'attaque avec un camion piégé", "... lors d'attaques contre l'état-major. Un véhicule piégé a
    explosé devant l'état-major": the weapon of the explosions told just before."""
    if _BACK_TO_ATTACKS.search(text):
        told = next((w for w in weapons if _BY_INSTRUMENT.search(text, max(0, w.start - 25), w.start)), None)
    elif elaboration and context.last_group is not None and index - context.last_group[0] == 1:
        told = next((w for w in weapons if w.weapon in ("car bomb", "IED", "suicide bomb", "bomb")), None)
    else:
        return
    if told is None or told.weapon == "firearms":
        return
    sub = SUB_EVENT_BY_WEAPON.get(told.weapon)
    for i in recent_targets(index, context):
        event = context.events[i]
        explosive = told.weapon in ("car bomb", "IED", "suicide bomb", "bomb", "landmine")
        if event.weapon is not None or event.event_type not in ((EXPLOSIONS, VAC, BATTLES) if explosive else (EXPLOSIONS, VAC)):
            continue
        changes: dict[str, Any] = {"weapon": told.weapon, "evidence": event.evidence + (
            evidence_at("weapon", sentence, told.start, told.end),
        )}
        if sub is not None and (event.event_type == EXPLOSIONS or explosive):
            changes |= {"event_type": EXPLOSIONS, "sub_event_type": sub}
        context.events[i] = replace(event, **changes)


def disrupted_head(trigger: Trigger, intercepts: Sequence[Trigger], text: str, place_end: int) -> Trigger:
    """The interception a place belongs to, when its nearest trigger only describes the
    intercepted munitions ("abattu 18 drones tirés par les Houthis au-dessus de X") or the
    attack is said to have been intercepted ("an attack on Eilat, which Israel said was
    intercepted")."""
    if trigger.kind == "intercept":
        return trigger
    for other in intercepts:
        if (
            _LAUNCH_PARTICIPLE.fullmatch(trigger.text)
            and 0 <= trigger.start - other.end <= 120
            and not SCOPE_BREAK.search(text, other.end, trigger.start)
        ):
            return other
        if other.start >= place_end and RELATIVE_INTERCEPT.match(text, place_end, other.start):
            return other
    return trigger


def weapons_before_explosions(bound: Sequence[Trigger | None], weapons: Sequence[WeaponMention]) -> bool:
    """Is a weapon named before an explosion trigger ("a missile explosion")? Then it is a hit."""
    return any(
        t is not None and t.kind == "explosion" and any(0 <= t.start - w.end <= 20 for w in weapons) for t in bound
    )


def munition_for(
    text: str,
    start: int,
    end: int,
    scope_start: int,
    scope_end: int,
    trigger: Trigger,
    quantities: Sequence[QuantityMention],
    weapons: Sequence[WeaponMention],
    direct: Sequence[tuple[Trigger | None, WeaponMention | None]],
    previous_trigger: Trigger | None,
    previous_weapon: str | None,
    index: int,
    context: ArticleContext,
) -> tuple[QuantityMention | None, str | None, list[tuple[str, int, int]]]:
    """Count and weapon of one target, with the (field, start, end) spans that support them.

    In order: a partitive count ("one of which"), the first count of the target's stretch,
    a weapon of the stretch, the weapon of the previous target of the same trigger, the
    closest weapon of the clause not read by a target of another trigger, the weapon of the
    previous sentence for an anaphoric verb ("trois sites ont été visés") or an elliptic
    count ("un autre").
    """
    found: list[tuple[str, int, int]] = []
    if HITTING.match(trigger.text):
        # "a frappé quatre missiles prêts à être lancés": what was hit, not what was fired
        quantities = [
            q for q in quantities
            if not (q.start >= trigger.end and _OBJECT_DATE_GAP.match(text, trigger.end, q.start))
        ]
    # an interception counts the share shot down, a strike the whole salvo
    shares = [q for q in quantities if q.share and scope_start <= q.start and q.end <= scope_end]
    quantities = [q for q in quantities if not q.share]
    partitive = [q for q in quantities if q.partitive and scope_start <= q.start and q.end <= start]
    if trigger.kind == "intercept" and shares:
        quantity: QuantityMention | None = shares[0]
    else:
        quantity = partitive[-1] if partitive else pick(quantities, start, end, scope_start, scope_end)
    if quantity is not None:
        found.append(("quantity", quantity.start, quantity.end))
        if quantity.weapon is not None:
            found.append(("weapon", quantity.start, quantity.end))
            return quantity, quantity.weapon, found
    if HITTING.match(trigger.text):
        # "destroyed four Russian military aircraft": the aircraft were hit, not used
        weapons = [
            w for w in weapons
            if not (w.start >= trigger.end and HIT_OBJECT_GAP.match(text, trigger.end, w.start))
        ]
    weapon = pick(weapons, start, end, scope_start, scope_end)
    if weapon is None and previous_trigger is trigger and previous_weapon is not None:
        return quantity, previous_weapon, found  # "air bases near Kyiv, Kharkiv and Dnipro"
    if weapon is None:
        taken = {id(w) for t, w in direct if w is not None and t is not trigger}
        weapon = _closest(
            [w for w in weapons if same_segment(text, w.start, trigger.start) and id(w) not in taken],
            trigger,
        )
    if weapon is not None:
        found.append(("weapon", weapon.start, weapon.end))
        return quantity, weapon.weapon, found
    recent = context.last_weapon
    if recent is not None and len(context.weapon_sets.get(recent[0], ())) > 1:
        recent = None  # "122 missiles et 36 drones ... un entrepôt détruit": which one, unknown
    if trigger.needs_weapon and not weapons and recent and index - recent[0] <= 1:
        return quantity, recent[1], found
    if quantity is not None:
        if previous_weapon is not None:
            return quantity, previous_weapon, found
        if recent and index - recent[0] <= COREF_DISTANCE:
            return quantity, recent[1], found
    return quantity, None, found


def pick(items: Sequence[_SpanT], start: int, end: int, lo: int, hi: int) -> _SpanT | None:
    before = [q for q in items if lo <= q.start and q.end <= start]
    if before:
        return before[0]
    after = [q for q in items if q.start >= end and q.end <= hi]
    return after[0] if after else None


def _closest(items: Sequence[WeaponMention], trigger: Trigger) -> WeaponMention | None:
    if not items:
        return None
    return min(items, key=lambda w: abs(w.start - trigger.start))
