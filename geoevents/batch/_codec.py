"""JSON codec for :class:`~geoevents.model.Report`: store a parse result, rebuild it later.

Batch results are stored as JSON so that merged outputs can be rebuilt without parsing
again, and so that a state file stays readable by other tools. The decoder is driven by the
dataclasses' type hints, so a field added to the model later (with a default) needs no change
here; unknown keys in old records are ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from ..errors import GeoeventsError
from ..model import Report

__all__ = ["CodecError", "encode_report", "decode_report", "report_to_dict", "report_from_dict"]


class CodecError(GeoeventsError):
    """A stored result cannot be decoded into a Report."""


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # extras of an unknown type keep a readable form


def report_to_dict(report: Report) -> dict[str, Any]:
    """A JSON-compatible dict of ``report`` (dates as ISO strings, enums as values)."""
    result: dict[str, Any] = _plain(report)
    return result


Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _primitive(kind: type) -> Decoder:
    def decode(value: Any) -> Any:
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")

    return decode


def _float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected a number, got {type(value).__name__}")


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError("expected an ISO date string")
    return dt.date.fromisoformat(value)


def _union(options: tuple[Any, ...]) -> Decoder:
    nullable = type(None) in options
    decoders = [_decoder(o) for o in options if o is not type(None)]
    if len(decoders) == 1:
        (only,) = decoders

        def decode_optional(value: Any) -> Any:
            return None if value is None and nullable else only(value)

        return decode_optional

    def decode(value: Any) -> Any:
        if value is None and nullable:
            return None
        for candidate in decoders:
            try:
                return candidate(value)
            except (TypeError, ValueError, KeyError):
                continue
        raise TypeError(f"{value!r} matches none of {options}")

    return decode


def _dataclass(kind: type) -> Decoder:
    hints = typing.get_type_hints(kind)
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind) if f.init}

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {kind.__name__}")
        return kind(**{k: fields[k](v) for k, v in value.items() if k in fields})

    return decode


@functools.cache
def _decoder(kind: Any) -> Decoder:
    """A function turning the JSON form of a ``kind`` value back into it (built once per type)."""
    if kind is Any:
        return _identity
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(kind))
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: tuple(map(item, value))
        items = [_decoder(a) for a in args]
        return lambda value: tuple(d(v) for d, v in zip(items, value, strict=True))
    if origin is list:
        element = _decoder(typing.get_args(kind)[0])
        return lambda value: list(map(element, value))
    if origin is dict:
        return dict
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            return _dataclass(kind)
        if issubclass(kind, enum.Enum):
            return kind
        if kind is dt.datetime:
            return dt.datetime.fromisoformat
        if kind is dt.date:
            return _date
        if kind is float:
            return _float
        if kind in (str, int, bool):
            return _primitive(kind)
    return _identity


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild the :class:`Report` that :func:`report_to_dict` encoded.

    >>> from geoevents.model import Article, Report
    >>> r = Report(Article("Texte.", id="a", date=dt.date(2020, 1, 8)), lang="fr")
    >>> report_from_dict(report_to_dict(r)) == r
    True
    """
    try:
        report: Report = _decoder(Report)(data)
    except (TypeError, ValueError, KeyError) as exc:
        raise CodecError(f"stored result is not a valid report ({exc})") from None
    return report


def encode_report(report: Report) -> str:
    """``report`` as one line of JSON."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, separators=(",", ":"))


def decode_report(text: str | bytes, *, lean: bool = False) -> Report:
    """The :class:`Report` of a line written by :func:`encode_report`.

    ``lean`` leaves out what map records never use (the article text, raw mentions, evidence
    spans, and the text of sentences no place points to), which cuts the memory of rebuilding
    the outputs of a large batch several times.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CodecError(f"stored result is not JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise CodecError("stored result is not a JSON object")
    if lean:
        _slim(data)
    return report_from_dict(data)


def _slim(data: dict[str, Any]) -> None:
    article = data.get("article")
    if isinstance(article, dict):
        data["article"] = {**article, "text": ""}
    data["mentions"] = []
    places, sentences = data.get("places"), data.get("sentences")
    if isinstance(places, list) and isinstance(sentences, list):
        used = {p.get("mention", {}).get("sentence") for p in places if isinstance(p, dict)}
        for index, sentence in enumerate(sentences):
            if index not in used and isinstance(sentence, dict):
                sentence["text"] = ""
    for event in data.get("events") or ():
        if isinstance(event, dict):
            event["evidence"] = []
