"""Word-level helpers of the event lexicons.

Run a large alternation only where it can match: at the words that can start a match.
Python's ``re`` tries every alternative of a large pattern at every position of the text;
tokenising once, looking words up in a set and anchoring the pattern (``match``) at those
few positions is several times faster for the date and actor lexicons. And :func:`fold`,
the form in which place and actor names are compared.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LITERAL = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")


def _split_top(pattern: str) -> list[str]:
    depth, current, parts = 0, "", []
    escaped = False
    for ch in pattern:
        if escaped:
            current += ch
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0 and not escaped:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _group_end(text: str) -> int:
    depth = 0
    escaped = False
    for index, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return index
    return len(text) - 1


def leading_words(pattern: str) -> set[str]:
    """Lower-case literal words that any match of ``pattern`` can start with.

    Handles top-level alternatives and leading (optional) non-capturing groups, which is
    all the lexicons use; a pattern it cannot read yields "" (meaning: always run).
    """
    words: set[str] = set()
    for part in _split_top(pattern):
        part = part.strip()
        if part.startswith("(?:") or part.startswith("(?P<"):
            end = _group_end(part)
            inner = part[part.index(">") + 1 if part.startswith("(?P<") else 3:end]
            words |= leading_words(inner)
            rest = part[end + 1:]
            if rest.startswith("?") or rest.startswith("*"):
                words |= leading_words(re.sub(r"^(?:\\s[+*?]?)+", "", rest[1:]))
            continue
        match = _LITERAL.match(part)
        if match is None:
            words.add("")
            continue
        word = match.group(0)
        if part[match.end():match.end() + 1] in ("?", "*"):
            word = word[:-1]  # "drones?": the last letter is optional
        words.add(word.lower())
    return words


def lexicon_keys(patterns: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(exact short words, 3-letter prefixes) for :func:`candidate_starts`."""
    words: set[str] = set()
    for pattern in patterns:
        words |= leading_words(pattern)
    if "" in words:
        raise ValueError("a lexicon pattern does not start with a literal word")
    return (
        frozenset(w for w in words if len(w) < 3),
        frozenset(w[:3] for w in words if len(w) >= 3),
    )


@functools.lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[list[int], list[str], list[str]]:
    """Starts, lower-case words and their first three letters; cached: each sentence is read
    by several lexicons."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep offsets
        matches = list(_TOKEN.finditer(text))
        words = [m.group(0).lower() for m in matches]
    else:
        matches = list(_TOKEN.finditer(lowered))
        words = [m.group(0) for m in matches]
    return [m.start() for m in matches], words, [w[:3] for w in words]


@functools.lru_cache(maxsize=2048)
def candidate_starts(
    text: str,
    *,
    exact: frozenset[str] = frozenset(),
    prefixes: frozenset[str] = frozenset(),
    digits: bool = False,
    lookback: int = 0,
) -> tuple[int, ...]:
    """Start offsets of the words that are in ``exact``, begin with a 3-letter key of
    ``prefixes`` or (``digits``) contain a digit, plus the ``lookback`` words before each
    (for patterns that open with "dans la nuit de", "the", "last" ...). Keys are lower-case."""
    starts, words, heads = _tokens(text)
    hits = [i for i, head in enumerate(heads) if head in prefixes]
    if exact:
        hits += [i for i, word in enumerate(words) if word in exact]
    if digits:
        hits += [i for i, word in enumerate(words) if not word.isalpha() and _DIGIT.search(word)]
    if not hits:
        return ()
    if not lookback:
        return tuple(sorted({starts[i] for i in hits}))
    chosen: set[int] = set()
    for index in hits:
        chosen.update(starts[max(0, index - lookback):index + 1])
    return tuple(sorted(chosen))


def match_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> list[re.Match[str]]:
    """Leftmost, non-overlapping matches of ``pattern`` anchored at the given starts."""
    out: list[re.Match[str]] = []
    last = 0
    for start in starts:
        if start < last:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > match.start():
            out.append(match)
            last = match.end()
    return out


def fold(text: str | None) -> str:
    """A name folded for comparison: case, accents and punctuation dropped.

    >>> fold("Aïn al-Assad"), fold(None)
    ('ain al assad', '')
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub(" ", stripped).strip()
