"""The core's capability-, budget- and cost-aware model choice, kept out of core/router.py.

:class:`ModelChooser` holds what lives as long as a core: the budget controller and the cost and
budget metrics (on the core's injected registry). The parsing and deciding are the pure
functions of routing/needs.py, routing/capabilities.py and routing/budget.py.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge

from mmrouter.config.schema import Config, ModelConfig
from mmrouter.core.metrics import Metrics
from mmrouter.routing.budget import BUDGET, BudgetController
from mmrouter.routing.capabilities import Choice, choose_capable, lacks
from mmrouter.routing.needs import NO_NEEDS, Needs, request_needs

DEFAULT_OUTPUT_TOKENS = 512  # the output estimate of a request that sets no max_tokens

_LOCK = threading.Lock()
_BY_REGISTRY: "weakref.WeakKeyDictionary[CollectorRegistry, ChoiceMetrics]" = \
    weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class ChoiceMetrics:
    cost: Counter  # labels: model
    budget_share: Gauge  # labels: model
    budget_max_share: Gauge  # labels: model
    budget_threshold: Gauge  # labels: model
    budget_demotions: Counter  # labels: model

    @classmethod
    def for_registry(cls, metrics: Metrics) -> "ChoiceMetrics":
        with _LOCK:
            found = _BY_REGISTRY.get(metrics.registry)
            if found is None:
                r = metrics.registry
                found = cls(
                    cost=Counter("mmrouter_estimated_cost_usd", "Estimated cost of the requests "
                                 "sent to each model (input tokens x price + output estimate)",
                                 ["model"], registry=r),
                    budget_share=Gauge("mmrouter_budget_share", "Share of classified requests "
                                       "over the budget window, by limited model", ["model"],
                                       registry=r),
                    budget_max_share=Gauge("mmrouter_budget_max_share", "routing.budget "
                                           "max_share, by model", ["model"], registry=r),
                    budget_threshold=Gauge("mmrouter_budget_threshold", "Confidence under "
                                           "which a decision for the model is demoted (-1: "
                                           "none)", ["model"], registry=r),
                    budget_demotions=Counter("mmrouter_budget_demotions", "Decisions demoted "
                                             "from the model by the budget", ["model"],
                                             registry=r))
                _BY_REGISTRY[r] = found
            return found


def estimated_cost_usd(model: ModelConfig, needs: Needs) -> float:
    """Input tokens at the input price plus max_tokens (or DEFAULT_OUTPUT_TOKENS) at the output
    price, in USD."""
    output = needs.max_output_tokens if needs.max_output_tokens is not None \
        else DEFAULT_OUTPUT_TOKENS
    price = model.price
    return (needs.input_tokens * price.input_per_mtok + output * price.output_per_mtok) / 1e6


class ModelChooser:
    def __init__(self, config: Config, metrics: Metrics) -> None:
        self.config = config
        self.budget = BudgetController(config.routing.budget)
        self.metrics = ChoiceMetrics.for_registry(metrics)
        self._priced = frozenset(m.name for m in config.models
                                 if m.price.input_per_mtok or m.price.output_per_mtok)
        for name, limit in self.budget.limits.items():
            self.metrics.budget_max_share.labels(name).set(limit.target)

    def needs(self, payload: Mapping[str, Any], has_images: bool) -> Needs:
        needs = request_needs(payload)
        if has_images and not needs.needs_image:  # an image only the API parser recognised
            needs = dataclasses.replace(needs, capabilities=needs.capabilities | {"image"})
        return needs

    def choose(self, route: str, needs: Needs, api: str, confidence: float | None,
               record: bool = True) -> Choice:
        """The route's capable model, then the budget's verdict (``confidence`` None: an
        unclassified default, which the budget neither counts nor demotes; ``record`` False:
        a dry run, counted nowhere)."""
        choice = choose_capable(self.config, route, needs, api)
        if not self.budget.active or confidence is None:
            return choice
        verdict = self.budget.decide(choice.model, choice.alternatives, confidence,
                                     record=record)
        if record:
            self._observe_budget(choice.model.name if verdict.demoted else None)
        if not verdict.demoted:
            return choice
        return Choice(verdict.model, BUDGET)

    def _observe_budget(self, demoted_from: str | None) -> None:
        if demoted_from is not None:
            self.metrics.budget_demotions.labels(demoted_from).inc()
        for name, limit in self.budget.limits.items():
            self.metrics.budget_share.labels(name).set(self.budget.share(name))
            threshold = limit.threshold
            self.metrics.budget_threshold.labels(name).set(-1.0 if math.isinf(threshold)
                                                           else threshold)

    def count_cost(self, model: ModelConfig, needs: Needs | None,
                   payload: Mapping[str, Any] | None = None) -> None:
        """Add the request's estimated cost to its model's counter (priced models only)."""
        if model.name not in self._priced:
            return
        if needs is None:
            needs = request_needs(payload) if payload is not None else NO_NEEDS
        self.metrics.cost.labels(model.name).inc(estimated_cost_usd(model, needs))

    def capable(self, model: ModelConfig, needs: Needs | None) -> bool:
        return needs is None or lacks(model, needs) is None
