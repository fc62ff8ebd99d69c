"""Sentences and language of an article.

Both are rule-based on purpose: they must cost microseconds per article (batches of thousands)
and work offline. Sentence offsets are offsets into the original text.
"""

from __future__ import annotations

import re

from .model import Sentence

__all__ = ["split_sentences", "detect_language", "SUPPORTED_LANGUAGES"]

SUPPORTED_LANGUAGES = ("fr", "en", "ar")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle dr pr gen gén col lt cpt capt sgt maj adm cdt st ste mr mrs ms messrs
    jr sr prof rev gov sen rep fig no nos vol etc cf ca vs av bd approx dept univ inc ltd corp co
    jan feb fév mar apr avr jun jul aug aoû sep sept oct nov dec déc u.s u.k u.n e.u
    """.split()
)

_BOUNDARY = re.compile(
    r"""
    (?:
        (?<=[.!?…])["»”’)\]]*\s+(?=["«“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9\u0600-\u06FF])   # punctuation + space + capital
      | (?<=[.!?…؟])["»”’)\]]*\s+(?=[\u0600-\u06FF])                       # Arabic sentence
      | \s*\n\s*                                                          # a line break
    )
    """,
    re.VERBOSE,
)
_LAST_WORD = re.compile(r"([\w.]+)\.[\"»”’)\]]*$")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences with offsets into it.

    Line breaks always end a sentence (headlines, paragraphs); a full stop does unless it
    follows a known abbreviation or a single capital initial.

    >>> [s.text for s in split_sentences("Le Gén. Milley a parlé. Il est parti.\\nTitre")]
    ['Le Gén. Milley a parlé.', 'Il est parti.', 'Titre']
    """
    sentences: list[Sentence] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start()
        chunk = text[start:end]
        if "\n" not in boundary.group(0) and _ends_with_abbreviation(chunk):
            continue
        _append(sentences, text, start, end)
        start = boundary.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _ends_with_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return True
    return word.lower() in _ABBREVIATIONS


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_FR = frozenset(
    "le la les des du un une et est dans pour par sur avec qui que ont été au aux ce cette "
    "il elle ils sont pas plus mais ou leur selon lors après contre entre".split()
)
_EN = frozenset(
    "the of and to in is was for on that with by at from as were be has have had are it its "
    "an this which after said their who".split()
)


def detect_language(text: str, *, default: str = "en") -> str:
    """Guess ``fr``, ``en`` or ``ar`` from function words and script.

    >>> detect_language("L'Iran a lancé 11 missiles sur la base"), detect_language("Iran fired missiles at the base")
    ('fr', 'en')
    >>> detect_language("أطلقت إيران صواريخ على قاعدة عين الأسد")
    'ar'
    """
    sample = text[:20000]
    arabic = sum(1 for ch in sample if "\u0600" <= ch <= "\u06ff")
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    if arabic / letters > 0.3:
        return "ar"
    fr = en = 0
    for word in _WORD.findall(sample.lower()):
        if word in _FR:
            fr += 1
        elif word in _EN:
            en += 1
    if fr == en:
        return default
    return "fr" if fr > en else "en"
