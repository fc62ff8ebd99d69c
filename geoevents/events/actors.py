"""Actors: states (by name, capital-as-metonym or demonym) and armed groups, in French and English.

The actor of an event is, in order: the subject before the trigger ("L'Iran a lancé",
"Israeli jets struck"), the agent after it ("revendiquée par l'EI", "claimed by Hamas"), a
demonym on the weapon ("missiles iraniens", "Russian drones"). Names are canonical English.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._words import candidate_starts, lexicon_keys, match_at

__all__ = ["ActorMention", "find_actors", "ACTORS", "STATE_COUNTRY"]

# canonical -> alternatives (regex fragments, case-insensitive, matched as whole words)
ACTORS: dict[str, str] = {
    # before the states: "Pakistani Taliban" is a group, not Pakistan
    "Tehrik-e-Taliban Pakistan": r"ttp|tehri[kq]-[ei]-taliban(?:\s+pakistan)?|pakistani\s+taliban|talibans?\s+pakistanais",
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
    "France": r"france|français|françaises?|french|paris",
    "United Kingdom": r"royaume-uni|united\s+kingdom|britanniques?|british|britain|londres|london",
    "China": r"chine|china|chinois|chinoises?|chinese|pékin|beijing",
    "Azerbaijan": r"azerbaïdjan|azerbaijan|azerbaïdjanais|azerbaïdjanaises?|azerbaijani|azeri|bakou|baku",
    "Armenia": r"arménie|armenia|arméniens?|arméniennes?|armenian|erevan|yerevan",
    "Sudan": r"soudan|sudan|soudanais|soudanaises?|sudanese",
    "Egypt": r"égypte|egypt|égyptiens?|égyptiennes?|egyptian|le\s+caire|cairo",
    "Jordan": r"jordanie|jordan|jordaniens?|jordaniennes?|jordanian|amman",
    "Qatar": r"qatar|qatari|qataris?|doha",
    "Libya": r"libye|libya|libyens?|libyennes?|libyan",
    "Mali": r"mali|maliens?|maliennes?|malian",
    "Nigeria": r"nigeria|nigérians?|nigérianes?|nigerian",
    "Somalia": r"somalie|somalia|somaliens?|somaliennes?|somali",
    "Ethiopia": r"éthiopie|ethiopia|éthiopiens?|éthiopiennes?|ethiopian",
    "DR Congo": r"rdc|r\.d\.c\.|république\s+démocratique\s+du\s+congo|democratic\s+republic\s+of\s+(?:the\s+)?congo|drc|congolais|congolaises?|congolese|kinshasa|fardc",
    "Rwanda": r"rwanda|rwandais|rwandaises?|rwandan|kigali",
    "Burkina Faso": r"burkina\s+faso|burkinabés?|burkinabè|burkinabe",
    "Germany": r"allemagne|germany|allemands?|allemandes?|german|berlin",
    "Belarus": r"biélorussie|belarus|biélorusses?|belarusian|minsk",
    "Poland": r"pologne|poland|polonais|polonaises?|polish|varsovie|warsaw",
    "North Korea": r"corée\s+du\s+nord|north\s+korea|nord-coréens?|nord-coréennes?|north\s+korean|pyongyang",
    "Chad": r"tchad|chad|tchadiens?|tchadiennes?|chadian|n['’]djamena",
    "Kenya": r"kenya|kényans?|kenyans?|nairobi",
    "Cameroon": r"cameroun|cameroon|camerounais|camerounaises?|cameroonian",
    "Niger": r"niger|nigériens?|nigériennes?|nigérien",
    "Myanmar": r"myanmar|birmanie|burma|birmans?|birmanes?|burmese|tatmadaw|junte\s+birmane|naypyidaw",
    "Mozambique": r"mozambique|mozambicains?|mozambicaines?|mozambican|maputo",
    "Uganda": r"ouganda|uganda|ougandais|ougandaises?|ugandan|kampala",
    "Burundi": r"burundi|burundais|burundaises?|burundian|bujumbura",
    "South Sudan": r"soudan\s+du\s+sud|south\s+sudan|sud-soudanais|sud-soudanaises?|south\s+sudanese|juba",
    "Central African Republic": r"centrafrique|république\s+centrafricaine|central\s+african\s+republic|centrafricains?|centrafricaines?|bangui",
    "Eritrea": r"érythrée|eritrea|érythréens?|érythréennes?|eritrean|asmara",
    "Algeria": r"algérie|algeria|algériens?|algériennes?|algerian|alger|algiers",
    "Morocco": r"maroc|morocco|marocains?|marocaines?|moroccan|rabat",
    "Tunisia": r"tunisie|tunisia|tunisiens?|tunisiennes?|tunisian",
    "Mauritania": r"mauritanie|mauritania|mauritaniens?|mauritaniennes?|mauritanian|nouakchott",
    "Benin": r"bénin|benin|béninois|béninoises?|beninese|cotonou",
    "Togo": r"togo|togolais|togolaises?|togolese|lomé",
    "Bahrain": r"bahreïn|bahrain|bahreïnis?|bahraini|manama",
    "Kuwait": r"koweït|kuwait|koweïtiens?|koweïtiennes?|kuwaiti",
    "Oman": r"oman|omanais|omanaises?|omani|mascate|muscat",
    "Georgia": r"géorgie|géorgiens?|géorgiennes?|georgian|tbilissi|tbilisi",
    "Bangladesh": r"bangladesh|bangladais|bangladaises?|bangladeshi|dacca|dhaka",
    "Philippines": r"philippines|philippins?|philippines|filipino|manille|manila",
    "Colombia": r"colombie|colombia|colombiens?|colombiennes?|colombian|bogota|bogotá",
    "Italy": r"italie|italy|italiens?|italiennes?|italian|rome",
    "Spain": r"espagne|spain|espagnols?|espagnoles?|spanish|madrid",
    "Netherlands": r"pays-bas|netherlands|néerlandais|néerlandaises?|dutch|la\s+haye|the\s+hague",
    "Canada": r"canada|canadiens?|canadiennes?|canadian|ottawa",
    "Japan": r"japon|japan|japonais|japonaises?|japanese|tokyo",
    "South Korea": r"corée\s+du\s+sud|south\s+korea|sud-coréens?|sud-coréennes?|south\s+korean|séoul|seoul",
    "Greece": r"grèce|greece|grecs?|grecques?|greek|athènes|athens",
    "Romania": r"roumanie|romania|roumains?|roumaines?|romanian|bucarest|bucharest",
    "Lithuania": r"lituanie|lithuania|lituaniens?|lituaniennes?|lithuanian|vilnius",
    "Estonia": r"estonie|estonia|estoniens?|estoniennes?|estonian|tallinn",
    "Latvia": r"lettonie|latvia|lettons?|lettonnes?|latvian|riga",
    "Finland": r"finlande|finland|finlandais|finlandaises?|finnish|helsinki",
    "Sweden": r"suède|sweden|suédois|suédoises?|swedish|stockholm",
    "Norway": r"norvège|norway|norvégiens?|norvégiennes?|norwegian|oslo",
    "Denmark": r"danemark|denmark|danois|danoises?|danish|copenhague|copenhagen",
    "Belgium": r"belgique|belgium|belges?|belgian|bruxelles|brussels",
    "Australia": r"australie|australia|australiens?|australiennes?|australian|canberra",
    "United Nations": r"nations\s+unies|united\s+nations|onu|un|monusco|minusma|minusca|unifil|finul|unmiss|casques\s+bleus|blue\s+helmets|peacekeepers",
    "Islamic Resistance in Iraq": r"islamic\s+resistance\s+in\s+iraq|résistance\s+islamique\s+(?:en|d['’])\s*irak",
    "Hezbollah": r"hezbollah|hizbollah|hizballah|حزب\s+الله",
    "Hamas": r"hamas|brigades\s+(?:ezzedine\s+|izz\s+ad-din\s+)?al-qassam|(?:al-)?qassam\s+brigades|حماس",
    "Islamic Jihad": r"jihad\s+islamique|islamic\s+jihad|brigades\s+al-qods|al-quds\s+brigades|saraya\s+al-quds",
    "Houthis": r"houthis?|houthistes?|ansar\s+allah|ansarallah|الحوثي\w*|أنصار\s+الله",
    "Islamic State": r"état\s+islamique|etat\s+islamique|islamic\s+state|isis|isil|daech|daesh|eiil|eiis|ei|is|iswap|iskp|is-k|isis-k|eigs|داعش|الدولة\s+الإسلامية",
    "al-Qaeda": r"(?:al-qaïda|al-qaida|al-qaeda|al\s+qaeda)(?:\s+(?:au|in\s+the|dans\s+la|in)\s+(?:maghreb\s+islamique|islamic\s+maghreb|péninsule\s+arabique|arabian\s+peninsula|sous-continent\s+indien|indian\s+subcontinent))?|aqmi|aqap|aqim|aqpa",
    "al-Shabaab": r"al-shabaab|al-shabab|shebab|chebab",
    "Boko Haram": r"boko\s+haram",
    "Taliban": r"talibans?|taliban",
    "PKK": r"pkk|parti\s+des\s+travailleurs\s+du\s+kurdistan|kurdistan\s+workers['’]?\s+party",
    "Syrian Democratic Forces": r"fds|sdf|forces\s+démocratiques\s+syriennes|syrian\s+democratic\s+forces",
    "YPG": r"ypg|unités\s+de\s+protection\s+du\s+peuple|people's\s+protection\s+units",
    "Kataib Hezbollah": r"kataëb\s+hezbollah|kataib\s+hezbollah|kata'ib\s+hezbollah",
    "Wagner": r"wagner",
    "Rapid Support Forces": r"forces\s+de\s+soutien\s+rapide|rapid\s+support\s+forces|fsr|rsf",
    "M23": r"m23",
    "JNIM": r"jnim|gsim|groupe\s+de\s+soutien\s+à\s+l['’]islam\s+et\s+aux\s+musulmans|group\s+for\s+the\s+support\s+of\s+islam\s+and\s+muslims|jama['’]?at\s+nusrat\s+al-islam\s+wal-muslimin",
    "Allied Democratic Forces": r"allied\s+democratic\s+forces|forces\s+démocratiques\s+alliées|adf",
    "Balochistan Liberation Army": r"balochistan\s+liberation\s+army|armée\s+de\s+libération\s+du\s+baloutchistan|bla",
    "Jaish-e-Mohammed": r"jaish-e-moha?mm?ed|jaish-e-muhammad|jem",
    "Lashkar-e-Taiba": r"lashkar-e-ta[iy]y?ba|let",
    "Arakan Army": r"arakan\s+army|armée\s+d['’]arakan",
    "Popular Mobilization Forces": r"popular\s+mobili[sz]ation\s+(?:forces|units)|hach[ed]\s+al-chaabi|hashd\s+al-shaabi|pmf|unités\s+de\s+la\s+mobilisation\s+populaire",
    "Harakat al-Nujaba": r"(?:harakat\s+)?al-nujaba|nujaba",
    "Polisario Front": r"(?:front\s+)?polisario(?:\s+front)?",
    "CODECO": r"codeco",
    "al-Nusra Front": r"front\s+al-nosra|al-nusra\s+front|jabhat\s+al-nusra",
    "TPLF": r"tplf|tigray\s+people['’]s\s+liberation\s+front|front\s+de\s+libération\s+du\s+peuple\s+du\s+tigré|forces\s+tigréennes|tigrayan\s+forces",
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
    "Cameroon": "CM", "Myanmar": "MM", "Mozambique": "MZ", "Uganda": "UG", "Burundi": "BI",
    "South Sudan": "SS", "Central African Republic": "CF", "Eritrea": "ER", "Algeria": "DZ", "Morocco": "MA",
    "Tunisia": "TN", "Mauritania": "MR", "Benin": "BJ", "Togo": "TG", "Bahrain": "BH", "Kuwait": "KW",
    "Oman": "OM", "Georgia": "GE", "Bangladesh": "BD", "Philippines": "PH", "Colombia": "CO", "Italy": "IT",
    "Spain": "ES", "Netherlands": "NL", "Canada": "CA", "Japan": "JP", "South Korea": "KR", "Greece": "GR",
    "Romania": "RO", "Lithuania": "LT", "Estonia": "EE", "Latvia": "LV", "Finland": "FI", "Sweden": "SE",
    "Norway": "NO", "Denmark": "DK", "Belgium": "BE", "Australia": "AU",
}

# Groups whose short names collide with common words are only accepted in upper case.
_UPPER_ONLY = frozenset(
    {"us", "is", "ei", "sdf", "fds", "rsf", "fsr", "hts", "htc", "cia", "uae", "idf", "rdc", "drc", "adf", "bla", "ttp", "pmf", "jem", "let", "un", "onu"}
)


# Armed groups the lexicon does not know, read as written: "the Arakan Rohingya Salvation
# Army claimed", "le Front de libération du Macina a revendiqué".
_GROUP_WORD = (
    r"Army|Front|Movement|Brigades?|Forces|Group|Union|Council|Alliance|Organi[sz]ation|Party|"
    r"Resistance|Militias?|Battalions?|Legion|Guards?|Mujahideen|Martyrs|Jamaat|Jama['’]at|Ansar|"
    r"Harakat|Tehreek|Lashkar|Jaish|Katiba|Hizb|Mouvement|Armée|Groupe|Parti|Conseil|Résistance|"
    r"Bataillons?|Légion|Milices?|Moudjahidines|Martyrs|Framework|Coordination|Platform|Plateforme|Committee"
)
_CAP = r"(?:al-|el-|Al-|El-)?[A-Z][\w'’-]*"
_GROUP_NAME = re.compile(
    rf"(?<![\w-])(?!(?:The|Le|La|Les|A|An|Un|Une)\s)(?:"
    # English: every word capitalised but connectors ("Arakan Rohingya Salvation Army")
    rf"{_CAP}(?:\s+(?:(?:of|for|the|in|and|al|wa|wal)\s+)*{_CAP}){{1,5}}"
    # French: a capitalised group noun, lower-case words, a capitalised name ("Front de libération du Macina")
    rf"|(?:Front|Mouvement|Armée|Groupe|Brigades?|Parti|Forces|Conseil|Coalition|Alliance|Union|Bataillons?)"
    rf"(?:\s+[a-zà-ÿ'’-]+){{0,4}}?\s+(?:de\s+la\s+|du\s+|des\s+|de\s+l['’]|de\s+|d['’]|pour\s+(?:la\s+|le\s+|l['’])?){_CAP}"
    rf")(?![\w-])"
)
_GROUP_WORD_RE = re.compile(rf"\b(?:{_GROUP_WORD})\b")
_GROUP_STOP = re.compile(r"^(?:The|Le|La|Les|L['’]|A|An|Un|Une)\s+")


# one hyphenated word: "Jamaat-ul-Ahrar", "Ansar-ul-Islam", "Liwa-al-Quds"
_HYPHENATED_GROUP = re.compile(
    r"(?<![\w-])(?:Jama['’]?at|Jaish|Lashkar|Harakat|Ansar|Hizb|Tehreek|Tehrik|Katiba|Liwa|Saraya|Kata['’]?ib|Asa['’]?ib)"
    r"(?:-[\w'’]+){1,4}(?![\w-])"
)


def _group_names(text: str, known: Sequence[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for match in _GROUP_NAME.finditer(text):
        name = match.group(0)
        stripped = _GROUP_STOP.sub("", name)
        start = match.start() + len(name) - len(stripped)
        words = stripped.split()
        if len(words) < 2 or not _GROUP_WORD_RE.search(stripped):
            continue
        if any(a.start < match.end() and start < a.end and a.start <= start for a in known):
            continue  # "Israel Defense Forces", "Sudanese Armed Forces": the state
        out.append(ActorMention(start, match.end(), stripped, stripped))
    out.extend(
        ActorMention(m.start(), m.end(), m.group(0), m.group(0))
        for m in _HYPHENATED_GROUP.finditer(text)
        if not any(a.start < m.end() and m.start() < a.end for a in [*known, *out])
    )
    return out


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
    if re.search(_GROUP_WORD, text) or _HYPHENATED_GROUP.search(text):
        groups = _group_names(text, out)
        # a state inside a group's name is part of it: "Tehreek-e-Jihad Pakistan"
        out = [a for a in out if not any(g.start <= a.start and a.end <= g.end for g in groups)] + groups
        out.sort(key=lambda a: a.start)
    return out
