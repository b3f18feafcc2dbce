"""How well the cascade's triggers find the embedding path's mistakes (pure; needs no LLM).

For each labelled conversation the embedding path's decision is recorded with its confidence
and whether a threshold-free trigger (a route marked ``llm: true``, a foreign script) fires.
At a threshold ``t`` the cascade escalates a conversation when such a trigger fires or its
confidence is below ``t``:

* ``escalation_rate``: the share of conversations escalated;
* ``errors_escalated``: the share of the embedding path's own errors that were escalated
  (None when it made none). An LLM can only fix what it is asked about, so this bounds what
  the cascade can gain.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from mmrouter.config.schema import Config
from mmrouter.llm.policy import escalation_reason
from mmrouter.routing.classifier import Classification

CURVE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99)


@dataclass(frozen=True)
class CascadeRecord:
    confidence: float
    embedding_correct: bool
    forced: bool  # a trigger that does not depend on the threshold fired


def cascade_record(config: Config, embedding: Classification, latest_text: str,
                   expected: str) -> CascadeRecord:
    """One conversation's record, under the config's cascade triggers (whatever its mode)."""
    cascade = config.replace(llm_router=dataclasses.replace(
        config.llm_router, mode="cascade", escalate_below=0.0))
    return CascadeRecord(confidence=float(embedding.confidence),
                         embedding_correct=embedding.route == expected,
                         forced=escalation_reason(cascade, embedding, latest_text) is not None)


def cascade_stats(records: Sequence[CascadeRecord], escalate_below: float) -> dict[str, Any]:
    escalated = [r.forced or r.confidence < escalate_below for r in records]
    errors = [e for r, e in zip(records, escalated) if not r.embedding_correct]
    return {
        "escalate_below": round(escalate_below, 4),
        "escalation_rate": round(sum(escalated) / len(records), 4) if records else 0.0,
        "errors_escalated": round(sum(errors) / len(errors), 4) if errors else None,
        "embedding_errors": len(errors),
    }


def escalation_curve(records: Sequence[CascadeRecord],
                     thresholds: Sequence[float] = CURVE_THRESHOLDS) -> list[dict[str, Any]]:
    return [cascade_stats(records, t) for t in thresholds]


def suggest_escalate_below(confidences: Sequence[float], target_rate: float) -> float:
    """The threshold under which ``target_rate`` of these confidences fall (their quantile)."""
    if not 0.0 < target_rate < 1.0:
        raise ValueError("the target escalation rate must be between 0 and 1")
    return float(np.quantile(np.asarray(confidences, dtype=np.float64), target_rate))
