"""Text -> place mentions, through the gazetteer, with the context filters a gazetteer lacks.

The gazetteer finds every span whose normalised form is a known name (longest match wins).
This stage removes spans that are names but not places *in context*: the place inside an
organisation's name ("État islamique en Irak et en Syrie", "Washington Post") and people
("général Milley", "Mark Esper").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .model import Mention, Sentence
from .ranking import place_table

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["find_mentions", "TABLE_PREFIX", "DEMONYM_PREFIX"]

# Keys of mentions found through the shipped place table (geoevents/ranking/places.csv) start
# with these; normalised gazetteer keys never contain them.
TABLE_PREFIX = "+"
DEMONYM_PREFIX = "+demonym:"

# Organisations whose names contain place names. Matched on the raw text, case-insensitive.
_ORGANISATIONS = re.compile(
    r"""
    (?:[EÉ]tat\s+islamique|Islamic\s+State|Daesh|Daech|ISIS|ISIL|EIIL|EIIS)
        (?:\s+(?:en|de|du|d'|d’|in|of|au)\s*(?:l'|l’|la\s+|le\s+|the\s+)?[\w\-’']+
           (?:\s+(?:et|and)\s+(?:en\s+|au\s+|de\s+|du\s+|the\s+|la\s+|l'|l’)?[\w\-’']+)?)?
    | Al[\s-]?Qa[ïi]da\s+(?:en|au|in\s+the|in|of\s+the|of)\s+[\w\-’' ]{3,40}?(?=[,.;:)]|\s+(?:a|has|have|ont|was|et|and)\b)
    | (?:force|unité|brigade)s?\s+(?:al[\s-]?)?Q[ou]ds | (?:al[\s-]?)?Q[ou]ds\s+(?:Force|Brigades?)
    | Boko\s+Haram
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Words that, right before a name, make it part of an organisation ("Université de Paris").
_ORG_HEADS = re.compile(
    r"""(?:\b(?:universit[ée]|university|college|coll[èe]ge|school|[ée]cole|bank|banque|
        minist[eè]re|ministry|department|d[ée]partement\s+d'[ée]tat|embassy|ambassade|
        airlines?|airways|club|team|[ée]quipe|party|parti|council|conseil|government\s+of|
        gouvernement\s+d[eu']?|times|post|journal|gazette|tribune|herald)
        \s+(?:of\s+|de\s+|du\s+|des\s+|d'|d’)?(?:the\s+|la\s+|le\s+|l'|l’)?)$""",
    re.VERBOSE | re.IGNORECASE,
)

# Capitalised words right after a name that make the whole a non-place proper noun.
_ORG_TAILS = re.compile(
    r"""^\s+(?:Post|Times|News|Herald|Tribune|Journal|Gazette|Chronicle|Observer|Star|Daily|
        Rangers|Police|University|College|Bank|Airlines|Airways|Corp(?:oration)?|Company|Inc|Ltd|
        Club|FC|United|Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd|Drive|Dr\.|Lane|Mall|
        Hall|Party|Council|Committee|Senate|Assembly|Stadium|Postal)\b""",
    re.VERBOSE,
)
# Armed groups and movements that gazetteers also list as place names ("Hamas" is an
# alternate name of Hamm, Germany; "Shabaab" a village in Iran): never places in the news.
# Compared on normalised keys, so "al-Shabaab", "Shebab" and "HAMAS" are covered.
_GROUP_NAMES = (
    "Hamas", "Hezbollah", "Hizbollah", "Hizballah", "Houthi", "Houthis", "Shabaab", "Shabab",
    "Chabab", "Shebab", "Wagner", "Amal", "Tasnim",
)
# News agencies written as acronyms ("SANA" is Syria's agency, "Sana" a spelling of Sanaa;
# "TASS" an alternate name of Tashkent): compared as written.
_AGENCY_ACRONYMS = frozenset({"IRNA", "ISNA", "SANA", "TASS", "RIA", "WAFA", "MENA", "KCNA", "IRIB", "QNA", "SPA", "WAM"})
# Weapon systems named after places or sharing their names ("Tomahawk", "Iskander", "Grad").
# Only dropped beside a weapon word or a model number, so Tomahawk, Wisconsin stays a place.
_WEAPON_NAMES = frozenset({
    "Iskander", "Kinzhal", "Kalibr", "Tomahawk", "Patriot", "Shahed", "Geran", "Bayraktar",
    "Mirage", "Rafale", "Apache", "Chinook", "Black Hawk", "Blackhawk", "Grad", "Smerch",
    "Uragan", "Tornado", "Katyusha", "Storm Shadow", "Scalp", "Javelin", "Stinger", "Leopard",
    "Abrams", "Challenger", "Caracal", "Hellfire", "Reaper", "Predator", "Harop", "Lancet",
    "Orlan", "Fateh", "Zolfaghar", "Kheibar", "Burkan", "Toufan", "Qassam", "Badr", "Samad",
    "Scud", "Tochka", "Onyx", "Zircon", "Pantsir", "Buk", "Tor", "Tupolev", "Sukhoi", "Mig",
    "MiG", "Harpoon", "Exocet", "Hermes", "Heron", "Wing Loong", "Arash", "Mohajer", "Fajr",
    "Zelzal", "Qiam", "Emad", "Khorramshahr", "Sejjil", "Kheibar Shekan", "Paveh", "Quds",
})
_WEAPON_WORD_BEFORE = re.compile(
    r"\b(?:missiles?|roquettes?|rockets?|drones?|hélicoptères?|helicopters?|avions?|chasseurs?|"
    r"bombardiers?|chars?|tanks?|systèmes?|systems?|batteries|batterie|lance-roquettes|obus|"
    r"de\s+type|du\s+type|type)\s+(?:de\s+(?:type\s+)?)?$",
    re.IGNORECASE,
)
_WEAPON_WORD_AFTER = re.compile(
    r"^(?:[\s-]*[A-Z]{0,3}-?\d[\w-]*)?\s*(?:cruise\s+|ballistic\s+|anti-\w+\s+)?"
    r"(?:missiles?|rockets?|helicopters?|gunships?|jets?|fighters?|drones?|tanks?|launchers?|"
    r"batter(?:y|ies)|systems?|interceptors?|bombers?|aircraft|planes?|warplanes?|munitions?|"
    r"missile|rocket)\b"
    r"|^[\s-]*[A-Z]{0,3}-?\d",  # a model number: "Mirage 2000", "Grad-P", "Fateh-110"
)
# A ship's prefix and name: "USS Carney", "HMS Diamond" (neither is a place).
_SHIP = re.compile(r"\b(?:USS|USNS|HMS|HMCS|HMAS|INS|FS|RFS|TCG|ARA|HNLMS|KRI)\s+(?:[A-Z][\w.'’-]*\s*){1,3}")
# A currency sign glued after a country code: "US$460 million", "A$10".
_CURRENCY_AFTER = re.compile(r"^\$")

# Titles and roles that introduce a person's name.
_PERSON_BEFORE = re.compile(
    r"""(?:\b(?:M|Mme|Mr|Mrs|Ms|Dr|Gen|Gén|Col|Lt|Sgt|Capt|Adm|Sen|Rep|Gov|Pr)\.?
        |\b(?:général|general|président|president|ministre|minister|secretary|secrétaire|
        porte-parole|spokesman|spokeswoman|spokesperson|commandant|commander|colonel|sergent|
        sergeant|capitaine|captain|lieutenant|ayatollah|sheikh|cheikh|imam|roi|king|reine|queen|
        prince|princesse|princess|émir|emir|sultan|pape|pope|journaliste|reporter|senator|sénateur|
        député|mayor|maire|governor|gouverneur|chief|officer|agent|juge|judge|mister|madame|
        monsieur|saint|st)
        )\s+$""",
    re.VERBOSE | re.IGNORECASE,
)

def _words(text: str) -> list[str]:
    return text.split()


_CAPITALISED_WORD_BEFORE = re.compile(r"(?:^|[\s(\"«“])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)\s+$")
_DIRECTIONS = frozenset(_words(
    """north northern south southern east eastern west western central greater upper lower
    nord sud est ouest centre central centrale grand grande haute basse northeast northwest
    southeast southwest downtown old new"""
))
# "Iraqi Kurdistan", "Syrian Golan": adjectives of nationality before a place keep it a place.
_ADJECTIVE_ENDING = re.compile(r"(?:i|an|ian|ese|ish|ais|aise|ien|ienne|ois|oise)$")
_SENTENCE_STARTERS = frozenset(_words(
    """in at on from to near outside inside across around the a an and but or of for with by
    after before during since while when where as if le la les l un une des du de en au aux
    à a dans sur sous près vers depuis après avant pendant et mais ou pour par avec entre contre
    selon lors à"""
))


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _sentence_index(sentences: Sequence[Sentence], offset: int, hint: int) -> int:
    index = hint
    while index + 1 < len(sentences) and sentences[index].end <= offset:
        index += 1
    return index


def find_mentions(
    text: str,
    sentences: Sequence[Sentence],
    *,
    gazetteer: Gazetteer,
    filter_context: bool = True,
    demonyms: bool = False,
) -> tuple[Mention, ...]:
    """Place-name mentions in ``text``, in order, without overlaps.

    Parameters
    ----------
    text
        The article text; offsets of the mentions index into it.
    sentences
        The article's sentences (from :func:`geoevents.text.split_sentences`).
    gazetteer
        An open :class:`gazetteer.Gazetteer`.
    filter_context
        Drop names that are part of an organisation or a person's name in context.
    demonyms
        Also return nationality adjectives ("Iraqi", "Palestinians") as mentions of their
        country, with keys starting with :data:`DEMONYM_PREFIX`. Geoparsing corpora count
        them as toponyms; on a map they are not places, so they are off by default (and then
        a gazetteer name that is written as a demonym is not a mention either).
    """
    org_spans = (
        [m.span() for m in _ORGANISATIONS.finditer(text)] + [m.span() for m in _SHIP.finditer(text)]
        if filter_context else []
    )
    spans = _merge(text, gazetteer, demonyms)
    mentions: list[Mention] = []
    sentence = 0
    for start, end, key in spans:
        if filter_context and _not_a_place(text, start, end, org_spans):
            continue
        if filter_context and _short_word(text[start:end], key, gazetteer):
            continue
        if filter_context and _named_thing(text, start, end, key):
            continue
        sentence = _sentence_index(sentences, start, sentence)
        mentions.append(Mention(start, end, text[start:end], key, sentence))
    return tuple(mentions)


def _merge(text: str, gazetteer: Gazetteer, demonyms: bool) -> list[tuple[int, int, str]]:
    """Gazetteer matches and place-table matches, longest first where they overlap."""
    table = place_table()
    spans: list[tuple[int, int, str]] = []
    for start, end, name in table.find(text):
        kinds = {row.kind for row in table.rows(name)}
        if kinds == {"demonym"}:
            # Without demonyms the span still claims its words (empty key: dropped below),
            # so "Russian troops" is not read as a gazetteer place named "Russian".
            spans.append((start, end, DEMONYM_PREFIX + name if demonyms else TABLE_PREFIX))
        else:
            spans.append((start, end, TABLE_PREFIX + name))
    spans.extend((m.start, m.end, m.key) for m in gazetteer.find(text))
    spans.extend(_party_districts(text, gazetteer))
    # Longer spans first; on equal length the table wins ("Kan." the abbreviation over a
    # gazetteer's "Kan"), as its rows are written exactly as news writes them.
    spans.sort(key=lambda s: (-(s[1] - s[0]), not s[2].startswith(TABLE_PREFIX), s[0]))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, str]] = []
    for start, end, key in spans:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        if key != TABLE_PREFIX:
            kept.append((start, end, key))
    kept.sort()
    return kept


def _short_word(written: str, key: str, gazetteer: Gazetteer) -> bool:
    """A short capitalised common word ("Il", "Man"): a code only when written in capitals.

    Two-letter names in mixed case are pronouns and particles ("Il", "On", "Du") far more
    often than places, whatever the gazetteer's word list says.
    """
    if written.isupper() or len(written) > 3:
        return False
    return len(written) <= 2 or gazetteer.is_common(key)


@functools.cache
def _group_keys() -> frozenset[str]:
    from gazetteer import normalise

    return frozenset(normalise(name) for name in _GROUP_NAMES)


def _named_thing(text: str, start: int, end: int, key: str) -> bool:
    """An armed group, a news agency or a weapon system that shares a place's name."""
    written = text[start:end]
    if written in _AGENCY_ACRONYMS or key in _group_keys():
        return True
    return written in _WEAPON_NAMES and (
        _WEAPON_WORD_BEFORE.search(text[max(0, start - 30):start]) is not None
        or _WEAPON_WORD_AFTER.match(text[end:end + 40]) is not None
    )


# US legislators' party and home district: "Sen. Robert Ford, D-Charleston, said".
_PARTY_DISTRICT = re.compile(
    r"(?<![\w-])[DRI]-(?P<name>[A-Z][\w.'’]+(?:[ -][A-Z][\w.'’]+)?)(?=\s*[,);])"
)


def _party_districts(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Home towns in party-district notation, which a word matcher reads as one word."""
    from gazetteer import normalise

    found = []
    for match in _PARTY_DISTRICT.finditer(text):
        key = normalise(match.group("name"))
        if key and key in gazetteer:
            found.append((match.start("name"), match.end("name"), key))
    return found


_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre"
    r"|d[ée]cembre)"
)
# "October 6", "6 octobre", "the 6th of October": a date, even where GeoNames has a town of
# that name (Egypt's 6th of October City is also "October 6").
_DATE_LIKE = re.compile(
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+)?{_MONTHS})",
    re.IGNORECASE,
)


def _not_a_place(text: str, start: int, end: int, org_spans: Sequence[tuple[int, int]]) -> bool:
    if _inside(org_spans, start, end):
        return True
    if _DATE_LIKE.fullmatch(text[start:end]):
        return True
    before = text[max(0, start - 60) : start]
    if _ORG_HEADS.search(before) or _ORG_TAILS.match(text[end : end + 24]):
        return True
    if _CURRENCY_AFTER.match(text[end : end + 1]):
        return True
    if _PERSON_BEFORE.search(before):
        return True
    word = _CAPITALISED_WORD_BEFORE.search(before)
    if word:
        token = word.group(1).lower()
        # "Mark Esper": a capitalised word glued before the name, not starting the sentence.
        preceding = before[: word.start(1)].rstrip()
        at_sentence_start = not preceding or preceding[-1] in ".!?\n\"«“:"
        if (
            token not in _DIRECTIONS
            and token not in _SENTENCE_STARTERS
            and not _ADJECTIVE_ENDING.search(token)
            and not at_sentence_start
        ):
            return True
    return False
