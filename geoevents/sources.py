"""Reading articles from files, standard input and JSONL, defensively.

Article text is untrusted and arrives in every shape: empty, binary, in another encoding,
HTML, huge. Each problem becomes an :class:`~geoevents.errors.InputError` with a one-line
message naming the file (and line, for JSONL), so that the command line can report it
without a traceback and without writing a half-made output.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .model import Article

__all__ = [
    "MAX_ARTICLE_BYTES",
    "parse_date",
    "read_article",
    "read_jsonl",
    "decode_text",
    "article_from_json_line",
]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Default size limit for one article: far above any news story, low enough to fail fast."""


def parse_date(value: str | dt.date | None, *, what: str = "date") -> dt.date | None:
    """Parse a publication date given as ``YYYY-MM-DD`` (an ISO datetime is accepted too).

    >>> parse_date("2020-01-31")
    datetime.date(2020, 1, 31)
    >>> parse_date("31/01/2020")
    Traceback (most recent call last):
    ...
    geoevents.errors.InputError: date '31/01/2020' is not in YYYY-MM-DD form
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"{what} {text!r} is not in YYYY-MM-DD form") from None


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "header", "footer", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_HTML_SNIFF = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one paragraph per line.

    >>> html_to_text("<html><script>x()</script><p>Strike in <b>Erbil</b> &amp; Kirkuk</p></html>")
    'Strike in Erbil & Kirkuk'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def decode_text(data: bytes, *, name: str, encoding: str = "utf-8") -> str:
    """Decode article bytes, refusing binary data and wrong encodings with a clear message."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding} text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8 or pass --encoding"
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    text = text.removeprefix("\ufeff")
    if _HTML_SNIFF.match(text[:2000]):
        text = html_to_text(text)
        if not text.strip():
            raise InputError(f"{name}: the HTML page has no visible text")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def _read_limited(stream: object, *, name: str, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: larger than the {max_bytes // (1024 * 1024)} MB limit for one article; "
            "split it or pass --max-size"
        )
    return bytes(data)


def read_article(
    path: str | os.PathLike[str],
    *,
    date: dt.date | None = None,
    lang: str | None = None,
    encoding: str = "utf-8",
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read one article from a file, or from standard input when ``path`` is ``"-"``."""
    name = str(path)
    if name == "-":
        data = _read_limited(sys.stdin.buffer, name="<stdin>", max_bytes=max_bytes)
        return Article(decode_text(data, name="<stdin>", encoding=encoding), id="stdin",
                       date=date, lang=lang)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{name}: no such file")
    if file.is_dir():
        raise InputError(f"{name}: is a directory, not an article (use `geoevents batch` for folders)")
    try:
        with file.open("rb") as handle:
            data = _read_limited(handle, name=name, max_bytes=max_bytes)
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text = decode_text(data, name=name, encoding=encoding)
    return Article(text, id=name, date=date, lang=lang)


def read_jsonl(
    path: str | os.PathLike[str], *, date: dt.date | None = None, lang: str | None = None
) -> Iterator[Article]:
    """Yield one Article per line of a JSONL file: ``{"id", "text", "date"?, "url"?, "lang"?}``.

    A broken line raises :class:`InputError` naming the file and line. Blank lines are skipped.
    """
    name = str(path)
    handle = sys.stdin if name == "-" else None
    if handle is None:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{name}: no such file" if not file.exists() else f"{name}: not a file")
    try:
        stream = handle if handle is not None else open(path, encoding="utf-8")  # noqa: SIM115
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                yield article_from_json_line(line, name=name, number=number, date=date, lang=lang)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid UTF-8 text") from None


def article_from_json_line(
    line: str, *, name: str, number: int, date: dt.date | None, lang: str | None
) -> Article:
    """One JSONL line as an Article; a bad line raises :class:`InputError` naming ``name:number``."""
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing \"text\" string")
    doc_id = record.get("id", f"{name}:{number}")
    doc_date = parse_date(record.get("date"), what=f"{where}: date") if record.get("date") else date
    doc_lang = record.get("lang") or lang
    url = record.get("url")
    return Article(text, id=str(doc_id), date=doc_date, lang=doc_lang,
                   url=url if isinstance(url, str) else None)
