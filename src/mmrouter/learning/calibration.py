"""Calibration for `mmrouter fit` and `mmrouter eval`: confidence that means what it says.

Two steps, both learnt on out-of-fold predictions (never on the data they are reported on):

1. **Temperature** (:func:`fit_temperature`): one scalar ``T`` that minimises the negative
   log-likelihood of the out-of-fold probabilities raised to ``1 / T`` and renormalised. The head's
   weights and biases are divided by ``T``, so serving is unchanged and the route
   probabilities (and the abstention thresholds fitted on them) are calibrated.
2. **Confidence model** (:func:`fit_confidence_model`): a logistic regression from what the head
   saw (:func:`mmrouter.routing.confidence.confidence_features`) to whether the out-of-fold
   decision was right. Its output is the decision's ``confidence``: the probability that the
   route is right, which ``llm_router.escalate_below`` and the budget compare against.

:func:`reliability` and :func:`expected_calibration_error` report how well that holds.
"""

from __future__ import annotations

import warnings
from typing import Any, Sequence

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression

from mmrouter.routing.confidence import ConfidenceModel, confidence_features
from mmrouter.routing.head import softmax

TEMPERATURE_BOUNDS = (0.05, 20.0)
CONFIDENCE_C = 1.0  # inverse L2 strength of the confidence model (about 20 features)
BINS = 10
_FLOOR = 1e-12


def with_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """``proba ** (1 / T)``, renormalised per row (the same as dividing the logits by T)."""
    return softmax(np.log(np.clip(np.asarray(proba, dtype=np.float64), _FLOOR, 1.0)) / temperature)


def negative_log_likelihood(proba: np.ndarray, y: np.ndarray) -> float:
    picked = np.asarray(proba)[np.arange(len(y)), np.asarray(y)]
    return float(-np.mean(np.log(np.clip(picked, _FLOOR, 1.0))))


def fit_temperature(proba: np.ndarray, y: np.ndarray) -> float:
    """The temperature that makes ``proba`` most likely (1.0 when there is nothing to fit)."""
    if len(y) == 0 or len(np.unique(y)) < 2:
        return 1.0
    low, high = np.log(TEMPERATURE_BOUNDS[0]), np.log(TEMPERATURE_BOUNDS[1])
    result = minimize_scalar(
        lambda log_t: negative_log_likelihood(with_temperature(proba, float(np.exp(log_t))), y),
        bounds=(low, high), method="bounded", options={"xatol": 1e-4})
    return float(np.exp(result.x))


def decision_features(proba: np.ndarray, decided: np.ndarray, abstained: np.ndarray,
                      extras: np.ndarray, english: Sequence[bool]) -> np.ndarray:
    """One row of confidence features per decision (as the head computes them serving)."""
    return np.stack([confidence_features(p, int(d), bool(a), e, bool(en))
                     for p, d, a, e, en in zip(proba, decided, abstained, extras, english)])


def fit_confidence_model(features: np.ndarray, correct: np.ndarray,
                         c: float = CONFIDENCE_C) -> ConfidenceModel | None:
    """Logistic regression of "the decision was right" on its features; None when every
    decision was right (or every one wrong): there is nothing to learn the difference from."""
    correct = np.asarray(correct, dtype=bool)
    if correct.all() or not correct.any():
        return None
    model = LogisticRegression(C=c, max_iter=5000, tol=1e-8)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(np.asarray(features, dtype=np.float64), correct.astype(np.int64))
    return ConfidenceModel(weights=model.coef_[0].astype(np.float64),
                           bias=float(model.intercept_[0]))


def _clean(confidence: Sequence[float]) -> np.ndarray:
    """Confidences as probabilities: clipped to [0, 1], a missing (NaN) one counted as 0."""
    conf = np.asarray(confidence, dtype=np.float64)
    return np.clip(np.nan_to_num(conf, nan=0.0, posinf=1.0, neginf=0.0), 0.0, 1.0)


def _row(low: float, high: float, conf: np.ndarray, ok: np.ndarray) -> dict[str, Any]:
    return {"low": round(low, 4), "high": round(high, 4), "n": int(len(conf)),
            "confidence": round(float(conf.mean()), 4), "accuracy": round(float(ok.mean()), 4)}


def reliability(confidence: Sequence[float], correct: Sequence[bool],
                bins: int = BINS) -> list[dict[str, Any]]:
    """Equal-width confidence bins: count, mean confidence and accuracy of each non-empty one."""
    conf, ok = _clean(confidence), np.asarray(correct, dtype=bool)
    index = np.minimum((conf * bins).astype(np.int64), bins - 1)
    return [_row(b / bins, (b + 1) / bins, conf[index == b], ok[index == b])
            for b in range(bins) if (index == b).any()]


def reliability_equal_mass(confidence: Sequence[float], correct: Sequence[bool],
                           bins: int = BINS) -> list[dict[str, Any]]:
    """Bins of (nearly) equal counts, by confidence: they resolve the crowded top, where a
    high ``escalate_below`` sits, that equal-width bins lump into one."""
    conf, ok = _clean(confidence), np.asarray(correct, dtype=bool)
    order = np.argsort(conf, kind="stable")
    return [_row(float(conf[part].min()), float(conf[part].max()), conf[part], ok[part])
            for part in np.array_split(order, min(bins, len(order))) if len(part)]


def _error(rows: list[dict[str, Any]], total: int) -> float:
    return float(sum(r["n"] / total * abs(r["confidence"] - r["accuracy"]) for r in rows))


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool],
                               bins: int = BINS, equal_mass: bool = False) -> float:
    """Σ over bins of (share of decisions) × |mean confidence − accuracy| (equal-width bins,
    or equal-count ones)."""
    total = len(confidence)
    if not total:
        return 0.0
    table = reliability_equal_mass if equal_mass else reliability
    return _error(table(confidence, correct, bins), total)


def calibration_summary(confidence: Sequence[float], correct: Sequence[bool]) -> dict[str, Any]:
    """Both reliability tables and their ECEs (each table built once), as `mmrouter eval`
    reports them."""
    width = reliability(confidence, correct)
    mass = reliability_equal_mass(confidence, correct)
    total = max(1, len(confidence))
    return {"ece": round(_error(width, total), 4), "ece_equal_mass": round(_error(mass, total), 4),
            "reliability": width, "reliability_equal_mass": mass}
