"""Multinomial logistic regression with L2, cross-validation and abstention thresholds (pure numpy).

Deterministic: L-BFGS from zero weights, folds from a seeded generator, no threads of its own.
The objective is the mean cross-entropy plus ``l2 / 2 * ||W||^2`` (the bias is not penalised).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from typing import Callable, ContextManager, Sequence

import numpy as np

logger = logging.getLogger(__name__)

LBFGS_MEMORY = 10


def _single_threaded_blas() -> ContextManager[object]:
    """Small matrices: BLAS thread wake-ups cost more than they save (much more on busy CPUs)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: only a speed-up
        return contextlib.nullcontext()
    limits: ContextManager[object] = threadpool_limits(limits=1, user_api="blas")
    return limits


@dataclass(frozen=True)
class LinearModel:
    weights: np.ndarray  # (n_classes, n_features)
    bias: np.ndarray  # (n_classes,)

    def proba(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.weights.T + self.bias)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    proba: np.ndarray = exp / exp.sum(axis=-1, keepdims=True)
    return proba


def loss_and_grad(params: np.ndarray, x: np.ndarray, onehot: np.ndarray,
                  l2: float) -> tuple[float, np.ndarray]:
    """Mean cross-entropy + L2 on the weights; ``params`` is [W.ravel(), b]."""
    n, d = x.shape
    k = onehot.shape[1]
    weights, bias = params[:k * d].reshape(k, d), params[k * d:]
    logits = x @ weights.T + bias
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_norm
    loss = -float((onehot * log_p).sum()) / n + 0.5 * l2 * float((weights ** 2).sum())
    residual = (np.exp(log_p) - onehot) / n
    grad_w = residual.T @ x + l2 * weights
    return loss, np.concatenate([grad_w.ravel(), residual.sum(axis=0)])


def _two_loop(grad: np.ndarray, s_hist: list[np.ndarray], y_hist: list[np.ndarray]) -> np.ndarray:
    q = grad.copy()
    alphas = []
    for s, y in zip(reversed(s_hist), reversed(y_hist)):
        alpha = float(s @ q) / float(y @ s)
        alphas.append(alpha)
        q -= alpha * y
    if s_hist:
        q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
    for (s, y), alpha in zip(zip(s_hist, y_hist), reversed(alphas)):
        q += (alpha - float(y @ q) / float(y @ s)) * s
    return -q


def lbfgs(fun: Callable[[np.ndarray], tuple[float, np.ndarray]], x0: np.ndarray,
          max_iter: int = 500, tol: float = 1e-6) -> np.ndarray:
    """Minimise a smooth function ``fun(x) -> (value, grad)`` with L-BFGS + Armijo backtracking."""
    x = x0.astype(np.float64)
    value, grad = fun(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        if np.abs(grad).max() < tol:
            break
        direction = _two_loop(grad, s_hist, y_hist)
        slope = float(grad @ direction)
        if slope >= 0:  # not a descent direction: restart from steepest descent
            s_hist, y_hist, direction, slope = [], [], -grad, -float(grad @ grad)
        step = 1.0 if s_hist else min(1.0, 1.0 / max(np.abs(grad).sum(), 1e-12))
        while True:
            candidate = x + step * direction
            new_value, new_grad = fun(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-12:
                break
            step *= 0.5
        s, y = candidate - x, new_grad - grad
        if float(s @ y) > 1e-12:
            s_hist, y_hist = (s_hist + [s])[-LBFGS_MEMORY:], (y_hist + [y])[-LBFGS_MEMORY:]
        converged = abs(value - new_value) <= tol * max(1.0, abs(value))
        x, value, grad = candidate, new_value, new_grad
        if converged:
            break
    return x


def fit_logreg(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float,
               max_iter: int = 500) -> LinearModel:
    """Fit multinomial logistic regression; ``y`` holds class indices."""
    x = np.asarray(x, dtype=np.float64)
    onehot = np.eye(n_classes)[np.asarray(y)]
    d = x.shape[1]
    with _single_threaded_blas():
        params = lbfgs(lambda p: loss_and_grad(p, x, onehot, l2),
                       np.zeros(n_classes * (d + 1)), max_iter=max_iter)
    weights = params[:n_classes * d].reshape(n_classes, d)
    return LinearModel(weights=weights.astype(np.float32),
                       bias=params[n_classes * d:].astype(np.float32))


def stratified_folds(y: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """Fold index per sample; each class is shuffled and dealt round-robin over ``k`` folds."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(y), dtype=np.int64)
    offset = 0
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        folds[idx] = (np.arange(len(idx)) + offset) % k
        offset += len(idx)
    return folds


def cross_val_proba(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float, k: int,
                    seed: int = 0, extra: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Out-of-fold class probabilities from stratified ``k``-fold cross-validation.

    ``extra`` (features, labels) joins every training fold and is never scored.
    """
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    folds = stratified_folds(y, k, seed)
    proba = np.zeros((len(y), n_classes), dtype=np.float64)
    for fold in range(k):
        test = folds == fold
        if not test.any():
            continue
        train_x, train_y = join(x[~test], y[~test], extra)
        model = fit_logreg(train_x, train_y, n_classes, l2)
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
    out: np.ndarray = best.copy()
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
