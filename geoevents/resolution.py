"""Mentions -> places: choose one gazetteer entry per mention, or none.

Every candidate of a mention is described by features that the geoparsing literature found
to matter: the kind of place (a country name most often means the country), its population,
how the name matched (main name, alternate, abbreviation, demonym), the article's own
geography (the countries and regions it names, the places its other names most plausibly
are, "Paris, Texas" patterns) and the words around the mention ("base", "aéroport"). A small
linear model (:mod:`geoevents.ranking`, learned by cross-validation on the development
corpora) turns the features into a score; the best candidate wins, and one sense per
document gives every mention of the same name the place of its best-supported occurrence.
A second model decides from the mention's context and its best candidate whether the name is
a place at all ("Michael", "Lincoln" the person, "North" the direction).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .matching import DEMONYM_PREFIX, TABLE_PREFIX
from .model import Mention, Place
from .ranking import Ranker, mention_filter, person_names, place_table, ranker

if TYPE_CHECKING:
    from gazetteer import Candidate, Entry, Gazetteer

__all__ = [
    "resolve",
    "resolve_scored",
    "candidates",
    "features",
    "mention_features",
    "key_probabilities",
    "Resolution",
    "FEATURES",
    "MENTION_FEATURES",
]

_INSTALLATION_FEATURES = frozenset({"airbase", "base", "installation", "airport"})
_MILITARY_CONTEXT = re.compile(
    r"\b(?:bases?|air\s*base|airbase|aéroport|airport|aérodrome|airfield|camp|garrison|"
    r"garnison|installation|caserne|barracks|piste|runway|قاعدة|مطار)\b",
    re.IGNORECASE,
)
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")


def _words(text: str) -> list[str]:
    return text.split()
_NEAR_KM = 150.0
_NONE: frozenset[str] = frozenset()
PASSES = 2  # resolution passes: the second sees the first's choices as context


def candidates(key: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates of a mention key: the gazetteer's, or the place table's for table keys.

    Countries and first-order regions get the table's reference points (see
    ``benchmarks/build_place_tables.py``) in place of the gazetteer's.
    """
    from gazetteer import Candidate, Entry

    table = place_table()
    if key.startswith(TABLE_PREFIX):
        name = key[len(DEMONYM_PREFIX):] if key.startswith(DEMONYM_PREFIX) else key[1:]
        out: list[Candidate] = []
        for row in table.rows(name):
            if row.kind == "place":
                assert row.lat is not None and row.lon is not None
                entry: Entry | None = Entry(row.ref, row.label or row.name, row.lat, row.lon,
                                            row.feature, row.country, row.admin1,
                                            row.population, "table")
            elif row.ref in table.places:
                place = table.places[row.ref]
                assert place.lat is not None and place.lon is not None
                entry = Entry(place.ref, place.label or place.name, place.lat, place.lon,
                              place.feature, place.country, place.admin1, place.population,
                              "table")
            else:
                entry = gazetteer.get(row.ref)
                if entry is None and row.lat is not None and row.lon is not None:
                    entry = Entry(row.ref, row.name, row.lat, row.lon, row.feature,
                                  row.country, row.admin1, row.population, "table")
            if entry is not None:
                out.append(Candidate(_moved(entry), name, row.kind, "en", 1.0))
        return out
    return [dataclasses.replace(c, entry=_moved(c.entry)) if c.entry.id in table.points else c
            for c in gazetteer.candidates(key)]


def _moved(entry: Entry) -> Entry:
    point = place_table().points.get(entry.id)
    if point is None:
        return entry
    return dataclasses.replace(entry, lat=point[0], lon=point[1])


FEATURES = (
    "country", "admin1", "admin2", "city", "region", "installation", "curated",
    "log_population", "population_share", "alternate_name", "abbrev", "demonym",
    "n_candidates", "capital", "country_named", "admin1_named", "qualifier", "military_context",
    "near_share", "near_any", "log_min_km", "country_share", "admin1_share", "supported",
    "supported_population",
)
"""Names of the candidate features, in the order :func:`features` returns them."""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class _Context:
    """What the article as a whole says about its geography."""

    countries: dict[str, set[str]]  # country code -> keys that name it as a country
    regions: dict[str, set[str]]  # admin1 code -> keys that name it as a region
    anchors: dict[str, Entry]  # each key's most likely entry before context


def _context(mentions: Sequence[Mention], options: dict[str, list[Candidate]]) -> _Context:
    countries: dict[str, set[str]] = {}
    regions: dict[str, set[str]] = {}
    anchors: dict[str, Entry] = {}
    for mention in mentions:
        found = options.get(mention.key) or []
        if not found:
            continue
        anchors.setdefault(mention.key, found[0].entry)
        for candidate in found:
            entry = candidate.entry
            if entry.feature == "country":
                countries.setdefault(entry.country, set()).add(mention.key)
                break
            if entry.feature == "admin1":
                regions.setdefault(entry.admin1, set()).add(mention.key)
                break
    return _Context(countries, regions, anchors)


def features(
    candidate: Candidate,
    rank: int,
    options: Sequence[Candidate],
    *,
    mention: Mention,
    text: str,
    context: _Context,
    qualifier: Entry | None,
) -> tuple[float, ...]:
    """The feature values of ``candidate`` (see :data:`FEATURES`)."""
    entry = candidate.entry
    feature = entry.feature
    top_population = max((c.entry.population for c in options), default=0)
    others = [e for k, e in context.anchors.items() if k != mention.key]
    near = 0
    min_km = 20_000.0
    same_country = same_admin1 = 0
    for other in others:
        if other.id == entry.id:
            continue
        km = _km(entry.lat, entry.lon, other.lat, other.lon)
        if other.feature not in ("country", "continent", "region") and km <= _NEAR_KM:
            near += 1
        if other.feature not in ("country", "continent", "region", "admin1"):
            min_km = min(min_km, km)
        same_country += other.country == entry.country and bool(entry.country)
        same_admin1 += bool(entry.admin1) and other.admin1 == entry.admin1
    n_others = max(1, len(others))
    qualified = 0.0
    if qualifier is not None and entry.id != qualifier.id and entry.country == qualifier.country:
        qualified = 1.0 if qualifier.feature == "country" or entry.admin1 == qualifier.admin1 else 0
    log_population = math.log10(entry.population + 1) / 7
    # Whether the article itself backs this reading: its country or region is named, it is
    # qualified ("Paris, Tenn."), or another of the article's places lies near it.
    # Named by another name of the article: "Mexico" does not support México state.
    country_named = feature != "country" and bool(
        context.countries.get(entry.country, _NONE) - {mention.key})
    admin1_named = feature != "admin1" and bool(entry.admin1) and bool(
        context.regions.get(entry.admin1, _NONE) - {mention.key})
    supported = float(bool(qualified) or near > 0 or country_named or admin1_named
                      or same_admin1 > 0)
    military = 0.0
    if feature in _INSTALLATION_FEATURES:
        window = text[max(0, mention.start - 40) : mention.end + 40]
        military = 1.0 if _MILITARY_CONTEXT.search(window) else 0.0
    return (
        float(feature == "country"),
        float(feature == "admin1"),
        float(feature == "admin2"),
        float(feature == "city"),
        float(feature in ("continent", "region")),
        float(feature in _INSTALLATION_FEATURES and entry.source != "curated"),
        float(entry.priority >= 2),
        log_population,
        entry.population / top_population if top_population else 0.0,
        float(candidate.kind == "alternate"),
        float(candidate.kind == "abbrev"),
        float(candidate.kind == "demonym"),
        math.log10(len(options)) / 2,
        float(entry.id in place_table().capitals),
        float(country_named),
        float(admin1_named),
        qualified,
        military,
        near / n_others,
        float(near > 0),
        math.log10(1 + min_km) / 4.3,
        same_country / n_others,
        same_admin1 / n_others,
        supported,
        supported * log_population,
    )


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention's chosen candidate with its ranker score and the runner-up's."""

    mention: Mention
    candidate: Candidate
    score: float
    margin: float
    n_candidates: int
    features: tuple[float, ...] = ()


def resolve_scored(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    text: str,
    model: Ranker | None = None,
    passes: int = PASSES,
) -> list[Resolution]:
    """Score every candidate and choose one per mention key (one sense per document).

    The first pass takes each other name's likeliest entry before context as its anchor;
    each further pass takes the previous pass's choices, so one well-placed name ("Edgar
    County, Illinois") can pull an ambiguous one ("Paris") to its side.
    """
    model = model or ranker()
    options = {m.key: candidates(m.key, gazetteer) for m in mentions}
    context = _context(mentions, options)
    best = _choose(mentions, options, context, text, model)
    for _ in range(passes - 1):
        anchors = {key: r.candidate.entry for key, r in best.items()}
        context = _Context(context.countries, context.regions, anchors)
        best = _choose(mentions, options, context, text, model)
    return [dataclasses.replace(best[m.key], mention=m) for m in mentions if m.key in best]


def _choose(
    mentions: Sequence[Mention],
    options: dict[str, list[Candidate]],
    context: _Context,
    text: str,
    model: Ranker,
) -> dict[str, Resolution]:
    best: dict[str, Resolution] = {}
    for index, mention in enumerate(mentions):
        found = options.get(mention.key) or []
        if not found:
            continue
        qualifier = _qualifier(mentions, index, options, text)
        values = [features(c, rank, found, mention=mention, text=text, context=context,
                           qualifier=qualifier) for rank, c in enumerate(found)]
        scores = [model.score(v) - _alias_penalty(c, v) for c, v in zip(found, values,
                                                                           strict=True)]
        order = sorted(range(len(found)), key=lambda i: -scores[i])
        top = scores[order[0]]
        margin = top - scores[order[1]] if len(order) > 1 else 10.0
        current = best.get(mention.key)
        if current is None or top > current.score:
            chosen = _seat(order[0], found)
            best[mention.key] = Resolution(mention, found[chosen], top, margin, len(found),
                                           values[chosen])
    return best


_INSTALLATION = FEATURES.index("installation")
_MILITARY = FEATURES.index("military_context")


def _alias_penalty(candidate: Candidate, values: Sequence[float]) -> float:
    """Airports reached only through a keyword ("Springfield" for Hartness State Airport)
    need "airport", "base"... nearby to compete with the towns of that name."""
    if values[_INSTALLATION] and candidate.kind == "alternate" and not values[_MILITARY]:
        return 10.0
    return 0.0


def _seat(index: int, found: Sequence[Candidate]) -> int:
    """The region's namesake city in place of a region that shares its name and surrounds it.

    "Basra", "Nairobi", "Alexandria": the governorate and its seat share a name and mostly
    the same spot; a map wants the city's point and precision, and a reader means the city
    more often than not.
    """
    region = found[index].entry
    if region.feature != "admin1":
        return index
    for i, c in enumerate(found):
        e = c.entry
        if (e.feature == "city" and e.admin1 == region.admin1
                and (e.name == region.name or e.population >= 100_000)
                and _km(e.lat, e.lon, region.lat, region.lon) <= 161):
            return i
    return index


def resolve(
    mentions: Sequence[Mention],
    *,
    gazetteer: Gazetteer,
    text: str,
    model: Ranker | None = None,
    filter_mentions: bool = True,
    threshold: float | None = None,
    lang: str | None = None,
) -> tuple[Place, ...]:
    """Resolve each mention to its best-scoring gazetteer entry.

    Mentions without candidates are dropped. One sense per document: every mention with the
    same key gets the place chosen for the key's best-supported occurrence. With
    ``filter_mentions`` the shipped mention filter drops names that are not places in context
    (judged once per key: the best-supported occurrence decides for all); curated and user
    places (entry priority >= 2) are kept whatever it says, as the corpora it learned from
    have none of them. The filter learned from English news: for a text in another ``lang``
    it is not applied. ``threshold`` overrides the filter's shipped probability threshold
    (the map pipeline asks for less evidence than corpus geoparsing: a missed strike site
    costs more there than a spurious plain place).
    """
    resolutions = resolve_scored(mentions, gazetteer=gazetteer, text=text, model=model)
    keep = mention_filter() if filter_mentions and lang in (None, "", "en") else None
    if keep is not None:
        cut = keep.threshold if threshold is None else threshold
        values = mention_features(resolutions, text=text, gazetteer=gazetteer)
        probability = key_probabilities(resolutions, values, keep)
        resolutions = [r for r in resolutions if probability[r.mention.key] >= cut
                       or r.candidate.entry.priority >= 2]
    places = []
    for r in resolutions:
        entry = r.candidate.entry
        places.append(
            Place(
                mention=r.mention,
                gazetteer_id=entry.id,
                name=entry.name,
                lat=entry.lat,
                lon=entry.lon,
                feature=entry.feature,
                country=entry.country,
                population=entry.population,
                score=round(r.score, 3),
                provider="gazetteer",
            )
        )
    return tuple(places)


def key_probabilities(resolutions: Sequence[Resolution], values: Sequence[Sequence[float]],
                      keep: Ranker) -> dict[str, float]:
    """The filter's verdict per key: the mean over the key's occurrences.

    One sense per document holds for place-ness too; the mean, unlike the maximum, does not
    let one place-like occurrence ("as Trapani's first film") rescue a person named ten times.
    """
    total: dict[str, float] = {}
    count: Counter[str] = Counter()
    for r, v in zip(resolutions, values, strict=True):
        total[r.mention.key] = total.get(r.mention.key, 0.0) + keep.probability(v)
        count[r.mention.key] += 1
    return {key: total[key] / count[key] for key in total}


def _qualifier(
    mentions: Sequence[Mention],
    index: int,
    options: dict[str, list[Candidate]],
    text: str,
) -> Entry | None:
    """The region or country in "Name, Region" right after a mention, if any."""
    if index + 1 >= len(mentions):
        return None
    here, after = mentions[index], mentions[index + 1]
    if not _QUALIFIER_GAP.match(text[here.end : after.start]):
        return None
    for candidate in options.get(after.key, ()):
        if candidate.entry.feature in ("country", "admin1"):
            return candidate.entry
    return None


MENTION_FEATURES = (
    "top_country", "top_admin1", "top_admin2", "top_city", "top_region", "top_installation",
    "top_log_population", "top_score", "top_margin", "top_alternate", "abbrev", "demonym",
    "table", "n_candidates", "common_word", "sentence_initial", "capital_before",
    "capital_after", "speech_after", "locative_before", "qualified", "is_qualifier",
    "all_caps", "n_tokens", "short", "key_count", "surname_elsewhere", "head_elsewhere",
    "top_near_any", "top_country_named", "top_admin1_named", "possessive", "the_before",
    "first_name", "surname", "first_name_before",
)
"""Names of the mention features, in the order :func:`mention_features` returns them."""

_WORD_BEFORE = re.compile(r"([\w.’'-]+)[\s\"“(]*$")
_WORD_AFTER = re.compile(r"^[\s\"”)]*([\w.’'-]+)")
_SPEECH = re.compile(r"^,?\s+(?:said|says|told|added|asked|wrote|explained|noted|stated|"
                     r"declared|dit|a\s+dit|a\s+déclaré|déclare)\b")
_LOCATIVES = frozenset(_words(
    "in at near from to outside inside of into across around throughout toward towards via "
    "between within through en à au aux dans près vers depuis de"
))
_SENTENCE_END = frozenset(".!?:;\n\"“”«»")


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def mention_features(
    resolutions: Sequence[Resolution], *, text: str, gazetteer: Gazetteer
) -> list[tuple[float, ...]]:
    """Features of each resolved mention for the mention filter (see :data:`MENTION_FEATURES`)."""
    index = {name: i for i, name in enumerate(FEATURES)}
    counts = Counter(r.mention.key for r in resolutions)
    spans = [(r.mention.start, r.mention.end) for r in resolutions]
    surname_of, head_of = _in_longer_names(resolutions, text)
    first_names, surnames = person_names()
    out: list[tuple[float, ...]] = []
    for i, r in enumerate(resolutions):
        m = r.mention
        f = r.features
        written = m.text
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 40]
        wb = _WORD_BEFORE.search(before)
        wa = _WORD_AFTER.search(after)
        word_before = wb.group(1) if wb else ""
        word_after = wa.group(1) if wa else ""
        stripped = before.rstrip(" \t\"“'‘(«")
        initial = not stripped or stripped[-1] in _SENTENCE_END
        gap_next = text[m.end : spans[i + 1][0]] if i + 1 < len(spans) else ""
        gap_prev = text[spans[i - 1][1] : m.start] if i > 0 else ""
        out.append((
            f[index["country"]], f[index["admin1"]], f[index["admin2"]], f[index["city"]],
            f[index["region"]], f[index["installation"]], f[index["log_population"]],
            1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, r.score)))),
            min(r.margin, 10.0) / 10.0,
            f[index["alternate_name"]], f[index["abbrev"]], f[index["demonym"]],
            float(m.key.startswith(TABLE_PREFIX)),
            f[index["n_candidates"]],
            float(not m.key.startswith(TABLE_PREFIX) and gazetteer.is_common(m.key)),
            float(initial),
            float(not initial and _capitalised(word_before)),
            float(_capitalised(word_after) and not _QUALIFIER_GAP.match(gap_next or "x")),
            float(bool(_SPEECH.match(after))),
            float(word_before.lower() in _LOCATIVES),
            float(bool(gap_next) and bool(_QUALIFIER_GAP.match(gap_next))),
            float(bool(gap_prev) and bool(_QUALIFIER_GAP.match(gap_prev))),
            float(written.isupper() and len(written) > 1),
            float(len(written.split())),
            float(len(written) <= 4),
            math.log2(counts[m.key]),
            float(m.key in surname_of),
            float(m.key in head_of),
            f[index["near_any"]],
            f[index["country_named"]], f[index["admin1_named"]],
            float(after.startswith(("'s", "’s"))),
            float(word_before.lower() == "the"),
            float(written in first_names),
            float(written in surnames),
            float(not initial and _person_before(before, first_names)),
        ))
    return out


_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]*)+")


_FIRST_BEFORE = re.compile(r"([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?$")


def _person_before(before: str, first_names: frozenset[str]) -> bool:
    """A common first name (and maybe an initial) right before: "Andrew Trapani"."""
    match = _FIRST_BEFORE.search(before)
    return match is not None and match.group(1) in first_names


def _in_longer_names(resolutions: Sequence[Resolution], text: str) -> tuple[set[str], set[str]]:
    """Keys written somewhere as the last / the first word of a longer capitalised run.

    "Michael Smith ... Smith said": the run "Michael Smith" makes "Smith" a surname
    elsewhere; "Gainesville Police" makes "Gainesville" a head elsewhere. Runs that are
    themselves mentions ("New York City") do not count.
    """
    words: dict[str, str] = {}
    for r in resolutions:
        if " " not in r.mention.text:
            words.setdefault(r.mention.text, r.mention.key)
    last: set[str] = set()
    head: set[str] = set()
    if not words:
        return last, head
    starts = {r.mention.start for r in resolutions}
    for run in _NAME_RUN.finditer(text):
        tokens = run.group(0).split()
        offset = run.start()
        while tokens and tokens[0].lower() in _RUN_STARTERS:  # "In Texas", "The Ohio State"
            offset = text.index(tokens[1], offset + len(tokens[0])) if len(tokens) > 1 else offset
            tokens = tokens[1:]
        if len(tokens) < 2 or offset in starts:
            continue
        for position, token in enumerate(tokens):
            key = words.get(token.removesuffix("'s").removesuffix("’s"))
            if key is not None:
                (head if position == 0 else last).add(key)
    return last, head


_RUN_STARTERS = _LOCATIVES | frozenset(_words(
    "the a an and but or for with by after before during since while when where as if this "
    "that these those his her their our its le la les un une des et"
))
