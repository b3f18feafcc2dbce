"""The routing head's classifier: multinomial logistic regression (scikit-learn), stratified
cross-validation, and per-route abstention thresholds fitted on out-of-fold probabilities.

The objective is scikit-learn's L2-penalised multinomial cross-entropy; ``l2`` is per sample
(``C = 1 / (l2 * n)``), so the same ``l2`` means the same strength on a small or a large set.
Only the fitted weights and biases leave this module: serving is a numpy matrix product.
"""

from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass
from typing import ContextManager, Sequence

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from mmrouter.routing.head import softmax

MAX_ITER = 1000
ABSENT_BIAS = -30.0  # a class with no training example is never predicted


def _single_threaded_blas() -> ContextManager[object]:
    """Small matrices: BLAS thread wake-ups cost more than they save (much more on busy CPUs)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: only a speed-up
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True)
class LinearModel:
    weights: np.ndarray  # (n_classes, n_features)
    bias: np.ndarray  # (n_classes,)

    def proba(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.weights.T + self.bias)


def fit_linear(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float,
               sample_weight: np.ndarray | None = None) -> LinearModel:
    """Fit multinomial logistic regression; ``y`` holds class indices in ``range(n_classes)``."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    present = np.unique(y)
    weights = np.zeros((n_classes, x.shape[1]), dtype=np.float32)
    bias = np.full(n_classes, ABSENT_BIAS, dtype=np.float32)
    if len(present) == 1:  # one class seen: it always wins
        bias[present[0]] = 0.0
        return LinearModel(weights=weights, bias=bias)
    model = LogisticRegression(C=1.0 / (l2 * len(y)), max_iter=MAX_ITER, tol=1e-6)
    with _single_threaded_blas(), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x, y, sample_weight=sample_weight)
    coef, intercept = model.coef_, model.intercept_
    if len(present) == 2:  # scikit-learn keeps one row for two classes: logit(p1) = w·x + b
        coef = np.vstack([-coef / 2, coef / 2])
        intercept = np.asarray([-intercept[0] / 2, intercept[0] / 2])
    weights[present] = coef
    bias[present] = intercept
    return LinearModel(weights=weights, bias=bias)


def cross_val_proba(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float, k: int,
                    seed: int = 0, extra: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Out-of-fold class probabilities from stratified ``k``-fold cross-validation.

    ``extra`` (features, labels) joins every training fold and is never scored.
    """
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    y = np.asarray(y)
    k = max(2, min(k, int(np.bincount(y).max())))
    proba = np.zeros((len(y), n_classes), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a class smaller than k
        splits = list(splitter.split(np.zeros(len(y)), y))
    for train, test in splits:
        model = fit_linear(*join(x[train], y[train], extra), n_classes, l2)
        proba[test] = model.proba(np.asarray(x[test], dtype=np.float64))
    return proba


def join(x: np.ndarray, y: np.ndarray,
         extra: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
    if extra is None or not len(extra[1]):
        return x, y
    return np.concatenate([x, extra[0]]), np.concatenate([y, extra[1]])


def apply_thresholds(proba: np.ndarray, thresholds: dict[int, float], fallback: int) -> np.ndarray:
    """Argmax per row; a winner below its class threshold abstains to ``fallback``."""
    best = proba.argmax(axis=1)
    conf = proba.max(axis=1)
    out = best.copy()
    for label, threshold in thresholds.items():
        out[(best == label) & (conf < threshold) & (label != fallback)] = fallback
    return out


def fit_thresholds(proba: np.ndarray, y: np.ndarray, fallback: int) -> dict[int, float]:
    """Greedy per-class abstention thresholds on out-of-fold probabilities.

    A class gets a threshold only if abstaining below it strictly raises accuracy; the smallest
    threshold reaching the best accuracy is kept (abstain as little as possible).
    """
    chosen: dict[int, float] = {}
    for label in range(proba.shape[1]):
        if label == fallback:
            continue
        base = float((apply_thresholds(proba, chosen, fallback) == y).mean())
        best_acc, best_t = base, None
        winners = proba[proba.argmax(axis=1) == label].max(axis=1)
        for candidate in sorted(set(np.round(winners, 6).tolist())):
            t = float(candidate) + 1e-6
            acc = float((apply_thresholds(proba, {**chosen, label: t}, fallback) == y).mean())
            if acc > best_acc + 1e-12:
                best_acc, best_t = acc, t
        if best_t is not None:
            chosen[label] = best_t
    return chosen


def accuracy(expected: Sequence[int] | np.ndarray, predicted: Sequence[int] | np.ndarray) -> float:
    expected, predicted = np.asarray(expected), np.asarray(predicted)
    return float((expected == predicted).mean()) if len(expected) else 0.0
