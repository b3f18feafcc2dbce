"""Calibrated confidence: the probability that the routing decision is right.

A fitted head's top probability is only a score: how sure it is depends on the route it picked
and on the request (its language, whether it follows an assistant turn, its length). The
:class:`ConfidenceModel` maps what the head saw to ``P(decision is right)`` with a logistic
regression that ``mmrouter fit`` learns on out-of-fold decisions (see
:mod:`mmrouter.learning.calibration`); it is saved in the head file.

Features (:func:`confidence_features`), for the decided route ``d`` with probability ``p_d``:
``log p_d``, the margin over the runner-up, whether the decision abstained to the fallback, a
one-hot of ``d`` and the same one-hot times ``log p_d`` (a slope per route), the head's own
extra features (follows an assistant turn, image in the latest turn, image anywhere, length),
and whether the latest turn is English (how sure the head is of a given probability differs
by language; the fit learns in which direction). Pure numpy; no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

FEATURE_VERSION = 1
_FLOOR = 1e-6


def confidence_features(probs: np.ndarray, decided: int, abstained: bool,
                        extras: np.ndarray, english: bool) -> np.ndarray:
    """One decision's features (see the module doc); ``probs`` sums to 1 over the routes."""
    p = np.asarray(probs, dtype=np.float64)
    top = math.log(max(float(p[decided]), _FLOOR))
    others = np.delete(p, decided)
    margin = float(p[decided]) - (float(others.max()) if others.size else 0.0)
    onehot = np.zeros(len(p), dtype=np.float64)
    onehot[decided] = 1.0
    return np.concatenate([[top, margin, float(abstained)], onehot, onehot * top,
                           np.asarray(extras, dtype=np.float64), [float(english)]])


def feature_count(n_routes: int, n_extras: int) -> int:
    return 3 + 2 * n_routes + n_extras + 1


@dataclass(frozen=True)
class ConfidenceModel:
    """``P(right) = sigmoid(w · features + b)``, fitted by ``mmrouter fit``."""

    weights: np.ndarray  # (n_features,)
    bias: float

    def probability(self, features: np.ndarray) -> float:
        return float(self.batch(np.asarray(features)[None, :])[0])

    def batch(self, features: np.ndarray) -> np.ndarray:
        """One probability per row of ``features`` (the logistic function in its tanh form,
        which neither overflows nor warns for any logit)."""
        z = np.asarray(features, dtype=np.float64) @ self.weights + self.bias
        out: np.ndarray = 0.5 * (1.0 + np.tanh(0.5 * z))
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"version": FEATURE_VERSION, "weights": [round(float(w), 8) for w in self.weights],
                "bias": round(float(self.bias), 8)}

    @classmethod
    def from_dict(cls, data: Any, n_features: int) -> "ConfidenceModel | None":
        """The saved model, or None when it is absent or was saved for other features."""
        if not isinstance(data, dict) or data.get("version") != FEATURE_VERSION:
            return None
        try:
            weights = np.asarray(data.get("weights", ()), dtype=np.float64)
            bias = float(data.get("bias", 0.0))
        except (TypeError, ValueError):
            return None
        if weights.shape != (n_features,) or not (np.isfinite(weights).all() and math.isfinite(bias)):
            return None
        return cls(weights=weights, bias=bias)
