"""Linear scorers shipped as JSON: the candidate ranker and the mention filter.

The weights are learned by ``geoevents/ranking/train.py`` (logistic regression, document-fold
cross-validation on the development corpora) and stored in ``ranker.json``; scoring is a dot
product in pure Python, so nothing heavy is imported at run time.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["Ranker", "ranker", "mention_filter", "load_models"]


@dataclass(frozen=True, slots=True)
class Ranker:
    """``score(x) = bias + weights · (x - mean) / scale``; ``probability`` is its logistic."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5

    def score(self, values: Sequence[float]) -> float:
        total = self.bias
        for w, x, m, s in zip(self.weights, values, self.mean, self.scale, strict=True):
            total += w * (x - m) / s
        return total

    def probability(self, values: Sequence[float]) -> float:
        z = self.score(values)
        return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"names": list(self.names), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Ranker:
        n = len(data["names"])
        return cls(tuple(data["names"]), tuple(float(w) for w in data["weights"]),
                   float(data["bias"]), tuple(float(v) for v in data.get("mean", [0.0] * n)),
                   tuple(float(v) for v in data.get("scale", [1.0] * n)),
                   float(data.get("threshold", 0.5)))


@functools.lru_cache(maxsize=1)
def load_models() -> dict[str, Ranker]:
    """The shipped models by name (``candidates``, ``mentions``)."""
    text = resources.files(__package__).joinpath("ranker.json").read_text(encoding="utf-8")
    return {name: Ranker.from_dict(d) for name, d in json.loads(text)["models"].items()}


def ranker() -> Ranker:
    """The shipped candidate ranker."""
    return load_models()["candidates"]


def mention_filter() -> Ranker | None:
    """The shipped mention filter, if one was trained."""
    return load_models().get("mentions")
