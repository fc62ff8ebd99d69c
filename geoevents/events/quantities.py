"""Numbers in digits or words (French, English), vague amounts, and counts of munitions.

Vague amounts follow one documented lower-bound rule, and the words are always kept as
evidence by the callers:

==========================================  =====
"une dizaine" / "about ten"                   10
"une douzaine" / "a dozen"                   12
"une vingtaine" ... "une centaine"           20 ... 100
"des dizaines" / "tens of"                   20  (two tens: the least the words can mean)
"dozens"                                     24  (two dozens)
"des centaines" / "hundreds"                 200
"des milliers" / "thousands"                 2000
"plusieurs" / "quelques" / "several" / "a few"  3
==========================================  =====
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = ["NUMBER_PATTERN", "parse_number", "number_regex", "QuantityMention", "find_quantities"]


class WeaponLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def weapon(self) -> str: ...


# Counting these would count people or shots, not munitions.
_NOT_COUNTED = frozenset({"firearms"})

_UNITS_FR = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}
_UNITS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
_UNITS = {**_UNITS_FR, **_UNITS_EN}

_VAGUE = {
    "une dizaine": 10, "une douzaine": 12, "une quinzaine": 15, "une vingtaine": 20,
    "une trentaine": 30, "une quarantaine": 40, "une cinquantaine": 50, "une soixantaine": 60,
    "une centaine": 100, "des dizaines": 20, "plusieurs dizaines": 20, "des douzaines": 24,
    "des centaines": 200, "plusieurs centaines": 200, "des milliers": 2000,
    "plusieurs milliers": 2000, "plusieurs": 3, "quelques": 3,
    "a dozen": 12, "about a dozen": 12, "dozens": 24, "tens": 20, "scores": 40,
    "hundreds": 200, "thousands": 2000, "several": 3, "a few": 3, "a handful": 3,
    "a score": 20,
}

_WORD_ALT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_VAGUE_ALT = "|".join(sorted(map(re.escape, _VAGUE), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?!\d)|\d+"
_WORDS = rf"(?:{_WORD_ALT})(?:(?:-|\s+|-et-|\s+et\s+|\s+and\s+)(?:{_WORD_ALT}))*"

NUMBER_PATTERN = rf"(?:{_VAGUE_ALT}|{_DIGITS}|{_WORDS})"
"""A regex fragment (no groups) matching one number in digits, words or vague words."""

_NUMBER_RE = re.compile(rf"\b{NUMBER_PATTERN}\b", re.IGNORECASE)
_SPLIT = re.compile(r"-et-|\s+et\s+|\s+and\s+|-|\s+")


def number_regex() -> re.Pattern[str]:
    """The compiled number pattern (word-bounded, case-insensitive)."""
    return _NUMBER_RE


def parse_number(text: str) -> int | None:
    """Value of a number written in digits, words or vague words; ``None`` if not a number.

    >>> parse_number("11"), parse_number("5 200"), parse_number("vingt-deux"), parse_number("des dizaines")
    (11, 5200, 22, 20)
    >>> parse_number("two hundred and five"), parse_number("une douzaine"), parse_number("missile")
    (205, 12, None)
    """
    words = " ".join(text.lower().split())
    if not words:
        return None
    if words in _VAGUE:
        return _VAGUE[words]
    digits = re.sub(r"[ \u00a0\u202f,]", "", words)
    if digits.isdigit():
        return int(digits)
    total = 0
    current = 0
    for word in _SPLIT.split(words):
        if not word:
            continue
        value = _UNITS.get(word)
        if value is None:
            return None
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif word in ("vingt", "vingts") and current % 100 == 4:  # quatre-vingt(s)
            current = current - 4 + 80
        else:
            current += value
    return total + current


_STOP_WORDS = (
    r"(?:and|et|or|ou|the|les|des|la|le|with|avec|than|que|qui|that|which|troops|soldiers|people"
    r"|personnes|soldats|militaires|troupes|civils|civilians|killed|tués|dont|including"
    r"|militants?|fighters?|combattants?|jihadistes?|jihadists?|rebels?|rebelles?|insurgents?|terroristes?"
    r"|terrorists?|gunmen|hommes|men|women|femmes|children|enfants|members?|membres?|in|dans|during|lors)\b"
)
_BEFORE_WEAPON = re.compile(
    rf"(?<!\w)(?P<n>{NUMBER_PATTERN}|an?|single)\s+(?:(?:de|d'|d’|of)\s*)?(?:(?!{_STOP_WORDS})[^\W\d][\w-]*\s+){{0,2}}$",
    re.IGNORECASE,
)
_COLLECTIVE = re.compile(
    r"\b(?:salves?|séries?|barrages?|volleys?|salvos?|waves?|vagues?|pluies?|rain|attaques?|"
    r"attacks?|frappes?|strikes?|attentats?|tirs?)\b",
    re.IGNORECASE,
)
_PLATFORM = re.compile(
    r"avions?|jets?|planes?|aircraft|bombers?|bombardiers?|chasseurs?|hélicoptères?|helicopters?|gunships?|aviation",
    re.IGNORECASE,
)
_PAIR = re.compile(r"(?<!\w)(?:double|twin)\s+$", re.IGNORECASE)
_NOT_COUNTED_BY_ARTICLE = frozenset({"suicide bomb", "airstrike"})  # "a suicide bomber": the attack, not a count (round 2)
_COMPOUND_NOUN = re.compile(
    r"(?:\s+(?:and|et)\s+[\w-]+)?\s+(?:attacks?|strikes?|raids?|assaults?|campaign|barrage|fire)\b", re.IGNORECASE
)
# "the remaining two", "les deux autres": the rest of a salvo told just before
_REMAINING = re.compile(
    rf"(?<!\w)(?:the\s+(?:remaining|other)\s+(?P<n>{_DIGITS}|{_WORDS})|les\s+(?P<m>{_DIGITS}|{_WORDS})\s+(?:autres|restants|restantes))(?!\w)",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"(?<!\w)(?:un\s+autre|une\s+autre|un\s+second|une\s+seconde|un\s+troisième|une\s+troisième"
    r"|another|one\s+more|a\s+second|a\s+third|one\s+of\s+(?:which|them|those)|"
    r"l['’]une?\s+d['’](?:entre\s+)?(?:elles|eux)|dont\s+une?(?=\s+a\b))(?!\w)",
    re.IGNORECASE,
)

# "29 of 31 drones", "12 of the 14 drones", "15 des 17 missiles", "18 sur 20 missiles"
_SHARE_BEFORE = re.compile(
    rf"(?<![\w,.])(?P<n>{NUMBER_PATTERN})\s+(?:of|des|sur)\s+(?:the\s+|les\s+)?$", re.IGNORECASE
)
_SHARE_OF_THEM = re.compile(
    rf"(?<![\w,.])(?P<n>{_DIGITS}|{_WORDS})\s+(?:of\s+them|of\s+those|d['’]entre\s+(?:eux|elles))(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A count of munitions (offsets relative to the searched text); ``weapon`` None = elliptic."""

    start: int
    end: int
    text: str
    value: int
    weapon: str | None
    partitive: bool = False  # "one of which", "l'une d'elles": the share that hit this place
    share: bool = False  # "29 of 31 drones", "15 des 17 missiles", "18 of them": a share of the salvo


def find_quantities(text: str, weapons: Sequence[WeaponLike]) -> list[QuantityMention]:
    """Counts of munitions: "11 missiles", "une douzaine de roquettes", "two drones", "un autre".

    ``weapons`` are the weapon mentions of ``text`` (anything with start, end, weapon).
    """
    out: list[QuantityMention] = []
    for weapon in weapons:
        if weapon.weapon in _NOT_COUNTED or (weapon.weapon != "suicide bomb" and _PLATFORM.search(text, weapon.start, weapon.end)):
            continue  # "deux avions de chasse": aircraft fly the strikes, they are not munitions
        pair = _PAIR.search(text, max(0, weapon.start - 10), weapon.start)
        if pair is not None:  # "un double attentat-suicide", "twin car bombs"
            out.append(QuantityMention(pair.start(), weapon.end, text[pair.start():weapon.end], 2, weapon.weapon))
            continue
        window_start = max(0, weapon.start - 45)
        match = _BEFORE_WEAPON.search(text, window_start, weapon.start)
        while match is not None:  # the count nearest the weapon: "a abattu trois missiles"
            nearer = _BEFORE_WEAPON.search(text, match.start("n") + 1, weapon.start)
            if nearer is None:
                break
            match = nearer
        if match is None:
            continue
        raw = match.group("n")
        between = text[match.end("n"):weapon.start]
        if _COLLECTIVE.search(between):
            continue  # "une salve de roquettes", "a barrage of rockets"
        if raw.lower() in ("a", "an", "un", "une"):
            if weapon.weapon in _NOT_COUNTED_BY_ARTICLE or _COMPOUND_NOUN.match(text, weapon.end):
                continue  # "a drone attack", "un attentat-suicide": the article counts the attack
            if raw.lower() in ("un", "une") and between.strip():
                continue  # "une attaque de drone"
        value = 1 if raw.lower() in ("a", "an", "single") else parse_number(raw)
        if value is None:
            continue
        out.append(QuantityMention(match.start(), weapon.end, text[match.start():weapon.end], value, weapon.weapon))
        share = _SHARE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        share_value = parse_number(share.group("n")) if share is not None else None
        if share is not None and share_value is not None and share_value <= value:
            span = text[share.start():weapon.end]
            out.append(QuantityMention(share.start(), weapon.end, span, share_value, weapon.weapon, share=True))
    for match in _SHARE_OF_THEM.finditer(text):
        value = parse_number(match.group("n"))
        if value is not None and value > 1:  # "one of them" is read below as "un autre"
            out.append(QuantityMention(match.start(), match.end(), match.group(0), value, None, share=True))
    for match in _REMAINING.finditer(text):
        value = parse_number(match.group("n") or match.group("m") or "")
        if value is not None and not any(q.start <= match.start() < q.end for q in out):
            follows = [w for w in weapons if 0 <= w.start - match.end() <= 3]
            name = follows[0].weapon if follows else None
            end = follows[0].end if follows else match.end()
            out.append(QuantityMention(match.start(), end, text[match.start():end], value, name, partitive=True))
    for match in _ANOTHER.finditer(text):
        if any(q.start <= match.start() < q.end for q in out):
            continue
        follows = [w for w in weapons if 0 <= w.start - match.end() <= 3]
        if follows and follows[0].weapon in _NOT_COUNTED:
            continue  # "another gunman"
        told = [w for w in weapons if w.end <= match.start()]
        if not follows and told and told[-1].weapon in _NOT_COUNTED_BY_ARTICLE and re.match(
            r"one\s+of|l['’]une?|dont", match.group(0), re.IGNORECASE
        ):
            continue  # "air strikes on dozens of targets, one of which killed five": strikes are not munitions
        weapon_name = follows[0].weapon if follows else None
        end = follows[0].end if follows else match.end()
        partitive = bool(re.match(r"one\s+of|l['’]une?|dont", match.group(0), re.IGNORECASE))
        out.append(QuantityMention(match.start(), end, text[match.start():end], 1, weapon_name, partitive))
    out.sort(key=lambda q: q.start)
    return out
