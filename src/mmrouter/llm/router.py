"""The LLM router in the core: asks the model when the policy says so, keeps the embedding
decision whenever the model cannot answer in time or sensibly.

The final decision still goes through :func:`mmrouter.routing.decision.choose_model` in the
core, so capabilities hold exactly as on the embedding path (images only to image-capable
models). A decision made by the LLM has ``method`` ``"llm"`` and, as its confidence, the
embedding path's score for the route the LLM chose (the LLM gives none).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import TYPE_CHECKING, Any, Sequence

from mmrouter.config.schema import Config
from mmrouter.llm.client import LLMAnswer, LLMClient
from mmrouter.llm.parse import ParsedRoute, parse_route
from mmrouter.llm.policy import escalation_reason
from mmrouter.llm.prompt import PromptBuilder
from mmrouter.routing.classifier import Classification
from mmrouter.routing.llm_step import LLMStep
from mmrouter.tracing import span

if TYPE_CHECKING:  # the core's metrics are injected; llm sits below core
    from mmrouter.core.metrics import Metrics

logger = logging.getLogger(__name__)

DEADLINE_MARGIN_S = 0.02  # the LLM's answer is due this long before the request's deadline
LOGGED_ANSWER_CHARS = 120


class LLMRouter:
    def __init__(self, config: Config, metrics: "Metrics", client: LLMClient | None = None) -> None:
        self.config = config
        self.metrics = metrics
        self.client = client if client is not None else LLMClient(config.llm_router)
        self.prompts = PromptBuilder.for_config(config)
        self.mode = config.llm_router.mode

    @property
    def asks_first(self) -> bool:
        """Mode always: the LLM is asked at once, beside the embedding path (its fallback)."""
        return self.mode == "always"

    def start(self, messages: Sequence[Any], deadline: float) -> "asyncio.Future[LLMAnswer]":
        """Ask now (mode always), in a task the caller awaits or discards."""
        return asyncio.ensure_future(self.ask(messages, deadline))

    async def ask(self, messages: Sequence[Any], deadline: float) -> LLMAnswer:
        """The model's raw answer for ``messages``, due before ``deadline`` (loop time)."""
        prompt = self.prompts.build(messages)
        budget = deadline - asyncio.get_running_loop().time() - DEADLINE_MARGIN_S
        with span("mmrouter.llm", {"mmrouter.llm.mode": self.mode,
                                   "mmrouter.llm.budget_ms": budget * 1000.0}) as s:
            answer = await self.client.complete(prompt, budget)
            s.set_attribute("mmrouter.llm.outcome", answer.outcome)
        if answer.latency_s is not None:
            self.metrics.llm_seconds.observe(answer.latency_s)
        if answer.outcome not in ("ok", "busy", "breaker_open"):
            logger.info("LLM router call failed (%s): %s", answer.outcome, answer.detail)
        return answer

    async def refine(self, embedding: Classification, latest_text: str,
                     messages: Sequence[Any], deadline: float,
                     pending: "asyncio.Future[LLMAnswer] | None" = None) -> Classification:
        """The final classification: the embedding decision, or the LLM's when the policy
        escalates and the LLM answers with a route."""
        reason = escalation_reason(self.config, embedding, latest_text)
        step = LLMStep(mode=self.mode, escalated=reason is not None, reason=reason, outcome=None,
                       route=None, embedding_route=embedding.route,
                       embedding_confidence=embedding.confidence,
                       embedding_method=embedding.method)
        if reason is None:
            return dataclasses.replace(embedding, llm=step)
        self.metrics.llm_escalations.labels(reason).inc()
        answer = await pending if pending is not None else await self.ask(messages, deadline)
        parsed = self._parse(answer) if answer.outcome == "ok" else None
        outcome = "parse_error" if parsed is not None and parsed.route is None else answer.outcome
        self.metrics.llm_calls.labels(outcome).inc()
        step = dataclasses.replace(
            step, outcome=outcome, route=parsed.route if parsed else None,
            answer_status=parsed.status if parsed else None,
            latency_ms=None if answer.latency_s is None else answer.latency_s * 1000.0)
        if parsed is None or parsed.route is None:
            return dataclasses.replace(embedding, llm=step)  # the embedding decision stands
        return llm_decision(embedding, parsed, step)

    def _parse(self, answer: LLMAnswer) -> ParsedRoute:
        text = answer.text or ""
        parsed = parse_route(text, self.config.route_names, self.config.routing.fallback_route)
        if parsed.route is None:
            logger.warning("LLM router answer unparseable (%d chars): %r", len(text),
                           text[:LOGGED_ANSWER_CHARS])
        elif parsed.status == "unknown_route":
            logger.info("LLM router named an unknown route %r: fallback route",
                        (parsed.raw_route or "")[:LOGGED_ANSWER_CHARS])
        return parsed

    async def close(self) -> None:
        await self.client.close()


def llm_decision(embedding: Classification, parsed: ParsedRoute, step: LLMStep) -> Classification:
    """The LLM's route as the classification; confidence: the embedding score of that route."""
    route = parsed.route or embedding.route
    score = next((s.fused for s in embedding.scores if s.route == route), 0.0)
    return dataclasses.replace(embedding, route=route, confidence=float(score), method="llm",
                               abstained=parsed.status != "route", llm=step)
