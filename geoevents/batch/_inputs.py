"""Batch inputs -> a stream of documents: files, folders, globs, JSONL files and stdin.

Nothing here raises for one bad document: each problem becomes a :class:`ReadFailure` in
the stream, so that the batch logs it and goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import io
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..model import Article
from ..sources import MAX_ARTICLE_BYTES, read_article

__all__ = [
    "ARTICLE_SUFFIXES",
    "JSONL_SUFFIXES",
    "Document",
    "ReadFailure",
    "document_key",
    "iter_documents",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Document:
    """One article to parse, with where it came from and its content key."""

    article: Article
    source: str  # file path, "path:line" for JSONL, "<stdin>"
    key: str  # sha256 of the normalised text and date: see document_key


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input or a document that could not be read; ``message`` is one line."""

    source: str
    message: str
    id: str | None = None


def document_key(article: Article) -> str:
    """Content hash of an article: sha256 of its NFC text, whitespace collapsed, and date.

    Two copies of a story that differ only in line breaks or spacing have the same key.

    >>> a = Article("Frappe  sur\\nErbil.", date=dt.date(2020, 1, 8))
    >>> b = Article("Frappe sur Erbil. ", id="other", date=dt.date(2020, 1, 8))
    >>> document_key(a) == document_key(b), document_key(a) == document_key(Article(a.text))
    (True, False)
    """
    text = " ".join(unicodedata.normalize("NFC", article.text).split())
    date = article.date.isoformat() if article.date else ""
    return hashlib.sha256(f"{date}\x1f{text}".encode()).hexdigest()


def _jsonl_lines(
    lines: Iterable[str], *, name: str, date: dt.date | None, lang: str | None
) -> Iterator[Document | ReadFailure]:
    from ..sources import article_from_json_line

    number = 0
    try:
        for number, line in enumerate(lines, 1):  # noqa: B007 - number is used after the loop
            if not line.strip():
                continue
            try:
                article = article_from_json_line(line, name=name, number=number, date=date, lang=lang)
            except InputError as exc:
                yield ReadFailure(f"{name}:{number}", str(exc))
                continue
            if not article.text.strip():
                yield ReadFailure(f"{name}:{number}", f"{name}:{number}: empty text", article.id)
                continue
            yield Document(article, f"{name}:{number}", document_key(article))
    except UnicodeDecodeError:
        yield ReadFailure(f"{name}:{number + 1}", f"{name}:{number + 1}: not valid UTF-8 text")


def _jsonl_file(path: Path, *, date: dt.date | None, lang: str | None) -> Iterator[Document | ReadFailure]:
    name = str(path)
    try:
        handle = open(path, encoding="utf-8", errors="strict")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield ReadFailure(name, f"{name}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        yield from _jsonl_lines(handle, name=name, date=date, lang=lang)


def _article_file(
    path: Path, *, date: dt.date | None, lang: str | None, encoding: str, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    try:
        article = read_article(path, date=date, lang=lang, encoding=encoding, max_bytes=max_bytes)
    except InputError as exc:
        yield ReadFailure(str(path), str(exc))
        return
    yield Document(article, str(path), document_key(article))


def _stdin(
    stream: IO[bytes], *, date: dt.date | None, lang: str | None, encoding: str, max_bytes: int
) -> Iterator[Document | ReadFailure]:
    """Standard input: JSONL when it starts with ``{``, one article otherwise."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type,type-var]
    head = stream.peek(64)[:64]  # type: ignore[attr-defined]
    if head.lstrip().startswith(b"{"):
        lines = io.TextIOWrapper(stream, encoding="utf-8")
        yield from _jsonl_lines(lines, name="<stdin>", date=date, lang=lang)
        return
    from ..sources import decode_text

    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadFailure("<stdin>", f"<stdin>: larger than the {max_bytes // 2**20} MB limit")
        return
    try:
        text = decode_text(data, name="<stdin>", encoding=encoding)
    except InputError as exc:
        yield ReadFailure("<stdin>", str(exc))
        return
    article = Article(text, id="stdin", date=date, lang=lang)
    yield Document(article, "<stdin>", document_key(article))


def _is_input_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return not path.name.startswith(".") and (suffix in ARTICLE_SUFFIXES or suffix in JSONL_SUFFIXES)


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder)


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    """Article and JSONL files under ``folder``, sorted, hidden entries and ``skip`` left out."""
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        for name in sorted(files):
            path = here / name
            if _is_input_file(path):
                yield path


def _expand(item: str, skip: Path | None) -> Iterator[Path | ReadFailure]:
    path = Path(item)
    if path.is_dir():
        found = False
        for file in _walk(path, skip):
            found = True
            yield file
        if not found:
            yield ReadFailure(item, f"{item}: the folder has no .txt, .html, .md or .jsonl file")
    elif path.exists():
        yield path
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file() and not _inside(Path(m), skip)]
        folders = [Path(m) for m in matches if Path(m).is_dir() and not _inside(Path(m), skip)]
        for folder in folders:
            files.extend(_walk(folder, skip))
        if not files:
            yield ReadFailure(item, f"{item}: no file matches")
        yield from files
    else:
        yield ReadFailure(item, f"{item}: no such file or folder")


def iter_documents(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: dt.date | None = None,
    lang: str | None = None,
    encoding: str = "utf-8",
    max_bytes: int = MAX_ARTICLE_BYTES,
    skip: str | os.PathLike[str] | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | ReadFailure]:
    """Stream the documents of batch ``inputs``, lazily and in order.

    Parameters
    ----------
    inputs
        Files (``.jsonl``/``.ndjson`` are read as one document per line, anything else as one
        article), folders (walked recursively for ``.txt .text .md .html .htm .jsonl .ndjson``),
        glob patterns (``**`` allowed) and ``"-"`` for standard input (JSONL when it starts
        with ``{``, otherwise one article).
    date, lang
        Defaults for documents that do not carry their own (JSONL ``date``/``lang``).
    skip
        A folder never to read from (the batch output folder).
    stdin
        The byte stream read for ``"-"`` (default: ``sys.stdin.buffer``).
    """
    skip_path = Path(skip).resolve() if skip is not None else None
    stdin_done = False
    for raw in inputs:
        item = os.fspath(raw)
        if item == "-":
            if stdin_done:
                yield ReadFailure("<stdin>", "standard input ('-') can be given only once")
                continue
            stdin_done = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _stdin(stream, date=date, lang=lang, encoding=encoding, max_bytes=max_bytes)
            continue
        for entry in _expand(item, skip_path):
            if isinstance(entry, ReadFailure):
                yield entry
            elif entry.suffix.lower() in JSONL_SUFFIXES:
                yield from _jsonl_file(entry, date=date, lang=lang)
            else:
                yield from _article_file(
                    entry, date=date, lang=lang, encoding=encoding, max_bytes=max_bytes
                )
