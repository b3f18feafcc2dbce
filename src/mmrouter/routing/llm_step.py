"""What the LLM router did for one classification (attached to its Classification)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class LLMStep:
    """Set whenever ``llm_router.mode`` is not ``off``; ``escalated`` says whether the LLM was
    asked, ``outcome`` how that went (None when it was not asked)."""

    mode: str  # "always" | "cascade"
    escalated: bool
    reason: str | None  # why it escalated: always | route_llm | script | low_confidence
    outcome: str | None  # ok | timeout | error | parse_error | breaker_open | busy
    route: str | None  # the LLM's route (other or an unknown name: the fallback route)
    embedding_route: str
    embedding_confidence: float
    embedding_method: str  # "head" | "anchors"
    latency_ms: float | None = None
    answer_status: str | None = None  # route | other | unknown_route | unparseable

    def as_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "escalated": self.escalated, "reason": self.reason,
                "outcome": self.outcome, "route": self.route,
                "answer_status": self.answer_status,
                "latency_ms": None if self.latency_ms is None else round(self.latency_ms, 3)}
