"""Stream GeoNames dumps (zipped or plain) into the ``geonames`` layer.

Recognised by file name, as GeoNames publishes them: a geoname table (allCountries, a
country file such as IQ, cities500/1000/5000/15000; 19 tab-separated columns),
alternateNamesV2 (or the older alternateNames), admin1CodesASCII.txt and countryInfo.txt.
Lines are read as bytes and decoded one by one, so an error names the exact line; any error
aborts the build and leaves the previous layer in place.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ._errors import GazetteerInputError
from ._model import Entry
from ._store import LayerWriter

__all__ = ["import_files", "feature_for", "kind_of_file"]

_GEONAME_COLUMNS = 19
# Geoname tables bigger than this are parsed in worker processes.
_PARALLEL_BYTES = 16 * 1024 * 1024
_SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt", "phon",
                         "piny", "fr_1793"})
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
_CODES = {
    "ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2", "ADM3": "admin3",
    "ADM4": "admin4", "ADM5": "admin5", "ADMD": "admin", "CONT": "continent", "RGN": "region",
    "AIRP": "airport", "AIRF": "airport", "AIRH": "airport", "AIRB": "airbase",
    "MILB": "base", "INSM": "base", "NVB": "base", "CMPRF": "camp", "CSTM": "checkpoint",
    "PSTB": "checkpoint", "OILF": "site", "GASF": "site", "DAM": "site",
}
_CLASSES = {"A": "admin", "P": "city", "S": "site", "H": "water", "T": "terrain", "L": "region",
            "R": "road", "U": "undersea", "V": "vegetation"}
_MILITARY_NAME = ("air base", "airbase", "military", "camp ")


def feature_for(feature_class: str, feature_code: str, name: str = "") -> str:
    """Our feature class for a GeoNames class/code (PCLI -> country, PPLC -> city...)."""
    if feature_code in _COUNTRY_CODES:
        return "country"
    if feature_code in _CODES:
        return _CODES[feature_code]
    if feature_class == "S" and feature_code == "AIRP" and any(
            w in name.lower() for w in _MILITARY_NAME):
        return "airbase"
    return _CLASSES.get(feature_class, "place")


def kind_of_file(name: str) -> str:
    """geonames | alternates | admin1 | countryinfo, from a GeoNames file name."""
    stem = Path(name).name.lower()
    if stem.startswith("alternatename"):
        return "alternates"
    if stem.startswith("admin1codes"):
        return "admin1"
    if stem.startswith("countryinfo"):
        return "countryinfo"
    return "geonames"


@contextlib.contextmanager
def _open_lines(path: Path) -> Iterator[tuple[str, Iterator[bytes], int]]:
    """Yield (member name, byte-line iterator, uncompressed size) for a zip or plain file."""
    if zipfile.is_zipfile(path):
        try:
            zf = zipfile.ZipFile(path)
            members = [i for i in zf.infolist() if i.filename.endswith(".txt")
                       and Path(i.filename).name.lower() not in ("readme.txt",
                                                                  "iso-languagecodes.txt")]
        except (zipfile.BadZipFile, OSError) as exc:
            raise GazetteerInputError(path, f"cannot read zip archive ({exc})") from None
        if not members:
            raise GazetteerInputError(path, "zip archive holds no GeoNames .txt file")
        info = members[0]
        with zf, zf.open(info) as fh:
            yield info.filename, iter(fh), info.file_size
    else:
        if path.suffix.lower() == ".zip":
            raise GazetteerInputError(path, "not a valid zip archive (truncated or corrupt?)")
        with open(path, "rb") as fh:
            yield path.name, iter(fh), os.path.getsize(path)


_CHUNK = 20_000


def _chunks(path: Path, it: Iterator[bytes], advance: Callable[[int], None]
            ) -> Iterator[tuple[int, list[bytes]]]:
    """Raw lines in chunks, numbered from 1; a damaged archive names the last good line."""
    lineno = 0
    chunk: list[bytes] = []
    while True:
        try:
            raw = next(it)
        except StopIteration:
            break
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise GazetteerInputError(path, f"archive is truncated or corrupt after this line "
                                      f"({exc.__class__.__name__}: {exc})", lineno) from None
        lineno += 1
        chunk.append(raw)
        if len(chunk) == _CHUNK:
            advance(sum(map(len, chunk)))
            yield lineno - _CHUNK + 1, chunk
            chunk = []
    if chunk:
        advance(sum(map(len, chunk)))
        yield lineno - len(chunk) + 1, chunk


def _decode(path: Path, first: int, raws: list[bytes]) -> Iterator[tuple[int, list[str]]]:
    """Decode and split each line; errors name the file and the line."""
    for lineno, raw in enumerate(raws, first):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GazetteerInputError(path, f"not UTF-8 text (byte {exc.start})", lineno) from None
        line = line.rstrip("\r\n")
        if line and not line.startswith("#"):
            yield lineno, line.split("\t")


def _lines(path: Path, it: Iterator[bytes], advance: Callable[[int], None]
           ) -> Iterator[tuple[int, list[str]]]:
    for first, raws in _chunks(path, it, advance):
        yield from _decode(path, first, raws)


def _float(path: Path, lineno: int, value: str, what: str, limit: float) -> float:
    try:
        x = float(value)
    except ValueError:
        raise GazetteerInputError(path, f"bad {what} {value!r}", lineno) from None
    if not -limit <= x <= limit:
        raise GazetteerInputError(path, f"{what} {value} out of range", lineno)
    return x


def _int(path: Path, lineno: int, value: str, what: str) -> int:
    if not value:
        return 0
    try:
        return int(value)
    except ValueError:
        raise GazetteerInputError(path, f"bad {what} {value!r}", lineno) from None


Parsed = tuple[tuple[object, ...], list[tuple[object, ...]], list[tuple[str, int, bool, bool, bool]]]


def _parse_chunk(task: tuple[Path, int, list[bytes], str]) -> list[Parsed]:
    """Parse and normalise one chunk of a geoname table (runs in worker processes)."""
    from ._store import _key, common_words, prepare

    freq = common_words()
    path, first, raws, source = task
    out: list[Parsed] = []
    for lineno, cols in _decode(path, first, raws):
        if len(cols) < 15:
            raise GazetteerInputError(
                path, f"{len(cols)} columns, a GeoNames row has {_GEONAME_COLUMNS}", lineno)
        gid = _int(path, lineno, cols[0], "geonameid")
        lat = _float(path, lineno, cols[4], "latitude", 90)
        lon = _float(path, lineno, cols[5], "longitude", 180)
        name, fclass, fcode, cc = cols[1], cols[6], cols[7], cols[8]
        if not name:
            raise GazetteerInputError(path, "empty name", lineno)
        pop = _int(path, lineno, cols[14], "population")
        names: list[tuple[str, str, str | None]] = []
        if cols[2] and cols[2] != name:
            names.append((cols[2], "ascii", None))
        if cols[3]:
            for alt in cols[3].split(","):
                if alt and alt != name and _useful(alt, pop):
                    names.append((alt, "alternate", None))
        feature = feature_for(fclass, fcode, name)
        admin1 = f"{cc}.{cols[10]}" if cols[10] else ""
        keys = [_key(name), *(_key(n) for n, _, _ in names)]
        entry = Entry(f"geonames:{gid}", name, lat, lon, feature, cc, admin1, pop, source,
                      fclass, fcode)
        out.append(prepare(entry, names, gid, None, keys, freq))
    return out


def _geonames(writer: LayerWriter, path: Path, chunks: Iterator[tuple[int, list[bytes]]],
              source: str, workers: int) -> int:
    """Parse in ``workers`` processes (in this one if 0) and write in order, a few chunks
    in flight at most, so memory stays bounded whatever the file size."""
    n = 0
    tasks = ((path, first, raws, source) for first, raws in chunks)
    if workers <= 0:
        for task in tasks:
            n += _write(writer, _parse_chunk(task))
        return n
    import multiprocessing as mp
    from collections import deque

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers) as pool:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(pool.apply_async(_parse_chunk, (task,)))
            while len(pending) > 2 * workers:
                n += _write(writer, pending.popleft().get())
        while pending:
            n += _write(writer, pending.popleft().get())
    return n


def _write(writer: LayerWriter, parsed: list[Parsed]) -> int:
    for entry_row, name_rows, stats in parsed:
        writer.add_prepared(entry_row, name_rows, stats)
    return len(parsed)


def _useful(alt: str, pop: int) -> bool:
    # Lowercase Latin alternates are machine transliterations; short all-capital ones are
    # codes (kept for big places: NYC).
    if alt.isascii() and alt == alt.lower() and any(c.isalpha() for c in alt):
        return False
    return not (len(alt) <= 5 and alt.isupper() and pop < 1_000_000)


def _alternates(writer: LayerWriter, path: Path, lines: Iterator[tuple[int, list[str]]]) -> int:
    n = 0
    for lineno, cols in lines:
        if len(cols) < 4:
            raise GazetteerInputError(path, f"{len(cols)} columns, an alternate name row has "
                                      "at least 4", lineno)
        lang = cols[2]
        if lang in _SKIP_LANGS or not cols[3]:
            continue
        gid = _int(path, lineno, cols[1], "geonameid")
        if _useful(cols[3], 0) or lang in ("abbr",):
            writer.add_alternate(gid, cols[3], lang or None)
            n += 1
    return n


def _admin1(writer: LayerWriter, path: Path, lines: Iterator[tuple[int, list[str]]]) -> int:
    n = 0
    for lineno, cols in lines:
        if len(cols) < 4:
            raise GazetteerInputError(path, f"{len(cols)} columns, admin1CodesASCII has 4",
                                      lineno)
        gid = _int(path, lineno, cols[3], "geonameid")
        writer.add_alternate(gid, cols[1], None)
        if cols[2] != cols[1]:
            writer.add_alternate(gid, cols[2], None)
        n += 1
    return n


def _countryinfo(writer: LayerWriter, path: Path, lines: Iterator[tuple[int, list[str]]]
                 ) -> int:
    n = 0
    for lineno, cols in lines:
        if len(cols) < 17:
            raise GazetteerInputError(path, f"{len(cols)} columns, countryInfo has 19", lineno)
        gid = _int(path, lineno, cols[16], "geonameid")
        if gid:
            writer.add_alternate(gid, cols[4], "en")
            n += 1
    return n


def import_files(paths: Sequence[str | os.PathLike[str]], target: Path, *,
                 progress: bool = True) -> dict[str, int]:
    """Build the geonames layer at ``target`` from GeoNames files; returns rows per file."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise GazetteerInputError(p, "no such file")
    counts: dict[str, int] = {}
    bar = Progress(TextColumn("importing {task.description}"), BarColumn(), DownloadColumn(),
                   TransferSpeedColumn(), TimeRemainingColumn(), disable=not progress,
                   console=Console(stderr=True))
    order = sorted(files, key=lambda p: kind_of_file(p.name) != "geonames")
    with bar, LayerWriter(target, layer="geonames") as writer:
        for path in order:
            kind = kind_of_file(path.name)
            with _open_lines(path) as (member, it, size):
                task = bar.add_task(path.name, total=size)

                def advance(k: int, task: TaskID = task) -> None:
                    bar.advance(task, k)

                source = f"geonames:{Path(member).stem}"
                if kind == "geonames":
                    workers = 0 if size < _PARALLEL_BYTES else min(2, os.cpu_count() or 1)
                    counts[path.name] = _geonames(writer, path, _chunks(path, it, advance),
                                                  source, workers)
                    continue
                lines = _lines(path, it, advance)
                if kind == "alternates":
                    counts[path.name] = _alternates(writer, path, lines)
                elif kind == "admin1":
                    counts[path.name] = _admin1(writer, path, lines)
                else:
                    counts[path.name] = _countryinfo(writer, path, lines)
                if kind != "geonames":
                    writer.describe_source(source, f"{counts[path.name]} rows from {path.name}")
        task = bar.add_task("index (sorting keys)", total=None)
    return counts
