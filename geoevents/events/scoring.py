"""Event scorer: predicted events against a hand-annotated corpus, precision/recall per field.

Corpus format (JSONL, one passage per line)::

    {"id", "lang", "date", "split": "dev"|"test", "text",
     "events": [{"place", "role", "event_type", "sub_event_type", "date", "actor",
                 "weapon", "quantity", "fatalities", "injuries", "status"}]}

``place`` is the mention as written. A predicted event matches a gold event when the roles
agree and the place agrees (mention text or gazetteer name, accents and case ignored, or
one containing the other); among candidates the same event type is preferred. Matching is
one-to-one, gold order.

Per field, P = correct / predicted non-null values and R = correct / gold non-null values,
over all events (unmatched predictions count against P, missed gold events against R), so
the figures are end to end. ``location`` is event-level: P = matched / predicted events,
R = matched / gold events. ``0`` is a value, ``null`` is not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Event, Mention, Place, Sentence
from ._words import fold

__all__ = [
    "Passage",
    "FieldScore",
    "Score",
    "FIELDS",
    "load_corpus",
    "event_record",
    "match_events",
    "names_match",
    "score",
    "LexiconPlaces",
    "format_table",
    "predict_with_places",
    "predict_with_pipeline",
]

FIELDS = (
    "event_type",
    "sub_event_type",
    "date",
    "actor",
    "weapon",
    "quantity",
    "fatalities",
    "injuries",
    "status",
)


@dataclass(frozen=True, slots=True)
class Passage:
    """One annotated passage of the corpus."""

    id: str
    lang: str
    date: dt.date | None
    split: str
    text: str
    events: tuple[dict[str, Any], ...]


def load_corpus(path: str | Path) -> list[Passage]:
    """Read the JSONL corpus; an unreadable file or a malformed line raises :class:`InputError`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the corpus ({exc.__class__.__name__})") from None
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            date = dt.date.fromisoformat(raw["date"]) if raw.get("date") else None
            out.append(
                Passage(
                    id=str(raw["id"]),
                    lang=str(raw["lang"]),
                    date=date,
                    split=str(raw.get("split", "dev")),
                    text=str(raw["text"]),
                    events=tuple(raw.get("events", ())),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a corpus passage ({exc})") from None
    return out


def event_record(event: Event) -> dict[str, Any]:
    """The scored fields of a predicted event, in the corpus shape."""
    return {
        "place": event.place.mention.text if event.place else None,
        "place_name": event.place.name if event.place else None,
        "role": event.role.value,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "actor": event.actor,
        "weapon": event.weapon,
        "quantity": event.quantity,
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "status": event.status.value,
    }


def names_match(gold: str | None, written: str | None) -> bool:
    """Does a predicted place name match a gold one? Folded, equal or one inside the other."""
    want, candidate = fold(gold), fold(written)
    return bool(want and candidate and (candidate == want or want in candidate or candidate in want))


def _same_place(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return any(names_match(gold.get("place"), pred.get(key)) for key in ("place", "place_name"))


def match_events(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The pairs the scorer counts: predicted index -> gold record.

    Each gold record, in order, takes the first unused prediction with its role and place,
    one of its event type first.
    """
    matched: dict[int, dict[str, Any]] = {}
    for g in gold:
        options = [
            i for i, p in enumerate(pred)
            if i not in matched and p["role"] == g.get("role", "target") and _same_place(g, p)
        ]
        options.sort(key=lambda i: pred[i]["event_type"] != g.get("event_type"))
        if options:
            matched[options[0]] = g
    return matched


def _value(record: dict[str, Any], name: str) -> Any:
    value = record.get(name)
    if isinstance(value, str):
        return fold(value)
    return value


@dataclass(slots=True)
class FieldScore:
    """Counts behind precision and recall of one field."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    """Scores of a set of passages, plus the errors for inspection."""

    fields: dict[str, FieldScore] = field(default_factory=dict)
    passages: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, passage_id: str, gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> None:
        self.passages += 1
        location = self.fields.setdefault("location", FieldScore())
        location.gold += len(gold)
        location.predicted += len(pred)
        matched = match_events(gold, pred)
        used = set(matched)
        pred_of = {id(g): pred[i] for i, g in matched.items()}
        pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        for g in gold:
            found = pred_of.get(id(g))
            pairs.append((g, found))
            if found is not None:
                location.correct += 1
            else:
                self.errors.append(f"{passage_id}: missed {g.get('role')} {g.get('place')!r}")
        for i, p in enumerate(pred):
            if i not in used:
                self.errors.append(f"{passage_id}: spurious {p['role']} {p['place']!r} ({p['event_type']})")
        for name in FIELDS:
            stats = self.fields.setdefault(name, FieldScore())
            stats.gold += sum(1 for g in gold if g.get(name) is not None)
            stats.predicted += sum(1 for p in pred if p.get(name) is not None)
            for g, found in pairs:
                if found is None:
                    continue
                if g.get(name) is None:
                    if found.get(name) is not None:
                        self.errors.append(
                            f"{passage_id}: {g.get('place')!r} {name}: gold None got {found.get(name)!r}"
                        )
                    continue
                p = found
                if _value(g, name) == _value(p, name):
                    stats.correct += 1
                else:
                    self.errors.append(
                        f"{passage_id}: {g.get('place')!r} {name}: gold {g.get(name)!r} got {p.get(name)!r}"
                    )


PlacesFn = Callable[[str, Sequence[Sentence]], list[Place]]


def score(
    passages: Iterable[Passage],
    predict: Callable[[Passage], Sequence[Event]],
) -> Score:
    """Score ``predict`` (passage -> events) on ``passages``."""
    result = Score()
    for passage in passages:
        predicted = [event_record(e) for e in predict(passage) if e.place is not None]
        result.add(passage.id, passage.events, predicted)
    return result


class LexiconPlaces:
    """A tiny stand-in for the gazetteer: exact alias matches from a TSV list.

    Lines: ``name<TAB>alias|alias<TAB>feature<TAB>country<TAB>lat<TAB>lon``; ``#`` comments.
    Used to measure event extraction alone, with place resolution taken as given.
    """

    def __init__(self, path: str | Path) -> None:
        rows: list[tuple[str, str, str, str, float, float]] = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            try:
                name, aliases, feature, country, lat, lon = line.split("\t")
                for alias in aliases.split("|"):
                    rows.append((alias, name, feature, country, float(lat), float(lon)))
            except ValueError:
                raise InputError(f"{path}: bad place line {line!r}") from None
        rows.sort(key=lambda r: len(r[0]), reverse=True)
        self._rows = rows
        self._regex = re.compile(
            "|".join(rf"(?<![\w-]){re.escape(r[0])}(?![\w-])" for r in rows)
        )
        self._by_alias = {r[0]: r for r in rows}

    def __call__(self, text: str, sentences: Sequence[Sentence]) -> list[Place]:
        out = []
        for match in self._regex.finditer(text):
            alias, name, feature, country, lat, lon = self._by_alias[match.group(0)]
            index = next(
                (i for i, s in enumerate(sentences) if s.start <= match.start() < s.end), 0
            )
            mention = Mention(match.start(), match.end(), match.group(0), alias.lower(), index)
            out.append(Place(mention, f"lexicon:{name}", name, lat, lon, feature, country))
        return out


def predict_with_places(places: PlacesFn) -> Callable[[Passage], Sequence[Event]]:
    """Extraction alone: the text module's sentences and the given place finder."""
    from ..text import split_sentences
    from .extract import extract_events

    def predict(passage: Passage) -> Sequence[Event]:
        sentences = split_sentences(passage.text)
        article = Article(passage.text, id=passage.id, date=passage.date, lang=passage.lang)
        return extract_events(article, sentences, places(passage.text, sentences), lang=passage.lang)

    return predict


def predict_with_pipeline() -> Callable[[Passage], Sequence[Event]]:
    """The whole pipeline: places from the embedded gazetteer (opened here), then extraction."""
    from ..pipeline import open_gazetteer, parse

    open_gazetteer(progress=False)

    def predict(passage: Passage) -> Sequence[Event]:
        return parse(passage.text, date=passage.date, lang=passage.lang, id=passage.id).events

    return predict


def format_table(scores: dict[str, Score]) -> str:
    """A plain-text table: one row per field, P/R per column group (e.g. dev, test)."""
    names = list(scores)
    header = f"{'field':<16}" + "".join(f"{n + ' P':>10}{n + ' R':>10}" for n in names)
    lines = [header, "-" * len(header)]
    for field_name in ("location", *FIELDS):
        row = f"{field_name:<16}"
        for n in names:
            stats = scores[n].fields.get(field_name, FieldScore())
            row += f"{stats.precision:>10.2f}{stats.recall:>10.2f}"
        lines.append(row)
    lines.append(f"{'passages':<16}" + "".join(f"{scores[n].passages:>20}" for n in names))
    return "\n".join(lines)
