"""Actors: states (by name, capital-as-metonym or demonym) and armed groups, in French and English.

The actor of an event is, in order: the subject before the trigger ("L'Iran a lancé",
"Israeli jets struck"), the agent after it ("revendiquée par l'EI", "claimed by Hamas"), a
demonym on the weapon ("missiles iraniens", "Russian drones"). Names are canonical English.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ._words import candidate_starts, lexicon_keys, match_at

__all__ = ["ActorMention", "find_actors", "ACTORS", "STATE_COUNTRY"]

# canonical -> alternatives (regex fragments, case-insensitive, matched as whole words)
ACTORS: dict[str, str] = {
    "Iran": r"iran|iraniens?|iraniennes?|iranian|téhéran|tehran|gardiens\s+de\s+la\s+révolution|pasdaran|irgc|revolutionary\s+guards?|إيران|الإيراني\w*|طهران",
    "United States": r"états-unis|etats-unis|united\s+states|u\.s\.|us|usa|américains?|américaines?|american|washington|pentagon|pentagone|marines|cia|الولايات\s+المتحدة|الأمريكي\w*|الأميركي\w*|واشنطن",
    "Israel": r"israël|israel|israéliens?|israéliennes?|israeli|idf|tsahal|forces\s+de\s+défense\s+israéliennes|إسرائيل|الإسرائيلي\w*",
    "Russia": r"russie|russia|russes?|russian|moscou|moscow|kremlin|روسيا|الروسي\w*|موسكو",
    "Ukraine": r"ukraine|ukrainiens?|ukrainiennes?|ukrainian|kyiv|kiev",
    "Iraq": r"irak|iraq|irakiens?|irakiennes?|iraqi|bagdad|baghdad|العراق|العراقي\w*|بغداد",
    "Syria": r"syrie|syria|syriens?|syriennes?|syrian|damas|damascus|سوريا|السوري\w*|دمشق",
    "Turkey": r"turquie|turkey|türkiye|turcs?|turques?|turkish|ankara|تركيا|التركي\w*",
    "Saudi Arabia": r"arabie\s+saoudite|saudi\s+arabia|saoudiens?|saoudiennes?|saudi|riyad|riyadh",
    "United Arab Emirates": r"émirats\s+arabes\s+unis|united\s+arab\s+emirates|uae|émiratis?|emirati",
    "Yemen": r"yémen|yemen|yéménites?|yemeni",
    "Lebanon": r"liban|lebanon|libanais|libanaises?|lebanese",
    "Pakistan": r"pakistan|pakistanais|pakistanaises?|pakistani|islamabad",
    "India": r"inde|india|indiens?|indiennes?|indian|new\s+delhi",
    "Afghanistan": r"afghanistan|afghans?|afghanes?",
    "France": r"france|français|française|françaises|french|paris",
    "United Kingdom": r"royaume-uni|united\s+kingdom|britanniques?|british|britain|londres|london",
    "China": r"chine|china|chinois|chinoises?|chinese|pékin|beijing",
    "Azerbaijan": r"azerbaïdjan|azerbaijan|azerbaïdjanais|azerbaïdjanaises?|azerbaijani|azeri|bakou|baku",
    "Armenia": r"arménie|armenia|arméniens?|arméniennes?|armenian|erevan|yerevan",
    "Sudan": r"soudan|sudan|soudanais|soudanaises?|sudanese",
    "Egypt": r"égypte|egypt|égyptiens?|égyptiennes?|egyptian|le\s+caire|cairo",
    "Jordan": r"jordanie|jordan|jordaniens?|jordanian|amman",
    "Qatar": r"qatar|qatari|qataris?|doha",
    "Libya": r"libye|libya|libyens?|libyennes?|libyan",
    "Mali": r"mali|maliens?|maliennes?|malian",
    "Nigeria": r"nigeria|nigérians?|nigerian",
    "Somalia": r"somalie|somalia|somaliens?|somali",
    "Ethiopia": r"éthiopie|ethiopia|éthiopiens?|ethiopian",
    "DR Congo": r"rdc|r\.d\.c\.|république\s+démocratique\s+du\s+congo|democratic\s+republic\s+of\s+(?:the\s+)?congo|drc|congolais|congolaises?|congolese|kinshasa|fardc",
    "Rwanda": r"rwanda|rwandais|rwandaises?|rwandan|kigali",
    "Burkina Faso": r"burkina\s+faso|burkinabés?|burkinabe",
    "Germany": r"allemagne|germany|allemands?|allemandes?|german|berlin",
    "Belarus": r"biélorussie|belarus|biélorusses?|belarusian|minsk",
    "Poland": r"pologne|poland|polonais|polonaises?|polish|varsovie|warsaw",
    "North Korea": r"corée\s+du\s+nord|north\s+korea|nord-coréens?|nord-coréennes?|north\s+korean|pyongyang",
    "Chad": r"tchad|chad|tchadiens?|tchadiennes?|chadian|n['’]djamena",
    "Kenya": r"kenya|kényans?|kenyans?|nairobi",
    "Cameroon": r"cameroun|cameroon|camerounais|camerounaises?|cameroonian",
    "Niger": r"niger|nigériens?|nigérien",
    "Islamic Resistance in Iraq": r"islamic\s+resistance\s+in\s+iraq|résistance\s+islamique\s+(?:en|d['’])\s*irak",
    "Hezbollah": r"hezbollah|hizbollah|hizballah|حزب\s+الله",
    "Hamas": r"hamas|حماس",
    "Islamic Jihad": r"jihad\s+islamique|islamic\s+jihad",
    "Houthis": r"houthis?|houthistes?|ansar\s+allah|ansarallah|الحوثي\w*|أنصار\s+الله",
    "Islamic State": r"état\s+islamique|etat\s+islamique|islamic\s+state|isis|isil|daech|daesh|eiil|eiis|ei|is|داعش|الدولة\s+الإسلامية",
    "al-Qaeda": r"al-qaïda|al-qaida|al-qaeda|al\s+qaeda|aqmi|aqap",
    "al-Shabaab": r"al-shabaab|al-shabab|shebab|chebab",
    "Boko Haram": r"boko\s+haram",
    "Taliban": r"talibans?|taliban",
    "PKK": r"pkk",
    "Syrian Democratic Forces": r"fds|sdf|forces\s+démocratiques\s+syriennes|syrian\s+democratic\s+forces",
    "YPG": r"ypg|unités\s+de\s+protection\s+du\s+peuple|people's\s+protection\s+units",
    "Kataib Hezbollah": r"kataëb\s+hezbollah|kataib\s+hezbollah|kata'ib\s+hezbollah",
    "Wagner": r"wagner",
    "Rapid Support Forces": r"forces\s+de\s+soutien\s+rapide|rapid\s+support\s+forces|fsr|rsf",
    "M23": r"m23",
    "JNIM": r"jnim|gsim",
    "Hayat Tahrir al-Sham": r"hayat\s+tahrir\s+al-cham|hayat\s+tahrir\s+al-sham|hts|htc",
    "Coalition": r"(?:la\s+|the\s+)coalition(?:\s+internationale|\s+menée\s+par\s+les\s+états-unis|\s+led\s+by\s+the\s+united\s+states|-led)?|u\.?s\.?-led\s+coalition|coalition(?=\s+(?:forces|troops|aircraft|jets|warplanes|air\s+strikes?|airstrikes?|strikes?|internationale))",
}

# ISO 3166-1 alpha-2 of the states above: "côté israélien" points at events in IL.
STATE_COUNTRY: dict[str, str] = {
    "Iran": "IR", "United States": "US", "Israel": "IL", "Russia": "RU", "Ukraine": "UA",
    "Iraq": "IQ", "Syria": "SY", "Turkey": "TR", "Saudi Arabia": "SA", "United Arab Emirates": "AE",
    "Yemen": "YE", "Lebanon": "LB", "Pakistan": "PK", "India": "IN", "Afghanistan": "AF",
    "France": "FR", "United Kingdom": "GB", "China": "CN", "Azerbaijan": "AZ", "Armenia": "AM",
    "Sudan": "SD", "Egypt": "EG", "Jordan": "JO", "Libya": "LY", "Mali": "ML", "Nigeria": "NG",
    "Somalia": "SO", "DR Congo": "CD", "Rwanda": "RW", "Ethiopia": "ET", "Burkina Faso": "BF", "Niger": "NE",
    "Germany": "DE", "Belarus": "BY", "Poland": "PL", "North Korea": "KP", "Chad": "TD", "Kenya": "KE",
    "Cameroon": "CM",
}

# Groups whose short names collide with common words are only accepted in upper case.
_UPPER_ONLY = frozenset(
    {"us", "is", "ei", "sdf", "fds", "rsf", "fsr", "hts", "htc", "cia", "uae", "idf", "rdc", "drc"}
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # relative to the searched string
    end: int
    text: str
    actor: str


@functools.lru_cache(maxsize=1)
def _keys() -> tuple[frozenset[str], frozenset[str]]:
    return lexicon_keys(ACTORS.values())


@functools.lru_cache(maxsize=1)
def _regex() -> tuple[re.Pattern[str], tuple[str, ...]]:
    names = tuple(ACTORS)
    pattern = "|".join(f"(?P<a{i}>{ACTORS[name]})" for i, name in enumerate(names))
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), names


def find_actors(text: str) -> list[ActorMention]:
    """Actor names, capitals and demonyms in ``text``.

    >>> [(a.text, a.actor) for a in find_actors("L'Iran a visé les forces américaines")]
    [('Iran', 'Iran'), ('américaines', 'United States')]
    """
    regex, names = _regex()
    exact, prefixes = _keys()
    out = []
    for match in match_at(regex, text, candidate_starts(text, exact=exact, prefixes=prefixes)):
        word = match.group(0)
        if word.lower() in _UPPER_ONLY and not word.isupper():
            continue
        if word.lower() == "us" and not word.isupper():
            continue
        index = int((match.lastgroup or "a0")[1:])
        out.append(ActorMention(match.start(), match.end(), word, names[index]))
    return out
