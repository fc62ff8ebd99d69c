"""Per-language lexicons: event triggers and weapons, compiled once into single regexes.

A trigger is a word that announces an event; its ``kind`` decides the family of event:

* ``strike``    frappe, bombardement, airstrike, shelled ...        Explosions/Remote violence
* ``attack``    attaque, attentat, assault, massacre ...            by weapon, else clash/attack
* ``battle``    affrontements, combats, clashes, fighting ...       Battles / Armed clash
* ``explosion`` explosion, blast, detonated ...                     Remote explosive/landmine/IED
* ``deploy``    déployer, deployment, send troops ...               Strategic developments / Other
* ``withdraw``  retrait, withdrawal, pulled out ...                 Strategic developments / Other,
                role OTHER (the troops leave: not drawn as a base)
* ``base``      stationnées, stationed, garrison, hosts troops ...  Strategic developments / base

Ambiguous verbs ("lancer", "tirer", "toucher", "fire", "launch", "hit", "target") are
triggers only when a weapon is named in the same sentence (``needs_weapon``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ._words import candidate_starts, lexicon_keys, match_at

__all__ = [
    "Trigger",
    "WeaponMention",
    "find_triggers",
    "find_weapons",
    "has_cue",
    "SUB_EVENT_BY_WEAPON",
    "EXPLOSIONS",
    "BATTLES",
    "VAC",
    "STRATEGIC",
    "AIR_STRIKE",
    "SHELLING",
    "REMOTE_EXPLOSIVE",
    "SUICIDE_BOMB",
    "GRENADE",
    "ARMED_CLASH",
    "ATTACK",
    "BASE_ESTABLISHED",
    "OTHER_DEVELOPMENT",
    "DISRUPTED_WEAPONS",
]

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
AIR_STRIKE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
SUICIDE_BOMB = "Suicide bomb"
GRENADE = "Grenade"
ARMED_CLASH = "Armed clash"
ATTACK = "Attack"
BASE_ESTABLISHED = "Headquarters or base established"
OTHER_DEVELOPMENT = "Other"
DISRUPTED_WEAPONS = "Disrupted weapons use"

SUB_EVENT_BY_WEAPON: dict[str, str] = {
    "missile": SHELLING,
    "rocket": SHELLING,
    "artillery": SHELLING,
    "mortar": SHELLING,
    "drone": AIR_STRIKE,
    "airstrike": AIR_STRIKE,
    "IED": REMOTE_EXPLOSIVE,
    "car bomb": REMOTE_EXPLOSIVE,
    "landmine": REMOTE_EXPLOSIVE,
    "bomb": REMOTE_EXPLOSIVE,
    "suicide bomb": SUICIDE_BOMB,
    "grenade": GRENADE,
}

# (regex, canonical weapon). Earlier entries win on overlap (longest phrases first).
_WEAPONS: dict[str, list[tuple[str, str]]] = {
    "ar": [
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:انتحاري\w*|حزام\s+ناسف)", "suicide bomb"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?سيار(?:ة|ات)\s+مفخخ\w*", "car bomb"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:عبو(?:ة|ات)\s+ناسف\w*)", "IED"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:طائر(?:ة|ات)\s+مسير\w*|مسير(?:ة|ات)|درون)", "drone"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:غار(?:ة|ات)\s+جوي\w*|طائرات\s+حربية|الطيران\s+الحربي)", "airstrike"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:صاروخ\w*|صواريخ)", "missile"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:قذيف(?:ة|ات)\s+هاون|هاون)", "mortar"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:مدفعي\w*|قذائف|قذيفة)", "artillery"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:لغم|ألغام)", "landmine"),
        (r"(?:[وف])?(?:[بلك])?(?:ال)?(?:مسلح\w*|إطلاق\s+نار|رصاص)", "firearms"),
    ],
    "fr": [
        (r"attentats?[- ]suicides?|kamikazes?|ceintures?\s+d'explosifs|(?:s'est|se\s+sont)\s+fait\s+exploser", "suicide bomb"),
        (r"(?:voitures?|véhicules?|camions?|motos?|camionnettes?)\s+(?:piégée?s?|(?:bourrée?s?|chargée?s?|remplie?s?)\s+d['’]explosifs)", "car bomb"),
        (r"engins?\s+explosifs?(?:\s+improvisés?)?|EEI|IED|bombes?\s+artisanales?|mines?\s+artisanales?|explosifs?", "IED"),
        (r"mines?\s+(?:antipersonnel|terrestres?|antichars?)|sauté\s+sur\s+une\s+mine", "landmine"),
        (r"armée\s+de\s+l['’]air|forces?\s+aériennes?|bombes?\s+(?:aériennes?|planantes?|guidées?|largables)(?:\s+guidées?)?|frappes?\s+aériennes?|raids?\s+aériens?|bombardements?\s+aériens?|avions?\s+(?:de\s+(?:chasse|combat|guerre)|militaires|ennemis|gouvernementaux|de\s+l['’]armée|de\s+la\s+coalition|du\s+régime|(?:israélien|russe|syrien|américain|turc|saoudien|iranien|ukrainien|émirati|égyptien|jordanien|pakistanais|nigérian|soudanais|français|britannique|azerbaïdjanais|arménien|indien|malien|burkinabè|nigérien|tchadien)s?)|aviation|chasseurs?(?:-bombardiers?)?|bombardiers?|hélicoptères?\s+(?:de\s+combat|d'attaque)", "airstrike"),
        (r"drones?(?:\s+(?:kamikazes?|armés?|explosifs?|d'attaque))?|Shahed", "drone"),
        (r"missiles?(?:\s+(?:balistiques?|de\s+croisière|sol-sol))?", "missile"),
        (r"roquettes?|katioucha|katyusha", "rocket"),
        (r"obus\s+de\s+mortier|mortiers?", "mortar"),
        (r"obus|artillerie|bombardements?(?!\s+aériens?)|pilonnages?|pilonn\w+|tirs\s+d'artillerie|canons?|tirs?\s+de\s+chars?|chars?\s+d'assaut", "artillery"),
        (r"grenades?", "grenade"),
        (r"bombes?", "bomb"),
        (r"armes?\s+à\s+feu|fusillades?|hommes\s+armés|kalachnikovs?|mitrailleuses?|balles?|tireurs?|ouvert\s+le\s+feu", "firearms"),
    ],
    "en": [
        (r"suicide\s+(?:(?:car|truck|vehicle)\s+)?(?:bomb(?:er|ing)?s?|attacks?|vests?)|explosive\s+(?:belts?|vests?)|blew\s+(?:himself|herself|themselves)\s+up", "suicide bomb"),
        (r"car\s+bombs?|vehicle-borne\s+\w+|VBIEDs?|truck\s+bombs?|(?:trucks?|cars?|vehicles?|vans?)\s+(?:packed|loaded|laden|rigged|filled)\s+with\s+explosives|explosives?-(?:laden|packed|rigged)\s+(?:vehicles?|cars?|trucks?)|booby-trapped\s+(?:vehicles?|cars?)", "car bomb"),
        (r"explosives?-(?:laden|packed|rigged|carrying)\s+(?:drones?|UAVs?)", "drone"),
        (r"improvised\s+explosive\s+devices?|IEDs?|roadside\s+bombs?|explosive\s+devices?|explosives", "IED"),
        (r"land\s*mines?|anti-(?:tank|personnel)\s+mines?", "landmine"),
        (r"air\s+forces?(?!\s+(?:training\s+)?(?:base|station|academy|school|headquarters|facility|college|compound)s?\b)|(?:guided|glide|gliding|aerial)\s+bombs?|air\s*strikes?|air\s+raids?(?!\s+(?:sirens?|alerts?|warnings?|shelters?))|aerial\s+bombardments?|warplanes?|war\s+planes?|fighter\s+jets?|jets|(?:military|enemy|coalition|combat)\s+aircraft|bombers|helicopter\s+gunships?|gunships?", "airstrike"),
        (r"(?:kamikaze\s+|attack\s+|armed\s+|explosive\s+|suicide\s+)?drones?|UAVs?|Shaheds?", "drone"),
        (r"(?:ballistic\s+|cruise\s+|surface-to-surface\s+)?missiles?", "missile"),
        (r"(?:Katyusha\s+|Grad\s+)?rockets?", "rocket"),
        (r"mortars?(?:\s+(?:shells?|rounds?))?", "mortar"),
        (r"artillery|bombardments?|shells|shelling|shelled|howitzers?|tank\s+(?:fire|shells?|rounds?)", "artillery"),
        (r"grenades?", "grenade"),
        (r"bombs?", "bomb"),
        (r"gunm[ae]n|gunfire|firearms|small\s+arms|rifles?|gunshots?|opened\s+fire|shooting|shooters?|armed\s+with\s+(?:guns|rifles|assault\s+rifles|firearms)|guns", "firearms"),
    ],
}

# Arabic glues conjunctions, prepositions and the article to the word: "وقصف", "بصواريخ".
_AR = r"(?:[وف])?(?:[بلك])?(?:ال)?"

# (regex, kind, needs_weapon)
_TRIGGERS: dict[str, list[tuple[str, str, bool]]] = {
    "ar": [
        (rf"{_AR}(?:قصف\w*|غار(?:ة|ات)|ضرب(?:ة|ات)|[ايت]?ستهد\w+)", "strike", False),
        (rf"{_AR}(?:هجو?م\w*|اعتداء\w*|مجزرة|كمين)", "attack", False),
        (rf"{_AR}(?:اشتباك\w*|معارك|مواجهات|اقتتال)", "battle", False),
        (rf"{_AR}(?:انفجار\w*|تفجير\w*|انفجر\w*)", "explosion", False),
        (rf"{_AR}(?:اعترا\w+|اعترض\w*|أسقط\w*|إسقاط)", "intercept", True),
        (rf"{_AR}(?:أطلق\w*|إطلاق|سقط\w*|سقوط)", "strike", True),
        (rf"{_AR}(?:نشر|ينشر|تنشر|إرسال|تعزيزات)", "deploy", False),
        (rf"{_AR}(?:انسحا\w+|انسحب\w*)", "withdraw", False),
        (rf"{_AR}(?:متمركز\w*|تتمركز|يتمركز|تستضيف|يستضيف)", "base", False),
    ],
    "fr": [
        (r"frapp\w*|frappes?|ripost\w*", "strike", False),
        (r"(?:tentatives?\s+d['’])?assassinat\w*|assassin[ée]\w*|tireurs?|assaillants?|poignardée?s?|à\s+coups\s+de\s+couteau|enlèvements?|kidnapping|armée?s?\s+d['’]un\s+couteau|blessée?s?\s+au\s+couteau|(?:ont|a|avaient|avait|ayant)\s+ouvert\s+le\s+feu|ouvrant\s+le\s+feu|"
         r"attaques?\s+au\s+couteau", "attack", False),
        (r"bombard\w+|pilonn\w+|raids?", "strike", False),
        (r"attaqu\w+|attentats?|assauts?|massacr\w+|embuscades?|pris\s+d['’]assaut|prise\s+d['’]assaut|"
         r"foncé\w*\s+(?:[\w'-]+\s+){0,3}(?:dans|sur)\s+(?:la\s+|une\s+)?foule|(?:voiture|camion|véhicule)s?-béliers?", "attack", False),
        (r"affrontements?|affronté\w*|combats?|accrochages?|heurts|échanges?\s+de\s+tirs|fusillades?|repouss\w+|"
         r"offensives?|incursions?|emparée?s?|s['’]emparer|pris\s+le\s+contrôle", "battle", False),
        (r"explosions?|explos[ée]\w*|détonations?|sauté\s+sur|(?:chute\s+de\s+)?débris|éclats?(?!\s+de\s+(?:rire|voix|colère))", "explosion", False),
        (r"intercept(?!eurs?\b)\w+|abattu\w*|neutralis\w+", "intercept", True),
        (r"désamorc\w+", "intercept", False),
        (r"défenses?\s+anti-?aériennes?\s+(?:a|ont)\s+(?:été\s+activées?|tiré|riposté)", "intercept", False),
        (r"tir[ée]\w*|tirs?|lanc[ée]\w*|lancements?|vis[ée]\w*|ciblé\w*|cibl(?:er|ent|ait|aient)|touch[ée]\w*|s'est\s+abattu\w*|se\s+sont\s+abattu\w*|s'est\s+écrasé\w*|tombé\w*|largu\w+|salves?|détrui\w+|rasé\w*|soufflé\w*|coulée?s?|coulant", "strike", True),
        (r"déplo\w+|envo\w+\s+(?:(?:des|de|d['’]|quelque|environ|[\d  .,]+|\w+)\s+){0,4}?(?:troupes|soldats|renforts|militaires|brigades?|bataillons?)|renforts|dépêch\w+|redéplo\w+", "deploy", False),
        (r"retrait|retir\w+|évacu\w+(?=\s+(?:[\w'’]+\s+){0,3}(?:troupes|soldats|forces|militaires|bases?|positions?|garnisons?)\b)", "withdraw", False),
        (r"stationn\w+|basé(?:e|es|s)?(?=\s+(?:à|au|aux|en|dans|sur)\s)|(?:abrit|accueill|héberg)\w+(?=\s+(?:[\w']+\s+){0,5}(?:troupes|soldats|militaires|forces|marines)\b)|garnisons?|casernes?|campements?", "base", False),
    ],
    "en": [
        (r"strik\w*|struck|bomb(?:ed|ing|ings)|shell(?:ed|ing)|pound(?:ed|ing)|(?:air|aerial|drone)\s+raids?|retaliat\w*|"
         r"air\s*strikes?|airstrikes?|air\s+raids?(?!\s+(?:sirens?|alerts?|warnings?|shelters?))", "strike", False),
        (r"assassinat\w*|gunm[ae]n|shooters?|attackers?|assailants?|stabb(?:ed|ing)|knife\s+attacks?|abduct(?:ed|ion|ions)|kidnapp(?:ed|ing)|armed\s+with\s+a\s+knife|knifem[ae]n|opened\s+fire|opening\s+fire", "attack", False),
        (r"attack\w*|assault\w*|massacre\w*|ambush\w*|raid|storm(?:ed|ing)|"
         r"ramm\w+|(?:drove|drives|driving|ploughed|plowed|slammed)\s+(?:[\w-]+\s+){0,3}into\s+(?:a\s+|the\s+)?crowds?", "attack", False),
        (r"raids?|raided|clash\w*|fighting|fought|repel+(?:ed|s|ing)?|repuls\w+|offensives?|incursions?|firefights?|gunfights?|gun\s+battles?|exchanges?\s+of\s+fire|skirmish\w*|overr[au]n|seized\s+control|took\s+control", "battle", False),
        (r"explosions?|explod\w+|blasts?|detonat\w+|blew\s+(?:himself|herself|themselves)\s+up|"
         r"(?:falling\s+)?debris|shrapnel", "explosion", False),
        (r"intercept(?!ors?\b)\w*|shot\s+down|downed", "intercept", True),
        (r"defus(?:ed|ing)|(?:disarmed|dismantled|made\s+safe)(?=\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:device|bomb|IED|explosive))", "intercept", False),
        (r"air\s+defen[cs]es?\s+(?:systems?\s+)?(?:were\s+activated|fired|engaged|responded)", "intercept", False),
        (r"fir(?:e|ed|es|ing)|launch\w*|hit|hits|hitting|target(?:ed|ing)|landed|crashed|slammed|rained|barrages?|salvos?|volleys?|dropped|flatten\w*|destroy\w*|level+ed|damag\w+|sank|sunk|sinking", "strike", True),
        (r"deploy\w*|sen[dt]\w*\s+(?:(?:an?|more|additional|extra|some|about|around|nearly|[\d,]+|\w+)\s+){0,4}?(?:troops|soldiers|forces|reinforcements|marines|brigades?|battalions?)|"
         r"station(?:s|ing)?\s+(?:(?:an?|more|additional|some|about|[\d,]+|\w+)\s+){0,3}?(?:troops|soldiers|forces|brigades?|battalions?|marines)|reinforcements|dispatch\w*|redeploy\w*", "deploy", False),
        (r"withdr[ae]w\w*|pull(?:ed|ing|s)?\s+out|evacuat\w+(?=\s+(?:[\w'’]+\s+){0,3}(?:troops|soldiers|forces|personnel|bases?|positions?|garrisons?)\b)", "withdraw", False),
        (r"stationed|based(?=\s+(?:in|at|on|near)\s)|(?:host|hous)\w*(?=\s+(?:[\w-]+\s+){0,4}(?:troops|soldiers|forces|personnel|marines|service\s*members)\b)|garrisons?|barracks", "base", False),
    ],
}



_NOT_A_TRIGGER = re.compile(
    r"(?:\b(?:caught|catch|catches|catching|on|set|sets|pris|prend|prennent)\s+|"
    r"\b(?:prêts?|prêtes?|sur\s+le\s+point|ready|about|poised)\s+(?:à|d['’]|to)\s+(?:être\s+|be\s+)?|"
    # "not linked to the attack", "sans lien avec l'attaque": a reference back, not an event
    r"\b(?:linked|related|connected|liée?s?|reliée?s?|lien\s+avec)\s+(?:to\s+|à\s+)?(?:the\s+|l['’]|la\s+|le\s+|les\s+|cette\s+|this\s+|ces\s+)?)$",
    re.IGNORECASE,
)


_LAUNCHER = re.compile(r"(?:launchers?|lanceurs?|lance-roquettes)$", re.IGNORECASE)  # weapons, not verbs


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    kind: str
    needs_weapon: bool = False  # an ambiguous verb ("visé", "hit") kept for its weapon context


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    weapon: str


def _lexicon_lang(lang: str) -> str:
    return lang if lang in _TRIGGERS else "en"


@functools.lru_cache(maxsize=8)
def _trigger_regex(lang: str) -> tuple[re.Pattern[str], tuple[tuple[str, bool], ...]]:
    entries = _TRIGGERS[_lexicon_lang(lang)]
    pattern = "|".join(f"(?P<t{i}>{regex})" for i, (regex, _, _) in enumerate(entries))
    specs = tuple((kind, needs) for _, kind, needs in entries)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), specs


@functools.lru_cache(maxsize=8)
def _weapon_regex(lang: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    entries = _WEAPONS[_lexicon_lang(lang)]
    pattern = "|".join(f"(?P<w{i}>{regex})" for i, (regex, _) in enumerate(entries))
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE), tuple(w for _, w in entries)


@functools.lru_cache(maxsize=8)
def _keys(lang: str, which: str) -> tuple[frozenset[str], frozenset[str]]:
    code = _lexicon_lang(lang)
    if which == "triggers":
        return lexicon_keys(regex for regex, _, _ in _TRIGGERS[code])
    return lexicon_keys(regex for regex, _ in _WEAPONS[code])


def _starts(text: str, lang: str, which: str) -> tuple[int, ...] | None:
    """Where a lexicon entry can start; None: scan everywhere (Arabic glues prefixes to words)."""
    if _lexicon_lang(lang) == "ar":
        return None
    exact, prefixes = _keys(lang, which)
    return candidate_starts(text, exact=exact, prefixes=prefixes)


def _matches(
    regex: re.Pattern[str], text: str, starts: tuple[int, ...] | None
) -> list[re.Match[str]]:
    return list(regex.finditer(text)) if starts is None else match_at(regex, text, starts)


def has_cue(text: str, lang: str) -> bool:
    """Cheap pre-filter: does the sentence name any trigger, weapon or base at all?"""
    if _BASE_WORD.search(text):
        return True
    for which, regex in (("weapons", _weapon_regex(lang)[0]), ("triggers", _trigger_regex(lang)[0])):
        starts = _starts(text, lang, which)
        if (starts is None or starts) and _matches(regex, text, starts):
            return True
    return False


_BASE_WORD = re.compile(r"(?<!\w)[Bb]ases?(?!\w)|قاعدة|قواعد")


def find_weapons(text: str, lang: str) -> list[WeaponMention]:
    """Weapons named in ``text``, in order."""
    regex, names = _weapon_regex(lang)
    out: list[WeaponMention] = []
    for match in _matches(regex, text, _starts(text, lang, "weapons")):
        index = int((match.lastgroup or "w0")[1:])
        weapon = names[index]
        previous = out[-1] if out else None
        if previous and previous.weapon == weapon and not text[previous.end:match.start()].strip():
            # "roquettes Katioucha": one phrase
            out[-1] = WeaponMention(previous.start, match.end(), text[previous.start:match.end()], weapon)
            continue
        if _FAKE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "de fausses ceintures d'explosifs", "fake suicide vests"
        out.append(WeaponMention(match.start(), match.end(), match.group(0), weapon))
    return out


_FAKE = re.compile(r"\b(?:fausses?|faux|fake|dummy|imitation|replica)\s+\Z", re.IGNORECASE)


def find_triggers(text: str, lang: str, *, has_weapon: bool) -> list[Trigger]:
    """Triggers in ``text``; ambiguous verbs only count when ``has_weapon``.

    A weapon phrase that is itself a trigger word ("frappes aériennes", "airstrikes") keeps
    its trigger reading.
    """
    regex, specs = _trigger_regex(lang)
    out = []
    for match in _matches(regex, text, _starts(text, lang, "triggers")):
        index = int((match.lastgroup or "t0")[1:])
        kind, needs_weapon = specs[index]
        if needs_weapon and not has_weapon:
            continue
        if _LAUNCHER.match(match.group(0)) or _NOT_A_TRIGGER.search(text, max(0, match.start() - 25), match.start()):
            continue  # "caught fire", "prêts à être lancés", "ready to be fired"
        out.append(Trigger(match.start(), match.end(), match.group(0), kind, needs_weapon))
    return out
