"""A small Nominatim on 127.0.0.1: answers ``/search`` from a dict and counts every request."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Nominatim:
    """``with Nominatim({"Tell Qarmuz": (36.1, 43.2, "iq")}) as server: server.url``."""

    def __init__(self, places: dict[str, tuple[float, float, str]]) -> None:
        self.places = {name.casefold(): (i, name, *where)
                       for i, (name, where) in enumerate(places.items())}
        self.requests: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def _answer(self, query: str) -> list[dict[str, Any]]:
        with self._lock:
            self.requests[query] += 1
        found = self.places.get(query.casefold())
        if found is None:
            return []
        number, name, lat, lon, country = found
        return [{
            "place_id": 1000 + number, "osm_type": "node", "osm_id": 5000 + number,
            "lat": str(lat), "lon": str(lon), "name": name, "class": "place", "type": "village",
            "display_name": f"{name}, {country.upper()}", "address": {"country_code": country},
        }]

    def __enter__(self) -> Nominatim:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parsed = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(parsed.query))
                if parsed.path.rstrip("/") != "/search" or "q" not in params:
                    self.send_error(404)
                    return
                body = json.dumps(server._answer(params["q"])).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()
