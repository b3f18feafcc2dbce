"""Admission on expected wait: answer overload at once instead of after a full deadline.

A request that cannot be classified within ``routing.classify_timeout_ms`` would only wait the
whole deadline and then fall back. So before classifying, the core estimates when this
request's classification would finish — the encoder work already admitted ahead of it, spread
over the inference workers, plus its own — from the measured service time per item of each
encoder (an EWMA over the batches the workers ran). When that is past the deadline (less a
margin for the work the estimate does not see: decoding, tokenizing, the event loop), the
request gets ``routing.overload`` at once: the default model, or 429 with ``Retry-After``.

The forwards are not all of it: on a busy CPU, decoding, tokenizing and the event loop stretch
every classification. So :class:`AdmissionControl` also learns how far real classification
times exceed the expectation (an EWMA of actual / expected, at least 1, from requests whose
expectation was a real share of the deadline) and scales the estimate by it.

The decision itself is a pure function (:func:`admission`); :class:`AdmissionControl` keeps the
work admitted so far (event-loop thread only) and :class:`ItemTime` the measured service times
(written by the worker threads: one float assignment each).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ADMIT_FRACTION = 0.8  # of the deadline; the rest covers work the estimate does not see
EWMA_ALPHA = 0.2
CALIBRATE_FROM = 0.1  # of the deadline: shorter expectations are mostly fixed costs
MAX_SCALE = 8.0


class ItemTime:
    """EWMA of an encoder's service time per item (seconds; None before the first batch)."""

    def __init__(self, alpha: float = EWMA_ALPHA, initial: float | None = None) -> None:
        self.alpha = alpha
        self.value = initial

    def observe(self, seconds: float, items: int) -> None:
        if items <= 0 or seconds < 0:
            return
        per_item = seconds / items
        current = self.value
        self.value = per_item if current is None else current + self.alpha * (per_item - current)

    def cost(self, items: int) -> float:
        """Expected seconds for ``items`` more items (0 while nothing was measured)."""
        return items * self.value if self.value is not None and items > 0 else 0.0


@dataclass(frozen=True)
class Admission:
    admitted: bool
    expected_s: float  # when this request's classification would be done, from now
    retry_after_s: int  # for a refused request: when the work ahead will have drained enough


def admission(work_ahead_s: float, own_s: float, workers: int, deadline_s: float,
              fraction: float = ADMIT_FRACTION, requests_ahead: int = 1) -> Admission:
    """Whether a request whose own encoder work is ``own_s`` can be classified within
    ``deadline_s`` behind ``work_ahead_s`` of admitted work (``requests_ahead`` requests) on
    ``workers`` workers. With nothing ahead it is always admitted: refusing it could not make
    anything faster, and only admitted requests measure the service time (an estimate left
    high by one slow forward would otherwise refuse everything from then on)."""
    expected = max(0.0, work_ahead_s) / max(1, workers) + max(0.0, own_s)
    budget = deadline_s * fraction
    retry = max(1, math.ceil(expected - budget))
    admitted = requests_ahead <= 0 or expected <= budget
    return Admission(admitted=admitted, expected_s=expected, retry_after_s=retry)


class AdmissionControl:
    """Encoder work admitted and not yet finished (seconds of service), on the loop thread."""

    def __init__(self, workers: int, deadline_s: float, fraction: float = ADMIT_FRACTION) -> None:
        self.workers = max(1, workers)
        self.deadline_s = deadline_s
        self.fraction = fraction
        self.pending_s = 0.0
        self.in_flight = 0
        self.scale = 1.0  # learnt: actual classification time / expected

    def decide(self, own_s: float) -> Admission:
        return admission(self.pending_s * self.scale, own_s * self.scale, self.workers,
                         self.deadline_s, self.fraction, self.in_flight)

    def enter(self, own_s: float) -> None:
        self.pending_s += own_s
        self.in_flight += 1

    def leave(self, own_s: float, expected_s: float | None = None,
              actual_s: float | None = None) -> None:
        """``own_s`` is done; ``expected_s`` (as decided) and ``actual_s`` calibrate."""
        self.in_flight -= 1
        self.pending_s = max(0.0, self.pending_s - own_s) if self.in_flight else 0.0
        if expected_s is not None and actual_s is not None:
            self.scale = calibrated(self.scale, expected_s, actual_s, self.deadline_s)


def calibrated(scale: float, expected_s: float, actual_s: float, deadline_s: float,
               alpha: float = EWMA_ALPHA) -> float:
    """The scale after one request that was expected to take ``expected_s`` (unscaled work,
    times the scale then in force) and took ``actual_s``."""
    if expected_s < CALIBRATE_FROM * deadline_s:
        return scale
    unscaled = expected_s / scale
    ratio = min(MAX_SCALE, max(1.0, actual_s / unscaled))
    return scale + alpha * (ratio - scale)
