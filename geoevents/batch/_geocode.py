"""Online geocoding in a batch: every unique unknown place name is asked once per batch.

Workers never send a request. Inside a worker, each online provider of the chain is replaced
by a stand-in that only reads the shared geocoding cache: a name the cache already answers is
used at once; a name it does not know is recorded and the document is sent back *deferred*.
The parent asks the real chain about each recorded name once (one process: the provider's
rate limit holds for the whole batch), which fills the cache, then sends the deferred
documents again; they now find every answer in the cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..geocoding import GeocoderConfig, Location, Provider

__all__ = ["worker_geocoder", "ParentGeocoder"]

# Per worker process: config repr -> (chain whose online providers are deferred, pending names).
_WORKER_CHAINS: dict[str, tuple[Any, set[str]]] = {}


def _deferred_provider_class() -> type:
    from ..geocoding import Provider
    from ..geocoding.errors import GeocoderSkipped

    class Deferred(Provider):
        """Stands for an online provider in a worker: records the name, asks nothing."""

        def __init__(self, inner: Provider, pending: set[str]) -> None:
            self.inner = inner
            self.name = inner.name
            self.pending = pending

        @property
        def cache_key(self) -> str:
            return self.inner.cache_key  # the cache entries the parent's requests write

        def geocode(
            self, query: str, *, country: str | None = None, language: str | None = None
        ) -> Location | None:
            self.pending.add(query)
            # "Skipped" makes the chain move on quietly; the document is sent back anyway.
            raise GeocoderSkipped(f"{self.name}: {query!r} is geocoded by the batch parent")

    return Deferred


def worker_geocoder(config: GeocoderConfig, gazetteer: Any) -> tuple[Provider, set[str]]:
    """This process's chain for ``config`` (built once), and the set collecting deferred names.

    Without a cache (``use_cache=False``) there is nothing to share: the real chain is used.
    """
    key = repr(config)
    found = _WORKER_CHAINS.get(key)
    if found is not None:
        return found
    from ..geocoding import CachedProvider, Chain, build_chain

    chain = build_chain(config, gazetteer=gazetteer)
    pending: set[str] = set()
    if config.use_cache:
        deferred = _deferred_provider_class()
        chain = Chain([
            CachedProvider(deferred(p.provider, pending), p.cache)
            if isinstance(p, CachedProvider) else p
            for p in chain.providers
        ])
    _WORKER_CHAINS[key] = (chain, pending)
    return chain, pending


class ParentGeocoder:
    """The real chain, in the parent: asks each name once and remembers the answer."""

    def __init__(self, config: GeocoderConfig, gazetteer: Any) -> None:
        from ..geocoding import build_chain

        self.chain = build_chain(config, gazetteer=gazetteer)
        self.answers: dict[str, Location | None] = {}

    def geocode_all(self, names: set[str]) -> int:
        """Ask the chain about the names not asked yet; returns how many were asked."""
        asked = 0
        for name in sorted(names - self.answers.keys()):
            self.answers[name] = self.chain.geocode(name)
            asked += 1
        return asked

    def provider(self) -> Provider:
        """A provider answering from this batch's answers first (for parsing in the parent)."""
        from ..geocoding import Provider

        answers, chain = self.answers, self.chain

        class Remembered(Provider):
            name = chain.name

            def geocode(
                self, query: str, *, country: str | None = None, language: str | None = None
            ) -> Location | None:
                if query not in answers:
                    answers[query] = chain.geocode(query, country=country, language=language)
                return answers[query]

        return Remembered()

    def close(self) -> None:
        self.chain.close()
