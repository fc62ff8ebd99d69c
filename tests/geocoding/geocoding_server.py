"""A real HTTP server on 127.0.0.1 speaking the Nominatim, Photon, Pelias, GeoNames and ArcGIS APIs.

It answers from ``tests/fixtures/geocoding/places.json``, counts requests, and can inject
faults into the next requests: an HTTP status (with ``Retry-After``), a hang longer than the
client's timeout, or a body that is not JSON.
"""

from __future__ import annotations

import json
import threading
import time
import unicodedata
import urllib.parse
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PLACES_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "geocoding" / "places.json"

_PELIAS_LAYER = {"city": "locality", "town": "locality", "country": "country", "state": "region",
                 "military": "venue", "barrier": "venue"}
_GEONAMES_CODE = {"city": ("P", "PPL"), "town": ("P", "PPL"), "country": ("A", "PCLI"),
                  "state": ("A", "ADM1"), "military": ("S", "AIRB"), "barrier": ("S", "PSTB")}
GEONAMES_USER = "geoevents-tests"
_ARCGIS_TYPE = {"city": ("Locality", "City"), "town": ("Locality", "Town"),
                "country": ("Country", ""), "state": ("Region", ""),
                "military": ("POI", "Military Base"), "barrier": ("POI", "Border Crossing")}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@dataclass
class Fault:
    kind: str  # "status", "hang", "malformed" (not JSON), "json" (valid JSON, wrong shape)
    status: int = 500
    retry_after: str | None = None
    seconds: float = 0.0
    body: str = ""


@dataclass
class Seen:
    path: str
    params: dict[str, str]
    user_agent: str
    at: float  # time.monotonic() when the request arrived


class GeoServer:
    """Start with ``with GeoServer() as server: server.url``."""

    def __init__(self, places_file: Path = PLACES_FILE) -> None:
        self.places: list[dict[str, Any]] = json.loads(places_file.read_text(encoding="utf-8"))
        self.faults: deque[Fault] = deque()
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    # -- control -------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._httpd is not None
        port = self._httpd.server_address[1]
        return f"http://127.0.0.1:{port}"

    @property
    def requests(self) -> int:
        with self._lock:
            return len(self.seen)

    def fail(self, kind: str, *, times: int = 1, **kwargs: Any) -> None:
        """Inject ``times`` faults into the next requests."""
        with self._lock:
            self.faults.extend(Fault(kind, **kwargs) for _ in range(times))

    def start(self) -> GeoServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # type: ignore[attr-defined]
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> GeoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- protocol ------------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        params = dict(urllib.parse.parse_qsl(parts.query))
        with self._lock:
            self.seen.append(Seen(parts.path, params, handler.headers.get("User-Agent", ""),
                                  time.monotonic()))
            fault = self.faults.popleft() if self.faults else None
        if fault is not None:
            if fault.kind == "hang":
                time.sleep(fault.seconds)
            elif fault.kind == "status":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                self._send(handler, fault.status, b'{"error": "injected"}', headers)
                return
            elif fault.kind == "malformed":
                self._send(handler, 200, b'[{"place_id": 1, "lat": "33.', {})
                return
            elif fault.kind == "json":
                self._send(handler, 200, fault.body.encode(), {})
                return
        if parts.path.endswith("/search") and not parts.path.startswith("/v1"):
            body: Any = self._nominatim(params)
        elif parts.path.endswith("/api"):
            body = self._photon(params)
        elif parts.path.endswith("/v1/search"):
            body = self._pelias(params)
        elif parts.path.endswith("/searchJSON"):
            body = self._geonames(parts.query)
        elif parts.path.endswith("/findAddressCandidates"):
            body = self._arcgis(params)
        else:
            self._send(handler, 404, b'{"error": "not found"}', {})
            return
        self._send(handler, 200, json.dumps(body).encode(), {})

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes,
              headers: dict[str, str]) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json; charset=utf-8")
            handler.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def _matches(self, query: str, countries: set[str] | None) -> list[dict[str, Any]]:
        q = _norm(query)
        out = []
        for place in self.places:
            names = [place["name"], *place["aliases"]]
            if q in {_norm(n) for n in names} and (
                not countries or place["country"].lower() in countries
            ):
                out.append(place)
        return out

    def _nominatim(self, params: dict[str, str]) -> list[dict[str, Any]]:
        countries = {c.strip().lower() for c in params.get("countrycodes", "").split(",") if c}
        limit = int(params.get("limit", "10"))
        out = []
        for i, p in enumerate(self._matches(params.get("q", ""), countries or None)[:limit]):
            out.append({
                "place_id": 1000 + i,
                "osm_type": p["osm_type"],
                "osm_id": p["osm_id"],
                "lat": str(p["lat"]),
                "lon": str(p["lon"]),
                "class": p["class"],
                "type": p["type"],
                "addresstype": p["addresstype"],
                "name": p["name"],
                "display_name": f"{p['name']}, {p['country']}",
                "address": {"country_code": p["country"].lower()},
            })
        return out

    def _photon(self, params: dict[str, str]) -> dict[str, Any]:
        limit = int(params.get("limit", "10"))
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                "properties": {
                    "osm_type": p["osm_type"][0].upper(),
                    "osm_id": p["osm_id"],
                    "osm_key": p["class"],
                    "osm_value": p["type"],
                    "type": p["addresstype"],
                    "name": p["name"],
                    "countrycode": p["country"],
                },
            }
            for p in self._matches(params.get("q", ""), None)[:limit]
        ]
        return {"type": "FeatureCollection", "features": features}

    def _pelias(self, params: dict[str, str]) -> dict[str, Any]:
        countries = {c.lower() for c in params.get("boundary.country", "").split(",") if c}
        alpha2 = {p["country3"].lower(): p["country"].lower() for p in self.places}
        wanted = {alpha2.get(c, c) for c in countries} or None
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                "properties": {
                    "gid": f"openstreetmap:{_PELIAS_LAYER[p['addresstype']]}:{p['osm_id']}",
                    "layer": _PELIAS_LAYER[p["addresstype"]],
                    "name": p["name"],
                    "country_a": p["country3"],
                },
            }
            for p in self._matches(params.get("text", ""), wanted)
        ]
        return {"type": "FeatureCollection", "features": features}

    def _geonames(self, query: str) -> dict[str, Any]:
        pairs = urllib.parse.parse_qsl(query)
        params = dict(pairs)
        if params.get("username") != GEONAMES_USER:
            return {"status": {"message": "user does not exist.", "value": 10}}
        countries = {v.lower() for k, v in pairs if k == "country"} or None
        rows = []
        for i, p in enumerate(self._matches(params.get("q", ""), countries)):
            fcl, fcode = _GEONAMES_CODE[p["addresstype"]]
            rows.append({"geonameId": 90000 + i, "name": p["name"], "lat": str(p["lat"]),
                         "lng": str(p["lon"]), "countryCode": p["country"], "fcl": fcl,
                         "fcode": fcode})
        return {"totalResultsCount": len(rows), "geonames": rows}

    def _arcgis(self, params: dict[str, str]) -> dict[str, Any]:
        if params.get("f") != "json":
            return {"error": {"code": 400, "message": "f=json expected"}}
        candidates = []
        for p in self._matches(params.get("singleLine", ""), None):
            addr_type, kind = _ARCGIS_TYPE[p["addresstype"]]
            attributes = {"Addr_type": addr_type, "Type": kind, "Country": p["country3"]}
            if params.get("outFields") == "*":
                attributes["PlaceName"] = p["name"]
            candidates.append({"address": f"{p['name']}, {p['country3']}",
                               "location": {"x": p["lon"], "y": p["lat"]}, "score": 100,
                               "attributes": attributes})
        return {"spatialReference": {"wkid": 4326}, "candidates": candidates}
