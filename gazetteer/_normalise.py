"""Name normalisation shared by the index builder and the text matcher.

Both sides go through the same token normaliser, so a name matches text exactly when their
normalised token sequences are equal. Folding rules (why each exists):

* case, accents and ligatures: news text and gazetteers disagree on them (Aïn / Ain, Şam / Sam);
* apostrophes: French elisions ("d'Erbil", "qu'à") split off a separate token, English
  possessives ("Iraq's") are dropped, any other apostrophe inside a word is dropped
  (Sana'a / Sanaa);
* hyphens and dots separate tokens (al-Asad / al Asad, U.S. / U S);
* Arabic article transliterations (al/el/as/ad/ar/ash/an/at/az/...) fold to ``al`` and a
  leading article is dropped from a multi-token name ("Al Anbar" -> ``anbar``), because
  news writes it with and without the article;
* a few transliteration variants fold to one form (Ain/Ayn/Ein, Deir/Dayr, Tel/Tal, ...);
* doubled Latin letters collapse (Assad / Asad, Mossoul);
* Arabic script: diacritics and tatweel stripped, alef forms, ta marbuta, alef maqsura and
  hamza carriers unified.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["normalise", "normalise_token", "tokenise", "spans", "Token", "ARTICLE"]

ARTICLE = "al"

_APOSTROPHES = "'’ʼ´‘ʻʾʿ`"
_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_TOKEN_RE = re.compile(
    rf"[^\W_](?:[^\W_]|[\u0300-\u036f{_ARABIC_MARKS}]|[{_APOSTROPHES}](?=[^\W_]))*"
)
_APOS_RE = re.compile(f"[{_APOSTROPHES}]")
_ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "presqu", "quoiqu"}
)
_ARTICLES = frozenset(
    {"al", "el", "as", "ad", "ar", "ash", "an", "at", "az", "ath", "adh", "ed", "es", "er",
     "esh", "ez", "en", "et", "ul"}
)
_VARIANTS = {
    "ain": "ayn", "ein": "ayn", "ayn": "ayn", "ayin": "ayn", "aen": "ayn",
    "deir": "dayr", "dair": "dayr", "dayr": "dayr", "deyr": "dayr",
    "tel": "tal", "tal": "tal", "tall": "tal", "tell": "tal",
    "jebel": "jabal", "jabal": "jabal", "djebel": "jabal", "jbel": "jabal", "jabel": "jabal",
    "abou": "abu", "abu": "abu",
    "oued": "wadi", "wadi": "wadi",
}
_LATIN_EXTRA = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ħ": "h",
     "ŧ": "t", "ŋ": "n", "ð": "d", "ʻ": "", "ʼ": ""}
)
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
     "ک": "ك", "ی": "ي", "ې": "ي", "ہ": "ه", "ە": "ه"}
)
_ARABIC_MARKS_RE = re.compile(f"[{_ARABIC_MARKS}]")
_DOUBLE_RE = re.compile(r"([a-z])\1+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: ``text[start:end]`` and its normalised form."""

    start: int
    end: int
    norm: str


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


@lru_cache(maxsize=1 << 20)
def normalise_token(word: str) -> str:
    """Normalise one word (no spaces, hyphens or elisions) to its index form.

    >>> normalise_token("Aïn"), normalise_token("Assad"), normalise_token("El")
    ('ayn', 'asad', 'al')
    """
    if word and _is_arabic(word[0]):
        return _ARABIC_MARKS_RE.sub("", word).translate(_ARABIC_FOLD)
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _APOS_RE.sub("", folded.translate(_LATIN_EXTRA))
    folded = _DOUBLE_RE.sub(r"\1", folded)
    if folded in _ARTICLES:
        return ARTICLE
    return _VARIANTS.get(folded, folded)


def _split_word(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a raw word at a French elision and drop an English possessive ending."""
    spans: list[tuple[int, int]] = []
    word = text[start:end]
    m = _APOS_RE.search(word)
    if m is not None:
        head = word[: m.start()].casefold()
        if head in _ELISIONS and m.end() < len(word):
            spans.append((start, start + m.start()))
            start += m.end()
            word = text[start:end]
        if len(word) >= 3 and word[-1] in "sS" and word[-2] in _APOSTROPHES:
            end -= 2
    spans.append((start, end))
    return spans


def spans(text: str) -> list[tuple[int, int]]:
    """Word spans of ``text`` (elisions split off, possessive endings dropped)."""
    out: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        if m.group().isalnum():
            out.append(m.span())
        else:
            out.extend(_split_word(text, m.start(), m.end()))
    return out


def tokenise(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets into ``text`` and normalised forms.

    >>> [(t.norm, t.start, t.end) for t in tokenise("d’Erbil")]
    [('d', 0, 1), ('erbil', 2, 7)]
    """
    return [Token(s, e, normalise_token(text[s:e])) for s, e in spans(text)]


def key_of(norms: list[str] | tuple[str, ...]) -> str:
    """Join normalised tokens into an index key, dropping a leading article."""
    if len(norms) > 1 and norms[0] == ARTICLE:
        norms = norms[1:]
    return " ".join(norms)


def normalise(text: str) -> str:
    """Normalise a place name (or any text) to the key used in the index.

    >>> normalise("Aïn el-Assad"), normalise("l'Irak"), normalise("U.S.")
    ('ayn al asad', 'l irak', 'u s')
    >>> normalise("Al Anbar"), normalise("إربيل")
    ('anbar', 'اربيل')
    """
    if text.isascii():
        words = text.split()
        if all(w.isalpha() for w in words):  # the common case, without the tokeniser
            return key_of([normalise_token(w) for w in words])
    norms: list[str] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if _APOS_RE.search(word) is None:
            norms.append(normalise_token(word))
        else:
            s0 = m.start()
            norms.extend(normalise_token(text[s:e]) for s, e in _split_word(text, s0, m.end()))
    return key_of(norms)
