"""Cue patterns shared by several extraction steps (matched on sentence text)."""

from __future__ import annotations

import re

from .actors import STATE_COUNTRY

__all__ = [
    "ACCUSE_LEFT",
    "AND_VERB",
    "CIVILIAN_CUE",
    "CLAIM_CUE",
    "COARSE",
    "COORDINATION",
    "COREF_DISTANCE",
    "DEFENSIVE",
    "FORCE_AFTER",
    "FORCE_NOUNS",
    "FORCE_WORD",
    "GROUP_ANAPHOR",
    "HITTING",
    "HIT_OBJECT_GAP",
    "MOVES",
    "RELATIVE_INTERCEPT",
    "SAID_ON",
    "SCOPE_BREAK",
    "SPONSOR",
    "STATE_BY_COUNTRY",
    "VIOLENT_KINDS",
]

VIOLENT_KINDS = frozenset({"strike", "attack", "battle", "explosion", "intercept"})
MOVES = frozenset({"deploy", "withdraw"})
CLAIM_CUE = re.compile(
    r"\b(?:(?P<claim>revendiqu\w*|claim\w*|reconnu\s+avoir|admi(?:tted|ts)\s+(?:to\s+|carrying\s+out|conducting)|acknowledged)|"
    r"(?P<blame>blam\w+|attribu\w+|accus\w+|imput\w+))",
    re.IGNORECASE,
)
SPONSOR = re.compile(
    r"(?:soutenue?s?\s+par|backed\s+by|supported\s+by|liée?s?\s+à|proches?\s+de|affiliée?s?\s+à|"
    r"pro-)\s*(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$",
    re.IGNORECASE,
)
CIVILIAN_CUE = re.compile(
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
DEFENSIVE = re.compile(
    r"\b(?:repel\w*|repuls\w*|repouss\w*|fend\w*\s+off|fought\s+off|beat\s+back|resist\w*|"
    r"résist\w*|déjou\w*|foil\w*|thwart\w*|intercept\w*)\b",
    re.IGNORECASE,
)
FORCE_NOUNS = (
    r"troupes|troops|soldats|soldiers|militaires|forces|marines|service\s*members|personnel|"
    r"bases?|outposts?|avant-postes?|garrisons?|garnisons?|contingents?"
)
FORCE_AFTER = re.compile(rf"^(?:\s+[\w-]+)?\s+(?:{FORCE_NOUNS})\b", re.IGNORECASE)
COORDINATION = re.compile(
    r"^\s*(?:,|et|and|ou|or|puis)\s*(?:l['’]|le\s+|la\s+|les\s+|the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
RELATIVE_INTERCEPT = re.compile(r"[^.;]{0,30}?\b(?:which|that|qui|lequel|laquelle)\b[^.;]{0,40}$", re.IGNORECASE)
FORCE_WORD = re.compile(r"\b(?:armée|army|military|aviation|air\s+force|troop|troupe|soldat|soldier|forces)", re.IGNORECASE)
STATE_BY_COUNTRY = {code: name for name, code in STATE_COUNTRY.items()}
SCOPE_BREAK = re.compile(
    r"[;:]|\b(?:after|après(?!-midi)|while|tandis|alors\s+que|but|mais|before|avant|représailles|"
    r"retaliation|in\s+response|en\s+réponse|following)\b",
    re.IGNORECASE,
)
ACCUSE_LEFT = re.compile(r"\b(?:accus\w*|blam\w*|soupçonn\w*|suspect\w*)\s+(?:l['’]|le\s+|la\s+|les\s+|the\s+)?$", re.IGNORECASE)
COREF_DISTANCE = 2  # sentences
GROUP_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:militant\s+|armed\s+|jihadist\s+|rebel\s+|islamist\s+|shiite\s+|shia\s+)?(?:group|movement|militia)|"
    r"le\s+groupe(?:\s+armé|\s+jihadiste|\s+islamiste)?|le\s+mouvement(?:\s+islamiste|\s+chiite|\s+armé)?|"
    r"la\s+milice|l['’]organisation|the\s+organi[sz]ation)\b",
    re.IGNORECASE,
)
HITTING = re.compile(r"frapp|struck|strik|hit|détrui|destroy|vis[ée]|target|touch|bombard", re.IGNORECASE)
HIT_OBJECT_GAP = re.compile(
    r"(?!\s+(?:by|par)\b)\s+(?:(?:the|les|des|le|la|l['’]|its|their|leurs?|ses|\w+\s+(?=\w))?\s*"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)?\s*"
    r"(?:russian|ukrainian|israeli|iranian|russes?|ukrainiens?|israéliens?|iraniens?)?\s*)$",
    re.IGNORECASE,
)
AND_VERB = re.compile(r"\b(?:and|et)\s+(?:(?:a|ont|had|have|has|then|puis)\s+)?(?!the\b|les?\b|la\b|des\b)[a-zé]+(?:ed|é|és|ée|ées|ait|aient)\b")
SAID_ON = re.compile(
    r"\b(?:said|says|announced|told|reported|added|a\s+(?:déclaré|annoncé|indiqué|affirmé|précisé)|"
    r"ont\s+(?:déclaré|annoncé|indiqué|affirmé))\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
COARSE = frozenset({"country", "admin1", "region", "admin2"})
