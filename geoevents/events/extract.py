"""Sentences + resolved places -> events with ACLED-style metadata.

Only sentences with a cue (trigger, weapon, base word) or a casualty statement get any work;
everything is compiled regexes. This module runs the steps and builds the events; each step
lives in a module of its own:

1. mentions: weapons and triggers (:mod:`.triggers`; ambiguous verbs need a weapon in the
   sentence or the one before), dates (:mod:`.dates`), quantities, actors, casualties;
2. roles (:mod:`._placing`): each place gets a role: origin ("tirés depuis l'Iran"), actor
   (a country or capital with no preposition: "L'Iran a lancé"; an agent "par l'Iran"),
   base (base noun, stationing clause, base feature), target (a place whose nearest trigger
   is violent); datelines, sources ("selon le gouverneur de X"), speech, travel and places
   inside an actor's name ("Islamic Resistance in Iraq") are nothing;
3. events (here): each target is bound to its nearest violent trigger (one before the place
   preferred); the event type comes from the trigger kind and the weapon; weapon and
   quantity (:mod:`._munitions`) are read in the stretch of text between the neighbouring
   targets, so "11 missiles à A, et un autre à B" gives 11 to A and 1 to B;
4. containers (:mod:`._placing`): a country or region is dropped when a finer place of the
   same country has the same role in the sentence ("Ain al-Assad, en Irak"), or, across the
   article, the same event type and date;
5. coreference for the simple cases (:mod:`._context` keeps what later sentences refer back
   to): actor (:mod:`._attribution`), date (:mod:`._dating`) and weapon of a target that has
   none come from up to two sentences back; "cette base" / "this base" points at the last
   base; casualty counts (:mod:`._tolls`) in a sentence with no event go to the previous
   events; a claim or blame sentence names the actor of the previous events unless it is
   denied;
6. an event that has not happened (future, hypothetical) has no date; a negated one keeps
   only a date of its own sentence;
7. learned steps: a scorer picks each event's actor among the rules' choice, the actors the
   article names and nobody (:mod:`._actor_choice`); another drops events at places it judges
   unlikely event places (:mod:`._place_filter`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Event, Place, Role, Sentence, Status
from ._actor_choice import choose_actors
from ._attribution import (
    actor_for,
    claimed_actor,
    force_owner,
    implied_force,
    note_forces,
    subject_actor,
    target_for,
    weapon_demonym,
)
from ._context import ArticleContext, evidence_at, told_after_trigger
from ._dating import closest_date, event_date_fields, owned_by_other, told_next
from ._munitions import (
    disrupted_head,
    munition_for,
    pick,
    weapon_told_after,
    weapons_before_explosions,
)
from ._patterns import (
    CIVILIAN_CUE,
    CLAIM_CUE,
    COORDINATION,
    COREF_DISTANCE,
    DEFENSIVE,
    FORCE_AFTER,
    FORCE_NOUNS,
    GROUP_ANAPHOR,
    HIT_OBJECT_GAP,
    HITTING,
    MOVES,
    SAID_ON,
    SCOPE_BREAK,
    STATE_BY_COUNTRY,
    VIOLENT_KINDS,
)
from ._place_filter import drop_unlikely_places
from ._placing import (
    anaphoric_targets,
    assign_roles,
    drop_article_containers,
    nearest_trigger,
    refine_regions,
    scene_targets,
)
from ._tolls import attach_casualties, attackers_killed, casualties_by_place, none_for_interceptions
from .actors import STATE_COUNTRY, ActorMention, find_actors
from .casualties import find_casualties
from .dates import DateSpan
from .merge import merge_events
from .quantities import NUMBER_PATTERN, QuantityMention, find_quantities, parse_number
from .roles import (
    BASE_FEATURES,
    clause_start,
    has_locative_preposition,
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
    SHELLING,
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

# matched against the lower-cased sentence (faster than IGNORECASE)
_CASUALTY_CUE = re.compile(
    r"\b(?:tu[ée]|tuant|morts?\b|mortes|bless|décè|décéd|péri|victime|traumat|kill|dead|died|"
    r"death|toll|bilan|injur|wound|hurt|casualt|fatalit)|قتل|قتيل|جرح|مصاب|إصاب|ضحايا|خسائر|مصرع"
)
# terror attacks and massacres are against civilians unless a weapon says otherwise
_TERROR = re.compile(r"attentat|massacr|terror|ramm|foule|crowd|bélier", re.IGNORECASE)
_HIT_VERB = re.compile(
    r"(?:touch|frapp|vis|pilonn|bombard)ée?s?|hit|struck|targeted|pounded|shelled", re.IGNORECASE
)
_GROUND_FIRE = re.compile(r"bombard(?:é|ée|és|ées|er|ent|ait|aient)$|pilonn\w+|shell(?:ed|ing)$", re.IGNORECASE)
# "la région est le théâtre d'attaques régulières", "frequent attacks": a pattern, not an event
_HABITUAL_BEFORE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:been\s+)?(?:repeatedly|frequently|often|regularly)\s+(?:been\s+)?|"
    r"(?:a|ont|avait|avaient)\s+(?:été\s+)?(?:régulièrement|souvent|à\s+plusieurs\s+reprises)\s+(?:été\s+)?|"
    r"théâtre\s+d['’]|cible\s+d['’]|regular|frequent|repeated|recurrent|occasional|sporadic|"
    r"régulières?\s+|fréquentes?\s+|nombreuses?\s+|multiples?\s+)(?:[\w'’-]+\s+){0,1}\Z",
    re.IGNORECASE,
)
_HABITUAL_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:régulières|réguliers|fréquentes|fréquents|répétées|répétés|récurrentes|récurrents|incessantes)\b"
    r"|[^.;]{0,40}\b(?:in\s+recent\s+years|ces\s+dernières\s+années|over\s+the\s+(?:past|last)\s+(?:years|decade)|"
    r"depuis\s+des\s+années)\b",
    re.IGNORECASE,
)
# "condemned what it called a cowardly attack", "a revendiqué le double attentat": the event told, referred to
_REFERRED_TO = re.compile(
    r"\b(?:condemn\w*|condamn\w*|dénonc\w*|denounc\w*|deplor\w*|déplor\w*)\s+(?:[\w'’«\"]+\s+){0,5}?\Z"
    # "a revendiqué samedi le double attentat": the attack told before (not "claimed a suicide bombing in X")
    r"|\b(?:claimed|claims|revendiqu\w*)\s+(?:(?:on\s+)?\w+\s+)?(?:the|le|la|l['’]|les|ce|cet|cette|ces|this|these)\s*(?:[\w-]+\s+)?\Z",
    re.IGNORECASE,
)
# "The bombing came as ...", "L'attentat intervient alors que ...": the event just told, now a time reference
_BACK_REFERENCE_BEFORE = re.compile(r"^\s*(?:the|this|that|l['’]|le|la|cette|ce|ces|these)\s*(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_BACK_REFERENCE_AFTER = re.compile(
    r"\s+(?:came|comes|come|occurred|happened|took\s+place|followed|intervient|survient|est\s+survenue?|"
    r"a\s+eu\s+lieu|fait\s+suite|s['’]est\s+produite?)\b",
    re.IGNORECASE,
)
_GENERIC_REFERENCE = re.compile(
    r"\b(?:si|jusqu['’]à\s+ce\s+que|tant\s+que|until|unless|if|as\s+long\s+as)\s+(?:les|the|ces|these|such)\s+\Z",
    re.IGNORECASE,
)
_ONE_SIDE = re.compile(r"\b(?:avec|with|contre|against)\s+(?:des\s+|les\s+|the\s+)?(?:combattants|fighters|militants|membres|members)?", re.IGNORECASE)
_ATTACK_NOUN = re.compile(r"attaques?|attacks?|attentats?", re.IGNORECASE)
_SAME_DAY = re.compile(
    r"\b(?:dans\s+la\s+(?:soirée|matinée|journée|nuit)|en\s+(?:soirée|fin\s+de\s+journée)|le\s+même\s+jour|"
    r"(?:quelques|plusieurs)\s+heures\s+(?:plus\s+tard|après)|plus\s+tard|"
    r"later\s+(?:that|the\s+same)\s+day|(?:hours|minutes)\s+(?:later|after)|that\s+(?:evening|night|morning|afternoon)|"
    r"the\s+same\s+day|in\s+the\s+(?:evening|afternoon)|later\s+on)\b",
    re.IGNORECASE,
)
_NATIONAL_BASE = re.compile(
    r"\b(?:base\s+aérienne|base\s+militaire|air\s*base|airbase|military\s+base|army\s+(?:base|post|outpost|camp|barracks)|"
    r"(?:army|military)\s+outpost|outpost|avant-poste|camp\s+militaire|camp\s+de\s+l['’]armée|caserne|barracks|garrison|"
    r"garnison|air\s+force\s+(?:training\s+)?base|base\s+de\s+l['’]armée|état-major|military\s+headquarters|cantonment)\b",
    re.IGNORECASE,
)
_COARSE_LEFT = re.compile(
    r"\b(?:commune|municipalité|municipality|département|department|préfecture|sous-préfecture|cercle|county|"
    r"district|province|région|region|wilaya|governorate|gouvernorat|oblast|raion)\s+(?:de|d['’]|du|of)\s*(?:la\s+|l['’]|the\s+)?\Z",
    re.IGNORECASE,
)
_HIT_BY = re.compile(
    r"\b(?P<verb>(?:touch|frapp|vis|épargn|affect)ée?s?|hit|struck|affected|spared)"
    r"\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|des\s+|the\s+|an?\s+)?\Z",
    re.IGNORECASE,
)
_BY_NOUN = re.compile(r"\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|des\s+|the\s+|an?\s+)?", re.IGNORECASE)
_REMAINING_WORD = re.compile(r"remaining|other|autres|restant", re.IGNORECASE)
_AIRBORNE = re.compile(
    r"\b(?:drones?|missiles?|roquettes?|rockets?|avions?|aéronefs?|appareils?|hélicoptères?|projectiles?|engins?|"
    r"obus|Shahed|chasseurs?|bombardiers?|aircraft|planes?|jets?|helicopters?|UAVs?)\b",
    re.IGNORECASE,
)
_THE_STRIKES = re.compile(r"\b(?:les|ces|the|these)\s+(?:tirs|frappes|strikes|bombardements|raids)\Z", re.IGNORECASE)
_PERIOD_AFTER = re.compile(
    rf"\b(?:(?P<n>an?|one|un|une|{NUMBER_PATTERN})\s+(?P<unit>days?|weeks?|jours?|semaines?)\s+(?:after|après)|"
    r"(?P<unit2>au\s+lendemain|the\s+day\s+after))\s+(?:an?|the|un|une|le|la|l['’]|les|des)?\s*(?:[\w'’-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
_SAME_KIND = re.compile(
    r"\b(?:similaires?|similar|same|même|nouvelles?|new|another|autre|second|seconde|deuxième|"
    r"dépôts?|depots?|raffinerie|refinery|installations?\s+(?:pétrolières|énergétiques)|oil|energy)\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:également|aussi|also|as\s+well|too|de\s+nouveau|à\s+nouveau|again)\b", re.IGNORECASE)
_RETALIATION = re.compile(
    r"\b(?:représailles|riposte|réponse|retaliation|response|revenge|vengeance|après(?!-midi)|after|following)\b", re.IGNORECASE
)
_FORCE_VICTIMS = re.compile(
    r"\b(?:policiers|policemen|police\s+officers|gendarmes|soldiers|soldats|troops|troupes|militaires|"
    r"checkpoints?|postes?\s+de\s+police|commissariats?|police\s+stations?|army\s+posts?|military\s+posts?|"
    r"barracks|casernes?|army\s+positions?|military\s+positions?|positions\s+de\s+l['’]armée)\b",
    re.IGNORECASE,
)
# "repelled an Israeli force ... and fired rockets at Metula": a second verb, its own head
_VERB_CONJUNCTION = re.compile(r"[,;]|\b(?:and|et|then|puis|but|mais)\b", re.IGNORECASE)
_COUNTER = re.compile(r"ripost|retaliat|respond|répliqu", re.IGNORECASE)


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    places: Sequence[Place],
    *,
    lang: str,
    learned_actors: bool = True,
    learned_places: bool = True,
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
    learned_actors
        Let the learned scorer (:mod:`._actor_choice`) pick each actor among the rules'
        choice, the actors the article names and nobody; ``False`` keeps the rules' actors
        (what the scorer is trained on).
    learned_places
        Drop events at places the learned place scorer (:mod:`._place_filter`) rejects.

    Returns
    -------
    tuple of Event
        Strikes/attacks (role TARGET), launch origins (ORIGIN), bases and deployments (BASE);
        events reported twice in the article are merged.
    """
    lang = lang if lang in ("fr", "en", "ar") else "en"
    by_sentence: dict[int, list[Place]] = {}
    for place in places:
        by_sentence.setdefault(place.mention.sentence, []).append(place)
    context = ArticleContext(article, sentences, lang)
    for index, sentence in enumerate(sentences):
        sentence_places = sorted(by_sentence.get(index, ()), key=lambda p: p.mention.start)
        cue = has_cue(sentence.text, lang)
        casualty_cue = _CASUALTY_CUE.search(sentence.text.lower()) is not None
        base_feature = any(p.feature in BASE_FEATURES for p in sentence_places)
        if cue or casualty_cue or base_feature or CLAIM_CUE.search(sentence.text):
            _sentence_events(index, sentence, sentence_places, cue, casualty_cue, context)
        else:
            note_forces(sentence.text, index, (), context)
        context.recent_places.extend(
            (index, p, p.feature in BASE_FEATURES or any(
                e.role is Role.BASE and e.place is p for e in context.events[-8:]
            ))
            for p in sentence_places
        )
    if not context.events:
        return ()
    events = merge_events(drop_article_containers(refine_regions(context)), within_article=True)
    if learned_actors:
        events = choose_actors(events, article.text, sentences)
    if learned_places:
        events = drop_unlikely_places(events, sentences, places, lang)
    return events


def _sentence_events(
    index: int,
    sentence: Sentence,
    places: list[Place],
    cue: bool,
    casualty_cue: bool,
    context: ArticleContext,
) -> None:
    text = sentence.text
    lang = context.lang
    weapons = find_weapons(text, lang) if cue else []
    recent_violence = (
        context.last_violent_sentence is not None and index - context.last_violent_sentence <= 1
    )
    triggers = find_triggers(text, lang, has_weapon=bool(weapons) or recent_violence) if cue else []
    casualties = find_casualties(text) if casualty_cue else []
    # "jusqu'à ce que les attaques en mer Rouge cessent": a campaign spoken of, not an event
    triggers = [
        t for t in triggers  # "avant d'être abattus par les forces de sécurité": shot dead, not shot down
        if not (t.kind == "intercept" and t.text.lower().startswith(("abatt", "neutralis")) and not _AIRBORNE.search(
            text, max(0, t.start - 50), min(len(text), t.end + 50)
        ))
    ]
    generic = [
        t for t in triggers
        if _GENERIC_REFERENCE.search(text, max(0, t.start - 40), t.start)
        or (_BACK_REFERENCE_BEFORE.search(text, 0, t.start) and _BACK_REFERENCE_AFTER.match(text, t.end))
        or _HABITUAL_BEFORE.search(text, max(0, t.start - 40), t.start)
        or _HABITUAL_AFTER.match(text, t.end)
        or (t.kind in ("attack", "strike", "explosion") and _REFERRED_TO.search(text, max(0, t.start - 45), t.start))
    ]
    triggers = [t for t in triggers if t not in generic]
    violent = [t for t in triggers if t.kind in VIOLENT_KINDS]
    if weapons and not violent and casualties:
        # "A car bomb in X killed 5": the weapon that kills is the event's trigger
        first = weapons[0]
        kind = (
            "strike" if SUB_EVENT_BY_WEAPON.get(first.weapon) in (AIR_STRIKE, SHELLING)
            else "attack" if first.weapon == "firearms"  # "tués par des hommes armés"
            else "explosion"
        )
        violent = [Trigger(first.start, first.end, first.text, kind)]
        triggers = [*triggers, *violent]
    hit = [
        w for w in weapons
        if any(
            HITTING.match(t.text) and t.end <= w.start and HIT_OBJECT_GAP.match(text, t.end, w.start)
            for t in violent
        )
    ]
    if hit:  # "destroyed four Russian military aircraft": what was hit, not what was used
        weapons = [w for w in weapons if w not in hit]
    quantities = find_quantities(text, weapons) if weapons else []
    if not weapons and violent:  # "Debris from the remaining two hit ...": the rest of the salvo just told
        quantities = [q for q in find_quantities(text, weapons) if q.partitive and _REMAINING_WORD.search(q.text)]
    actors = find_actors(text) if (triggers or casualties) else []
    if hit:
        actors = [a for a in actors if not any(a.start < w.start and w.start - a.end <= 12 for w in hit)]

    roles = assign_roles(text, sentence, places, triggers, violent, actors, weapons)
    if generic:  # and the places it governs ("les attaques contre les navires en mer Rouge")
        roles.targets = [
            (place, start, end) for place, start, end in roles.targets
            if not any(
                0 <= start - g.end <= 60 and not any(g.end <= t.start < start for t in violent)
                for g in generic
            )
        ]
    if violent and not roles.targets:
        roles.targets.extend(anaphoric_targets(text, index, context) or scene_targets(text, violent, index, context))
    elif violent and all(_COARSE_LEFT.search(text, max(0, s - 40), s) for _, s, _ in roles.targets):
        # "la mosquée de ce village de la commune de Kokorou": the village told before, in its commune
        anaphoric = anaphoric_targets(text, index, context)
        if anaphoric and all(anaphoric[0][1] < s for _, s, _ in roles.targets):
            roles.targets = anaphoric
    blocked = [
        (p.mention.start - sentence.start, p.mention.end - sentence.start) for p in places
    ]
    blocked = [
        span for span in blocked
        if span not in roles.actor_spans and span not in roles.accused and span not in roles.modifier_spans
    ]
    actor_pool = [a for a in actors if not any(s < a.end and a.start < e for s, e in blocked)]

    needs_dates = bool(roles.targets) or any(b[3] is not None for b in roles.bases)
    dates = context.dates_of(index) if needs_dates else []
    new_events = _target_events(
        index, sentence, roles.targets, violent, weapons, quantities, dates, actor_pool,
        roles.actor_spans, context,
    )
    if roles.origins and not new_events and context.last_group is not None and (
        index - context.last_group[0] <= COREF_DISTANCE
    ):
        # "les drones ont été lancés depuis X": the strikes of the sentences before
        group = context.last_group[1]
        strikes = [context.events[i] for i in group]
        origin_events = _origin_events(sentence, roles.origins, strikes)
        o_start, o_end = roles.origins[0][1], roles.origins[0][2]
        verb = nearest_trigger(violent, o_start, o_end, text=text)
        status = status_of(text, verb.start, verb.end, lang)[0] if verb is not None else Status.ASSERTED
        if status is Status.ASSERTED:
            for i, event in zip(group, strikes, strict=True):
                context.events[i] = event
        else:  # "les engins n'ont pas été tirés depuis le Yémen"
            origin_events = [
                replace(e, status=status, **event_date_fields(None)) for e in origin_events
            ]
        new_events.extend(origin_events)
    else:
        origin_events = _origin_events(sentence, roles.origins, new_events)
        for i, event in enumerate(origin_events):
            # "intercepted two projectiles fired from Gaza": the launch happened
            verb = nearest_trigger(violent, roles.origins[i][1], roles.origins[i][2], text=text)
            if verb is not None and event.status is not Status.ASSERTED:
                own = status_of(text, verb.start, verb.end, lang)[0]
                if own is Status.ASSERTED:
                    origin_events[i] = replace(event, status=own)
        new_events.extend(origin_events)
    for place, start, end, trigger in roles.bases:
        new_events.append(
            _base_event(sentence, place, start, end, trigger, dates, actor_pool, context)
        )
    first_new = len(context.events)
    context.events.extend(new_events)

    violent_new = [
        first_new + i for i, e in enumerate(new_events) if e.role is Role.TARGET and e.is_violent
    ]
    if casualties:
        if not violent_new and places:
            casualties = casualties_by_place(sentence, index, casualties, places, context)
        if casualties:
            attach_casualties(sentence, index, casualties, violent_new, actors, context)
            none_for_interceptions(index, casualties, new_events, first_new, context)
    disrupted_new = [
        first_new + i for i, e in enumerate(new_events) if e.sub_event_type == DISRUPTED_WEAPONS and e.place
    ]
    if not disrupted_new and any(t.kind == "intercept" for t in violent):
        disrupted_new = _salvo_interceptions(index, sentence, places, violent, weapons, new_events, first_new, context)
    if disrupted_new:
        context.last_disrupted = (index, disrupted_new)
    if not violent_new and weapons and not roles.targets:
        weapon_told_after(text, sentence, index, weapons, context, elaboration=bool(violent))
    attackers_killed(text, sentence, index, context, violent_here=any(e.is_violent for e in new_events))
    if not violent_new and CLAIM_CUE.search(text):
        if not actors:
            actors = find_actors(text)
        claimed_actor(text, sentence, index, actors, context)
    note_forces(text, index, actors, context)
    groups = [a for a in actors if a.actor not in STATE_COUNTRY and a.actor != "Coalition"]
    if groups:
        context.group_actor = (groups[-1].actor, evidence_at("actor", sentence, groups[-1].start, groups[-1].end))
    if violent:
        context.last_violent_sentence = index
        subject = subject_actor(text, violent[0], actor_pool) if violent[0].kind != "intercept" else None
        if subject is not None:
            context.last_actor = (
                index, subject.actor, evidence_at("actor", sentence, subject.start, subject.end)
            )
        if weapons:
            context.last_weapon = (index, weapons[0].weapon)
            context.weapon_sets[index] = frozenset(w.weapon for w in weapons)
    for weapon in weapons:
        owner = weapon_demonym(text, weapon, actor_pool)
        if owner is not None:
            context.weapon_owner[weapon.weapon] = (index, owner.actor, evidence_at("actor", sentence, owner.start, owner.end))
    if violent_new:
        context.last_group = (index, violent_new)


_INTERCEPTABLE = frozenset({"drone", "missile", "rocket"})
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")  # "Ukraine's air force said": a source, not a place
_MUNITION_NOUN = r"(?:missiles?|roquettes?|rockets?|drones?|projectiles?|engins?)"
_SHARE_INTERCEPTED = re.compile(
    rf"\b(?P<n>{NUMBER_PATTERN})\s+(?:of\s+them|of\s+which|d['’]entre\s+(?:eux|elles)|"
    rf"(?:des|of\s+the)\s+(?:\w+\s+){{0,2}}?{_MUNITION_NOUN})\b"
    rf"|\b(?:dont|including)\s+(?P<m>{NUMBER_PATTERN})\b",
    re.IGNORECASE,
)
_COUNT_AFTER_INTERCEPT = re.compile(rf"\s+(?:(?:the|les)\s+)?(?P<n>{NUMBER_PATTERN})\b(?!\s*%)", re.IGNORECASE)
_COUNT_BEFORE_INTERCEPT = re.compile(
    rf"\b(?P<n>{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?{_MUNITION_NOUN}\b[^,.;]{{0,25}}$",
    re.IGNORECASE,
)


def _salvo_interceptions(
    index: int,
    sentence: Sentence,
    places: Sequence[Place],
    violent: Sequence[Trigger],
    weapons: Sequence[WeaponMention],
    new_events: Sequence[Event],
    first_new: int,
    context: ArticleContext,
) -> list[int]:
    """"Six rockets were fired, two of which were shot down", "la défense antiaérienne en a abattu
    cinq" after a strike: an interception of that salvo, where the strike landed, with its owner.

    The strike is this sentence's (its trigger before the interception) or the last strike told
    within the sentences before, which named no place; the share shot down is the interception's ``quantity`` (
    a share only: a salvo said to be intercepted whole stays the strike told).
    """
    text = sentence.text
    intercept = next(t for t in violent if t.kind == "intercept")
    if status_of(text, intercept.start, intercept.end, context.lang)[0] is not Status.ASSERTED:
        return []
    here = [
        first_new + i for i, e in enumerate(new_events)
        if e.role is Role.TARGET and e.event_type == EXPLOSIONS and e.place is not None
        and told_after_trigger(e, sentence, intercept.start)
    ]
    if here:  # one strike place in the sentence: "40 missiles sur Kiev, dont 35 ont été interceptés"
        strikes = here if len({id(context.events[i].place) for i in here}) == 1 else []
    elif (
        context.last_group is not None and 0 < index - context.last_group[0] <= COREF_DISTANCE
        and not new_events and not [p for p in places if not _POSSESSIVE_AFTER.match(text, p.mention.end - sentence.start)]
    ):
        strikes = [i for i in context.last_group[1] if context.events[i].event_type == EXPLOSIONS]
    else:
        return []
    strikes = [i for i in strikes if context.events[i].status is Status.ASSERTED and context.events[i].place is not None]
    if not strikes:
        return []
    strike = context.events[strikes[0]]
    window = text[max(0, intercept.start - 60):min(len(text), intercept.end + 40)]
    share = _SHARE_INTERCEPTED.search(window)  # "two of which", "dont 35": the salvo's munitions
    if share is None and any(w.weapon in _INTERCEPTABLE for w in weapons):
        share = _COUNT_BEFORE_INTERCEPT.search(text, max(0, intercept.start - 60), intercept.start) or (
            _COUNT_AFTER_INTERCEPT.match(text + " ", intercept.end)
        )
    weapon = strike.weapon if strike.weapon in _INTERCEPTABLE else next(
        (w.weapon for w in weapons if w.weapon in _INTERCEPTABLE), None
    )
    quantity = parse_number(share.group("n") or share.groupdict().get("m") or "") if share else None
    if quantity is None or weapon is None or (strike.quantity is not None and quantity >= strike.quantity):
        return []  # the whole salvo intercepted is the strike's story, told as it is
    evidence = (
        evidence_at("event_type", sentence, intercept.start, intercept.end),
        *(v for v in strike.evidence if v.field in ("place", "date", "actor")),
    )
    context.events.append(
        replace(
            strike,
            event_type=STRATEGIC,
            sub_event_type=DISRUPTED_WEAPONS,
            sentence=sentence,
            weapon=weapon,
            quantity=quantity,
            fatalities=None,
            injuries=None,
            origin=None,
            evidence=evidence,
        )
    )
    return [len(context.events) - 1]


def _head(trigger: Trigger, violent: Sequence[Trigger], text: str) -> Trigger:
    """The first violent trigger of the clause: "Une série d'attentats a frappé X" is an
    attack, "Une attaque de drone a touché X" a drone attack, whatever verb follows."""
    if trigger.kind == "intercept":
        return trigger  # "Trois roquettes tirées depuis Gaza ont été interceptées": an interception
    for other in violent:  # "touché par les combats", "hit by shelling": the agent says what it was
        if other.start > trigger.end and _BY_NOUN.fullmatch(text, trigger.end, other.start):
            return other
    lo = clause_start(text, trigger.start)
    for other in violent:
        if (
            lo <= other.start < trigger.start
            and other.kind != "intercept"
            and not _VERB_CONJUNCTION.search(text, other.end, trigger.start)
        ):
            return other
    return trigger


def _classify(trigger: Trigger, weapon: str | None, text: str) -> tuple[str, str]:
    if trigger.kind == "intercept":
        return STRATEGIC, DISRUPTED_WEAPONS
    if trigger.kind == "battle":
        return BATTLES, ARMED_CLASH
    sub = SUB_EVENT_BY_WEAPON.get(weapon or "")
    if sub is not None:
        return EXPLOSIONS, sub
    if weapon == "firearms" or trigger.kind == "attack":
        # the victims named around the trigger, not elsewhere in the sentence
        window = text[max(0, trigger.start - 140):]
        forces_hit = any(  # "neutralisé par des policiers": the police answered, they were not the target
            not re.search(r"\b(?:par|by)\s+(?:des\s+|les\s+|the\s+|un\s+|une\s+)?(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()])
            for m in _FORCE_VICTIMS.finditer(text, trigger.end)
        )
        civilians = CIVILIAN_CUE.search(window) is not None and not forces_hit
        if civilians or _TERROR.search(trigger.text):
            return VAC, ATTACK
        if trigger.kind == "attack" or weapon == "firearms":
            return BATTLES, ARMED_CLASH
    if trigger.kind == "strike":
        if _GROUND_FIRE.match(trigger.text):
            return EXPLOSIONS, SHELLING  # "l'armée a bombardé X", as a bare "bombardement"
        return EXPLOSIONS, AIR_STRIKE
    return EXPLOSIONS, REMOTE_EXPLOSIVE


def _target_events(
    index: int,
    sentence: Sentence,
    targets: list[tuple[Place, int, int]],
    violent: list[Trigger],
    weapons: list[WeaponMention],
    quantities: list[QuantityMention],
    dates: list[DateSpan],
    actors: list[ActorMention],
    actor_spans: list[tuple[int, int]],
    context: ArticleContext,
) -> list[Event]:
    text = sentence.text
    out: list[Event] = []
    previous_weapon: str | None = None
    bound = [nearest_trigger(violent, s, e, text=text) for _, s, e in targets]
    intercepts = [t for t in violent if t.kind == "intercept"]
    if intercepts and not weapons_before_explosions(bound, weapons):
        # "Explosions signalées à Belgorod : la défense antiaérienne a abattu trois missiles"
        bound = [intercepts[0] if t is not None and t.kind == "explosion" else t for t in bound]
    for position, (_, _, end) in enumerate(targets):
        nearest = bound[position]
        if intercepts and nearest is not None:
            bound[position] = disrupted_head(nearest, intercepts, text, end)
    for position in range(1, len(targets)):
        # "drones aimed at Dhahran and Jizan": a coordinated place shares the trigger before it
        gap = text[targets[position - 1][2]:targets[position][1]]
        before = bound[position - 1]
        if COORDINATION.match(gap) and before is not None and before.end <= targets[position - 1][1]:
            bound[position] = before
    # weapons read directly by a target of another trigger are not shared with this one
    direct: list[tuple[Trigger | None, WeaponMention | None]] = []
    for position, (_, start, end) in enumerate(targets):
        lo = targets[position - 1][2] if position else 0
        hi = targets[position + 1][1] if position + 1 < len(targets) else len(text)
        direct.append((bound[position], pick(weapons, start, end, lo, hi)))
    previous_trigger: Trigger | None = None
    for position, (place, start, end) in enumerate(targets):
        trigger = bound[position]
        assert trigger is not None
        scope_start = targets[position - 1][2] if position else 0
        scope_end = targets[position + 1][1] if position + 1 < len(targets) else len(text)
        # "Kharkiv : un missile a frappé ...", "Explosions signalées à Belgorod : ...": the colon opens the report
        headline = start <= 2 or (start < 60 and ":" not in text[:start] and re.match(r"\s*:", text[end:]) is not None)
        following = [t.start for t in violent if t.start >= end and t is not trigger] + [
            m.start() for m in SCOPE_BREAK.finditer(text, end, scope_end)
            if not (headline and m.group(0) == ":" and m.start() - end <= 2)
        ]
        scope_end = min([scope_end, *following])
        evidence = [
            evidence_at("place", sentence, start, end),
            evidence_at("event_type", sentence, trigger.start, trigger.end),
        ]
        quantity, weapon_name, found = munition_for(
            text, start, end, scope_start, scope_end, trigger, quantities, weapons, direct,
            previous_trigger, previous_weapon, index, context,
        )
        evidence.extend(evidence_at(name, sentence, a, b) for name, a, b in found)
        if weapon_name in ("IED", "car bomb", "bomb") and any(
            w.weapon == "suicide bomb" for w in weapons
        ):
            weapon_name = "suicide bomb"  # "a suicide bomber rammed an explosives-laden car"
        head = _head(trigger, violent, text)
        kind_weapon = weapon_name
        if (
            weapon_name is None
            and (
                head.kind == "explosion"
                or (  # "Des infrastructures ont été touchées à Kyiv": by the barrage just described
                    head.kind == "strike"
                    and (_HIT_VERB.fullmatch(head.text) or _THE_STRIKES.search(text, max(0, head.start - 8), head.end))
                    and not any(clause_start(text, head.start) <= a.start and a.end <= head.start for a in actors)
                )
            )
            and context.last_weapon
            and index - context.last_weapon[0] == 1
        ):
            # "Explosions were heard in Odesa": the strikes of the sentence before
            kind_weapon = context.last_weapon[1]
        if (
            kind_weapon is None
            and head.kind == "attack"
            and _ATTACK_NOUN.fullmatch(head.text)
            and (earlier := [w for w in weapons if w.end <= head.start and w.weapon != "firearms"])
        ):
            kind_weapon = earlier[0].weapon  # "Des drones ont frappé X, première attaque contre cette ville"
        if (
            kind_weapon is None
            and head.kind == "attack"
            and context.last_weapon
            and index - context.last_weapon[0] <= COREF_DISTANCE
            and _SAME_KIND.search(text, max(0, head.start - 25), min(len(text), head.end + 25))
        ):
            kind_weapon = context.last_weapon[1]  # "une attaque similaire avait visé un dépôt"
        event_type, sub_event_type = _classify(head, kind_weapon, text)
        # "n'a pas été touché par les combats": the hit verb before the agent carries the negation
        by = _HIT_BY.search(text, max(0, trigger.start - 40), trigger.start)
        verb_start, verb_end = by.span("verb") if by is not None else (trigger.start, trigger.end)
        status, cue = status_of(text, verb_start, verb_end, context.lang)
        if cue is not None:
            evidence.append(evidence_at("status", sentence, cue[0], cue[1]))
        actor = actor_for(text, trigger, actors, actor_spans, weapons, context.lang, violent=violent)
        actor_name: str | None = None
        if actor is not None:
            evidence.append(evidence_at("actor", sentence, actor.start, actor.end))
            actor_name = actor.actor
        elif context.group_actor is not None and GROUP_ANAPHOR.search(
            text, clause_start(text, trigger.start), trigger.start
        ):
            actor_name = context.group_actor[0]  # "the group's fighters attacked"
            evidence.append(context.group_actor[1])
        elif (implied := implied_force(text, trigger, place, context)) is not None:
            actor_name, proof = implied  # "Au Mali, l'armée a frappé ...": the state whose army it is
            evidence.append(evidence_at("actor", sentence, proof[0], proof[1]))
        elif (
            (owned := context.weapon_owner.get(weapon_name or kind_weapon or "")) is not None
            and 0 < index - owned[0] <= COREF_DISTANCE
        ):
            actor_name = owned[1]  # "Poland shot down Russian drones ... a drone crashed into a house"
            evidence.append(owned[2])
        elif (
            trigger.kind == "battle"
            and context.force_state is not None
            and 0 < index - context.force_sentence <= 1
            and status is Status.ASSERTED
            and not DEFENSIVE.search(text, clause_start(text, trigger.start), trigger.end)
            and _ONE_SIDE.search(text, trigger.end, min(len(text), trigger.end + 60)) is not None
        ):
            # "L'armée israélienne a mené une opération à Gaza. Des combats ont eu lieu avec le
            # Hamas": the forces the story follows are one side
            actor_name = context.force_state
        elif (
            context.last_actor
            and index - context.last_actor[0] <= COREF_DISTANCE
            and status is Status.ASSERTED
            and not DEFENSIVE.search(
                text, clause_start(text, trigger.start), trigger.end if trigger.kind != "intercept" else trigger.start
            )
            and not _COUNTER.search(text, clause_start(text, trigger.start), trigger.end)  # "avoir riposté": the other side
            and (
                weapon_name is None
                or context.last_weapon is None
                or weapon_name == context.last_weapon[1]
                # a mixed barrage: "300 drones et missiles ... des missiles ont touché X"
                or weapon_name in context.weapon_sets.get(context.last_actor[0], frozenset())
                or _ALSO.search(text) is not None  # "Soumy a également été visée par des drones"
            )
        ):
            # same actor as the events just before, unless the munition changes
            actor_name = context.last_actor[1]
            evidence.append(context.last_actor[2])
        date_fields = event_date_fields(None)
        date = closest_date(
            [d for d in dates if not owned_by_other(text, d, trigger, violent)], trigger, start, text
        )
        date_sentence = sentence
        if date is not None and SAID_ON.search(text[max(0, date.start - 25):date.start]):
            # "26 tués dans l'attaque d'un hôtel, a annoncé samedi le président. Un kamikaze s'est fait
            # exploser vendredi soir ...": the day it was announced yields to the day the next sentence tells
            told = told_next(index, date, context)
            if told is not None:
                date, date_sentence = told, context.sentences[index + 1]
        cue_match = _RETALIATION.search(text, max(0, trigger.start - 60), trigger.start)
        dropped = date is not None and cue_match is not None and date.end <= cue_match.start() < start
        if dropped:
            date = None  # "tiré samedi ... en représailles aux frappes sur Hodeïda": an earlier strike
        if status in (Status.FUTURE, Status.HYPOTHETICAL):
            pass  # it has not happened: no date
        elif date is not None:
            date_fields = event_date_fields(date)
            evidence.append(evidence_at("date", date_sentence, date.start, date.end))
        elif status is Status.ASSERTED:
            # "Dans la soirée, ...", "Hours later, ...": the day of the story, however far back it was told
            reach = index if _SAME_DAY.search(text, 0, max(0, trigger.start)) else COREF_DISTANCE
            inherited = context.inherited_date(index, reach)
            if inherited is not None:
                date_fields = event_date_fields(inherited[0])
                evidence.append(inherited[1])
                back = _PERIOD_AFTER.search(text, max(0, trigger.start - 60), trigger.start)
                if back is not None and date_fields["date_start"] is not None and date_fields["time_precision"] == 1:
                    # "The attack came a day after an Israeli raid in Jenin": the raid is a day earlier
                    count = parse_number(back.group("n") or "") or 1
                    days = count * (7 if (back.group("unit") or "").lower().startswith(("week", "semaine")) else 1)
                    earlier = date_fields["date_start"] - dt.timedelta(days=days)
                    date_fields |= {"date": earlier, "date_start": earlier, "date_end": earlier}
            elif (
                (len(context.sentences) == 1 or context.undated())
                and not dropped
                and not _RETALIATION.search(text, max(0, trigger.start - 30), trigger.start)
                and context.article.date is not None
            ):
                # a one-line report ("Explosions in X: 8 dead") is about the day it is dated
                date_fields = event_date_fields(None) | {
                    "date": context.article.date, "date_start": context.article.date,
                    "date_end": context.article.date, "time_precision": 1,
                }
        event = Event(
            event_type=event_type,
            sub_event_type=sub_event_type,
            place=place,
            role=Role.TARGET,
            sentence=sentence,
            status=status,
            actor=actor_name,
            target=target_for(text, trigger, actors, actor_name),
            weapon=weapon_name,
            quantity=quantity.value if quantity is not None else None,
            evidence=tuple(evidence),
            sources=(context.article.id,),
            **date_fields,
        )
        out.append(event)
        previous_trigger = trigger
        if weapon_name is not None:
            previous_weapon = weapon_name
            context.last_weapon = (index, weapon_name)
        if actor is not None:
            context.last_actor = (
                index, actor.actor, evidence_at("actor", sentence, actor.start, actor.end)
            )
    return out


def _origin_events(
    sentence: Sentence, origins: list[tuple[Place, int, int]], targets: list[Event]
) -> list[Event]:
    if not origins or not targets:
        return []
    origin_place, o_start, o_end = origins[0]
    for i, event in enumerate(targets):
        if event.status is not Status.NEGATED:
            targets[i] = replace(
                event,
                origin=origin_place,
                evidence=event.evidence + (evidence_at("origin", sentence, o_start, o_end),),
            )
    first = targets[0]
    out = []
    for place, start, end in origins:
        out.append(
            replace(
                first,
                place=place,
                role=Role.ORIGIN,
                origin=None,
                quantity=None,
                fatalities=None,
                injuries=None,
                evidence=(evidence_at("place", sentence, start, end),)
                + tuple(e for e in first.evidence if e.field not in ("place", "quantity")),
            )
        )
    return out


def _base_event(
    sentence: Sentence,
    place: Place,
    start: int,
    end: int,
    trigger: Trigger | None,
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    context: ArticleContext,
) -> Event:
    text = sentence.text
    evidence = [evidence_at("place", sentence, start, end)]
    status = Status.ASSERTED
    sub_event_type = BASE_ESTABLISHED
    if trigger is not None:
        evidence.append(evidence_at("event_type", sentence, trigger.start, trigger.end))
        status, cue = status_of(text, trigger.start, trigger.end, context.lang)
        if cue is not None:
            evidence.append(evidence_at("status", sentence, cue[0], cue[1]))
        if trigger.kind in MOVES:
            sub_event_type = OTHER_DEVELOPMENT
    violent = _violent_triggers(text, context.lang)
    attackers = [
        a.actor for t in violent
        if (a := subject_actor(text, t, actors)) is not None
        # "attacked U.S. forces at Ain al-Asad, the latest of 40 attacks": the forces attacked
        and not (FORCE_AFTER.match(text[a.end:a.end + 30]) and any(v.end <= a.start for v in violent))
    ]
    owner = force_owner(text, actors, start, attackers, end)
    if owner is None and trigger is not None:
        owner = subject_actor(text, trigger, actors)
    if owner is None and re.search(FORCE_NOUNS, text, re.IGNORECASE):
        # "The Pentagon said it would keep 150 soldiers at the Al-Tanf garrison"
        owner = next(
            (
                a for a in actors
                if a.end <= start
                and a.actor not in attackers
                and not has_locative_preposition(text[: a.start])
            ),
            None,
        )
    owner_name = owner.actor if owner is not None else None
    if owner is not None:
        evidence.append(evidence_at("actor", sentence, owner.start, owner.end))
    elif trigger is None and _NATIONAL_BASE.search(text, max(0, start - 60), min(len(text), end + 40)):
        # "the army outpost of Thee Mu Hta", "la base aérienne d'Osman Digna": the forces of the
        # state it stands in, when the sentence names no other owner
        owner_name = STATE_BY_COUNTRY.get(place.country or "")
    date_fields = event_date_fields(None)
    if trigger is not None and trigger.kind in MOVES and dates and status is Status.ASSERTED:
        date = min(dates, key=lambda d: abs(d.start - trigger.start))
        date_fields = event_date_fields(date)
        evidence.append(evidence_at("date", sentence, date.start, date.end))
    return Event(
        event_type=STRATEGIC,
        sub_event_type=sub_event_type,
        place=place,
        role=Role.OTHER if trigger is not None and trigger.kind == "withdraw" else Role.BASE,
        sentence=sentence,
        status=status,
        actor=owner_name,
        evidence=tuple(evidence),
        sources=(context.article.id,),
        **date_fields,
    )


def _violent_triggers(text: str, lang: str) -> list[Trigger]:
    """Violent triggers of a sentence (for the attacker check of base owners)."""
    return [t for t in find_triggers(text, lang, has_weapon=True) if t.kind in VIOLENT_KINDS]
