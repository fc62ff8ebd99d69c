"""Linear scorers learned from the annotated corpus, shipped as JSON beside this module.

``python -m geoevents.events.train --write`` fits them (logistic regression, passage folds);
scoring is a sparse dot product in pure Python, so nothing heavy is imported at run time.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["LinearScorer", "load_scorer"]


@dataclass(frozen=True, slots=True)
class LinearScorer:
    """``score = bias + sum(weight[f] * value[f])``; ``probability`` is its logistic."""

    weights: Mapping[str, float]
    bias: float = 0.0

    def score(self, features: Mapping[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearScorer:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("bias", 0.0)))


@functools.lru_cache(maxsize=4)
def load_scorer(name: str) -> LinearScorer:
    """The shipped scorer in ``name`` (a JSON file of this package: ``{"model": {...}}``)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return LinearScorer.from_dict(json.loads(text)["model"])
