"""The Dask worker plugin that opens the gazetteer once per worker (imported only with Dask)."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ._workers import warm_up

__all__ = ["GazetteerPlugin"]


class GazetteerPlugin(WorkerPlugin):  # type: ignore[misc]
    """Opens the gazetteer when a worker starts (and in workers that join later)."""

    def __init__(self, gazetteer: str | None) -> None:
        self.gazetteer = gazetteer

    def setup(self, worker: Any) -> None:
        warm_up(self.gazetteer)
