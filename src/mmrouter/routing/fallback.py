"""Fallback groups (pure): per (route, needs image), the eligible models in ``model_scores``
order, tried by Envoy one after the other when an attempt fails.

mmrouter and the Envoy bootstrap both read this module, so the cluster mmrouter names and the
aggregate cluster Envoy serves are the same. A group exists when the route's policy allows more
than one attempt and more than one model can take the request; otherwise routing is exactly as
without fallback (the first-choice model's own cluster).
"""

from __future__ import annotations

import re
from typing import Any
from dataclasses import dataclass

from mmrouter.config.schema import Config, ModelConfig, RouteConfig
from mmrouter.routing.decision import ranked_models

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
# Decisions that follow a route's ranking (explicit models and defaults go where they are sent).
GROUP_REASONS = frozenset({"classified", "overload_default", "timeout_default"})


@dataclass(frozen=True)
class FallbackPolicy:
    retry_on: tuple[str, ...]
    max_attempts: int
    per_try_timeout_ms: float

    def envoy_retry_on(self) -> tuple[str, tuple[int, ...]]:
        """Envoy's ``retry_on`` string and ``retriable_status_codes``."""
        codes = tuple(int(v) for v in self.retry_on if v.isdigit())
        conditions = [v for v in self.retry_on if not v.isdigit()]
        if codes:
            conditions.append("retriable-status-codes")
        return ",".join(conditions), codes


@dataclass(frozen=True)
class FallbackGroup:
    route: str
    needs_image: bool
    cluster: str  # the Envoy aggregate cluster mmrouter sends the request to
    models: tuple[ModelConfig, ...]  # first choice first
    policy: FallbackPolicy

    @property
    def attempts(self) -> int:
        return min(self.policy.max_attempts, len(self.models))


def route_policy(config: Config, route: RouteConfig) -> FallbackPolicy:
    """routing.fallback with the route's overrides applied."""
    base, own = config.routing.fallback, route.fallback

    def pick(name: str) -> Any:
        value = None if own is None else getattr(own, name)
        return getattr(base, name) if value is None else value

    return FallbackPolicy(retry_on=pick("retry_on"), max_attempts=pick("max_attempts"),
                          per_try_timeout_ms=pick("per_try_timeout_ms"))


def group_cluster_name(route: str, needs_image: bool) -> str:
    return f"mmrouter_fallback_{_UNSAFE.sub('_', route)}_{'image' if needs_image else 'text'}"


def fallback_groups(config: Config) -> dict[tuple[str, bool], FallbackGroup]:
    """Every group of the config, keyed by (route name, needs image)."""
    groups: dict[tuple[str, bool], FallbackGroup] = {}
    for route in config.routes:
        policy = route_policy(config, route)
        if policy.max_attempts < 2:
            continue
        for needs_image in (False, True):
            models = ranked_models(config, route.name, needs_image)
            if len(models) >= 2:
                groups[(route.name, needs_image)] = FallbackGroup(
                    route=route.name, needs_image=needs_image,
                    cluster=group_cluster_name(route.name, needs_image), models=models,
                    policy=policy)
    return groups


def member_clusters(config: Config) -> dict[str, str]:
    """Model name -> the Envoy cluster that serves only that model (its own cluster, unless
    several models share one: then a copy named after the model), for the aggregates."""
    sharing: dict[str, int] = {}
    for model in config.models:
        sharing[model.cluster] = sharing.get(model.cluster, 0) + 1
    return {m.name: m.cluster if sharing[m.cluster] == 1
            else f"{m.cluster}--{_UNSAFE.sub('_', m.name)}" for m in config.models}

