"""Fatalities and injuries as stated: "3 morts", "killing five", "aucune troupe tuée" -> 0.

Counts are ``None`` when the text says nothing and ``0`` when it says none. Vague amounts
("des dizaines de blessés") use the lower-bound rule of :mod:`geoevents.events.quantities`;
the words are kept as evidence. "No immediate reports of casualties" says nothing (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._words import candidate_starts, leading_words, match_at
from .quantities import NUMBER_PATTERN, parse_number

__all__ = ["CasualtyMention", "find_casualties"]

_NUM = rf"(?:(?:au\s+moins|at\s+least|plus\s+de|more\s+than|over|près\s+de|nearly|some|about|environ|around|un\s+total\s+de|a\s+total\s+of)\s+)?(?P<n>{NUMBER_PATTERN})"
_KILLED = (
    r"tué(?:e|s|es)?|morts?|mortes|décès|décédé(?:e|s|es)?|péri|perdu\s+la\s+vie|tués|"
    r"killed|dead|died|deaths?|fatalities|lost\s+their\s+lives|lives|قتلى|قتيل\w*|قتلوا"
)
_INJURED = (
    r"blessé(?:e|s|es)?|blessures?|traumatismes?|commotions?|"
    r"injur(?:ed|ies|y)|wounded|hurt|wounds|concussions?|brain\s+injur(?:y|ies)|جرحى|مصاب\w*|إصابات"
)
_KILL_VERB = (
    r"shot\s+dead|gunned\s+down|abattant|tuant|tué|tuer|faisant|fait|killing|killed|kill|leaving|left|claiming|"
    r"blessant|injuring|wounding|wounded|injured|blessé|مقتل|مصرع|إصابة"
)
_PERSON = (
    r"woman|man|child|boy|girl|soldier|civilian|person|policeman|officer|teenager|"
    r"femme|homme|enfant|garçon|fillette|soldat|militaire|civil|policier|adolescent|palestinien|israélien"
)
_WORD = r"[^\W\d][\w'’.-]*"
_WHEN = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|on\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|yesterday)(?:\s+(?:soir|matin|evening|morning|night))?"
)
_GAP = rf"(?:(?!{_KILLED}|{_INJURED}|missiles?|roquettes?|rockets?|drones?|obus)\b{_WORD}\s+){{0,6}}"

_PATTERNS = [
    # "aucune troupe américaine n'a été tuée", "no one was hurt", "aucun blessé"
    ("zero", rf"(?P<z>aucune?|no|none|personne(?=\s+n['’e])|nobody|no\s+one|pas\s+(?:fait\s+|causé\s+|provoqué\s+)?de|sans|without|دون|بدون|لم\s+يسفر\s+عن)\s+(?:{_WORD}\s+){{0,5}}?(?P<what>{_KILLED}|{_INJURED}|victimes?|casualt(?:y|ies)|ضحايا|خسائر\s+بشرية)"),
    # "killing no one", "sans blesser personne"
    ("zero_verb", r"(?P<v>killing|injuring|wounding|tuant|blessant|killed|wounded|injured)\s+(?P<what>no\s+one|nobody|personne)\b"),
    # "après la mort de deux soldats", "the deaths of three soldiers"
    ("death_of", rf"(?P<what>la\s+mort|le\s+décès|the\s+deaths?|the\s+killing)\s+(?:de|d['’]|of)\s*{_NUM}"),
    # "the death toll rose to 45", "le bilan s'est alourdi à 12 morts"
    ("toll", rf"(?P<what>death\s+toll|toll|bilan)\s+(?:[\w'’-]+\s+){{0,8}}?(?:to|at|à|de)\s+{_NUM}"),
    # "killing 5 people", "ont tué trois civils", "faisant 3 morts et 12 blessés"
    # "a tué dimanche au moins 43 personnes", "wounding 15."
    ("verb", rf"(?:{_KILL_VERB})\s+(?:{_WHEN}\s+)?(?:(?:légèrement|grièvement|gravement|slightly|seriously|critically|badly)\s+)?(?:{_NUM}|(?P<one>an?|une?)(?=\s+(?:{_PERSON})\b))(?:\s+(?:{_WORD}\s+){{0,3}}?(?P<what>{_KILLED}|{_INJURED}|{_WORD})|(?=\s*(?:[.;]|$)))"),
    # "3 soldats tués", "des dizaines ont subi des traumatismes", "five people were wounded"
    # "10 civilians, including seven children, were killed"
    # "three civilians and two soldiers were killed": one toll
    ("count_and", rf"{_NUM}\s+(?:{_WORD}\s+){{0,2}}?{_WORD}\s+(?:and|et)\s+(?P<n2>{NUMBER_PATTERN})\s+(?:{_WORD}\s+){{0,2}}?{_WORD}\s+(?:were|have\s+been|had\s+been|ont\s+été|sont|avaient\s+été|ont)\s+(?:\w+\s+)?(?P<what>{_KILLED}|{_INJURED})"),
    ("count", rf"{_NUM}\s+(?:{_WORD}\s+){{0,2}}?{_WORD},\s*(?:including|dont|among\s+them|y\s+compris|parmi\s+(?:eux|lesquels))[^,.;]{{1,50}},\s*{_GAP}(?P<what>{_KILLED}|{_INJURED})"),
    ("count", rf"{_NUM}\s+{_GAP}(?P<what>{_KILLED}|{_INJURED})"),
    # "Six humanitaires français, leur chauffeur et leur guide ont été tués": a list of victims, then the verb
    ("count", rf"{_NUM}\s+[^\W\d][^.;:!?]{{0,90}}?\s+(?:ont\s+été|were|have\s+been|had\s+been|avaient\s+été)\s+(?:\w+\s+)?(?P<what>{_KILLED}|{_INJURED})"),
    # "killed Iranian general Qassem Soleimani", "a tué le porte-parole du Hezbollah": one person
    ("one_title", r"\b(?:killed|killing|tuant|tué)\s+(?:(?:the|le|la|l['’]|un|une|a|an)\s*)?(?:[\w-]+\s+){0,2}?(?P<what>general|commander|leader|chief|spokes(?:man|woman)|général|commandant|chef|dirigeant|porte-parole|numéro\s+deux)\b"),
    # "Darya Douguina a été tuée", "a soldier was killed": one person
    ("one", r"\b(?:a\s+été|was|has\s+been)\s+(?:\w+\s+){0,2}?(?P<what>tuée?|killed|shot\s+dead|assassinée?|assassinated|blessée?|wounded|injured)\b"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
_NUMBER_FIRST = frozenset({"count_and", "count"})
_NUM_WORDS = {w for w in leading_words(_NUM) if w}
_NUM_EXACT = frozenset(w for w in _NUM_WORDS if len(w) < 3)
_NUM_PREFIXES = frozenset(w[:3] for w in _NUM_WORDS if len(w) >= 3)
_KILLED_RE = re.compile(rf"^(?:{_KILLED})$", re.IGNORECASE)
_INJURED_RE = re.compile(rf"^(?:{_INJURED})$", re.IGNORECASE)
# "no immediate reports of casualties" says nothing; "aucune victime n'a été signalée" says none
_NO_REPORT = re.compile(r"immédiat|immediate|information|\byet\b|pas\s+encore|unclear|word\s+on", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """One statement of a count of dead or wounded (offsets relative to the searched text)."""

    start: int
    end: int
    text: str
    field: str  # "fatalities" or "injuries"
    value: int


def find_casualties(text: str) -> list[CasualtyMention]:
    """Casualty statements in ``text``.

    >>> [(c.field, c.value) for c in find_casualties("Aucune troupe n'a été tuée, mais des dizaines ont subi des traumatismes")]
    [('fatalities', 0), ('injuries', 20)]
    >>> [(c.field, c.value) for c in find_casualties("The blast killed 12 people and wounded at least 30.")]
    [('fatalities', 12), ('injuries', 30)]
    """
    out: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []
    number_starts: tuple[int, ...] | None = None
    for kind, regex in _COMPILED:
        if kind in _NUMBER_FIRST:
            # patterns opening with a count: tried only where a number word or digit starts
            if number_starts is None:
                number_starts = candidate_starts(text, exact=_NUM_EXACT, prefixes=_NUM_PREFIXES, digits=True)
            matches = match_at(regex, text, number_starts)
        else:
            matches = list(regex.finditer(text))
        for match in matches:
            start, end = match.start(), match.end()
            if any(start < e and s < end for s, e in taken):
                continue
            found = _read(kind, match)
            if found:
                taken.append((start, end))
                out.extend(found)
    out.sort(key=lambda c: c.start)
    out.extend(_trailing_injuries(text, out))
    out.extend(_elliptic_counts(text, out))
    out.sort(key=lambda c: c.start)
    return out


_ELLIPTIC = re.compile(
    rf"\b(?:et|and)\s+{_NUM}\s+(?:autres?\s+|others?\s+|more\s+)?"
    r"(?:(?:people|persons|personnes|civilians|civils|soldiers|soldats|policemen|policiers)\s+)?"
    r"(?=(?:à|au|aux|in|at|dans|near|près)\b)",
    re.IGNORECASE,
)


def _elliptic_counts(text: str, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """'70 personnes ont péri à X et une trentaine à Y': the second count keeps the first's field."""
    out = []
    for match in _ELLIPTIC.finditer(text):
        before = [c for c in found if c.end <= match.start() and match.start() - c.end <= 40 and c.value]
        if not before or any(c.start < match.end() and match.start() < c.end for c in found):
            continue
        value = parse_number(match.group("n"))
        if value is not None:
            out.append(CasualtyMention(match.start(), match.end(), match.group(0).strip(), before[-1].field, value))
    return out


def _read(kind: str, match: re.Match[str]) -> list[CasualtyMention]:
    what = match.group("what") or ""
    start, end, words = match.start(), match.end(), match.group(0)
    if kind == "zero_verb":
        field = "injuries" if match.group("v").lower() in _INJURE_VERBS else "fatalities"
        return [CasualtyMention(start, end, words, field, 0)]
    if kind == "zero":
        if _NO_REPORT.search(words):
            return []
        if re.match(r"victimes?|casualt|ضحايا|خسائر", what, re.IGNORECASE):
            return [
                CasualtyMention(start, end, words, "fatalities", 0),
                CasualtyMention(start, end, words, "injuries", 0),
            ]
        field = "injuries" if _INJURED_RE.match(what) else "fatalities"
        return [CasualtyMention(start, end, words, field, 0)]
    if kind == "one_title":
        return [CasualtyMention(start, end, words, "fatalities", 1)]
    if kind == "one":
        field = "injuries" if _INJURED_RE.match(what) else "fatalities"
        return [CasualtyMention(start, end, words, field, 1)]
    if kind in ("toll", "death_of"):
        value = parse_number(match.group("n") or "")
        return [CasualtyMention(start, end, words, "fatalities", value)] if value is not None else []
    value = 1 if kind == "verb" and match.group("one") else parse_number(match.group("n") or "")
    if value is None:
        return []
    if kind == "count_and":
        extra = parse_number(match.group("n2") or "")
        if extra is None:
            return []
        value += extra
    if kind == "verb":
        more = _AND_MORE.match(match.string, end)
        if more is not None and not re.search(rf"{_INJURED}|{_KILLED}", more.group(0), re.IGNORECASE):
            extra = 1 if more.group("n").lower() in ("a", "an") else parse_number(more.group("n"))
            if extra is not None:
                value += extra  # "killing 60 Afghans and 13 U.S. troops"
                end, words = more.end(), match.string[start:more.end()]
        verb = words.split()[0].lower()
        if _INJURED_RE.match(what) or verb in _INJURE_VERBS:
            field = "injuries"
        elif _KILLED_RE.match(what) or verb in (
            "tuant", "tué", "tuer", "killing", "killed", "kill", "shot", "gunned", "abattant", "مقتل", "مصرع"
        ):
            field = "fatalities"
        else:
            return []
    else:
        field = "injuries" if _INJURED_RE.match(what) else "fatalities"
    return [CasualtyMention(start, end, words, field, value)]


_INJURE_VERBS = frozenset({"blessant", "injuring", "wounding", "wounded", "injured", "blessé", "إصابة"})
_AND_MORE = re.compile(
    rf"(?:\s+(?!(?:and|et)\b){_WORD}){{0,2}}\s+(?:and|et)\s+(?:at\s+least\s+|au\s+moins\s+)?(?P<n>{NUMBER_PATTERN}|an?(?=\s+(?:[\w-]+\s+)?(?:{_PERSON})\b))\s+{_WORD}(?:\s+{_WORD})?(?=\s*(?:[,.;]|$|\s+(?:said|selon|according|officials)))",
    re.IGNORECASE,
)
_AND_WOUNDED = re.compile(
    rf"(?:et|and)\s+(?:en\s+)?(?:a\s+|ont\s+)?(?:wounded|injured|blessé|blessant|injuring|wounding)\s+{_NUM}",
    re.IGNORECASE,
)


def _trailing_injuries(text: str, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """'killed 12 and wounded 30': the second count follows its verb."""
    out = []
    for match in _AND_WOUNDED.finditer(text):
        if any(c.start < match.end() and match.start() < c.end and c.field == "injuries" for c in found):
            continue
        value = parse_number(match.group("n"))
        if value is not None:
            out.append(CasualtyMention(match.start(), match.end(), match.group(0), "injuries", value))
    return out
