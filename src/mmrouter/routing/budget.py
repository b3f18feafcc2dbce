"""A budget on a model's share of classified requests over a rolling window (``routing.budget``).

Each limited model M has a target share T (its ``max_share``). Every classified decision counts
in the window; one whose capable first choice is M is *kept* on M when its confidence reaches
M's threshold, else demoted to the route's next capable model (reason ``budget``). A decision
with no capable alternative keeps M: the budget never breaks a capability. Explicit-model
requests never come here.

The threshold is a quantile of the recent confidences of decisions that wanted M, chosen so that
the fraction kept is what the target allows:

    keep = clamp((T + P + I) / w, 0, 1),   threshold = quantile(recent confidences, 1 - keep)

where ``w`` is a short-memory estimate (an exponential average over :data:`RATE_MEMORY`
decisions) of the fraction of decisions that want M: the feed-forward part, which follows a
change of the traffic mix within that many decisions instead of a whole window. ``P`` and ``I``
are proportional and integral corrections on the error between T and the share M had over the
window. The least sure decisions are demoted first.

Several processes: each one holds its own traffic at T, so the sum holds too (the sum of
kept over the sum of classified is T); the supervisor's ``/api/v1/budget`` adds the processes'
counts (see :func:`merge_states`).
"""

from __future__ import annotations

import math
import random
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from mmrouter.config.schema import BudgetConfig, ModelConfig

RATE_MEMORY = 64  # decisions: the memory of the wanted-fraction estimate
CONFIDENCE_MEMORY = 256  # recent confidences of decisions that wanted the model
P_GAIN = 2.0
I_GAIN = 0.001  # per decision that wanted the model
BUDGET = "budget"


@dataclass
class _Limit:
    """The controller of one limited model."""

    target: float
    wanted_rate: float = 0.0  # short-memory fraction of decisions that want the model
    integral: float = 0.0
    keep: float = 1.0
    threshold: float = -math.inf
    confidences: deque[float] = field(default_factory=lambda: deque(maxlen=CONFIDENCE_MEMORY))
    kept: int = 0  # in the window
    wanted: int = 0  # in the window
    demoted_total: int = 0  # since start


@dataclass(frozen=True)
class BudgetVerdict:
    model: ModelConfig
    demoted: bool


class BudgetController:
    """Holds each limited model at or under its share (not thread-safe: one event loop)."""

    def __init__(self, config: BudgetConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = config.window_s
        self.limits = {limit.model: _Limit(target=limit.max_share) for limit in config.limits}
        self._clock = clock
        self._window: deque[tuple[float, str, str]] = deque()  # (time, wanted, final model)
        self._final: dict[str, int] = {}
        self._ties = random.Random(0)  # deterministic: the same decisions, the same verdicts

    @property
    def active(self) -> bool:
        return bool(self.limits)

    def decide(self, first: ModelConfig, alternatives: Sequence[ModelConfig],
               confidence: float, now: float | None = None, record: bool = True) -> BudgetVerdict:
        """Where a classified decision goes: ``first`` (its capable first choice) or, when the
        budget demotes it, the first of ``alternatives`` that is not itself over budget.
        ``record`` False: what it would do now, counting nothing (a dry run)."""
        if not record:
            return self._peek(first, alternatives, confidence)
        now = self._clock() if now is None else now
        self._expire(now)
        for each in self.limits.values():
            each.wanted_rate -= each.wanted_rate / RATE_MEMORY
        chosen, demoted = first, False
        limit = self.limits.get(first.name)
        if limit is not None:
            limit.wanted_rate += 1.0 / RATE_MEMORY
            self._update(limit)
            limit.confidences.append(confidence)
            if alternatives and self._below(limit, confidence):
                chosen = next((m for m in alternatives if not self._over(m.name)),
                              alternatives[0])
                demoted = True
                limit.demoted_total += 1
        self._record(now, first.name, chosen.name)
        return BudgetVerdict(model=chosen, demoted=demoted)

    def _peek(self, first: ModelConfig, alternatives: Sequence[ModelConfig],
              confidence: float) -> BudgetVerdict:
        limit = self.limits.get(first.name)
        if limit is None or not alternatives or confidence >= limit.threshold:
            return BudgetVerdict(model=first, demoted=False)
        return BudgetVerdict(model=next((m for m in alternatives if not self._over(m.name)),
                                        alternatives[0]), demoted=True)

    def _below(self, limit: _Limit, confidence: float) -> bool:
        """Under the threshold; at it (ties: a classifier that repeats a confidence), demoted
        with the probability the keep fraction leaves."""
        if confidence == limit.threshold:
            return self._ties.random() >= limit.keep
        return confidence < limit.threshold

    def share(self, model: str) -> float:
        total = len(self._window)
        return self._final.get(model, 0) / total if total else 0.0

    def _over(self, model: str) -> bool:
        limit = self.limits.get(model)
        return limit is not None and self.share(model) >= limit.target

    def _update(self, limit: _Limit) -> None:
        error = limit.target - self._share_of(limit)
        limit.integral = min(max(limit.integral + I_GAIN * error, -limit.target), limit.target)
        wanted = max(limit.wanted_rate, 1e-9)
        limit.keep = min(max((limit.target + P_GAIN * error + limit.integral) / wanted, 0.0), 1.0)
        if limit.keep >= 1.0 or not limit.confidences:
            limit.threshold = -math.inf
        else:
            limit.threshold = float(np.quantile(np.fromiter(limit.confidences, float),
                                                1.0 - limit.keep))

    def _share_of(self, limit: _Limit) -> float:
        total = len(self._window)
        return limit.kept / total if total else limit.target

    def _record(self, now: float, wanted: str, final: str) -> None:
        self._window.append((now, wanted, final))
        self._final[final] = self._final.get(final, 0) + 1
        self._count(wanted, final, 1)

    def _expire(self, now: float) -> None:
        horizon = now - self.window_s
        while self._window and self._window[0][0] < horizon:
            _, wanted, final = self._window.popleft()
            self._final[final] -= 1
            self._count(wanted, final, -1)

    def _count(self, wanted: str, final: str, step: int) -> None:
        if wanted in self.limits:
            self.limits[wanted].wanted += step
        if final in self.limits:
            self.limits[final].kept += step

    def state(self, now: float | None = None) -> dict[str, Any]:
        """The window's counts and each limit's share and threshold (``GET /api/v1/budget``)."""
        self._expire(self._clock() if now is None else now)
        classified = len(self._window)
        models = {name: {"max_share": limit.target, "share": self.share(name),
                         "requests": self._final.get(name, 0), "wanted": limit.wanted,
                         "demoted_total": limit.demoted_total,
                         "threshold": None if math.isinf(limit.threshold) else limit.threshold,
                         "keep_fraction": limit.keep}
                  for name, limit in self.limits.items()}
        return {"enabled": self.active, "window_s": self.window_s, "classified": classified,
                "models": models}


def merge_states(states: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Several processes' budget states as one: counts add up, a share is the summed requests
    over the summed classified requests, thresholds stay per process (each controls its own)."""
    if not states:
        return {"enabled": False, "window_s": None, "classified": 0, "models": {}}
    classified = sum(int(s.get("classified", 0)) for s in states)
    models: dict[str, dict[str, Any]] = {}
    for state in states:
        for name, own in state.get("models", {}).items():
            merged = models.setdefault(name, {"max_share": own["max_share"], "requests": 0,
                                              "wanted": 0, "demoted_total": 0, "thresholds": []})
            for key in ("requests", "wanted", "demoted_total"):
                merged[key] += int(own.get(key, 0))
            merged["thresholds"].append(own.get("threshold"))
    for merged in models.values():
        merged["share"] = merged["requests"] / classified if classified else 0.0
    return {"enabled": any(s.get("enabled") for s in states), "window_s": states[0]["window_s"],
            "classified": classified, "processes": len(states), "models": models}
