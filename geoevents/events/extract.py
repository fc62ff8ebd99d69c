"""Sentences + resolved places -> events with ACLED-style metadata.

Only sentences with a cue (trigger, weapon, base word) or a casualty statement get any work;
everything is compiled regexes. Per sentence:

1. weapons, triggers (ambiguous verbs need a weapon in the sentence or the one before),
   dates, quantities, actors, casualties;
2. each place gets a role: origin ("tirés depuis l'Iran"), actor (a country or capital
   with no preposition: "L'Iran a lancé", "Washington accuse"; an agent "par l'Iran"),
   base (base noun, stationing clause, base feature), target (a place whose nearest
   trigger is violent); datelines, sources ("selon le gouverneur de X") and places inside
   an actor's name ("Islamic Resistance in Iraq") are nothing;
3. each target is bound to its nearest violent trigger (one before the place preferred);
   the event type comes from the trigger kind and the weapon; quantity and weapon are read
   in the stretch of text between the neighbouring targets, so "11 missiles à A, et un
   autre à B" gives 11 to A and 1 to B; the first count of the stretch wins ("une vingtaine
   de roquettes et plusieurs drones");
4. containers: a country or region is dropped when a finer place of the same country has
   the same role in the sentence ("Ain al-Assad, en Irak"), or, across the article, the same
   event type and date;
5. coreference for the simple cases: actor, date and weapon of a target that has none come
   from up to two sentences back; "cette base" / "this base" points at the last base;
   casualty counts in a sentence with no event go to the previous events (a "none" to each,
   a count to the first, or to those in the country a demonym names: "côté israélien");
   a claim or blame sentence ("L'EI a revendiqué l'attaque", "He blamed al-Shabaab") names
   the actor of the previous events unless it is denied.
6. an event that has not happened (future, hypothetical) has no date; a negated one keeps
   only a date of its own sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from ..model import Article, Event, Evidence, Place, Role, Sentence, Status
from .actors import STATE_COUNTRY, ActorMention, find_actors
from .casualties import CasualtyMention, find_casualties
from .dates import DateSpan, find_dates
from .merge import merge_events
from .quantities import NUMBER_PATTERN, QuantityMention, find_quantities, parse_number
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

_VIOLENT_KINDS = frozenset({"strike", "attack", "battle", "explosion", "intercept"})
_MOVES = frozenset({"deploy", "withdraw"})
# matched against the lower-cased sentence (faster than IGNORECASE)
_CASUALTY_CUE = re.compile(
    r"\b(?:tu[ée]|tuant|morts?\b|mortes|bless|décè|décéd|péri|victime|traumat|kill|dead|died|"
    r"death|toll|bilan|injur|wound|hurt|casualt|fatalit)|قتل|قتيل|جرح|مصاب|إصاب|ضحايا|خسائر|مصرع"
)
_CLAIM_CUE = re.compile(
    r"\b(?:(?P<claim>revendiqu\w*|claim\w*|reconnu\s+avoir|admi(?:tted|ts)\s+(?:to\s+|carrying\s+out|conducting)|acknowledged)|"
    r"(?P<blame>blam\w+|attribu\w+|accus\w+|imput\w+))",
    re.IGNORECASE,
)
_DENIES_WORDS = r"dément\w*|démenti\w*|nie|nient|nié\w*|denied|denies|denying"
_NO_CLAIM_PHRASES = (
    r"\bn['’](?:a|ont)\s+pas\s+(?:encore\s+)?(?:été\s+)?revendiqu|\bnot\s+(?:yet\s+)?(?:been\s+)?claimed|"
    r"\b(?:did|has|have)\s+not\s+(?:yet\s+)?claim|\bno\s+(?:group|one)\s+(?:has\s+)?(?:yet\s+)?claimed|\baucun\s+groupe\s+n['’]a"
)
_DENIAL = re.compile(rf"\b(?:{_DENIES_WORDS}|rejet\w+|rejected)\b|{_NO_CLAIM_PHRASES}", re.IGNORECASE)
_SPONSOR = re.compile(
    r"(?:soutenue?s?\s+par|backed\s+by|supported\s+by|liée?s?\s+à|proches?\s+de|affiliée?s?\s+à|"
    r"pro-)\s*(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$",
    re.IGNORECASE,
)
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
_CIVILIAN_CUE = re.compile(
    r"\b(?:civils?|civilians?|villageois|villagers?|habitants|residents|fidèles|worshippers|"
    r"passants|marché|market|école|school|élèves|pupils|femmes|women|enfants|children|"
    r"réfugiés|refugees|déplacés|foule|crowds?|concertgoers|spectat\w+|shoppers|passengers|passagers|"
    r"worshippers|pilgrims|pèlerins|students|étudiants|patients|journalists?|journalistes?|"
    r"people|personnes|persons|shoppers|fêtards|revellers|fidèles|farmers|agriculteurs|paysans|"
    r"herders|éleveurs|fishermen|pêcheurs|mourners|aid\s+convoy|humanitarian|humanitaire|convoi\s+d['’]aide|"
    r"mosquée|mosque|église|church|synagogue|hôtel|hotel|restaurant|café|wedding|mariage|funérailles|"
    r"funeral|prières?|prayers?|hôpital|hospital|clinique|clinic|concerts?|festival|stade|stadium|"
    r"théâtre|theatre|theater|centre\s+commercial|mall|plage|beach|baigneurs|bathers|beachgoers|clients|customers|"
    r"lycée|collège|université|university|college|professeurs?|teachers?|enseignants?|musée|museum|"
    r"basilique|cathédrale|cathedral|temple|chapelle|chapel|sanctuaire|shrine|monastère|monastery|"
    r"humanitaires|aid\s+workers?|ONG|NGO|chauffeur|driver|"
    r"tourists?|touristes?|vacanciers|holidaymakers|diners|guests|invités|protesters|manifestants|passers-by|"
    r"commuters|voyageurs|travell?ers|spectateurs|fans|supporters|bus|minibus)\b",
    re.IGNORECASE,
)
# terror attacks and massacres are against civilians unless a weapon says otherwise
_TERROR = re.compile(r"attentat|massacr|terror|ramm|foule|crowd|bélier", re.IGNORECASE)
_DEFENSIVE = re.compile(
    r"\b(?:repel\w*|repuls\w*|repouss\w*|fend\w*\s+off|fought\s+off|beat\s+back|resist\w*|"
    r"résist\w*|déjou\w*|foil\w*|thwart\w*|intercept\w*)\b",
    re.IGNORECASE,
)
_VICTIM_CUE = re.compile(
    r"\b(?:tu[ée]s?|tuée?s|blessée?s?|killed|wounded|injured|died|morts?|échapp\w*|escaped|"
    r"survived|survécu|visée?s?\s+par|targeted\s+by)\b",
    re.IGNORECASE,
)
_FORCE_NOUNS = (
    r"troupes|troops|soldats|soldiers|militaires|forces|marines|service\s*members|personnel|"
    r"bases?|outposts?|avant-postes?|garrisons?|garnisons?|contingents?"
)
_FORCE_BEFORE = re.compile(
    rf"\b(?:{_FORCE_NOUNS})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+the\s+|of\s+)?$",
    re.IGNORECASE,
)
_FORCE_AFTER = re.compile(rf"^(?:\s+[\w-]+)?\s+(?:{_FORCE_NOUNS})\b", re.IGNORECASE)
_ANAPHOR = re.compile(
    r"\b(?:(?:cette|ce|cet|la\s+même|le\s+même|ladite|ledit|this|that|the\s+same|the|le|la)\s+(?P<noun>base|installation|garnison|"
    r"garrison|outpost|facility|ville|localité|city|town|village|camp|zone|area|secteur)"
    r"|(?P<near>nearby|à\s+proximité|aux\s+alentours|in\s+the\s+vicinity))\b",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"^\s*(?:,|et|and|ou|or|puis)\s*(?:l['’]|le\s+|la\s+|les\s+|the\s+)?(?:[\w-]+\s+)?$",
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
_LAUNCHED_BY = re.compile(
    r"\b(?:tirée?s?|lancée?s?|fired|launched)\b[^.;]{0,40}\b(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)
_LAUNCH_PARTICIPLE = re.compile(r"tirée?s?|lancée?s?|fired|launched", re.IGNORECASE)
_RELATIVE_INTERCEPT = re.compile(r"[^.;]{0,30}?\b(?:which|that|qui|lequel|laquelle)\b[^.;]{0,40}$", re.IGNORECASE)
_TOLL_AT = re.compile(r"\s*(?:à|au|aux|in|at|dans)\s+(?:la\s+|le\s+|l['’]|the\s+)?", re.IGNORECASE)
_PLACE_CLAUSE = re.compile(r"\s*,?\s*(?:[^\W\d][\w'’-]*\s+){0,4}[^,;]{0,30}$")
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
_BARE_FORCE = re.compile(
    r"\b(?:l['’]armée(?:\s+de\s+l['’]air)?|l['’]aviation|les\s+(?:forces\s+armées|militaires|soldats|troupes)|"
    r"les\s+forces\s+(?:de\s+(?:défense\s+et\s+de\s+)?sécurité|gouvernementales|régulières)|la\s+police|"
    r"the\s+(?:army|military|air\s+force|armed\s+forces|troops|soldiers|police)|security\s+forces|"
    r"government\s+(?:forces|troops))\b(?!\s+(?:de\s+|du\s+|d['’]|of\s+)?(?-i:[A-ZÀ-Ý]))"
    r"(?!\s+(?:[a-zà-ÿ]+(?:ienne|aise|ane|ine|ique|aque|ite|ote|ise|ère|ale)s?)\b)",
    re.IGNORECASE,
)
_FORCE_WORD = re.compile(r"\b(?:armée|army|military|aviation|air\s+force|troop|troupe|soldat|soldier|forces)", re.IGNORECASE)
_BARE_FORCE_AGENT = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:par|by)\s+(?P<f>l['’]armée|l['’]aviation|les\s+forces\s+armées|the\s+(?:army|military|air\s+force)|security\s+forces)\b",
    re.IGNORECASE,
)
_AGAINST = re.compile(r"\b(?:contre|against|visant|targeting|on|sur|de|of|des|du)\s+$", re.IGNORECASE)
_STATE_BY_COUNTRY = {code: name for name, code in STATE_COUNTRY.items()}
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
_ONE_SIDE = re.compile(r"\b(?:avec|with|contre|against)\s+(?:des\s+|les\s+|the\s+)?(?:combattants|fighters|militants|membres|members)?", re.IGNORECASE)
_QUOTE_OPEN = re.compile(r"[«“\"‘]\s*$")
_QUOTE_CLOSE = re.compile(r"^\s*[»”\"’]")
_ROUTE_LEFT = re.compile(
    r"\b(?:liaisons?|routes?|roads?|highways?|axes?|autoroutes?|trajets?|lignes?|ligne\s+ferroviaire|railway|"
    r"voyage|journey|trip|ferry|bateau|boat)\b[^.;]{0,40}\b(?:entre|between|reliant|linking)\s+"
    r"(?:l['’]|le\s+|la\s+|the\s+)?(?:[\w'’-]+\s+(?:et|and)\s+(?:l['’]|le\s+|la\s+|the\s+)?)?$",
    re.IGNORECASE,
)
_ATTACK_NOUN = re.compile(r"attaques?|attacks?|attentats?", re.IGNORECASE)
_PLURAL_REGIONS = re.compile(
    r"\b(?:régions|provinces|districts|gouvernorats|oblasts|regions|governorates|areas)\s+(?:de|d['’]|du|des|of)\s+"
    r"(?:[^.;]{0,40}(?:,|\bet\b|\band\b)\s*)?(?:la\s+|le\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)
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
_HIT_BY = re.compile(
    r"\b(?P<verb>(?:touch|frapp|vis|épargn|affect)ée?s?|hit|struck|affected|spared)"
    r"\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|des\s+|the\s+|an?\s+)?\Z",
    re.IGNORECASE,
)
_BY_NOUN = re.compile(r"\s+(?:par|by)\s+(?:les\s+|le\s+|la\s+|l['’]|des\s+|the\s+|an?\s+)?", re.IGNORECASE)
_REMAINING_WORD = re.compile(r"remaining|other|autres|restant", re.IGNORECASE)
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
_BACK_TO_ATTACKS = re.compile(
    r"\b(?:l['’]attaque|l['’]attentat|l['’]explosion|(?:les|des|ces|the|these|most\s+of\s+the)\s+(?:attaques|attentats|"
    r"explosions?|attacks?|bombings?|blasts?))\b",
    re.IGNORECASE,
)
_BY_INSTRUMENT = re.compile(r"\b(?:par|by|with|avec|using|au\s+moyen\s+d['’]?e?)\s+(?:des\s+|un\s+|une\s+|les\s+|an?\s+|the\s+)?(?:[\w-]+\s+)?\Z", re.IGNORECASE)
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
_AIRBORNE = re.compile(
    r"\b(?:drones?|missiles?|roquettes?|rockets?|avions?|aéronefs?|appareils?|hélicoptères?|projectiles?|engins?|"
    r"obus|Shahed|chasseurs?|bombardiers?|aircraft|planes?|jets?|helicopters?|UAVs?)\b",
    re.IGNORECASE,
)
_ATTACKERS = (
    r"(?:assaillants?|attaquants?|terroristes?|jihadistes?|kamikazes?|attackers?|assailants?|gunm[ae]n|terrorists?|"
    r"militants?|insurgents?)"
)
_ATTACKERS_KILLED = re.compile(
    rf"(?:\b(?:(?:les|the|all)\s+)?(?:(?P<n>{NUMBER_PATTERN})\s+)?(?:(?:\w+\s+){{0,1}})?{_ATTACKERS}\b[^.;]{{0,80}}?"
    r"\b(?:ont\s+été|were|have\s+been|had\s+been|sont)\s+(?:\w+\s+)?(?:tués|abattus|neutralisés|killed|shot\s+dead|neutrali[sz]ed)"
    rf"|\b(?:tué|tuant|abattu|abattant|neutralisé|killed|killing|shot\s+dead|neutrali[sz]ed)\s+(?:(?P<m>{NUMBER_PATTERN})|les|the|all)\s+"
    rf"(?:(?:\w+\s+){{0,1}}){_ATTACKERS}\b)",
    re.IGNORECASE,
)
_THE_STRIKES = re.compile(r"\b(?:les|ces|the|these)\s+(?:tirs|frappes|strikes|bombardements|raids)\Z", re.IGNORECASE)
_PERIOD_AFTER = re.compile(
    rf"\b(?:(?P<n>an?|one|un|une|{NUMBER_PATTERN})\s+(?P<unit>days?|weeks?|jours?|semaines?)\s+(?:after|après)|"
    r"(?P<unit2>au\s+lendemain|the\s+day\s+after))\s+(?:an?|the|un|une|le|la|l['’]|les|des)?\s*(?:[\w'’-]+\s+){0,3}\Z",
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
_SCOPE_BREAK = re.compile(
    r"[;:]|\b(?:after|après(?!-midi)|while|tandis|alors\s+que|but|mais|before|avant|représailles|"
    r"retaliation|in\s+response|en\s+réponse|following)\b",
    re.IGNORECASE,
)
_GENITIVE_DATE = re.compile(r"(?:\bdu|\bof|\bsince|depuis|\bd['’])\s*$", re.IGNORECASE)
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
_ACCUSE_LEFT = re.compile(r"\b(?:accus\w*|blam\w*|soupçonn\w*|suspect\w*)\s+(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$", re.IGNORECASE)
_ACCUSED_GAP = re.compile(r"^\s+(?:d['’]avoir|de|d['’]|of|for)\s*(?:[\w'’]+\s+){0,2}$", re.IGNORECASE)
_OTHER_BASE = re.compile(r"\b(?:bases?|camps?|garrisons?|garnisons?|outposts?|et|and)\b", re.IGNORECASE)
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
_COREF_DISTANCE = 2  # sentences
_GROUP_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:militant\s+|armed\s+|jihadist\s+|rebel\s+|islamist\s+|shiite\s+|shia\s+)?(?:group|movement|militia)|"
    r"le\s+groupe(?:\s+armé|\s+jihadiste|\s+islamiste)?|le\s+mouvement(?:\s+islamiste|\s+chiite|\s+armé)?|"
    r"la\s+milice|l['’]organisation|the\s+organi[sz]ation)\b",
    re.IGNORECASE,
)
_SAME_KIND = re.compile(
    r"\b(?:similaires?|similar|same|même|nouvelles?|new|another|autre|second|seconde|deuxième|"
    r"dépôts?|depots?|raffinerie|refinery|installations?\s+(?:pétrolières|énergétiques)|oil|energy)\b",
    re.IGNORECASE,
)
_HITTING = re.compile(r"frapp|struck|strik|hit|détrui|destroy|vis[ée]|target|touch|bombard", re.IGNORECASE)
_ONE_WORD_GAP = re.compile(r"\s+(?:[\w-]+\s+)?$")
_OBJECT_DATE_GAP = re.compile(
    r"(?!\s+(?:by|par)\b)\s*(?:(?:dans\s+la\s+nuit|cette\s+nuit|overnight|hier|yesterday|(?:on\s+)?(?:lun|mar|mercre|jeu|vendre|same|diman)di|"
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?:\s+(?:soir|matin|evening|morning|night))?\s*)?$",
    re.IGNORECASE,
)
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
_HIT_OBJECT_GAP = re.compile(
    r"(?!\s+(?:by|par)\b)\s+(?:(?:the|les|des|le|la|l['’]|its|their|leurs?|ses|\w+\s+(?=\w))?\s*"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)?\s*"
    r"(?:russian|ukrainian|israeli|iranian|russes?|ukrainiens?|israéliens?|iraniens?)?\s*)$",
    re.IGNORECASE,
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
_RELATIVE_GAP = re.compile(
    r",\s*(?:qui|which|that|lequel|laquelle)\s+(?!a\s+été|ont\s+été|was|were)|"
    r"\b(?:linking|connecting|joining|reliant|qui\s+relie)\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\b(?:également|aussi|also|as\s+well|too|de\s+nouveau|à\s+nouveau|again)\b", re.IGNORECASE)
_RETALIATION = re.compile(
    r"\b(?:représailles|riposte|réponse|retaliation|response|revenge|vengeance|après(?!-midi)|after|following)\b", re.IGNORECASE
)
_FORCE_NOUN_LEFT = re.compile(
    r"\b(?:avions?|chasseurs?|bombardiers?|hélicoptères?|drones?|missiles?|roquettes?|navires?|frégates?|"
    r"forces?|troupes?|soldats?|militaires|armée|aviation|marine|artillerie|chars?|unités?|commandos?|"
    r"combattants?|jets?|warplanes?|aircraft|troops|soldiers|ships?)"
    r"(?:\s+(?:de|d['’])\s*(?:chasse|combat|guerre|attaque|élite))?(?:\s+[A-Z0-9-]+)?\s+$",
    re.IGNORECASE,
)
_FORCE_VICTIMS = re.compile(
    r"\b(?:policiers|policemen|police\s+officers|gendarmes|soldiers|soldats|troops|troupes|militaires|"
    r"checkpoints?|postes?\s+de\s+police|commissariats?|police\s+stations?|army\s+posts?|military\s+posts?|"
    r"barracks|casernes?|army\s+positions?|military\s+positions?|positions\s+de\s+l['’]armée)\b",
    re.IGNORECASE,
)
# "repelled an Israeli force ... and fired rockets at Metula": a second verb, its own head
_VERB_CONJUNCTION = re.compile(r"[,;]|\b(?:and|et|then|puis|but|mais)\b", re.IGNORECASE)
_OBJECT_LEFT = re.compile(
    r"\b(?:repel+ed|repulsed|repoussé\w*|attacked|attaqué\w*|ambushed|struck|hit|targeted|visé\w*|"
    r"frappé\w*|killed|tué\w*|captured|capturé\w*|shot\s+down|abattu\w*)\s+(?:an?|the|les?|la|des|une?|l['’])\s*$|"
    # "ont tué hier au moins 12 soldats burkinabè": the victims' nation
    r"\b(?:killed|killing|tué\w*|tuant|wounded|blessé\w*|blessant)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:soldats|soldiers|policiers|policemen|civils|civilians|militaires|troops|troupes|gendarmes)\s+$",
    re.IGNORECASE,
)
_SUBJECT_AND = re.compile(r"^\s*(?:and|et|,)\s*(?:the\s+|les?\s+|la\s+|l['’])?$", re.IGNORECASE)
_AND_VERB = re.compile(r"\b(?:and|et)\s+(?:(?:a|ont|had|have|has|then|puis)\s+)?(?!the\b|les?\b|la\b|des\b)[a-zé]+(?:ed|é|és|ée|ées|ait|aient)\b")
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|told|reported|added|a\s+(?:déclaré|annoncé|indiqué|affirmé|précisé)|"
    r"ont\s+(?:déclaré|annoncé|indiqué|affirmé))\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
_AFTER_END = re.compile(r"\b(?:after|après)$", re.IGNORECASE)
_WHERE = re.compile(r"\s*,?\s*(?:où|where|in\s+which)\b", re.IGNORECASE)
_OF_GAP = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|d['’]|of\s+the|of)\s*$", re.IGNORECASE)
_COUNTER = re.compile(r"ripost|retaliat|respond|répliqu", re.IGNORECASE)
_PITTING = re.compile(r"\b(?:oppos\w+|entre|between|pitting|pitted|involving|impliquant)\b", re.IGNORECASE)
_ALONGSIDE = re.compile(r"\b(?:avec|with|contre|against|aux\s+côtés)\b", re.IGNORECASE)
_RELATIVE_DAY = re.compile(
    r"veille|lendemain|\bday\s+(?:before|earlier|later|after)|jour\s+après|previous\s+day|(?:next|following)\s+day|"
    r"days\s+(?:earlier|later|before)|jours\s+(?:plus|auparavant|avant)",
    re.IGNORECASE,
)
_COARSE = frozenset({"country", "admin1", "region", "admin2"})
_SpanT = TypeVar("_SpanT", QuantityMention, WeaponMention)


@dataclass(slots=True)
class _Context:
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
        for back in range(index - 1, max(-1, index - 1 - _COREF_DISTANCE), -1):
            days = [d.date_start for d in self.dates_of(back) if d.date_start and d.time_precision == 1]
            if days:
                return days[-1]
        return None

    def undated(self) -> bool:
        """Does the article give no date at all? Then what it reports happened on its day."""
        return all(not self.dates_of(i) for i in range(len(self.sentences)))

    def inherited_date(self, index: int, reach: int = _COREF_DISTANCE) -> tuple[DateSpan, Evidence] | None:
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
                if not _SAID_ON.search(said[max(0, d.start - 25):d.start])
                and not _CLAIM_CUE.search(said[max(0, d.start - 25):d.start])  # "a revendiqué samedi l'attaque"
            ]
            if spans:
                span = spans[-1]
                sentence = self.sentences[back]
                return span, _evidence("date", sentence, span.start, span.end)
        return None


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
    lang = lang if lang in ("fr", "en", "ar") else "en"
    by_sentence: dict[int, list[Place]] = {}
    for place in places:
        by_sentence.setdefault(place.mention.sentence, []).append(place)
    context = _Context(article, sentences, lang)
    for index, sentence in enumerate(sentences):
        sentence_places = sorted(by_sentence.get(index, ()), key=lambda p: p.mention.start)
        cue = has_cue(sentence.text, lang)
        casualty_cue = _CASUALTY_CUE.search(sentence.text.lower()) is not None
        base_feature = any(p.feature in BASE_FEATURES for p in sentence_places)
        if cue or casualty_cue or base_feature or _CLAIM_CUE.search(sentence.text):
            _sentence_events(index, sentence, sentence_places, cue, casualty_cue, context)
        else:
            _note_forces(sentence.text, index, (), context)
        context.recent_places.extend(
            (index, p, p.feature in BASE_FEATURES or any(
                e.role is Role.BASE and e.place is p for e in context.events[-8:]
            ))
            for p in sentence_places
        )
    if not context.events:
        return ()
    return merge_events(_drop_article_containers(_refine_regions(context)), within_article=True)


def _evidence(name: str, sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(name, sentence.start + start, sentence.start + end, sentence.text[start:end])


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
        _CONTINENT.match(mention.strip()) and not any(t.kind in _MOVES for t in triggers)  # "deploy to the Middle East"
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
    spans = [(t.start, t.end) for t in triggers if t.kind in _VIOLENT_KINDS]
    spans += [(w.start, w.end) for w in weapons]
    return any(s <= start and end <= e for s, e in spans)


def _assign_roles(
    text: str,
    sentence: Sentence,
    places: Sequence[Place],
    triggers: Sequence[Trigger],
    violent: Sequence[Trigger],
    actors: Sequence[ActorMention],
    weapons: Sequence[WeaponMention] = (),
) -> _Roles:
    roles = _Roles()
    binders = [t for t in triggers if t.kind in _VIOLENT_KINDS or t.kind in _MOVES]
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
        previous_place = (end, place.feature not in _COARSE)
        if place.feature not in _COARSE:
            previous_fine = end
        gap = text[located_after[0]:start] if located_after is not None else ""
        if (located_after is not None or _LOCATED_AT.search(left[-90:])) and _DISTANCE_FROM.search(left[-70:]):
            roles.other_spans.append((start, end))  # "Grand-Bassam, à une quarantaine de kilomètres d'Abidjan"
            continue
        if located_after is not None and (
            (_LOCATOR.match(gap) and (located_after[1] or _DIRECTION_OF.search(gap)))
            or (_APPOSITION.match(gap) and place.feature in _COARSE and located_after[1])
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
                and any(t.kind in _MOVES and 0 <= start - t.end <= 40 for t in triggers)
            )
            or any(  # the object of a violent verb: "drones hit Erbil", "a frappé Kyiv"
                0 <= start - t.end <= 25 and _OBJECT_GAP.match(text[t.end:start]) for t in violent
            )
            or (
                previous is not None
                and previous[1]
                and _COORDINATION.match(text[previous[0]:start]) is not None
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
        if _SPONSOR.search(left[-40:]):
            roles.other_spans.append((start, end))  # "rebels backed by Rwanda"
            continue
        if violent and (
            is_origin(left)
            or _FAR_ORIGIN.search(left[-130:])
            or (roles.origins and _COORDINATION.match(text[roles.origins[-1][2]:start]))
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
        if named_actor and _ACCUSE_LEFT.search(left[-30:]):
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
            previous_base is not None and _COORDINATION.match(text[previous_base:start]) is not None
        )
        previous_base = end if base_here and place.feature not in BASE_FEATURES else None
        bound = _nearest(binders, start, end, text=text)
        if (
            bound is not None
            and bound.end <= start
            and _RELATIVE_GAP.search(text, bound.end, start)
            and not any(bound.end <= t.start < start for t in binders)
        ):
            bound = None  # "a détruit le pont de Kertch, qui relie la Crimée à la Russie"
        if bound is not None and base_here and _SCOPE_BREAK.search(
            text, min(bound.end, end), max(bound.start, start)
        ):
            bound = None  # "... hit PKK targets after soldiers were killed at a base in Iraq"
        if bound is not None and bound.kind in _VIOLENT_KINDS:
            roles.targets.append((place, start, end))
        if bound is not None and bound.kind == "withdraw" and governed and not base_here:
            roles.bases.append((place, start, end, bound))  # becomes role OTHER
            continue
        if base_here:
            roles.bases.append((place, start, end, None))
        elif governed:
            trigger = _nearest(
                [t for t in triggers if t.kind == "base" and not in_relative_clause(text, t.start)]
                + [t for t in binders if t.kind in _MOVES],
                start,
                end,
            )
            if (
                trigger is not None
                and (bound is None or bound.kind in _MOVES or trigger.kind == "base")
                and (trigger.kind in _MOVES or abs(trigger.start - start) < 60)
            ):
                roles.bases.append((place, start, end, trigger))
        if not (bound is not None and bound.kind in _VIOLENT_KINDS) and not base_here:
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
            place.feature in _COARSE
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
            and (o[1] < start or not _SCOPE_BREAK.search(text, item[2], o[1]))
            for o in items
        ):
            return False
        if not coarse(item) or place.country not in finer:
            return False
        if _CONTAINER_LEFT.search(text[max(0, start - 60):start]) is None:
            return False
        end = item[2]
        if _PLURAL_REGIONS.search(text[max(0, start - 60):start]) or any(
            o[1] >= end and _COORDINATION.match(text[end:o[1]]) for o in items
        ):
            return False  # "dans les régions de Metina, Hakurk et Gara": a list of siblings
        before = [o for o in items if o[2] <= start and not coarse(o) and o[0].country == place.country]
        # "à Kharkiv et dans la région de Lviv": a second target, not Kharkiv's region
        return not (before and _CONJUNCTION.search(text[before[-1][2]:start]))

    return [item for item in items if not container(item)]


def _sentence_events(
    index: int,
    sentence: Sentence,
    places: list[Place],
    cue: bool,
    casualty_cue: bool,
    context: _Context,
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
    violent = [t for t in triggers if t.kind in _VIOLENT_KINDS]
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
            _HITTING.match(t.text) and t.end <= w.start and _HIT_OBJECT_GAP.match(text, t.end, w.start)
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

    roles = _assign_roles(text, sentence, places, triggers, violent, actors, weapons)
    if generic:  # and the places it governs ("les attaques contre les navires en mer Rouge")
        roles.targets = [
            (place, start, end) for place, start, end in roles.targets
            if not any(
                0 <= start - g.end <= 60 and not any(g.end <= t.start < start for t in violent)
                for g in generic
            )
        ]
    if violent and not roles.targets:
        roles.targets.extend(_anaphoric_targets(text, index, context) or _scene_targets(text, violent, index, context))
    elif violent and all(_COARSE_LEFT.search(text, max(0, s - 40), s) for _, s, _ in roles.targets):
        # "la mosquée de ce village de la commune de Kokorou": the village told before, in its commune
        anaphoric = _anaphoric_targets(text, index, context)
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
        index - context.last_group[0] <= _COREF_DISTANCE
    ):
        # "les drones ont été lancés depuis X": the strikes of the sentences before
        group = context.last_group[1]
        strikes = [context.events[i] for i in group]
        origin_events = _origin_events(sentence, roles.origins, strikes)
        o_start, o_end = roles.origins[0][1], roles.origins[0][2]
        verb = _nearest(violent, o_start, o_end, text=text)
        status = status_of(text, verb.start, verb.end, lang)[0] if verb is not None else Status.ASSERTED
        if status is Status.ASSERTED:
            for i, event in zip(group, strikes, strict=True):
                context.events[i] = event
        else:  # "les engins n'ont pas été tirés depuis le Yémen"
            origin_events = [
                replace(e, status=status, **_date_fields(None)) for e in origin_events
            ]
        new_events.extend(origin_events)
    else:
        origin_events = _origin_events(sentence, roles.origins, new_events)
        for i, event in enumerate(origin_events):
            # "intercepted two projectiles fired from Gaza": the launch happened
            verb = _nearest(violent, roles.origins[i][1], roles.origins[i][2], text=text)
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
            casualties = _casualties_by_place(sentence, index, casualties, places, context)
        if casualties:
            _attach_casualties(sentence, index, casualties, violent_new, actors, context)
            _none_for_interceptions(index, casualties, new_events, first_new, context)
    disrupted_new = [
        first_new + i for i, e in enumerate(new_events) if e.sub_event_type == DISRUPTED_WEAPONS and e.place
    ]
    if disrupted_new:
        context.last_disrupted = (index, disrupted_new)
    if not violent_new and weapons and not roles.targets:
        _weapon_told_after(text, sentence, index, weapons, context, elaboration=bool(violent))
    if not any(e.is_violent for e in new_events):
        _attackers_killed(text, sentence, index, context)
    if not violent_new and _CLAIM_CUE.search(text):
        if not actors:
            actors = find_actors(text)
        _claimed_actor(text, sentence, index, actors, context)
    _note_forces(text, index, actors, context)
    groups = [a for a in actors if a.actor not in STATE_COUNTRY and a.actor != "Coalition"]
    if groups:
        context.group_actor = (groups[-1].actor, _evidence("actor", sentence, groups[-1].start, groups[-1].end))
    if violent:
        context.last_violent_sentence = index
        subject = _subject_actor(text, violent[0], actor_pool) if violent[0].kind != "intercept" else None
        if subject is not None:
            context.last_actor = (
                index, subject.actor, _evidence("actor", sentence, subject.start, subject.end)
            )
        if weapons:
            context.last_weapon = (index, weapons[0].weapon)
            context.weapon_sets[index] = frozenset(w.weapon for w in weapons)
    for weapon in weapons:
        owner = _weapon_demonym(text, weapon, actor_pool)
        if owner is not None:
            context.weapon_owner[weapon.weapon] = (index, owner.actor, _evidence("actor", sentence, owner.start, owner.end))
    if violent_new:
        context.last_group = (index, violent_new)


def _attackers_killed(text: str, sentence: Sentence, index: int, context: _Context) -> None:
    """"Trois assaillants ont été tués lors de l'intervention des forces ivoiriennes", "the four attackers
    were killed by security forces": the forces' response to an attack just told is an armed clash there."""
    match = _ATTACKERS_KILLED.search(text)
    if match is None or not _FORCE_WORD.search(text):
        return
    recent = [
        i for i in _recent_targets(index, context)
        if context.events[i].event_type in (VAC, EXPLOSIONS) and context.events[i].status is Status.ASSERTED
    ]
    if not recent:
        return
    attack = context.events[recent[0]]
    if attack.place is None or any(
        e.event_type == BATTLES and e.place is not None and e.place.name == attack.place.name for e in context.events
    ):
        return
    number = match.group("n") or match.group("m")
    count = parse_number(number) if number else None
    countries = {a.actor: STATE_COUNTRY[a.actor] for a in find_actors(text) if a.actor in STATE_COUNTRY}
    actor = next(iter(countries), None) or _STATE_BY_COUNTRY.get(attack.place.country or "")
    evidence = (
        _evidence("event_type", sentence, match.start(), match.end()),
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


def _weapon_told_after(
    text: str,
    sentence: Sentence,
    index: int,
    weapons: Sequence[WeaponMention],
    context: _Context,
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
    for i in _recent_targets(index, context):
        event = context.events[i]
        explosive = told.weapon in ("car bomb", "IED", "suicide bomb", "bomb", "landmine")
        if event.weapon is not None or event.event_type not in ((EXPLOSIONS, VAC, BATTLES) if explosive else (EXPLOSIONS, VAC)):
            continue
        changes: dict[str, Any] = {"weapon": told.weapon, "evidence": event.evidence + (
            _evidence("weapon", sentence, told.start, told.end),
        )}
        if sub is not None and (event.event_type == EXPLOSIONS or explosive):
            changes |= {"event_type": EXPLOSIONS, "sub_event_type": sub}
        context.events[i] = replace(event, **changes)


def _anaphoric_targets(text: str, index: int, context: _Context) -> list[tuple[Place, int, int]]:
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
        if index - sentence_index <= _COREF_DISTANCE
    ]
    if not wants_base:  # "Another strike hit the camp": a place struck just before first
        for place, _ in recent:
            if id(place) in struck and place.feature not in _COARSE:
                return [(place, match.start(), match.end())]
    for place, is_base in recent:
        if is_base == wants_base or (not wants_base and place.feature not in _COARSE):
            return [(place, match.start(), match.end())]
    return []


def _scene_targets(
    text: str, violent: Sequence[Trigger], index: int, context: _Context
) -> list[tuple[Place, int, int]]:
    """"L'armée a lancé une opération dans le camp de Jénine. Des frappes de drones ont visé
    plusieurs bâtiments": strikes told without a place happen where the sentence before,
    which told no event of its own, set the scene."""
    if index == 0 or any(_sentence_index(context, e) == index - 1 for e in context.events):
        return []
    previous = context.sentences[index - 1]
    scene = [
        place for i, place, is_base in context.recent_places
        if i == index - 1 and not is_base and place.feature not in _COARSE
        and has_locative_preposition(previous.text[: place.mention.start - previous.start])
    ]
    if len(scene) != 1 or not any(t.kind != "intercept" for t in violent):
        return []
    kinds: dict[str, Trigger] = {}
    for trigger in violent:  # "des frappes de drones ... et des affrontements": one event each
        if trigger.kind != "intercept":
            kinds.setdefault("battle" if trigger.kind == "battle" else "strike", trigger)
    return [(scene[0], t.start, t.end) for t in kinds.values()]


def _nearest(
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
            if text is not None and _AND_VERB.search(text, end, trigger.end):
                distance += 100  # "near Kfar Kila and fired rockets at Metula": the next verb's own clause
        else:
            distance = 0
        if text is not None and distance and _SCOPE_BREAK.search(
            text, min(trigger.end, end), max(trigger.start, start)
        ):
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, trigger)
    return best[1] if best else None


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
        civilians = _CIVILIAN_CUE.search(window) is not None and not forces_hit
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
    context: _Context,
) -> list[Event]:
    text = sentence.text
    out: list[Event] = []
    previous_weapon: str | None = None
    bound = [_nearest(violent, s, e, text=text) for _, s, e in targets]
    intercepts = [t for t in violent if t.kind == "intercept"]
    if intercepts and not _weapons_before_explosions(bound, weapons):
        # "Explosions signalées à Belgorod : la défense antiaérienne a abattu trois missiles"
        bound = [intercepts[0] if t is not None and t.kind == "explosion" else t for t in bound]
    for position, (_, _, end) in enumerate(targets):
        nearest = bound[position]
        if intercepts and nearest is not None:
            bound[position] = _disrupted(nearest, intercepts, text, end)
    for position in range(1, len(targets)):
        # "drones aimed at Dhahran and Jizan": a coordinated place shares the trigger before it
        gap = text[targets[position - 1][2]:targets[position][1]]
        before = bound[position - 1]
        if _COORDINATION.match(gap) and before is not None and before.end <= targets[position - 1][1]:
            bound[position] = before
    # weapons read directly by a target of another trigger are not shared with this one
    direct: list[tuple[Trigger | None, WeaponMention | None]] = []
    for position, (_, start, end) in enumerate(targets):
        lo = targets[position - 1][2] if position else 0
        hi = targets[position + 1][1] if position + 1 < len(targets) else len(text)
        direct.append((bound[position], _pick(weapons, start, end, lo, hi)))
    previous_trigger: Trigger | None = None
    for position, (place, start, end) in enumerate(targets):
        trigger = bound[position]
        assert trigger is not None
        scope_start = targets[position - 1][2] if position else 0
        scope_end = targets[position + 1][1] if position + 1 < len(targets) else len(text)
        # "Kharkiv : un missile a frappé ...", "Explosions signalées à Belgorod : ...": the colon opens the report
        headline = start <= 2 or (start < 60 and ":" not in text[:start] and re.match(r"\s*:", text[end:]) is not None)
        following = [t.start for t in violent if t.start >= end and t is not trigger] + [
            m.start() for m in _SCOPE_BREAK.finditer(text, end, scope_end)
            if not (headline and m.group(0) == ":" and m.start() - end <= 2)
        ]
        scope_end = min([scope_end, *following])
        evidence = [
            _evidence("place", sentence, start, end),
            _evidence("event_type", sentence, trigger.start, trigger.end),
        ]
        quantity, weapon_name, found = _munition(
            text, start, end, scope_start, scope_end, trigger, quantities, weapons, direct,
            previous_trigger, previous_weapon, index, context,
        )
        evidence.extend(_evidence(name, sentence, a, b) for name, a, b in found)
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
            and index - context.last_weapon[0] <= _COREF_DISTANCE
            and _SAME_KIND.search(text, max(0, head.start - 25), min(len(text), head.end + 25))
        ):
            kind_weapon = context.last_weapon[1]  # "une attaque similaire avait visé un dépôt"
        event_type, sub_event_type = _classify(head, kind_weapon, text)
        # "n'a pas été touché par les combats": the hit verb before the agent carries the negation
        by = _HIT_BY.search(text, max(0, trigger.start - 40), trigger.start)
        verb_start, verb_end = by.span("verb") if by is not None else (trigger.start, trigger.end)
        status, cue = status_of(text, verb_start, verb_end, context.lang)
        if cue is not None:
            evidence.append(_evidence("status", sentence, cue[0], cue[1]))
        actor = _actor_for(text, trigger, actors, actor_spans, weapons, context.lang, violent=violent)
        actor_name: str | None = None
        if actor is not None:
            evidence.append(_evidence("actor", sentence, actor.start, actor.end))
            actor_name = actor.actor
        elif context.group_actor is not None and _GROUP_ANAPHOR.search(
            text, clause_start(text, trigger.start), trigger.start
        ):
            actor_name = context.group_actor[0]  # "the group's fighters attacked"
            evidence.append(context.group_actor[1])
        elif (implied := _implied_force(text, trigger, place, context)) is not None:
            actor_name, proof = implied  # "Au Mali, l'armée a frappé ...": the state whose army it is
            evidence.append(_evidence("actor", sentence, proof[0], proof[1]))
        elif (
            (owned := context.weapon_owner.get(weapon_name or kind_weapon or "")) is not None
            and 0 < index - owned[0] <= _COREF_DISTANCE
        ):
            actor_name = owned[1]  # "Poland shot down Russian drones ... a drone crashed into a house"
            evidence.append(owned[2])
        elif (
            trigger.kind == "battle"
            and context.force_state is not None
            and 0 < index - context.force_sentence <= 1
            and status is Status.ASSERTED
            and not _DEFENSIVE.search(text, clause_start(text, trigger.start), trigger.end)
            and _ONE_SIDE.search(text, trigger.end, min(len(text), trigger.end + 60)) is not None
        ):
            # "L'armée israélienne a mené une opération à Gaza. Des combats ont eu lieu avec le
            # Hamas": the forces the story follows are one side
            actor_name = context.force_state
        elif (
            context.last_actor
            and index - context.last_actor[0] <= _COREF_DISTANCE
            and status is Status.ASSERTED
            and not _DEFENSIVE.search(
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
        date_fields = _date_fields(None)
        date = _closest_date(
            [d for d in dates if not _owned_by_other(text, d, trigger, violent)], trigger, start, text
        )
        date_sentence = sentence
        if date is not None and _SAID_ON.search(text[max(0, date.start - 25):date.start]):
            # "26 tués dans l'attaque d'un hôtel, a annoncé samedi le président. Un kamikaze s'est fait
            # exploser vendredi soir ...": the day it was announced yields to the day the next sentence tells
            told = _told_next(index, date, context)
            if told is not None:
                date, date_sentence = told, context.sentences[index + 1]
        cue_match = _RETALIATION.search(text, max(0, trigger.start - 60), trigger.start)
        dropped = date is not None and cue_match is not None and date.end <= cue_match.start() < start
        if dropped:
            date = None  # "tiré samedi ... en représailles aux frappes sur Hodeïda": an earlier strike
        if status in (Status.FUTURE, Status.HYPOTHETICAL):
            pass  # it has not happened: no date
        elif date is not None:
            date_fields = _date_fields(date)
            evidence.append(_evidence("date", date_sentence, date.start, date.end))
        elif status is Status.ASSERTED:
            # "Dans la soirée, ...", "Hours later, ...": the day of the story, however far back it was told
            reach = index if _SAME_DAY.search(text, 0, max(0, trigger.start)) else _COREF_DISTANCE
            inherited = context.inherited_date(index, reach)
            if inherited is not None:
                date_fields = _date_fields(inherited[0])
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
                date_fields = _date_fields(None) | {
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
            target=_target_for(text, trigger, actors, actor_name),
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
                index, actor.actor, _evidence("actor", sentence, actor.start, actor.end)
            )
    return out


def _disrupted(trigger: Trigger, intercepts: Sequence[Trigger], text: str, place_end: int) -> Trigger:
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
            and not _SCOPE_BREAK.search(text, other.end, trigger.start)
        ):
            return other
        if other.start >= place_end and _RELATIVE_INTERCEPT.match(text, place_end, other.start):
            return other
    return trigger


def _weapons_before_explosions(bound: Sequence[Trigger | None], weapons: Sequence[WeaponMention]) -> bool:
    """Is a weapon named before an explosion trigger ("a missile explosion")? Then it is a hit."""
    return any(
        t is not None and t.kind == "explosion" and any(0 <= t.start - w.end <= 20 for w in weapons) for t in bound
    )


def _munition(
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
    context: _Context,
) -> tuple[QuantityMention | None, str | None, list[tuple[str, int, int]]]:
    """Count and weapon of one target, with the (field, start, end) spans that support them.

    In order: a partitive count ("one of which"), the first count of the target's stretch,
    a weapon of the stretch, the weapon of the previous target of the same trigger, the
    closest weapon of the clause not read by a target of another trigger, the weapon of the
    previous sentence for an anaphoric verb ("trois sites ont été visés") or an elliptic
    count ("un autre").
    """
    found: list[tuple[str, int, int]] = []
    if _HITTING.match(trigger.text):
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
        quantity = partitive[-1] if partitive else _pick(quantities, start, end, scope_start, scope_end)
    if quantity is not None:
        found.append(("quantity", quantity.start, quantity.end))
        if quantity.weapon is not None:
            found.append(("weapon", quantity.start, quantity.end))
            return quantity, quantity.weapon, found
    if _HITTING.match(trigger.text):
        # "destroyed four Russian military aircraft": the aircraft were hit, not used
        weapons = [
            w for w in weapons
            if not (w.start >= trigger.end and _HIT_OBJECT_GAP.match(text, trigger.end, w.start))
        ]
    weapon = _pick(weapons, start, end, scope_start, scope_end)
    if weapon is None and previous_trigger is trigger and previous_weapon is not None:
        return quantity, previous_weapon, found  # "air bases near Kyiv, Kharkiv and Dnipro"
    if weapon is None:
        taken = {id(w) for t, w in direct if w is not None and t is not trigger}
        weapon = _closest(
            [w for w in weapons if _same_segment(text, w.start, trigger.start) and id(w) not in taken],
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
        if recent and index - recent[0] <= _COREF_DISTANCE:
            return quantity, recent[1], found
    return quantity, None, found


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
                evidence=event.evidence + (_evidence("origin", sentence, o_start, o_end),),
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
                evidence=(_evidence("place", sentence, start, end),)
                + tuple(e for e in first.evidence if e.field not in ("place", "quantity")),
            )
        )
    return out


def _pick(items: Sequence[_SpanT], start: int, end: int, lo: int, hi: int) -> _SpanT | None:
    before = [q for q in items if lo <= q.start and q.end <= start]
    if before:
        return before[0]
    after = [q for q in items if q.start >= end and q.end <= hi]
    return after[0] if after else None


def _same_segment(text: str, a: int, b: int) -> bool:
    """No clause break ("tandis que", "after", ";" ...) between two offsets."""
    lo, hi = min(a, b), max(a, b)
    return _SCOPE_BREAK.search(text, lo, hi) is None


def _closest(items: Sequence[WeaponMention], trigger: Trigger) -> WeaponMention | None:
    if not items:
        return None
    return min(items, key=lambda w: abs(w.start - trigger.start))


def _owned_by_other(text: str, date: DateSpan, trigger: Trigger, violent: Sequence[Trigger]) -> bool:
    """"Friday's missile strike on Dnipro": a possessive date belongs to the trigger it opens."""
    if not re.match(r"['’]s\b", text[date.end:date.end + 3]):
        return False
    owner = next((t for t in violent if 0 <= t.start - date.end <= 30), None)
    return owner is not None and owner is not trigger


def _closest_date(
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
        penalty = (not _same_segment(text, d.start, trigger.start)) + bool(
            _GENITIVE_DATE.search(text[max(0, d.start - 5):d.start])
        ) + 2 * bool(_SAID_ON.search(text[max(0, d.start - 25):d.start]))  # "a annoncé samedi"
        return penalty, min(abs(d.start - trigger.start), abs(d.start - place_start))

    best = min(dates, key=key)
    for other in dates:  # "on Saturday and Sunday": the story starts on the first
        if other.end <= best.start and re.fullmatch(r"\s*(?:and|et|or|ou)\s*", text[other.end:best.start]):
            return other
    return best


def _told_next(index: int, said: DateSpan, context: _Context) -> DateSpan | None:
    """A day the next sentence gives for the events, earlier than the day something was said."""
    if index + 1 >= len(context.sentences) or said.date_start is None:
        return None
    following = context.sentences[index + 1].text
    for span in context.dates_of(index + 1):
        if (
            span.time_precision == 1
            and span.date_start is not None
            and span.date_start <= said.date_start
            and not _SAID_ON.search(following[max(0, span.start - 25):span.start])
        ):
            return span
    return None


def _date_fields(date: DateSpan | None) -> dict[str, Any]:
    if date is None:
        return {"date": None, "date_start": None, "date_end": None, "time_precision": 4}
    return {
        "date": date.date_start,
        "date_start": date.date_start,
        "date_end": date.date_end,
        "time_precision": date.time_precision,
    }


def _subject_actor(
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
        and not _SPONSOR.search(text[max(0, a.start - 40):a.start])
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
    match = _DEFENSIVE.search(text, lo, trigger.start)
    return match is not None and not _AND_VERB.search(text, match.end(), trigger.end)


def _members_of(left: str) -> bool:
    """'Gunmen from the' before an actor: its fighters (not 'utilisés par des membres du')."""
    match = _MEMBERS_LEFT.search(left)
    return match is not None and not re.search(
        r"(?:\bpar|\bby|contre|against|visant|targeting)\s+(?:des\s+|les\s+|the\s+)?$", left[:match.start()]
    )


def _actor_for(
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
        if a.end <= trigger.start and _ACCUSED_GAP.match(text[a.end:trigger.start]) and _ACCUSE_LEFT.search(
            text[max(0, a.start - 25):a.start]
        ):
            return a
    if trigger.kind == "intercept":
        return _disrupted_owner(text, trigger, actors, weapons, violent)
    if _DEFENSIVE.fullmatch(trigger.text):
        return None  # "Ukrainian troops repelled several assaults": the defender is not the actor
    if lang == "fr" and trigger.kind in ("strike", "attack"):
        # "une frappe israélienne", "un raid russe": the demonym right after the noun
        for a in actors:
            if 0 < a.start - trigger.end <= 1 and a.text[:1].islower():
                return a
    subject = _subject_actor(text, trigger, actors) if trigger.kind != "intercept" else None
    if subject is not None:  # (who intercepts is not the actor of the disrupted attack)
        return subject
    if trigger.kind == "battle":
        # "des affrontements ont opposé l'armée soudanaise aux FSR", "clashes between X and Y"
        lo, hi = trigger.end, len(text)
        stop = _SCOPE_BREAK.search(text, lo)
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
        if (owner := _weapon_demonym(text, weapon, actors)) is not None:
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
    blame = _CLAIM_CUE.search(text, trigger.end)
    if blame is not None and blame.group("blame") and not _DENIAL.search(text):
        return next((a for a in actors if a.start > blame.end() and a.start - blame.end() < 40), None)
    return None


def _weapon_demonym(text: str, weapon: WeaponMention, actors: Sequence[ActorMention]) -> ActorMention | None:
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
        if (owner := _weapon_demonym(text, weapon, actors)) is not None:
            return owner
    for attack in violent:  # "the Houthis claimed an attack on Eilat, which Israel said was intercepted"
        if attack.kind != "intercept" and attack.end <= trigger.start and _RELATIVE_INTERCEPT.match(
            text, attack.end, trigger.start
        ):
            lo = clause_start(text, attack.start)
            return next((a for a in reversed(actors) if lo <= a.start and a.end <= attack.start), None)
    return None


def _note_forces(text: str, index: int, actors: Sequence[ActorMention], context: _Context) -> None:
    """Remember the state whose forces a sentence names ("L'armée israélienne a encerclé ...")."""
    if not _FORCE_WORD.search(text):
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
        or _FORCE_AFTER.match(text[actor.end:actor.end + 30])
        or re.search(r"(?:armée|aviation|army|military|police)\s+$", text[max(0, actor.start - 12):actor.start], re.IGNORECASE)
        or re.match(r"\s+(?:army|military|air\s+force|police)\b", text[actor.end:actor.end + 15], re.IGNORECASE)
    )


def _implied_force(
    text: str, trigger: Trigger, place: Place, context: _Context
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
        or _DEFENSIVE.search(text, match.start(), trigger.end)  # "l'armée affirme avoir repoussé"
        or any(a.start <= 2 for a in find_actors(text[match.end():match.end() + 25]))  # "l'armée russe"
    ):
        return None
    if context.force_state is not None:
        return context.force_state, match.span()
    state = _STATE_BY_COUNTRY.get(place.country or "")
    return (state, match.span()) if state is not None else None


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


def _force_owner(
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
            or _FORCE_AFTER.match(text[a.end:a.end + 30])
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


def _base_event(
    sentence: Sentence,
    place: Place,
    start: int,
    end: int,
    trigger: Trigger | None,
    dates: Sequence[DateSpan],
    actors: Sequence[ActorMention],
    context: _Context,
) -> Event:
    text = sentence.text
    evidence = [_evidence("place", sentence, start, end)]
    status = Status.ASSERTED
    sub_event_type = BASE_ESTABLISHED
    if trigger is not None:
        evidence.append(_evidence("event_type", sentence, trigger.start, trigger.end))
        status, cue = status_of(text, trigger.start, trigger.end, context.lang)
        if cue is not None:
            evidence.append(_evidence("status", sentence, cue[0], cue[1]))
        if trigger.kind in _MOVES:
            sub_event_type = OTHER_DEVELOPMENT
    violent = _violent_triggers(text, context.lang)
    attackers = [
        a.actor for t in violent
        if (a := _subject_actor(text, t, actors)) is not None
        # "attacked U.S. forces at Ain al-Asad, the latest of 40 attacks": the forces attacked
        and not (_FORCE_AFTER.match(text[a.end:a.end + 30]) and any(v.end <= a.start for v in violent))
    ]
    owner = _force_owner(text, actors, start, attackers, end)
    if owner is None and trigger is not None:
        owner = _subject_actor(text, trigger, actors)
    if owner is None and re.search(_FORCE_NOUNS, text, re.IGNORECASE):
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
        evidence.append(_evidence("actor", sentence, owner.start, owner.end))
    elif trigger is None and _NATIONAL_BASE.search(text, max(0, start - 60), min(len(text), end + 40)):
        # "the army outpost of Thee Mu Hta", "la base aérienne d'Osman Digna": the forces of the
        # state it stands in, when the sentence names no other owner
        owner_name = _STATE_BY_COUNTRY.get(place.country or "")
    date_fields = _date_fields(None)
    if trigger is not None and trigger.kind in _MOVES and dates and status is Status.ASSERTED:
        date = min(dates, key=lambda d: abs(d.start - trigger.start))
        date_fields = _date_fields(date)
        evidence.append(_evidence("date", sentence, date.start, date.end))
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
    return [t for t in find_triggers(text, lang, has_weapon=True) if t.kind in _VIOLENT_KINDS]


def _refine_regions(context: _Context) -> list[Event]:
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
        index = _sentence_index(context, coarse)
        if index + 1 >= len(context.sentences) or not _BREAKDOWN.search(context.sentences[index + 1].text):
            continue
        finer = [
            j for j, e in enumerate(events)
            if e.place is not None and e.role is Role.TARGET and e.place.feature not in _COARSE
            and e.place.country == coarse.place.country and _sentence_index(context, e) == index + 1
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


def _drop_article_containers(events: list[Event]) -> list[Event]:
    """A country event that a finer event of the same type, day and status already covers."""
    finer = {
        (e.role, e.event_type, e.place.country, e.date, e.status)
        for e in events
        if e.place is not None and e.place.feature not in _COARSE and e.place.country
    }
    return [
        e for e in events
        if e.place is None
        or e.place.feature != "country"
        or (e.role, e.event_type, e.place.country, e.date, e.status) not in finer
    ]


def _recent_targets(index: int, context: _Context) -> list[int]:
    return [
        i for i, e in enumerate(context.events)
        if e.role is Role.TARGET and e.is_violent and e.sentence.start < context.sentences[index].start
        and index - _sentence_index(context, e) <= _COREF_DISTANCE
    ]


def _sentence_index(context: _Context, event: Event) -> int:
    if context.sentence_index is None:
        context.sentence_index = {s.start: i for i, s in enumerate(context.sentences)}
    return context.sentence_index.get(event.sentence.start, -1)


def _none_for_interceptions(
    index: int, casualties: Sequence[CasualtyMention], new_events: Sequence[Event], first_new: int, context: _Context
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
                proof = _evidence(casualty.field, context.sentences[index], casualty.start, casualty.end)
                changes: dict[str, Any] = {casualty.field: 0, "evidence": event.evidence + (proof,)}
                context.events[i] = replace(event, **changes)


def _attach_casualties(
    sentence: Sentence,
    index: int,
    casualties: Sequence[CasualtyMention],
    violent_new: Sequence[int],
    actors: Sequence[ActorMention],
    context: _Context,
) -> None:
    events = context.events
    same_sentence = bool(violent_new)
    if same_sentence:
        group = list(violent_new)
    else:
        countries = {STATE_COUNTRY[a.actor] for a in actors if a.actor in STATE_COUNTRY}
        recent = _recent_targets(index, context) if countries else []
        in_country = [
            i for i in recent
            if (place := events[i].place) is not None and place.country in countries
        ]
        if in_country:
            group = in_country
        elif context.last_group and (
            index - context.last_group[0] <= 1
            or (  # "... tuant 84 personnes. Le conducteur a été abattu. Des dizaines de blessés"
                index - context.last_group[0] <= _COREF_DISTANCE
                and all(_sentence_index(context, e) <= context.last_group[0] for e in events)
            )
        ):
            group = list(context.last_group[1])
        else:
            return
    for casualty in casualties:
        evidence = _evidence(casualty.field, sentence, casualty.start, casualty.end)
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
                if place.mention.end <= head.mention.start and _COORDINATION.match(
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
                if not same_sentence or (span := _trigger_span(events[i])) is None
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
                if _trigger_span(events[i]) == _trigger_span(events[nearest])
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


def _casualties_by_place(
    sentence: Sentence,
    index: int,
    casualties: Sequence[CasualtyMention],
    places: Sequence[Place],
    context: _Context,
) -> list[CasualtyMention]:
    """"À Loutsk, une personne a été tuée ; à Zaporijjia, deux ont péri": a toll given
    place by place after a strike belongs to the event at that place, which the toll alone
    reports when the strike named it only among others ("38 killed across the country ...
    In Kryvyi Rih, ten died"). Returns the casualties left for the sentence-level rules."""
    group = context.last_group
    if group is None or index - group[0] > _COREF_DISTANCE:
        return list(casualties)
    text = sentence.text
    template = context.events[group[1][0]]
    left_over = []
    for casualty in casualties:
        lo = max(0, text.rfind(";", 0, casualty.start) + 1)
        scoped = [  # "70 personnes ont péri à Tchoma Bangou"
            p for p in places
            if p.feature not in _COARSE
            and _TOLL_AT.fullmatch(text, casualty.end, max(casualty.end, p.mention.start - sentence.start))
        ][:1] or [  # "À Loutsk, une personne a été tuée"
            p for p in places
            if lo <= p.mention.start - sentence.start < casualty.start
            and p.feature not in _COARSE
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
            and index - _sentence_index(context, e) <= _COREF_DISTANCE
        ]
        evidence = _evidence(casualty.field, sentence, casualty.start, casualty.end)
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
                evidence=(_evidence("place", sentence, start, start + len(place.mention.text)), *kept, evidence),
                **toll,
            )
        )
    return left_over


def _trigger_span(event: Event) -> tuple[int, int] | None:
    return next(((e.start, e.end) for e in event.evidence if e.field == "event_type"), None)


def _claimed_actor(
    text: str, sentence: Sentence, index: int, actors: Sequence[ActorMention], context: _Context
) -> None:
    """'L'EI a revendiqué l'attaque' / 'He blamed al-Shabaab': the actor of the last events."""
    recent = _recent_targets(index, context)
    if not recent:
        return
    match = _CLAIM_CUE.search(text)
    denial = _DENIAL.search(text)
    if match is not None and denial is not None:
        # "No group has claimed responsibility, but officials blamed al-Shabaab": the blame after it stands
        # (not "Moscou dément toute implication et accuse Kiev": one side blaming the other)
        later = [m for m in _CLAIM_CUE.finditer(text, denial.end()) if m.group("blame")]
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
            (a for a in actors if a.start > match.end() and not _SPONSOR.search(text[max(0, a.start - 40):a.start])),
            None,
        )
    if actor is None:
        if (
            match.group("claim")
            and context.group_actor is not None
            and _GROUP_ANAPHOR.search(text, clause_start(text, match.start()), match.start())
        ):
            name, evidence = context.group_actor  # "the group claimed the attack"
        else:
            return
    else:
        name, evidence = actor.actor, _evidence("actor", sentence, actor.start, actor.end)
    for i in recent:
        event = context.events[i]
        if event.actor is None:
            context.events[i] = replace(event, actor=name, evidence=event.evidence + (evidence,))
