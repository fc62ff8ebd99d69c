"""Geoparsing evaluation: read gold and predicted toponyms, match spans, compute the metrics.

The metrics are those of the project's reference scorer (``shared/eval/score_geoparse.py``) and
give the same numbers on the same input:

- P, R, F1: recognition. A predicted toponym matches a gold one when their character spans
  overlap; an exact span is preferred, and each prediction matches at most one gold toponym.
- acc161: share of matched toponyms placed within 161 km (100 miles) of the gold point.
- meanKm, medKm: distance error over matched toponyms (``medKm`` is the upper median, the
  element at index ``n // 2`` of the sorted errors, as in the reference).
- AUC: area under the log-distance error curve, ``sum(log(e + 1)) / (n * log(20039))``; 0 is best.
- E2E161: share of *all* gold toponyms found and placed within 161 km (the headline figure).

A matched prediction without coordinates counts as the largest possible error (20,039 km).

Documents are JSON lines ``{"id": ..., "text": ..., "toponyms": [{"start", "end", "text",
"name", "lat", "lon", ...}]}``; ``start``/``end`` are Python string offsets into ``text``.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from geoevents._io import atomic_write
from geoevents.errors import InputError

__all__ = [
    "ACC_KM",
    "EARTH_RADIUS_KM",
    "UNPLACED_KM",
    "Document",
    "Documents",
    "EvaluationError",
    "Outcome",
    "Scores",
    "SystemResult",
    "Toponym",
    "evaluate",
    "haversine_km",
    "match_spans",
    "outcome_record",
    "outcomes",
    "parse_documents",
    "parse_predictions",
    "predict",
    "read_gold",
    "read_jsonl",
    "read_predictions",
    "score",
    "system_name",
    "write_predictions",
]

EARTH_RADIUS_KM = 6371.0
UNPLACED_KM = 20039.0
"""Error charged to a matched prediction that has no coordinates (half the Earth's girth)."""
ACC_KM = 161.0
"""Distance (100 miles) under which a placed toponym counts as correct."""

Role = Literal["gold", "prediction"]
DocId = str | int


class EvaluationError(InputError):
    """A gold or prediction file cannot be scored (bad JSON, missing keys, unknown ids)."""


@dataclass(frozen=True, slots=True)
class Toponym:
    """One toponym: a character span of the document text and, optionally, a point.

    Parameters
    ----------
    start, end
        Python string offsets into the document text, ``start < end``.
    lat, lon
        WGS84 degrees; ``None`` when the system found the name but did not place it.
    text
        The span as written (informative only).
    name
        The gazetteer or gold name (informative only).
    feature, gazetteer_id
        A system's feature class and gazetteer id, when it gives them (informative only).
    """

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    text: str = ""
    name: str = ""
    feature: str = ""
    gazetteer_id: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A document of a gold or prediction file.

    Parameters
    ----------
    id
        Document identifier (string or integer, compared as given).
    toponyms
        Toponyms in file order (the order matters for tie-breaking in matching).
    text
        Document text, or ``None`` when a prediction file leaves it out.
    date
        Publication date as given in the file (``"YYYY-MM-DD"``), if any.
    """

    id: DocId
    toponyms: tuple[Toponym, ...]
    text: str | None = None
    date: str | None = None


Documents = Mapping[Any, Document]
"""Documents by id (keys are ``str`` or ``int`` ids; ``Any`` because Mapping keys are invariant)."""


@dataclass(frozen=True, slots=True)
class Scores:
    """Geoparsing metrics of one system on one gold set.

    Attributes mirror the reference scorer's keys; :meth:`as_dict` gives those keys.
    ``mean_km``, ``median_km`` and ``auc`` are NaN when nothing matched.
    """

    docs: int
    gold: int
    pred: int
    matched: int
    within: int
    precision: float
    recall: float
    f1: float
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    e2e161: float

    def as_dict(self, *, json_safe: bool = False) -> dict[str, float | int | None]:
        """Return the metrics under the reference scorer's keys.

        Parameters
        ----------
        json_safe
            Replace NaN by ``None`` so the result serialises to strict JSON.
        """
        out: dict[str, float | int | None] = {
            "docs": self.docs, "gold": self.gold, "pred": self.pred, "matched": self.matched,
            "within161": self.within, "P": self.precision, "R": self.recall, "F1": self.f1,
            "acc161": self.acc161, "meanKm": self.mean_km, "medKm": self.median_km,
            "AUC": self.auc, "E2E161": self.e2e161,
        }
        if json_safe:
            out = {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in out.items()}
        return out


@dataclass(frozen=True, slots=True)
class SystemResult:
    """Scores of one named system, with the wall time of its run when we ran it ourselves."""

    system: str
    scores: Scores
    seconds: float | None = None


OutcomeKind = Literal["correct", "far", "unplaced", "missed", "spurious"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one gold or predicted toponym, for error analysis.

    ``kind`` is ``correct`` (matched, within 161 km), ``far`` (matched, farther), ``unplaced``
    (matched, no coordinates), ``missed`` (gold not matched) or ``spurious`` (prediction not
    matched). ``km`` is the distance error of a matched pair with coordinates.
    """

    doc_id: DocId
    kind: OutcomeKind
    gold: Toponym | None
    pred: Toponym | None
    km: float | None = None


def haversine_km(
    lat1: ArrayLike, lon1: ArrayLike, lat2: ArrayLike, lon2: ArrayLike,
) -> np.ndarray:
    """Great-circle distance in km on a sphere of radius 6371 km (vectorised).

    Parameters
    ----------
    lat1, lon1, lat2, lon2
        Degrees; scalars or arrays of one shape.

    Returns
    -------
    numpy.ndarray
        Distances in km.
    """
    p1 = np.radians(np.asarray(lat1, dtype=float))
    p2 = np.radians(np.asarray(lat2, dtype=float))
    dlon = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def match_spans(gold: Sequence[Toponym], pred: Sequence[Toponym]) -> list[tuple[int, int]]:
    """Pair gold toponyms with predictions of one document.

    Gold toponyms are taken in order; each takes the first unused prediction with exactly its
    span, else the first unused prediction whose span overlaps it. Each prediction is used once.

    Returns
    -------
    list of (gold index, prediction index)
    """
    pairs: list[tuple[int, int]] = []
    if not gold or not pred:
        return pairs
    exact: dict[tuple[int, int], list[int]] = {}
    for i, q in enumerate(pred):
        exact.setdefault((q.start, q.end), []).append(i)
    used = [False] * len(pred)
    for gi, t in enumerate(gold):
        best: int | None = None
        for i in exact.get((t.start, t.end), ()):
            if not used[i]:
                best = i
                break
        if best is None:
            for i, q in enumerate(pred):
                if not used[i] and q.start < t.end and t.start < q.end:
                    best = i
                    break
        if best is not None:
            used[best] = True
            pairs.append((gi, best))
    return pairs


def score(gold: Documents, pred: Documents) -> Scores:
    """Score predictions against gold.

    Parameters
    ----------
    gold
        Gold documents by id; every gold toponym must have coordinates.
    pred
        Predicted documents by id. A gold document missing here predicts nothing;
        predicted documents not in ``gold`` are ignored (see :func:`read_predictions`,
        which refuses them).

    Returns
    -------
    Scores
    """
    n_gold = n_pred = 0
    g_lat: list[float] = []
    g_lon: list[float] = []
    p_lat: list[float] = []
    p_lon: list[float] = []
    unplaced = 0
    for doc_id, gdoc in gold.items():
        n_gold += len(gdoc.toponyms)
        pdoc = pred.get(doc_id)
        if pdoc is None:
            continue
        n_pred += len(pdoc.toponyms)
        for gi, pi in match_spans(gdoc.toponyms, pdoc.toponyms):
            t, q = gdoc.toponyms[gi], pdoc.toponyms[pi]
            if q.lat is None or q.lon is None:
                unplaced += 1
                continue
            g_lat.append(t.lat if t.lat is not None else math.nan)
            g_lon.append(t.lon if t.lon is not None else math.nan)
            p_lat.append(q.lat)
            p_lon.append(q.lon)
    errs = np.concatenate([haversine_km(g_lat, g_lon, p_lat, p_lon), np.full(unplaced, UNPLACED_KM)])
    if np.isnan(errs).any():
        raise EvaluationError("a matched gold toponym has no coordinates; gold must be placed")
    errs.sort()
    n = int(errs.size)
    tp = n
    within = int(np.count_nonzero(errs <= ACC_KM))
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        docs=len(gold), gold=n_gold, pred=n_pred, matched=tp, within=within,
        precision=precision, recall=recall, f1=f1,
        acc161=within / n if n else 0.0,
        mean_km=float(errs.mean()) if n else math.nan,
        median_km=float(errs[n // 2]) if n else math.nan,
        auc=float(np.log(errs + 1).sum() / (n * math.log(UNPLACED_KM))) if n else math.nan,
        e2e161=within / n_gold if n_gold else 0.0,
    )


def outcomes(gold: Documents, pred: Documents) -> Iterator[Outcome]:
    """Every gold and predicted toponym's fate under :func:`score`'s matching, document by document.

    Within a document: gold toponyms in order (matched or missed), then unmatched predictions.
    """
    for doc_id, gdoc in gold.items():
        pdoc = pred.get(doc_id)
        ptops = pdoc.toponyms if pdoc is not None else ()
        pairs = dict(match_spans(gdoc.toponyms, ptops))
        for gi, t in enumerate(gdoc.toponyms):
            pi = pairs.get(gi)
            if pi is None:
                yield Outcome(doc_id, "missed", t, None)
                continue
            q = ptops[pi]
            if q.lat is None or q.lon is None or t.lat is None or t.lon is None:
                yield Outcome(doc_id, "unplaced", t, q)
                continue
            km = float(haversine_km(t.lat, t.lon, q.lat, q.lon))
            yield Outcome(doc_id, "correct" if km <= ACC_KM else "far", t, q, km)
        taken = set(pairs.values())
        for pi, q in enumerate(ptops):
            if pi not in taken:
                yield Outcome(doc_id, "spurious", None, q)


def outcome_record(outcome: Outcome, system: str, text: str | None = None) -> dict[str, Any]:
    """A JSON-ready record of an outcome; ``text`` (the document) adds the span as written."""
    span = outcome.gold if outcome.gold is not None else outcome.pred
    assert span is not None

    def point(t: Toponym | None) -> dict[str, Any] | None:
        if t is None:
            return None
        out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text,
                               "name": t.name, "lat": t.lat, "lon": t.lon}
        if t.feature:
            out["feature"] = t.feature
        if t.gazetteer_id:
            out["gazetteer_id"] = t.gazetteer_id
        return out

    return {
        "system": system, "id": outcome.doc_id, "kind": outcome.kind,
        "start": span.start, "end": span.end,
        "text": text[span.start:span.end] if text is not None else span.text,
        "km": None if outcome.km is None else round(outcome.km, 3),
        "gold": point(outcome.gold), "pred": point(outcome.pred),
    }


# ---------------------------------------------------------------------------- reading


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSONL file (``-``: stdin).

    Raises
    ------
    EvaluationError
        The file cannot be read, is not UTF-8, or a line is not a JSON object.
    """
    if os.fspath(path) == "-":
        p: Path | str = "<stdin>"
        handle: contextlib.AbstractContextManager[IO[bytes]] = contextlib.nullcontext(
            sys.stdin.buffer)
    else:
        p = Path(path)
        try:
            handle = p.open("rb")
        except OSError as exc:
            raise EvaluationError(f"{p}: cannot read: {exc.strerror or exc}") from None
    with handle as stream:
        for lineno, raw in enumerate(stream, 1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise EvaluationError(f"{p}:{lineno}: not UTF-8 text") from None
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{p}:{lineno}: not valid JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise EvaluationError(f"{p}:{lineno}: expected a JSON object per line")
            yield lineno, obj


def _number(value: Any, where: str, key: str, *, optional: bool) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        kind = "a number or null" if optional else "a number"
        raise EvaluationError(f"{where}: toponym '{key}' must be {kind}, got {value!r:.40}")
    f = float(value)
    if not math.isfinite(f):
        raise EvaluationError(f"{where}: toponym '{key}' must be finite, got {value!r}")
    return f


def _toponym(obj: Any, where: str, role: Role, text: str | None) -> Toponym:
    if not isinstance(obj, dict):
        raise EvaluationError(f"{where}: each toponym must be a JSON object")
    required = ("start", "end", "lat", "lon") if role == "gold" else ("start", "end")
    missing = [k for k in required if k not in obj]
    if missing:
        raise EvaluationError(f"{where}: toponym lacks key(s) {', '.join(missing)}")
    start, end = obj["start"], obj["end"]
    for key, v in (("start", start), ("end", end)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise EvaluationError(f"{where}: toponym '{key}' must be an integer, got {v!r:.40}")
    if not 0 <= start < end:
        raise EvaluationError(f"{where}: toponym span {start}..{end} is empty or negative")
    if text is not None and end > len(text):
        raise EvaluationError(f"{where}: toponym span {start}..{end} runs past the text "
                              f"({len(text)} characters)")
    optional = role == "prediction"
    lat = _number(obj.get("lat"), where, "lat", optional=optional)
    lon = _number(obj.get("lon"), where, "lon", optional=optional)
    if lat is not None and not -90.0 <= lat <= 90.0:
        raise EvaluationError(f"{where}: toponym latitude {lat} is outside -90..90")
    name = obj.get("name")
    span_text = obj.get("text")
    feature, gazetteer_id = obj.get("feature"), obj.get("gazetteer_id")
    return Toponym(start=start, end=end, lat=lat, lon=lon,
                   text=span_text if isinstance(span_text, str) else "",
                   name=name if isinstance(name, str) else "",
                   feature=feature if isinstance(feature, str) else "",
                   gazetteer_id=gazetteer_id if isinstance(gazetteer_id, str) else "")


def _source(path: str | os.PathLike[str]) -> str:
    return "<stdin>" if os.fspath(path) == "-" else str(path)


def parse_documents(
    records: Iterable[tuple[int, Mapping[str, Any]]], source: str, *, role: Role,
    require_text: bool = False,
) -> dict[DocId, Document]:
    """Validate JSON records as documents.

    Parameters
    ----------
    records
        ``(line number, object)`` pairs, as from :func:`read_jsonl`.
    source
        File name for error messages.
    role
        ``"gold"`` requires coordinates on every toponym; ``"prediction"`` allows null ones.
    require_text
        Every document must carry a ``text`` string.

    Returns
    -------
    dict
        Documents by id, in file order.

    Raises
    ------
    EvaluationError
        One line naming the file and line: missing keys, wrong types, duplicate ids, bad spans.
    """
    docs: dict[DocId, Document] = {}
    for lineno, obj in records:
        where = f"{source}:{lineno}"
        if "id" not in obj:
            raise EvaluationError(f"{where}: document lacks key 'id'")
        doc_id = obj["id"]
        if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
            raise EvaluationError(f"{where}: document 'id' must be a string or integer")
        if doc_id in docs:
            raise EvaluationError(f"{where}: duplicate document id {doc_id!r}")
        text = obj.get("text")
        if text is not None and not isinstance(text, str):
            raise EvaluationError(f"{where}: document 'text' must be a string")
        if require_text and text is None:
            raise EvaluationError(f"{where}: document lacks key 'text'")
        if "toponyms" not in obj:
            raise EvaluationError(f"{where}: document lacks key 'toponyms'")
        raw = obj["toponyms"]
        if not isinstance(raw, list):
            raise EvaluationError(f"{where}: 'toponyms' must be a list")
        date = obj.get("date")
        docs[doc_id] = Document(
            id=doc_id, text=text, date=date if isinstance(date, str) else None,
            toponyms=tuple(_toponym(t, where, role, text) for t in raw),
        )
    return docs


def read_gold(path: str | os.PathLike[str], *, require_text: bool = False) -> dict[DocId, Document]:
    """Read a gold JSONL file (every toponym placed).

    Parameters
    ----------
    path
        The file.
    require_text
        Demand a ``text`` on every document (needed to run a geoparser over it).

    Raises
    ------
    EvaluationError
        Unreadable file or bad record (the message names file and line).
    """
    return parse_documents(read_jsonl(path), _source(path), role="gold", require_text=require_text)


def read_predictions(
    path: str | os.PathLike[str], gold: Documents,
) -> dict[DocId, Document]:
    """Read a system's JSONL output and check it against the gold documents.

    Documents of ``gold`` absent from the file predict nothing. A document whose id is not in
    ``gold``, or whose ``text`` differs from the gold text, is an error: its offsets would not
    line up.

    Raises
    ------
    EvaluationError
        Bad record, unknown id or mismatched text (the message names file and line).
    """
    return parse_predictions(read_jsonl(path), gold, _source(path))


def parse_predictions(
    records: Iterable[tuple[int, Mapping[str, Any]]], gold: Documents, source: str,
) -> dict[DocId, Document]:
    """Validate prediction records against the gold documents (see :func:`read_predictions`).

    Parameters
    ----------
    records
        ``(line number, object)`` pairs.
    gold
        The gold documents.
    source
        Name used in error messages.
    """

    def checked() -> Iterator[tuple[int, Mapping[str, Any]]]:
        for lineno, obj in records:
            doc_id = obj.get("id")
            if isinstance(doc_id, str | int) and not isinstance(doc_id, bool):
                if doc_id not in gold:
                    raise EvaluationError(f"{source}:{lineno}: document id {doc_id!r} is not in "
                                          "the gold file")
                gold_text = gold[doc_id].text
                text = obj.get("text")
                if isinstance(text, str) and gold_text is not None and text != gold_text:
                    raise EvaluationError(f"{source}:{lineno}: text of document {doc_id!r} "
                                          "differs from the gold text")
                if text is None and gold_text is not None:
                    # spans are checked against the gold text when the prediction omits it
                    obj = {**obj, "text": gold_text}
            yield lineno, obj

    return parse_documents(checked(), source, role="prediction")


def system_name(path: str | os.PathLike[str], gold_path: str | os.PathLike[str] | None = None) -> str:
    """Name a system after its prediction file.

    ``baselines/LGL.CLAVIN.jsonl`` scored against ``LGL.gold.jsonl`` is ``CLAVIN``; without
    the shared corpus prefix the file stem is kept.
    """
    if os.fspath(path) == "-":
        return "stdin"
    stem = Path(path).name.removesuffix(".jsonl")
    if gold_path is not None:
        corpus = Path(gold_path).name.removesuffix(".jsonl").removesuffix(".gold")
        if corpus and stem.startswith(corpus + ".") and len(stem) > len(corpus) + 1:
            return stem[len(corpus) + 1:]
    return stem


# ---------------------------------------------------------------------------- running ours

Toponymizer = Callable[..., list[dict[str, Any]]]


def predict(
    gold: Documents,
    *,
    date: str | None = None,
    lang: str = "en",
    toponyms: Toponymizer | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[dict[str, Any]], float]:
    """Run a geoparser over the gold texts.

    Parameters
    ----------
    gold
        Documents with ``text``.
    date
        Publication date for documents that carry none (``YYYY-MM-DD``).
    lang
        Language of the texts.
    toponyms
        ``f(text, *, date=None, lang="en") -> list[dict]`` in the design.md toponym shape;
        defaults to :func:`geoevents.toponyms`.
    progress
        Called with 1 after each document.

    Returns
    -------
    (records, seconds)
        One ``{"id", "toponyms"}`` record per document, in gold order, and the wall time spent
        in the geoparser.

    Raises
    ------
    EvaluationError
        A document has no text, or the geoparser is not available.
    """
    if toponyms is None:
        try:
            from geoevents import toponyms as default_toponyms  # type: ignore[attr-defined]
        except ImportError:
            raise EvaluationError("our geoparser (geoevents.toponyms) is not available in this "
                                  "build") from None
        toponyms = default_toponyms
    records: list[dict[str, Any]] = []
    spent = 0.0
    for doc in gold.values():
        if doc.text is None:
            raise EvaluationError(f"document {doc.id!r} has no text to geoparse")
        started = time.perf_counter()
        found = toponyms(doc.text, date=doc.date or date, lang=lang)
        spent += time.perf_counter() - started
        records.append({"id": doc.id, "toponyms": [dict(t) for t in found]})
        if progress is not None:
            progress(1)
    return records, spent


def write_predictions(path: str | os.PathLike[str], records: Iterable[Mapping[str, Any]]) -> None:
    """Write prediction records as JSONL, atomically."""
    _write_jsonl(path, records)


def _write_jsonl(path: str | os.PathLike[str], records: Iterable[Mapping[str, Any]]) -> None:
    with atomic_write(path) as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False) + "\n")


def evaluate(
    gold_path: str | os.PathLike[str],
    predictions: Sequence[str | os.PathLike[str]] = (),
    *,
    ours: bool = False,
    date: str | None = None,
    lang: str = "en",
    toponyms: Toponymizer | None = None,
    save_predictions: str | os.PathLike[str] | None = None,
    details: str | os.PathLike[str] | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[SystemResult]:
    """Score prediction files, and optionally our own geoparser, against a gold file.

    Parameters
    ----------
    gold_path
        Gold JSONL.
    predictions
        Systems' JSONL outputs; each is one result, named by :func:`system_name`.
    ours
        Also run our geoparser over the gold texts (always done when ``predictions`` is empty).
    date, lang, toponyms, progress
        Passed to :func:`predict`.
    save_predictions
        Write our predictions there as JSONL (implies ``ours``).
    details
        Write every toponym's :class:`Outcome` of every system there as JSONL.
    limit
        Score only the first ``limit`` gold documents (predictions are still checked whole).

    Returns
    -------
    list of SystemResult
        The prediction files in the order given, then ours (named ``geoevents``).

    Raises
    ------
    EvaluationError
        Any unreadable or inconsistent file, named with its line.
    """
    if limit is not None and limit < 1:
        raise EvaluationError(f"limit must be at least 1, got {limit}")
    if [_source(p) for p in (gold_path, *predictions)].count("<stdin>") > 1:
        raise EvaluationError("standard input ('-') can be read only once")
    run_ours = ours or not predictions or save_predictions is not None
    full_gold = read_gold(gold_path, require_text=run_ours)
    gold = dict(list(full_gold.items())[:limit]) if limit is not None else full_gold
    # read every file before the (slow) geoparser runs, so a typo fails fast
    names = [system_name(p, gold_path) for p in predictions]
    # two files with one stem (runs/a/x.jsonl, runs/b/x.jsonl) keep their paths apart
    names = [str(p) if names.count(n) > 1 else n for n, p in zip(names, predictions, strict=True)]
    systems = [(n, read_predictions(p, full_gold)) for n, p in zip(names, predictions, strict=True)]
    results = [SystemResult(system=name, scores=score(gold, docs)) for name, docs in systems]
    if run_ours:
        records, seconds = predict(gold, date=date, lang=lang, toponyms=toponyms,
                                   progress=progress)
        docs = parse_predictions(enumerate(records, 1), gold, "our geoparser's output, document")
        results.append(SystemResult(system="geoevents", scores=score(gold, docs), seconds=seconds))
        systems.append(("geoevents", docs))
        if save_predictions is not None:
            write_predictions(save_predictions, records)
    if details is not None:
        _write_jsonl(details, (
            outcome_record(o, name, gold[o.doc_id].text)
            for name, docs in systems for o in outcomes(gold, docs)))
    return results
