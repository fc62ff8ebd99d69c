"""The Gazetteer: layered on-disk index, text matcher and lookup."""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._build import EMBEDDED_VERSION, build_embedded, locked
from ._errors import GazetteerError
from ._model import Candidate, Entry, Match
from ._normalise import ARTICLE, normalise, normalise_token, spans
from ._store import Layer, to_candidates

__all__ = ["Gazetteer", "default_path", "ENV_VAR"]

ENV_VAR = "GEOEVENTS_GAZETTEER"
EMBEDDED, GEONAMES, USER = "embedded.sqlite", "geonames.sqlite", "user.sqlite"
# Layers asked first win ties: a user's places, then imported GeoNames, then embedded data.
_LAYER_ORDER = (USER, GEONAMES, EMBEDDED)
_ARABIC_PREFIXES = "وبلفك"
# Text between two tokens of one name: spaces, a hyphen, a dot or an apostrophe, no more.
_JOIN_RE = re.compile(r"[ \t\u00a0]*[-‐‑–.'’]?[ \t\u00a0]*")
_SENTENCE_END = set(".!?:;\n\r\t\"“”«»()[]•|")
_CACHE_SIZE = 50_000
# French writes the generic head of a name in lowercase ("mer Rouge", "détroit d'Ormuz"):
# with capitals required, a match may still start at one of these if it goes on further.
_LOWER_HEADS = frozenset({"mer", "golfe", "detroit", "bande", "canal", "plaine", "plateau",
                          "hauteurs", "ocean", "corne", "peninsule"})


def default_path() -> Path:
    """The index folder: ``$GEOEVENTS_GAZETTEER``, else ``$GEOEVENTS_DATA_DIR/gazetteer``,
    else ``gazetteer`` in the per-user data folder (platformdirs)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    data = os.environ.get("GEOEVENTS_DATA_DIR")
    if data:
        return Path(data).expanduser() / "gazetteer"
    import platformdirs

    return Path(platformdirs.user_data_dir("geoevents", appauthor=False)) / "gazetteer"


class Gazetteer:
    """Offline place-name index: find names in text, look up candidates.

    Open with :meth:`open`. An instance is safe to share between threads for reading;
    across processes, pickling sends only the folder path and the receiver reopens it.
    """

    def __init__(self, directory: Path, layers: list[Layer]) -> None:
        self.path = directory
        self._layers = layers
        self._keys = [layer.keys for layer in layers]
        self._common = [layer.common for layer in layers]
        self._prefixes = [layer.prefixes for layer in layers]
        self._cache: OrderedDict[str, list[Candidate]] = OrderedDict()
        self._lock = threading.Lock()

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *,
             progress: bool = True) -> Gazetteer:
        """Open the index folder ``path`` (default :func:`default_path`).

        The embedded layer is built on first use (about 30-60 s, with a progress bar when
        ``progress``); later opens reuse it. Concurrent first opens are serialised by a file
        lock, so the second process simply reuses what the first built.
        """
        directory = Path(path).expanduser() if path is not None else default_path()
        if directory.suffix == ".sqlite":
            directory = directory.parent
        if directory.exists() and not directory.is_dir():
            raise GazetteerError(f"{directory}: not a folder (expected a gazetteer index folder)")
        embedded = directory / EMBEDDED
        if not _usable(embedded):
            with locked(directory):
                if not _usable(embedded):
                    build_embedded(embedded, progress=progress)
        layers = [Layer(directory / name) for name in _LAYER_ORDER if (directory / name).exists()]
        return cls(directory, layers)

    def _reload(self) -> None:
        old = self._layers
        layers = [Layer(self.path / name) for name in _LAYER_ORDER if (self.path / name).exists()]
        self._layers = layers
        self._keys = [layer.keys for layer in layers]
        self._common = [layer.common for layer in layers]
        self._prefixes = [layer.prefixes for layer in layers]
        self._cache.clear()
        for layer in old:
            layer.close()

    # -- writing layers ----------------------------------------------------------------
    def import_geonames(self, paths: Sequence[str | os.PathLike[str]], *,
                        progress: bool = True) -> dict[str, int]:
        """Build the GeoNames layer from dumps (zipped or plain) and switch to it.

        The new layer replaces the previously imported one (pass every file in one call);
        it is written beside it and renamed into place, so an error or an interruption
        leaves the old layer working. Returns the number of rows read per file.
        """
        from ._geonames import import_files

        with locked(self.path):
            counts = import_files(paths, self.path / GEONAMES, progress=progress)
        self._reload()
        return counts

    def add_places(self, path: str | os.PathLike[str]) -> int:
        """Add a user's places (CSV or GeoJSON) to the user layer; returns how many.

        A place with the name of an earlier user place replaces it. User places win ties
        against every other source.
        """
        from ._places import read_places
        from ._store import LayerWriter

        new = read_places(path)
        with locked(self.path):
            old: dict[str, tuple[Entry, list[tuple[str, str, str | None]]]] = {}
            user = self.path / USER
            if user.exists():
                layer = Layer(user)
                try:
                    old = layer.dump()
                finally:
                    layer.close()
            for entry, names in new:
                old[entry.id] = (entry, names)
            with LayerWriter(user, layer="user") as writer:
                for entry, names in old.values():
                    writer.add(entry, names)
        self._reload()
        return len(new)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reopen, (str(self.path),))

    def close(self) -> None:
        for layer in self._layers:
            layer.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keys --------------------------------------------------------------------------
    def __contains__(self, key: str) -> bool:
        return any(key in t for t in self._keys)

    def _extends(self, key: str) -> bool:
        """True when some multi-token key starts with the tokens of ``key``."""
        return any(key in t for t in self._prefixes)

    def is_common(self, key: str) -> bool:
        """True when ``key`` is also a frequent common word (see :class:`Match`)."""
        return any(key in t for t in self._common)

    # -- matching ----------------------------------------------------------------------
    def find(self, text: str, *, require_capital: bool = True) -> list[Match]:
        """Find gazetteer names in ``text``: longest match wins, matches never overlap.

        Offsets are Python string offsets into ``text`` and cover the name as written
        ("d'Erbil" -> "Erbil"; a hyphenated or "Al" article is included: "al-Anbar").
        With ``require_capital`` a Latin-script match must start with an uppercase letter,
        and a frequent common word at the start of a sentence is not a match.
        """
        toks = spans(text)
        n = len(toks)
        norms: list[str | None] = [None] * n

        def norm(k: int) -> str:
            v = norms[k]
            if v is None:
                v = norms[k] = normalise_token(text[toks[k][0]:toks[k][1]])
            return v

        out: list[Match] = []
        single = self._keys[0] if len(self._keys) == 1 else None
        single_px = self._prefixes[0] if single is not None else None
        i = 0
        while i < n:
            tok_start, tok_end = toks[i]
            first = text[tok_start]
            head = False
            if require_capital and not first.isupper() and not _caseless(first):
                if first.islower() and norm(i) in _LOWER_HEADS:
                    head = True
                else:
                    i += 1
                    continue
            key = norm(i)
            if key == ARTICLE and i + 1 < n:
                i += 1
                continue
            if i > 0 and toks[i - 1][1] == tok_start - 1 and text[tok_start - 1] in "-‐‑" \
                    and norm(i - 1) != ARTICLE:
                i += 1  # second half of a compound ("Wal-Mart", "Franco-Syrian")
                continue
            start = tok_start
            best = -1
            best_key = ""
            j = i
            while True:
                if (key in single) if single is not None else (key in self):
                    best, best_key = j, key
                if j + 1 >= n:
                    break
                if not _JOIN_RE.fullmatch(text, toks[j][1], toks[j + 1][0]):
                    break
                if not ((key in single_px) if single_px is not None else self._extends(key)):
                    break
                j += 1
                key = key + " " + norm(j)
            if head and best == i:
                best = -1  # a lowercase head alone ("mer") is no name
            if best < 0 and _caseless(first):
                word = norm(i)
                if len(word) > 2 and word[0] in _ARABIC_PREFIXES:
                    stripped = "ال" + word[2:] if word.startswith("لل") else word[1:]
                    if stripped in self:
                        best, best_key, start = i, stripped, tok_start + 1
            if best < 0:
                i += 1
                continue
            common = best == i and self.is_common(best_key)
            if common and require_capital and _sentence_initial(text, start):
                i += 1
                continue
            if i > 0 and start == tok_start and norm(i - 1) == ARTICLE:
                prev_start, prev_end = toks[i - 1]
                gap = text[prev_end:tok_start]
                attached = gap in ("-", "‐", "‑") or (
                    gap == " " and text[prev_start:prev_end].lower() in ("al", "el"))
                if attached and (not out or out[-1].end <= prev_start):
                    start = prev_start
            end = toks[best][1]
            out.append(Match(start, end, text[start:end], best_key, common))
            i = best + 1
        return out

    # -- lookup ------------------------------------------------------------------------
    def candidates(self, key: str) -> list[Candidate]:
        """Entries reachable from the normalised ``key``, best prior score first."""
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        rows: list[tuple[Entry, str, str, str | None]] = []
        for layer in self._layers:
            if key in layer.keys:
                rows.extend(layer.rows(key))
        result = to_candidates(rows)
        with self._lock:
            self._cache[key] = result
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def lookup(self, name: str, *, limit: int = 10) -> list[Candidate]:
        """Normalise ``name`` and return up to ``limit`` candidates, best first (``score``)."""
        return self.candidates(normalise(name))[:limit]

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id (``geonames:99072``, ``country:IQ``...), or None."""
        for layer in self._layers:
            entry = layer.get(entry_id)
            if entry is not None:
                return entry
        return None

    def info(self) -> dict[str, Any]:
        """Index folder, layers (file, size, build date, entry count) and sources."""
        layers = []
        sources: list[dict[str, object]] = []
        for layer in self._layers:
            size = sum(p.stat().st_size for p in layer.path.parent.glob(f"{layer.path.name}*")
                       if p.is_file())
            layers.append({"layer": layer.meta["layer"], "path": str(layer.path),
                           "built": layer.meta["built"], "entries": int(layer.meta["entries"]),
                           "keys": len(layer.keys), "bytes": size})
            sources.extend(layer.sources())
        return {"path": str(self.path), "layers": layers, "sources": sources,
                "entries": sum(x["entries"] for x in layers)}  # type: ignore[misc]


def _usable(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        layer = Layer(path)
    except GazetteerError:
        return False
    ok = layer.meta.get("embedded_version") == EMBEDDED_VERSION
    layer.close()
    return ok


def _caseless(ch: str) -> bool:
    return ch.isalpha() and ch.upper() == ch.lower()


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \u00a0'\"‘’“”«»":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _reopen(path: str) -> Gazetteer:
    return Gazetteer.open(path, progress=False)
