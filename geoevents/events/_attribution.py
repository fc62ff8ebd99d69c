"""Who carried out an event, and against whom.

The subject before the trigger, an agent ("par l'Iran", "by Russia"), the owner of the
weapon ("drones russes"), the army last named, or a claim or blame in a later sentence
("L'EI a revendiqué l'attaque") unless it is denied.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Place, Sentence
from ._context import ArticleContext, evidence_at, recent_targets
from ._patterns import (
    ACCUSE_LEFT,
    AND_VERB,
    CIVILIAN_CUE,
    CLAIM_CUE,
    DEFENSIVE,
    FORCE_AFTER,
    FORCE_NOUNS,
    FORCE_WORD,
    GROUP_ANAPHOR,
    RELATIVE_INTERCEPT,
    SCOPE_BREAK,
    SPONSOR,
    STATE_BY_COUNTRY,
)
from .actors import STATE_COUNTRY, ActorMention, find_actors
from .roles import (
    clause_start,
    has_locative_preposition,
    is_agent,
)
from .triggers import (
    Trigger,
    WeaponMention,
)

__all__ = [
    "actor_for",
    "claimed_actor",
    "force_owner",
    "implied_force",
    "note_forces",
    "subject_actor",
    "target_for",
    "weapon_demonym",
]

_DENIES_WORDS = r"dément\w*|démenti\w*|nie|nient|nié\w*|denied|denies|denying"
_NO_CLAIM_PHRASES = (
    r"\bn['’](?:a|ont)\s+pas\s+(?:encore\s+)?(?:été\s+)?revendiqu|\bnot\s+(?:yet\s+)?(?:been\s+)?claimed|"
    r"\b(?:did|has|have)\s+not\s+(?:yet\s+)?claim|\bno\s+(?:group|one)\s+(?:has\s+)?(?:yet\s+)?claimed|\baucun\s+groupe\s+n['’]a"
)
_DENIAL = re.compile(rf"\b(?:{_DENIES_WORDS}|rejet\w+|rejected)\b|{_NO_CLAIM_PHRASES}", re.IGNORECASE)
_VICTIM_CUE = re.compile(
    r"\b(?:tu[ée]s?|tuée?s|blessée?s?|killed|wounded|injured|died|morts?|échapp\w*|escaped|"
    r"survived|survécu|visée?s?\s+par|targeted\s+by)\b",
    re.IGNORECASE,
)
_FORCE_BEFORE = re.compile(
    rf"\b(?:{FORCE_NOUNS})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+the\s+|of\s+)?$",
    re.IGNORECASE,
)
_LAUNCHED_BY = re.compile(
    r"\b(?:tirée?s?|lancée?s?|fired|launched)\b[^.;]{0,40}\b(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)
_BARE_FORCE = re.compile(
    r"\b(?:l['’]armée(?:\s+de\s+l['’]air)?|l['’]aviation|les\s+(?:forces\s+armées|militaires|soldats|troupes)|"
    r"les\s+forces\s+(?:de\s+(?:défense\s+et\s+de\s+)?sécurité|gouvernementales|régulières)|la\s+police|"
    r"the\s+(?:army|military|air\s+force|armed\s+forces|troops|soldiers|police)|security\s+forces|"
    r"government\s+(?:forces|troops))\b(?!\s+(?:de\s+|du\s+|d['’]|of\s+)?(?-i:[A-ZÀ-Ý]))"
    r"(?!\s+(?:[a-zà-ÿ]+(?:ienne|aise|ane|ine|ique|aque|ite|ote|ise|ère|ale)s?)\b)",
    re.IGNORECASE,
)
_BARE_FORCE_AGENT = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:par|by)\s+(?P<f>l['’]armée|l['’]aviation|les\s+forces\s+armées|the\s+(?:army|military|air\s+force)|security\s+forces)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(r"\b(?:contre|against|visant|targeting|on|sur|de|of|des|du)\s+$", re.IGNORECASE)
_OWN_FIGHTERS = re.compile(
    r"\s+(?:claimed|said|says|announced|affirmed|a\s+(?:revendiqué|affirmé|annoncé|déclaré)|affirme|revendique)"
    r"(?:\s+on\s+\w+|\s+\w+di)?\s+(?:that\s+|que\s+|qu['’])?(?:its|their|ses|leurs)\s+(?:fighters|militants|men|forces|"
    r"combattants|hommes|troupes|members|membres|drones|missiles|rockets|roquettes)\b",
    re.IGNORECASE,
)
_BY_THE_GROUP = re.compile(
    r"\s+(?:by|par|of|de|du)\s+(?:the|le|ce|this)\s+(?:militant\s+|armed\s+|jihadist\s+)?(?:group|groupe|movement|mouvement|organi[sz]ation)\b",
    re.IGNORECASE,
)
_NATION_ON_ATTACK = re.compile(
    r"\b(?:attaques?|frappes?|offensive|bombardements?|attacks?|strikes?|assaults?|offensive|barrages?|salves?)"
    r"(?:\s+(?:aériennes?|massives?|nocturnes?|combinées?|aérienne))?\s+\Z",
    re.IGNORECASE,
)
_NO_CLAIM = re.compile(_NO_CLAIM_PHRASES, re.IGNORECASE)
_DENIES = re.compile(rf"\b(?:{_DENIES_WORDS})\b", re.IGNORECASE)
_ACCUSED_GAP = re.compile(r"^\s+(?:d['’]avoir|de|d['’]|of|for)\s*(?:[\w'’]+\s+){0,2}$", re.IGNORECASE)
_OTHER_BASE = re.compile(r"\b(?:bases?|camps?|garrisons?|garnisons?|outposts?|et|and)\b", re.IGNORECASE)
_ONE_WORD_GAP = re.compile(r"\s+(?:[\w-]+\s+)?$")
# "une centaine d'avions israéliens", "dozens of Russian drones": a count, not a place
_PARTITIVE_LEFT = re.compile(
    r"\b(?:centaines?|dizaines?|douzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|"
    r"milliers?|nombre|série|vague|salves?|plusieurs|dozens|hundreds|scores|waves?|salvos?|"
    r"barrages?|swarms?|essaims?)\s+(?:de|d['’]|of)\s*(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_MEMBER_OF = re.compile(
    r"\s+(?:from|of|belonging\s+to|du|des|de\s+l['’]|de\s+la|de|d['’])\s*(?:the\s+|l['’])?$", re.IGNORECASE
)
_MEMBERS_LEFT = re.compile(
    r"\b(?:gunm[ae]n|fighters|militants|members|combattants|membres|jihadist\w*|rebels|rebelles|"
    r"hommes\s+armés|assaillants|attackers|soldiers|soldats|troops|troupes|forces|militiamen|miliciens|"
    r"insurgents|insurgés|bombers?|kamikazes?)\s+"
    r"(?:from|of|du|des|de\s+l['’]|de\s+la|de|d['’])\s*(?:the\s+|l['’])?$",
    re.IGNORECASE,
)
# a demonym adjective is governed with its noun: "contre des positions russes", not "avions de chasse américains"
_ADJ_GOVERNED = re.compile(
    r"\b(?:à|au|aux|en|dans|sur|contre|vers|chez|in|at|on|near|against|into|onto|toward|towards|over)\s+"
    r"(?:(?:le|la|les|l['’]|des|du|un|une|the|a|an)\s*)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:police|officials?|authorities|ministry|(?:state\s+)?media|government|sources?|army|military|"
    r"spokes\w+|security\s+sources?)\b(?:\s+[\w-]+){0,2}?\s+(?:said|says|told|reported|announced)\b"
    # "Egypt warned that an assault on Rafah would ...": who speaks of it does not do it
    r"|\s+(?:has\s+|have\s+|a\s+|ont\s+)?(?:warned|warns|cautioned|threatened\s+that|said\s+that|mis\s+en\s+garde|averti|prévenu)"
    r"\s+(?:que\s+|qu['’]|that\s+)",
    re.IGNORECASE,
)
_FORCE_NOUN_LEFT = re.compile(
    r"\b(?:avions?|chasseurs?|bombardiers?|hélicoptères?|drones?|missiles?|roquettes?|navires?|frégates?|"
    r"forces?|troupes?|soldats?|militaires|armée|aviation|marine|artillerie|chars?|unités?|commandos?|"
    r"combattants?|jets?|warplanes?|aircraft|troops|soldiers|ships?)"
    r"(?:\s+(?:de|d['’])\s*(?:chasse|combat|guerre|attaque|élite))?(?:\s+[A-Z0-9-]+)?\s+$",
    re.IGNORECASE,
)
_OBJECT_LEFT = re.compile(
    r"\b(?:repel+ed|repulsed|repoussé\w*|attacked|attaqué\w*|ambushed|struck|hit|targeted|visé\w*|"
    r"frappé\w*|killed|tué\w*|captured|capturé\w*|shot\s+down|abattu\w*)\s+(?:an?|the|les?|la|des|une?|l['’])\s*$|"
    # "ont tué hier au moins 12 soldats burkinabè": the victims' nation
    r"\b(?:killed|killing|tué\w*|tuant|wounded|blessé\w*|blessant)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:soldats|soldiers|policiers|policemen|civils|civilians|militaires|troops|troupes|gendarmes)\s+$",
    re.IGNORECASE,
)
_SUBJECT_AND = re.compile(r"^\s*(?:and|et|,)\s*(?:the\s+|les?\s+|la\s+|l['’])?$", re.IGNORECASE)
_OF_GAP = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|d['’]|of\s+the|of)\s*$", re.IGNORECASE)
_PITTING = re.compile(r"\b(?:oppos\w+|entre|between|pitting|pitted|involving|impliquant)\b", re.IGNORECASE)
_ALONGSIDE = re.compile(r"\b(?:avec|with|contre|against|aux\s+côtés)\b", re.IGNORECASE)


def subject_actor(
    text: str, trigger: Trigger, actors: Sequence[ActorMention]
) -> ActorMention | None:
    """The actor before the trigger in its clause, not governed by a preposition nor a victim."""
    lo = clause_start(text, trigger.start)
    before = [
        a for a in actors
        if lo <= a.start
        and a.end <= trigger.start
        and (
            not has_locative_preposition(text[: a.start])
            or (
                a.text[:1].islower()
                and _FORCE_NOUN_LEFT.search(text[max(0, a.start - 40):a.start]) is not None
                and not _ADJ_GOVERNED.search(text[max(0, a.start - 40):a.start])
            )
            or _PARTITIVE_LEFT.search(text[max(0, a.start - 50):a.start]) is not None
            or _members_of(text[max(0, a.start - 60):a.start])
        )
        and not SPONSOR.search(text[max(0, a.start - 40):a.start])
        and not _VICTIM_CUE.search(text[a.end:trigger.start])
        and not _speaker_only(text, a.end)
        and not _defends(text, a.end, trigger)
        and not _OBJECT_LEFT.search(text[max(0, a.start - 70):a.start])
    ]
    if not before:
        return None
    if trigger.kind == "battle":
        return before[0]
    chosen = len(before) - 1
    while chosen and _SUBJECT_AND.match(text[before[chosen - 1].end:before[chosen].start]):
        chosen -= 1  # "U.S. and British forces struck": the first of coordinated subjects
    return before[chosen]


def _speaker_only(text: str, end: int) -> bool:
    """'Afghan police said' before the trigger: a source, unless 'said it struck' (its own act)."""
    match = _SPEAKER_AFTER.match(text, end)
    return match is not None and not re.match(r"\s+(?:that\s+)?(?:it|they|its|their)\b", text[match.end():])


def _defends(text: str, lo: int, trigger: Trigger) -> bool:
    """'X repelled an attack': X defends (not 'X repelled a force and fired rockets')."""
    match = DEFENSIVE.search(text, lo, trigger.start)
    return match is not None and not AND_VERB.search(text, match.end(), trigger.end)


def _members_of(left: str) -> bool:
    """'Gunmen from the' before an actor: its fighters (not 'utilisés par des membres du')."""
    match = _MEMBERS_LEFT.search(left)
    return match is not None and not re.search(
        r"(?:\bpar|\bby|contre|against|visant|targeting)\s+(?:des\s+|les\s+|the\s+)?$", left[:match.start()]
    )


def actor_for(
    text: str,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    actor_spans: Sequence[tuple[int, int]],
    weapons: Sequence[WeaponMention],
    lang: str = "en",
    *,
    violent: Sequence[Trigger] = (),
) -> ActorMention | None:
    if lang == "ar":  # verb-subject order: "أطلقت إيران 11 صاروخا"
        for a in actors:
            if 0 <= a.start - trigger.end <= 3:
                return a
    for a in actors:  # "Bakou accuse Erevan d'avoir pilonné", "blamed Kyiv for attacking"
        if a.end <= trigger.start and _ACCUSED_GAP.match(text[a.end:trigger.start]) and ACCUSE_LEFT.search(
            text[max(0, a.start - 25):a.start]
        ):
            return a
    if trigger.kind == "intercept":
        return _disrupted_owner(text, trigger, actors, weapons, violent)
    if DEFENSIVE.fullmatch(trigger.text):
        return None  # "Ukrainian troops repelled several assaults": the defender is not the actor
    if lang == "fr" and trigger.kind in ("strike", "attack"):
        # "une frappe israélienne", "un raid russe": the demonym right after the noun
        for a in actors:
            if 0 < a.start - trigger.end <= 1 and a.text[:1].islower():
                return a
    subject = subject_actor(text, trigger, actors) if trigger.kind != "intercept" else None
    if subject is not None:  # (who intercepts is not the actor of the disrupted attack)
        return subject
    if trigger.kind == "battle":
        # "des affrontements ont opposé l'armée soudanaise aux FSR", "clashes between X and Y"
        lo, hi = trigger.end, len(text)
        stop = SCOPE_BREAK.search(text, lo)
        if stop is not None:
            hi = stop.start()
        for a in actors:
            if lo <= a.start < hi and _PITTING.search(text, lo, a.start) and not _ALONGSIDE.search(text, lo, a.start):
                return a
    if trigger.kind == "attack":
        for a in actors:  # "Gunmen from the Islamic State", "des assaillants de l'EI"
            if 0 <= a.start - trigger.end <= 20 and _MEMBER_OF.match(text, trigger.end, a.start):
                return a
    # the agent after the trigger: "par l'EI", "by Hamas"
    for a in actors:
        if a.start >= trigger.end and is_agent(text[: a.start]):
            return a
    # a demonym on a weapon of the clause: "missiles iraniens", "Russian drones"
    lo = clause_start(text, trigger.start)
    for weapon in (w for w in weapons if w.start >= lo):
        if (owner := weapon_demonym(text, weapon, actors)) is not None:
            return owner  # "missiles iraniens", "a Houthi anti-ship missile"
    # a country named as agent or subject elsewhere in the sentence (not the interceptor)
    for a in actors if trigger.kind != "intercept" else ():
        if (
            any(s <= a.start < e for s, e in actor_spans)
            and not _speaker_only(text, a.end)
            and not (a.end <= trigger.start and _defends(text, a.end, trigger))  # "Iran said it foiled an attack"
        ):
            return a
    # "Islamic State claimed that its fighters had seized the town": who speaks of its own fighters
    for a in actors:
        own = _OWN_FIGHTERS.match(text, a.end) if a.end <= trigger.start else None
        if own is not None and own.end() <= trigger.start:
            return a
    # "in the deadliest attack by the group": the group named earlier in the sentence
    if _BY_THE_GROUP.match(text, trigger.end):
        groups = [a for a in actors if a.end <= trigger.start and a.actor not in STATE_COUNTRY]
        if groups:
            return groups[-1]
    # "la plus vaste attaque aérienne russe contre l'Ukraine : 122 missiles ... tirés": the nation on the attack noun
    for a in actors:
        if a.end <= trigger.start and a.text[:1].islower() and _NATION_ON_ATTACK.search(text, max(0, a.start - 30), a.start):
            return a
    # "..., qui accusent l'armée russe": blamed in the same sentence, unless denied
    blame = CLAIM_CUE.search(text, trigger.end)
    if blame is not None and blame.group("blame") and not _DENIAL.search(text):
        return next((a for a in actors if a.start > blame.end() and a.start - blame.end() < 40), None)
    return None


def weapon_demonym(text: str, weapon: WeaponMention, actors: Sequence[ActorMention]) -> ActorMention | None:
    """"missiles iraniens", "Russian drones", "a Houthi anti-ship missile", "drones of Russia"."""
    for a in actors:
        if 0 <= a.start - weapon.end <= 2 or (
            0 <= weapon.start - a.end <= 20 and _ONE_WORD_GAP.match(text, a.end, weapon.start)
        ) or (0 <= a.start - weapon.end <= 12 and _OF_GAP.match(text, weapon.end, a.start)):
            return a
    return None


def _disrupted_owner(
    text: str,
    trigger: Trigger,
    actors: Sequence[ActorMention],
    weapons: Sequence[WeaponMention],
    violent: Sequence[Trigger] = (),
) -> ActorMention | None:
    """Who fired what was intercepted: "drones tirés par les Houthis", "Iranian drones"
    (the interceptor, subject or agent of the interception, is not the actor)."""
    lo, hi = clause_start(text, trigger.start), len(text)
    for a in actors:
        if lo <= a.start < hi and _LAUNCHED_BY.search(text, max(lo, a.start - 60), a.start):
            return a
    for weapon in (w for w in weapons if w.start >= lo):
        if (owner := weapon_demonym(text, weapon, actors)) is not None:
            return owner
    for attack in violent:  # "the Houthis claimed an attack on Eilat, which Israel said was intercepted"
        if attack.kind != "intercept" and attack.end <= trigger.start and RELATIVE_INTERCEPT.match(
            text, attack.end, trigger.start
        ):
            lo = clause_start(text, attack.start)
            return next((a for a in reversed(actors) if lo <= a.start and a.end <= attack.start), None)
    return None


def note_forces(text: str, index: int, actors: Sequence[ActorMention], context: ArticleContext) -> None:
    """Remember the state whose forces a sentence names ("L'armée israélienne a encerclé ...")."""
    if not FORCE_WORD.search(text):
        return
    named = actors or find_actors(text)
    forces = [a for a in named if a.actor in STATE_COUNTRY and _is_force_owner(text, a)]
    if forces:
        context.force_state = forces[-1].actor
        context.force_sentence = index


def _is_force_owner(text: str, actor: ActorMention) -> bool:
    """"l'armée malienne", "Malian troops", "the Israeli military": a nation's forces."""
    return bool(
        _FORCE_BEFORE.search(text[max(0, actor.start - 30):actor.start])
        or FORCE_AFTER.match(text[actor.end:actor.end + 30])
        or re.search(r"(?:armée|aviation|army|military|police)\s+$", text[max(0, actor.start - 12):actor.start], re.IGNORECASE)
        or re.match(r"\s+(?:army|military|air\s+force|police)\b", text[actor.end:actor.end + 15], re.IGNORECASE)
    )


def implied_force(
    text: str, trigger: Trigger, place: Place, context: ArticleContext
) -> tuple[str, tuple[int, int]] | None:
    """A national force named without its nation ("l'armée", "the military", "security
    forces") as the subject or agent of the trigger: the state whose forces the article
    last named with a nationality, else the state the event took place in."""
    lo = clause_start(text, trigger.start)
    match = None
    for candidate in _BARE_FORCE.finditer(text, lo, trigger.start):
        if not has_locative_preposition(text[: candidate.start()]) and not _AGAINST.search(
            text, max(0, candidate.start() - 12), candidate.start()
        ):
            match = candidate
    if match is None and trigger.kind == "battle":  # "des combats ont opposé l'armée à des jihadistes"
        side = _BARE_FORCE.search(text, trigger.end, min(len(text), trigger.end + 60))
        if side is not None and _PITTING.search(text, trigger.end, side.start()):
            match = side
    if match is None:
        match = _BARE_FORCE_AGENT.match(text, trigger.end)
        if match is None:
            return None
    if (
        trigger.kind == "intercept"
        or DEFENSIVE.search(text, match.start(), trigger.end)  # "l'armée affirme avoir repoussé"
        or any(a.start <= 2 for a in find_actors(text[match.end():match.end() + 25]))  # "l'armée russe"
    ):
        return None
    if context.force_state is not None:
        return context.force_state, match.span()
    state = STATE_BY_COUNTRY.get(place.country or "")
    return (state, match.span()) if state is not None else None


def target_for(
    text: str, trigger: Trigger, actors: Sequence[ActorMention], actor_name: str | None
) -> str | None:
    for a in actors:
        if a.start > trigger.end and a.actor != actor_name and not is_agent(text[: a.start]):
            following = text[max(0, a.start - 25):a.end + 25].lower()
            if re.search(r"troupes|troops|forces|soldats|soldiers|militaires|base|personnel", following):
                return f"{a.actor} forces"
    if CIVILIAN_CUE.search(text):
        return "civilians"
    return None


def force_owner(
    text: str,
    actors: Sequence[ActorMention],
    near: int,
    attackers: Sequence[str] = (),
    near_end: int | None = None,
) -> ActorMention | None:
    """The actor whose troops or base the sentence names: "troupes américaines", "U.S. troops"
    (not the attacker of the sentence: "Russian forces hit air bases near Kyiv")."""
    owners = [
        a for a in actors
        if a.actor not in attackers
        and (
            _FORCE_BEFORE.search(text[max(0, a.start - 30):a.start])
            or FORCE_AFTER.match(text[a.end:a.end + 30])
        )
    ]
    before = [a for a in owners if a.end <= near]
    if before:
        return before[-1]
    # "Aïn al-Assad, dans l'ouest de l'Irak, qui accueille des troupes de la coalition"
    after = [
        a for a in owners
        if 0 <= a.start - near <= 90 and not _OTHER_BASE.search(text, near_end or near, a.start)
    ]
    return after[0] if after else None


def claimed_actor(
    text: str, sentence: Sentence, index: int, actors: Sequence[ActorMention], context: ArticleContext
) -> None:
    """'L'EI a revendiqué l'attaque' / 'He blamed al-Shabaab': the actor of the last events."""
    recent = recent_targets(index, context)
    if not recent:
        return
    match = CLAIM_CUE.search(text)
    denial = _DENIAL.search(text)
    if match is not None and denial is not None:
        # "No group has claimed responsibility, but officials blamed al-Shabaab": the blame after it stands
        # (not "Moscou dément toute implication et accuse Kiev": one side blaming the other)
        later = [m for m in CLAIM_CUE.finditer(text, denial.end()) if m.group("blame")]
        unclaimed = _NO_CLAIM.search(text) is not None and not _DENIES.search(text)
        match = later[0] if later and unclaimed else None
    if match is None:
        return
    if match.group("claim"):
        lo = clause_start(text, match.start())
        found = [a for a in actors if lo <= a.start and a.end <= match.start()]
        actor = found[0] if found else None
        if actor is None:
            actor = next(
                (a for a in actors if a.start > match.end() and is_agent(text[: a.start])), None
            )
    else:
        actor = next(
            (a for a in actors if a.start > match.end() and not SPONSOR.search(text[max(0, a.start - 40):a.start])),
            None,
        )
    if actor is None:
        if (
            match.group("claim")
            and context.group_actor is not None
            and GROUP_ANAPHOR.search(text, clause_start(text, match.start()), match.start())
        ):
            name, evidence = context.group_actor  # "the group claimed the attack"
        else:
            return
    else:
        name, evidence = actor.actor, evidence_at("actor", sentence, actor.start, actor.end)
    for i in recent:
        event = context.events[i]
        if event.actor is None:
            context.events[i] = replace(event, actor=name, evidence=event.evidence + (evidence,))
