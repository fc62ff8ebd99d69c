"""Which place mentions are event places, and in what role.

Each place of a sentence gets a role (target, base, origin) or none: speech, travel,
sources, titles, settings, containers and quoted names are not where anything happened.
Across the article, a container is dropped when a finer place has the same event, and a
region broken down in the next sentence passes its toll to the places named there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..model import Event, Place, Role, Sentence
from ._context import ArticleContext, sentence_of_event
from ._patterns import (
    ACCUSE_LEFT,
    AND_VERB,
    COARSE,
    COORDINATION,
    COREF_DISTANCE,
    MOVES,
    SCOPE_BREAK,
    SPONSOR,
    VIOLENT_KINDS,
)
from .actors import ActorMention
from .roles import (
    BASE_FEATURES,
    has_locative_preposition,
    in_relative_clause,
    is_agent,
    is_base_context,
    is_dateline,
    is_origin,
    is_passive_between,
)
from .triggers import (
    EXPLOSIONS,
    SUB_EVENT_BY_WEAPON,
    Trigger,
    WeaponMention,
)

__all__ = [
    "anaphoric_targets",
    "assign_roles",
    "drop_article_containers",
    "nearest_trigger",
    "refine_regions",
    "scene_targets",
]

_ATTRIBUTION = re.compile(
    r"\b(?:selon|d['’]après(?!-midi)|according\s+to)\b[^,;:.]{0,60}$", re.IGNORECASE
)
_SPEAKER_LEFT = re.compile(
    r"\b(?:ministry|ministère|officials?|responsables?|spokes(?:man|woman|person)|porte-parole|"
    r"authorities|autorités|agency|agence|command|commandement|government|gouvernement|army|armée|"
    r"military|police|governor|gouverneur|mayor|maire|embassy|ambassade)\b[^,.;]{0,25}"
    r"\b(?:in|à|de|of|d['’])\s*$",
    re.IGNORECASE,
)
_SAID_RIGHT = re.compile(
    r"^[^.;]{0,25}?\b(?:said|says|told|announced|reported|claimed|stated|a\s+déclaré|a\s+annoncé|"
    r"a\s+indiqué|a\s+affirmé|a\s+rapporté|ont\s+déclaré|ont\s+annoncé|selon)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?:(?:cette|ce|cet|la\s+même|le\s+même|ladite|ledit|this|that|the\s+same|the|le|la)\s+(?P<noun>base|installation|garnison|"
    r"garrison|outpost|facility|ville|localité|city|town|village|camp|zone|area|secteur)"
    r"|(?P<near>nearby|à\s+proximité|aux\s+alentours|in\s+the\s+vicinity))\b",
    re.IGNORECASE,
)
_CONTAINER_LEFT = re.compile(
    r"\b(?:dans|in|en|au|inside|within)\s+(?:the\s+|le\s+|la\s+|l['’])?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:de|du|d['’]|of)\s*)?(?:la\s+|le\s+|l['’]|the\s+)?"
    r"(?:(?:province|région|region|governorate|gouvernorat|state|état|oblast|district|bande|"
    r"strip|plaine|vallée|valley|plain)\s+(?:de\s+|d['’]|du\s+|of\s+)?)?$",
    re.IGNORECASE,
)
_COMPOUND_AFTER = re.compile(r"^\.?-[^\W\d]", re.UNICODE)
_MODIFIED_NOUN = re.compile(
    r"^\s+(?:embassy|consulate|troops|forces|soldiers|service\s*members|military|army|navy|"
    r"officials?|government|administration|president|envoy|ambassador|drones?|warplanes|jets|"
    r"aircraft|citizens?|nationals?|contractors?|personnel|diplomats?|company|firms?|"
    r"(?:health\s+)?ministry|civil\s+defen[cs]e|authorities|police(?!\s+(?:stations?|posts?|checkpoints?))|"
    r"governor|mayor|spokes\w+|negotiators?|delegations?|talks|envoys?|mediators?|négociateurs?|délégations?|"
    r"(?:coastal\s+|port\s+|border\s+)?(?:town|port|village|coast|seaside|resort)\s+of)\b"
)
# "Gaza's civil defence said", "Ukraine's air force": a source, not where it happened
_POSSESSIVE_SPEAKER = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,2}?(?:civil\s+defen[cs]e|ministry|governor|mayor|authorities|officials?|"
    r"police|air\s+force|military|army|spokes\w+|emergency\s+services?|health\s+\w+|"
    r"embass\w+|consul\w+|diplomatic)\b",
    re.IGNORECASE,
)
# "drones on their way to Israel", "sirens sounding in Tel Aviv": not where anything happened
_NOT_THERE_LEFT = re.compile(
    r"(?:\b(?:on\s+(?:their|its|the)\s+way\s+to|en\s+route\s+(?:to|for|vers|pour)|à\s+destination\s+d[e'’]|"
    r"head(?:ing|ed)\s+(?:to|for|towards?)|"
    r"(?:fle\w+|fuyant|fui|réfugiés?|refugees?)\s+(?:[\w-]+\s+){0,4}?(?:into|to|vers|en|au|aux|in)|"
    r"(?:fled|fleeing|ont\s+fui|a\s+fui|fuyant)\s+(?:(?:west|east|north|south|western|eastern|northern|southern)\s+)?|"
    r"(?:war|guerre|conflict|conflit|invasion)\s+(?:in|en|au|of|de|d['’]|du)\s*(?:la\s+|le\s+|l['’])?)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"|\b(?:sirens?|sirènes?)\b[^.;,]{0,30})$",
    re.IGNORECASE,
)
# where something was said, agreed or travelled through, not where anything happened
_ELSEWHERE_LEFT = re.compile(
    r"(?:\b(?:said|says|told|announced|declared|stated|spoke|speaking|a\s+(?:déclaré|annoncé|affirmé|indiqué)|"
    r"ont\s+(?:déclaré|annoncé|affirmé)|déclaré|diffusée?)\s+(?:on\s+\w+\s+|\w+\s+)?(?:in|à|at|from|depuis)"
    r"|\b(?:agreed|signed|negotiated|brokered|convened|held|conclu|signé|négocié|réuni)\w*\s+(?:in|at|à|en)"
    r"|\b(?:talks|summit|meeting|conference|sommet|réunion|pourparlers|négociations|communiqué|statement|"
    r"press\s+conference|conférence\s+de\s+presse)\s+(?:[\w'’-]+\s+){0,2}?(?:in|at|à|en)"
    r"|\b(?:partis|parti|left|gone|went)\s+(?:combattre|se\s+battre|faire\s+le\s+jihad|(?:to\s+)?fight)\s+(?:en|à|au|aux|in)"
    r"|\b(?:alert\w*|inform\w*|notif\w*|contact\w*|prévenu|alerté\w*)\s+(?:[\w'’-]+\s+){0,4}?(?:officials?|responsables?|"
    r"authorities|autorités|diplomats?|diplomates?)\s+(?:in|à|at)"
    r"|\b(?:(?:est|sont|était|étaient|serait|seraient)\s+(?:arrivée?s?|venue?s?|passée?s?|entrée?s?|rentrée?s?)|transité|"
    r"travell?ed|arrived|emigrated|émigrée?s?|immigrated)\s+(?:[\w'’-]+\s+){0,4}?(?:en|à|au|aux|in|to|from|par|via|through|into)"
    r"(?:\s+l['’]île\s+(?:\w+\s+)?de|\s+the\s+island\s+of)?)"
    r"\s+(?:the\s+|la\s+|le\s+|l['’])?(?:[A-ZÀ-Ý][\w'’-]+\s+(?:and|et|,)\s+(?:the\s+|la\s+|le\s+|l['’])?)?$",
    re.IGNORECASE,
)
_OFFICIALS_IN = re.compile(
    r"\b(?:officials?|responsables?|authorities|autorités|diplomats?|diplomates?|leaders?|dirigeants?|government|"
    r"gouvernement|ministry|ministère|spokes(?:man|woman|person)|porte-parole)\s+(?:[\w'’-]+\s+){0,3}?(?:in|à|at)\s+$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:said|says|told|announced|declared|condemned|denied|confirmed|a\s+(?:déclaré|annoncé|affirmé|indiqué|"
    r"condamné|dénoncé|démenti|confirmé)|ont\s+(?:déclaré|annoncé|affirmé|condamné|dénoncé))\b",
    re.IGNORECASE,
)
_CONTINENT = re.compile(
    r"(?:africa|afrique|europe|asia|asie|america|amérique|middle\s+east|moyen-orient|oceania|océanie|"
    r"latin\s+america|amérique\s+latine|west|occident)$",
    re.IGNORECASE,
)
# "au sud du Caire", "370 km southwest of Mogadishu": a reference point, whatever came before
_DIRECTION_OF = re.compile(
    r"(?:nord|sud|est|ouest|north|south|east|west)(?:-?\w+)?\s+(?:de|d['’]|du|of)\s*(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
# "Tanta, dans le delta du Nil", "Kuneitra, sur le plateau du Golan", "al-Jalaa camp in western
# Aden", "Sheikh Zuweid in North Sinai": the setting of the place before, not another place
_DISTRICT_OF = re.compile(
    r"^\s+(?:district|province|region|governorate|county|oblast|raion|neighbou?rhood|quarter)\s+(?:of|de|du|d['’])\s*(?:the\s+)?"
    r"(?:(?:west|east|north|south|western|eastern|northern|southern|central)\s+)?$"
)
_SETTING = re.compile(
    r"^(?:\s+(?:air\s+|military\s+|army\s+|naval\s+)?(?:camp|base|district|neighbou?rhood|quartier|area|town|city|village|province|region))?"
    r"(?:\s*,\s*|\s+)(?:dans|sur|en|in|on|at|à)\s+"
    r"(?:(?:le|la|l['’]|les|the)\s+(?:[\w-]+\s+){0,2}?(?:de|du|d['’]|des|of)\s*(?:la\s+|l['’]|le\s+|the\s+)?"
    r"|(?:the\s+)?(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|"
    r"southeastern|southwestern)\s+)?(?:la\s+|le\s+|l['’]|les\s+|the\s+)?$",
    re.IGNORECASE,
)
_QUOTE_OPEN = re.compile(r"[«“\"‘]\s*$")
_QUOTE_CLOSE = re.compile(r"^\s*[»”\"’]")
_ROUTE_LEFT = re.compile(
    r"\b(?:liaisons?|routes?|roads?|highways?|axes?|autoroutes?|trajets?|lignes?|ligne\s+ferroviaire|railway|"
    r"voyage|journey|trip|ferry|bateau|boat)\b[^.;]{0,40}\b(?:entre|between|reliant|linking)\s+"
    r"(?:l['’]|le\s+|la\s+|the\s+)?(?:[\w'’-]+\s+(?:et|and)\s+(?:l['’]|le\s+|la\s+|the\s+)?)?$",
    re.IGNORECASE,
)
_PLURAL_REGIONS = re.compile(
    r"\b(?:régions|provinces|districts|gouvernorats|oblasts|regions|governorates|areas)\s+(?:de|d['’]|du|des|of)\s+"
    r"(?:[^.;]{0,40}(?:,|\bet\b|\band\b)\s*)?(?:la\s+|le\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)
_DESCRIBED_AS = re.compile(
    r"^\s*,\s*(?:(?:a|an|the|une?|la|le|l['’])\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:city|town|village|port|capital|hub|stronghold|district|region|province|territory|area|airport|base|"
    r"ville|localité|bourgade|capitale|bastion|fief|commune|territoire|quartier|région|zone|aéroport)"
    r"(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:on|in|of|near|at|dans|de|du|d['’]|sur|près\s+de|au|en)\s*(?:[\w'’.-]+\s+){0,6}?(?:the\s+|la\s+|le\s+|l['’])?$"
    r"|^\s*,\s*(?:in|dans)\s+(?:the|la|le|l['’])\s*(?:[\w'’-]+\s+){0,2}(?:territory|district|province|region|territoire|région)\s+"
    r"(?:of|de|du|d['’])\s*(?:[\w'’.-]+\s+){0,6}?(?:the\s+|la\s+|le\s+|l['’])?$",
    re.IGNORECASE,
)
# "fired from territory controlled by separatists near the villages of X and Y"
_FAR_ORIGIN = re.compile(
    r"\b(?:fired|launched|tirée?s?|lancée?s?)\s+(?:from|depuis)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]|des\s+)?"
    r"(?:territory|territoire|areas?|zones?|positions?|régions?|regions?)\b[^.;]{0,60}\b(?:near|près\s+d[e'’]|around|in|dans|à)\s+"
    r"(?:the\s+|les?\s+|la\s+|l['’])?(?:(?:villages?|towns?|city|area|localités?|villes?)\s+(?:of|de|d['’])\s*)?$",
    re.IGNORECASE,
)
_OFF_COAST = re.compile(
    r"^\s*,?\s*(?:au\s+large\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])|off(?:\s+the\s+coast\s+of)?\s+|"
    r"près\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|d['’])|near\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
_TITLE_OF = re.compile(
    r"\b(?:président|president|gouverneur|governor|maire|mayor|ministre|minister|chef|head|leader|préfet|prefect|"
    r"porte-parole|spokes\w+)\s+(?:[\w-]+\s+){0,2}?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+the\s+|of\s+)"
    r"(?:(?:région|region|province|state|état|oblast|ville|city)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|d['’]|of\s+)?)?$",
    re.IGNORECASE,
)
_LOCATED_AT = re.compile(r"\b(?:située?s?|situé|located|lying|which\s+lies|qui\s+se\s+trouve)\b", re.IGNORECASE)
_DISTANCE_FROM = re.compile(
    r"\b(?:\d+|une?\s+\w+|quelques|some|about|around)\s*(?:de\s+|d['’])?(?:km|kilomètres|kilometres|kilometers|miles)\s+"
    r"(?:au\s+|à\s+l['’])?(?:[\w-]+\s+)?(?:de|d['’]|du|of|from)\s*(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
_BREAKDOWN = re.compile(
    r"\b(?:notamment|en\s+particulier|dont|including|in\s+particular|among\s+them)\b"
    r"|^\s*(?:les|the|ces|these)\s+(?:tirs|frappes|strikes|attaques|attacks|assaillants|attackers|raids|bombardements)\b",
    re.IGNORECASE,
)
_ARTICLES = frozenset({"la", "le", "les", "l", "the", "al", "el", "un", "une", "a", "de", "du", "des"})
_COMPOUND_BEFORE = re.compile(r"\b(?:pro|anti|ex|post|pré|pre)-$|\bG\d+\s+$", re.IGNORECASE)
_REGION_LEFT = re.compile(
    r"\b(?:bande|province|région|region|governorate|gouvernorat|oblast|district|état|state|"
    r"territoire|wilaya|préfecture)\s+(?:de\s+|d['’]|du\s+|of\s+)(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
_REGION_RIGHT = re.compile(
    r"^\s+(?:Strip|province|Province|region|Region|governorate|Governorate|oblast|Oblast|"
    r"district|District|state|State)\b"
)
_BORDER_LEFT = re.compile(
    r"\b(?:frontières?|borders?|frontaliers?)\s+(?:avec|with|of|de|du|d['’])\s*(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
# "de/of" after a noun that is not a place word: an owner, not a location
_GENITIVE_LEFT = re.compile(
    r"\b(?!(?:nord|sud|est|ouest|centre|région|province|ville|territoire|capitale|côte|frontière|"
    r"north|south|east|west|centre|center|region|province|city|territory|capital|coast|outskirts|"
    r"environs|banlieue|parts?|partie|reste|rest|whole|ensemble)\b)[^\W\d]{3,}\s+"
    r"(?:de|d['’]|du|des|of)\s*(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
_LOCATOR = re.compile(
    r"^\s*(?:,\s*(?:(?:à\s+)?(?:(?:about|some|around|environ|quelque|à\s+peine|roughly)\s+)?(?:\d+|une?\s+\w+)\s*(?:km|kilomètres|kilometres|miles)\s+(?:au\s+)?(?:\w+\s+)?(?:de|d['’]|du|of)|"
    r"(?:au\s+|à\s+l['’])?(?:nord|sud|est|ouest|north|south|east|west)(?:-\w+)?(?:west|east|ouest|est)?\s+(?:de|d['’]|du|of)|"
    r"près\s+d[e'’]|near|outside|aux\s+abords\s+d[e'’]|not\s+far\s+from|non\s+loin\s+d[e'’]|"
    r"(?:in|dans)\s+(?:an?|une?)\s+(?:area|zone|secteur|region|région)\s+(?:near|close\s+to|près\s+d[e'’]|proche\s+d[e'’]))|"
    r"(?:near|près\s+d[e'’]|outside))\s*(?:la\s+|l['’]|le\s+|the\s+)?$",
    re.IGNORECASE,
)
# "Kiev et Moscou s'accusant", "Kyiv and Moscow accused each other": governments, not places
_ACCUSING_RIGHT = re.compile(
    r"^(?:\s*(?:,|et|and)\s*(?:l['’]|le\s+|la\s+|the\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}\s*,?\s+"
    r"(?i:(?:se\s+sont\s+|s['’]|ont\s+|have\s+|has\s+|had\s+)?(?:mutuellement\s+)?"
    r"(?:accus\w*|rejet\w*\s+(?:mutuellement|la\s+responsabilité)|blam\w*|trad\w+\s+(?:blame|accusations)))"
)
_CALLED_RIGHT = re.compile(
    r"^\s+(?:called|calls|described|describes|termed|dubbed|a\s+qualifié|qualifie)\b",
    re.IGNORECASE,
)
_LINKING_LEFT = re.compile(
    r"\b(?:linking|connecting|joining|links|connects|reliant|relie|relient)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE
)
_APPOSITION = re.compile(r"^\s*,\s*(?:dans\s+l['’]|in\s+)?$", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\b(?:et|and|ou|or|puis|then|ainsi\s+que|as\s+well\s+as)\b", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}$")
_RELATIVE_GAP = re.compile(
    r",\s*(?:qui|which|that|lequel|laquelle)\s+(?!a\s+été|ont\s+été|was|were)|"
    r"\b(?:linking|connecting|joining|reliant|qui\s+relie)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Roles:
    targets: list[tuple[Place, int, int]] = field(default_factory=list)
    bases: list[tuple[Place, int, int, Trigger | None]] = field(default_factory=list)
    origins: list[tuple[Place, int, int]] = field(default_factory=list)
    accused: list[tuple[int, int]] = field(default_factory=list)  # not places, may be actors
    actor_spans: list[tuple[int, int]] = field(default_factory=list)
    other_spans: list[tuple[int, int]] = field(default_factory=list)
    modifier_spans: list[tuple[int, int]] = field(default_factory=list)  # may name actors


def _not_a_place(
    mention: str,
    left: str,
    right: str,
    start: int,
    end: int,
    triggers: Sequence[Trigger],
    weapons: Sequence[WeaponMention],
) -> bool:
    """Mentions that cannot be the place of an event, whatever the gazetteer says.

    An adjective compound ("Iran-backed", "US-led", "pro-Russian"); a span with no capitalised
    word but articles ("La défense antiaérienne", "Les roquettes"): names of places are
    capitalised in French and English; a span inside a violent trigger or a weapon. A
    country that modifies a noun ("the US embassy", "US troops") is not a place either.
    """
    if _COMPOUND_AFTER.match(right) or _COMPOUND_BEFORE.search(left[-8:]):
        return True
    if _MODIFIED_NOUN.match(right) or _POSSESSIVE_SPEAKER.match(right) or _NOT_THERE_LEFT.search(left[-60:]):
        return True
    if _ELSEWHERE_LEFT.search(left[-90:]) or (
        _CONTINENT.match(mention.strip()) and not any(t.kind in MOVES for t in triggers)  # "deploy to the Middle East"
    ):
        return True  # "said in Geneva", "the truce agreed in Moscow", "arrivé en Europe", "in Africa"
    if _OFFICIALS_IN.search(left[-50:]) and _SPEECH_AFTER.match(right):
        return True  # "officials in Kabul said", "le gouvernement, à Nairobi, a condamné"
    if _QUOTE_OPEN.search(left[-3:]) and _QUOTE_CLOSE.match(right):
        return True  # « Tombouctou », "Operation Sindoor": the name of a boat, an operation
    if _ROUTE_LEFT.search(left[-70:]):
        return True  # "la liaison entre Gao et Mopti", "the road between X and Y"
    if _TITLE_OF.search(left[-60:]):
        return True  # "le président de la région du Jubaland", "the governor of Odesa": who speaks
    words = [w for w in re.split(r"[\s'’-]+", mention.strip()) if w[:1].isalpha()]
    cased = [w for w in words if w[:1].lower() != w[:1].upper()]
    if cased and not any(w[:1].isupper() and w.lower() not in _ARTICLES for w in cased):
        return True
    spans = [(t.start, t.end) for t in triggers if t.kind in VIOLENT_KINDS]
    spans += [(w.start, w.end) for w in weapons]
    return any(s <= start and end <= e for s, e in spans)


def assign_roles(
    text: str,
    sentence: Sentence,
    places: Sequence[Place],
    triggers: Sequence[Trigger],
    violent: Sequence[Trigger],
    actors: Sequence[ActorMention],
    weapons: Sequence[WeaponMention] = (),
) -> _Roles:
    roles = _Roles()
    binders = [t for t in triggers if t.kind in VIOLENT_KINDS or t.kind in MOVES]
    previous: tuple[int, bool] | None = None  # end and governed-ness of the previous place
    previous_base: int | None = None  # end of the previous place that a base noun introduced
    previous_place: tuple[int, bool] | None = None  # end of the previous place, finer than a region
    previous_fine: int | None = None  # end of the last place finer than a region
    for place in places:
        start = place.mention.start - sentence.start
        end = place.mention.end - sentence.start
        if start < 0 or end > len(text):
            continue
        left, right = text[:start], text[end:]
        if re.match(r"['’]s\s", right) and any(  # "Baghdad's heavily fortified Green Zone"
            0 <= o.mention.start - sentence.start - end <= 40
            and re.fullmatch(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}", text[end:o.mention.start - sentence.start])
            for o in places if o is not place
        ):
            roles.other_spans.append((start, end))  # "Istanbul's Ataturk airport": the setting
            continue
        if _not_a_place(text[start:end], left, right, start, end, triggers, weapons) or (
            place.feature == "country" and re.match(r"\s+(?:air\s*)?bases?\b", right)  # "a U.S. base in Iraq"
        ):
            roles.other_spans.append((start, end))
            if _MODIFIED_NOUN.match(right) or re.match(r"^\s*(?:['’]s|(?:air\s*)?bases?)\b", right):
                roles.modifier_spans.append((start, end))  # "U.S. troops", "Iran's envoy": who, not where
            continue
        located_after = previous_place
        last_fine = previous_fine
        previous_place = (end, place.feature not in COARSE)
        if place.feature not in COARSE:
            previous_fine = end
        gap = text[located_after[0]:start] if located_after is not None else ""
        if (located_after is not None or _LOCATED_AT.search(left[-90:])) and _DISTANCE_FROM.search(left[-70:]):
            roles.other_spans.append((start, end))  # "Grand-Bassam, à une quarantaine de kilomètres d'Abidjan"
            continue
        if located_after is not None and (
            (_LOCATOR.match(gap) and (located_after[1] or _DIRECTION_OF.search(gap)))
            or (_APPOSITION.match(gap) and place.feature in COARSE and located_after[1])
            or (located_after[1] and _SETTING.match(gap))
            or _DISTRICT_OF.match(gap)  # "the Gwadar district of Balochistan"
            or (last_fine is not None and _DESCRIBED_AS.match(text[last_fine:start]))  # "Mariupol, the port city on ..."
        ):
            # "Camp Taji, north of Baghdad", "El Paso, Texas": where the place before is
            roles.other_spans.append((start, end))
            continue
        governed = (
            has_locative_preposition(left)
            or (  # "send 1,000 troops to Poland", "deploy nuclear weapons to Belarus"
                re.search(r"\b(?:to|into)\s+(?:the\s+)?$", left[-12:]) is not None
                and any(t.kind in MOVES and 0 <= start - t.end <= 40 for t in triggers)
            )
            or any(  # the object of a violent verb: "drones hit Erbil", "a frappé Kyiv"
                0 <= start - t.end <= 25 and _OBJECT_GAP.match(text[t.end:start]) for t in violent
            )
            or (
                previous is not None
                and previous[1]
                and COORDINATION.match(text[previous[0]:start]) is not None
            )
        )
        previous = (end, governed)
        if (
            is_dateline(left, right)
            or _ATTRIBUTION.search(left[-70:])
            or (_SPEAKER_LEFT.search(left[-50:]) and _SAID_RIGHT.match(right))
        ):
            roles.other_spans.append((start, end))
            continue
        if any(a.start <= start and end <= a.end and a.end - a.start > end - start for a in actors):
            roles.other_spans.append((start, end))  # "Islamic Resistance in Iraq"
            roles.modifier_spans.append((start, end))  # the group keeps its name
            continue
        if SPONSOR.search(left[-40:]):
            roles.other_spans.append((start, end))  # "rebels backed by Rwanda"
            continue
        if violent and (
            is_origin(left)
            or _FAR_ORIGIN.search(left[-130:])
            or (roles.origins and COORDINATION.match(text[roles.origins[-1][2]:start]))
        ):
            roles.origins.append((place, start, end))
            continue
        if violent and is_agent(left):
            roles.actor_spans.append((start, end))
            continue
        if _BORDER_LEFT.search(left[-40:]) or (
            place.feature == "country" and _GENITIVE_LEFT.search(left[-40:])
        ):
            roles.other_spans.append((start, end))  # "near the border with Ukraine", "l'ambassade d'Iran"
            continue
        named_actor = (place.feature in ("country",) or any(
            a.start == start and a.end == end for a in actors
        )) and not (start <= 2 and re.match(r"\s*:", right))  # "Niger : 44 civils tués ...": a label
        if named_actor and ACCUSE_LEFT.search(left[-30:]):
            roles.accused.append((start, end))  # "Washington accuse l'Iran": the accused
            continue
        if _LINKING_LEFT.search(left[-50:]):
            roles.other_spans.append((start, end))  # "the Kerch bridge linking Russia to Crimea"
            continue
        if named_actor and _CALLED_RIGHT.match(right):
            roles.other_spans.append((start, end))  # "what Moscow called Ukrainian sea drones"
            continue
        if named_actor and _ACCUSING_RIGHT.match(right):
            roles.other_spans.append((start, end))  # each blames the other: no actor either
            continue
        if named_actor and not governed:
            following = min((t.start for t in binders if t.start >= end), default=len(text))
            possessive = re.match(r"^\s*['’]s\b", right) is not None
            if possessive or not is_passive_between(text[end:following]):
                roles.actor_spans.append((start, end))
                continue
        base_here = place.feature in BASE_FEATURES or is_base_context(left, right) or (
            # "air bases near Kyiv, Kharkiv and Dnipro"
            previous_base is not None and COORDINATION.match(text[previous_base:start]) is not None
        )
        previous_base = end if base_here and place.feature not in BASE_FEATURES else None
        bound = nearest_trigger(binders, start, end, text=text)
        if (
            bound is not None
            and bound.end <= start
            and _RELATIVE_GAP.search(text, bound.end, start)
            and not any(bound.end <= t.start < start for t in binders)
        ):
            bound = None  # "a détruit le pont de Kertch, qui relie la Crimée à la Russie"
        if bound is not None and base_here and SCOPE_BREAK.search(
            text, min(bound.end, end), max(bound.start, start)
        ):
            bound = None  # "... hit PKK targets after soldiers were killed at a base in Iraq"
        if bound is not None and bound.kind in VIOLENT_KINDS:
            roles.targets.append((place, start, end))
        if bound is not None and bound.kind == "withdraw" and governed and not base_here:
            roles.bases.append((place, start, end, bound))  # becomes role OTHER
            continue
        if base_here:
            roles.bases.append((place, start, end, None))
        elif governed:
            trigger = nearest_trigger(
                [t for t in triggers if t.kind == "base" and not in_relative_clause(text, t.start)]
                + [t for t in binders if t.kind in MOVES],
                start,
                end,
            )
            if (
                trigger is not None
                and (bound is None or bound.kind in MOVES or trigger.kind == "base")
                and (trigger.kind in MOVES or abs(trigger.start - start) < 60)
            ):
                roles.bases.append((place, start, end, trigger))
        if not (bound is not None and bound.kind in VIOLENT_KINDS) and not base_here:
            roles.other_spans.append((start, end))
    roles.targets = _drop_containers(roles.targets, text)
    roles.targets = [  # "au-dessus de la mer Rouge, au large de Hodeïda": the coast names where
        item for position, item in enumerate(roles.targets)
        if not (
            item[0].feature == "sea"
            and position + 1 < len(roles.targets)
            and _OFF_COAST.match(text[item[2]:roles.targets[position + 1][1]])
        )
    ]
    roles.bases = _drop_containers(roles.bases, text)
    return roles


_T = TypeVar("_T", tuple[Place, int, int], tuple[Place, int, int, "Trigger | None"])


def _drop_containers(items: list[_T], text: str) -> list[_T]:
    """Drop a country, or a region introduced as one ("dans le nord de la bande de Gaza",
    "in Anbar province"), when a finer place of that country has the same role."""

    countries_with_places = {
        item[0].country for item in items if item[0].feature != "country" and item[0].country
    }

    def coarse(item: _T) -> bool:
        place, start, end = item[0], item[1], item[2]
        return (
            place.feature in COARSE
            or _REGION_LEFT.search(text[max(0, start - 40):start]) is not None
            or _REGION_RIGHT.match(text[end:end + 20]) is not None
        )

    finer = {item[0].country for item in items if not coarse(item) and item[0].country}

    def container(item: _T) -> bool:
        place, start = item[0], item[1]
        if place.feature == "country":
            return place.country in countries_with_places
        if coarse(item) and place.country in ("", "XX") and any(not coarse(o) for o in items):
            return True  # "déployés au Sahel, dont un contingent à Niamey"
        if not any(  # "... dans la région de Ménaka, après la mort de trois militaires près de Hombori": two events
            not coarse(o) and o[0].country == place.country
            and (o[1] < start or not SCOPE_BREAK.search(text, item[2], o[1]))
            for o in items
        ):
            return False
        if not coarse(item) or place.country not in finer:
            return False
        if _CONTAINER_LEFT.search(text[max(0, start - 60):start]) is None:
            return False
        end = item[2]
        if _PLURAL_REGIONS.search(text[max(0, start - 60):start]) or any(
            o[1] >= end and COORDINATION.match(text[end:o[1]]) for o in items
        ):
            return False  # "dans les régions de Metina, Hakurk et Gara": a list of siblings
        before = [o for o in items if o[2] <= start and not coarse(o) and o[0].country == place.country]
        # "à Kharkiv et dans la région de Lviv": a second target, not Kharkiv's region
        return not (before and _CONJUNCTION.search(text[before[-1][2]:start]))

    return [item for item in items if not container(item)]


def anaphoric_targets(text: str, index: int, context: ArticleContext) -> list[tuple[Place, int, int]]:
    """'Des drones ont visé cette base': the last base (or town) named shortly before."""
    match = _ANAPHOR.search(text)
    if match is None:
        return []
    noun = (match.group("noun") or "town").lower()
    if noun in ("zone", "area", "secteur") and not re.search(
        r"\b(?:dans|in|sur|on|into|across|over|au-dessus\s+de|near|près\s+de)\s+$", text[: match.start()], re.IGNORECASE
    ):
        return []  # "la zone est le théâtre d'opérations du JNIM": not a place struck
    wants_base = noun in (
        "base", "installation", "garnison", "garrison", "outpost", "facility"
    )
    struck = {id(e.place) for e in context.events if e.role is Role.TARGET and e.place is not None}
    recent = [
        (place, is_base) for sentence_index, place, is_base in reversed(context.recent_places)
        if index - sentence_index <= COREF_DISTANCE
    ]
    if not wants_base:  # "Another strike hit the camp": a place struck just before first
        for place, _ in recent:
            if id(place) in struck and place.feature not in COARSE:
                return [(place, match.start(), match.end())]
    for place, is_base in recent:
        if is_base == wants_base or (not wants_base and place.feature not in COARSE):
            return [(place, match.start(), match.end())]
    return []


def scene_targets(
    text: str, violent: Sequence[Trigger], index: int, context: ArticleContext
) -> list[tuple[Place, int, int]]:
    """"L'armée a lancé une opération dans le camp de Jénine. Des frappes de drones ont visé
    plusieurs bâtiments": strikes told without a place happen where the sentence before,
    which told no event of its own, set the scene."""
    if index == 0 or any(sentence_of_event(context, e) == index - 1 for e in context.events):
        return []
    previous = context.sentences[index - 1]
    scene = [
        place for i, place, is_base in context.recent_places
        if i == index - 1 and not is_base and place.feature not in COARSE
        and has_locative_preposition(previous.text[: place.mention.start - previous.start])
    ]
    if len(scene) != 1 or not any(t.kind != "intercept" for t in violent):
        return []
    kinds: dict[str, Trigger] = {}
    for trigger in violent:  # "des frappes de drones ... et des affrontements": one event each
        if trigger.kind != "intercept":
            kinds.setdefault("battle" if trigger.kind == "battle" else "strike", trigger)
    return [(scene[0], t.start, t.end) for t in kinds.values()]


def nearest_trigger(
    triggers: Sequence[Trigger],
    start: int,
    end: int,
    *,
    kinds: Sequence[str] | None = None,
    text: str | None = None,
) -> Trigger | None:
    """The trigger closest to a place; one before it is preferred, one across a clause
    break ("en représailles à l'attaque de ...") only as a last resort."""
    best: tuple[float, Trigger] | None = None
    for trigger in triggers:
        if kinds is not None and trigger.kind not in kinds:
            continue
        if trigger.end <= start:
            distance: float = start - trigger.end
        elif trigger.start >= end:
            distance = (trigger.start - end) * 1.5 + 5
            if text is not None and AND_VERB.search(text, end, trigger.end):
                distance += 100  # "near Kfar Kila and fired rockets at Metula": the next verb's own clause
        else:
            distance = 0
        if text is not None and distance and SCOPE_BREAK.search(
            text, min(trigger.end, end), max(trigger.start, start)
        ):
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, trigger)
    return best[1] if best else None


def refine_regions(context: ArticleContext) -> list[Event]:
    """"... des positions dans le Kurdistan irakien, faisant 13 morts. Les tirs ont notamment visé
    Koya": a region the next sentence breaks down into places is not an event of its own; its
    toll and munitions go to the first of those places."""
    events = list(context.events)
    dropped: set[int] = set()
    for i, coarse in enumerate(events):
        if coarse.place is None or coarse.role is not Role.TARGET or not coarse.is_violent:
            continue
        at = coarse.place.mention.start - coarse.sentence.start
        if coarse.place.feature not in ("admin1", "admin2", "region") and not (
            0 <= at <= len(coarse.sentence.text)
            and _REGION_LEFT.search(coarse.sentence.text[max(0, at - 40):at])  # "la région de Tahoua"
        ):
            continue
        index = sentence_of_event(context, coarse)
        if index + 1 >= len(context.sentences) or not _BREAKDOWN.search(context.sentences[index + 1].text):
            continue
        finer = [
            j for j, e in enumerate(events)
            if e.place is not None and e.role is Role.TARGET and e.place.feature not in COARSE
            and e.place.country == coarse.place.country and sentence_of_event(context, e) == index + 1
            and e.status is coarse.status
        ]
        if not finer:
            continue
        first = events[finer[0]]
        carried = {
            name: getattr(coarse, name) for name in ("fatalities", "injuries", "weapon", "quantity", "actor")
            if getattr(first, name) is None and getattr(coarse, name) is not None
        }
        if carried.get("weapon"):
            sub = SUB_EVENT_BY_WEAPON.get(carried["weapon"])
            if sub is not None and first.event_type == EXPLOSIONS:
                carried["sub_event_type"] = sub
        events[finer[0]] = replace(first, **carried)
        for j in finer[1:]:
            if events[j].weapon is None and coarse.weapon is not None:
                events[j] = replace(events[j], weapon=coarse.weapon, sub_event_type=events[finer[0]].sub_event_type)
        dropped.add(i)
    return [e for i, e in enumerate(events) if i not in dropped]


def drop_article_containers(events: list[Event]) -> list[Event]:
    """A country event that a finer event of the same type, day and status already covers."""
    finer = {
        (e.role, e.event_type, e.place.country, e.date, e.status)
        for e in events
        if e.place is not None and e.place.feature not in COARSE and e.place.country
    }
    return [
        e for e in events
        if e.place is None
        or e.place.feature != "country"
        or (e.role, e.event_type, e.place.country, e.date, e.status) not in finer
    ]
