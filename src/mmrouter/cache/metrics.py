"""Cache metrics, registered once per injected registry."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram

from mmrouter.core.metrics import LATENCY_BUCKETS, Metrics

_LOCK = threading.Lock()
_BY_REGISTRY: "weakref.WeakKeyDictionary[CollectorRegistry, CacheMetrics]" = \
    weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class CacheMetrics:
    lookups: Counter  # labels: result (hit, miss, bypass), backend
    stores: Counter  # labels: result (stored, not_complete, too_large, error, unclaimed, incomplete), backend
    errors: Counter  # labels: operation (lookup, store), kind (timeout, unavailable, error), backend
    tokens_saved: Counter  # labels: backend (output tokens of the answers served from the cache)
    lookup_seconds: Histogram  # labels: backend

    @classmethod
    def for_registry(cls, metrics: Metrics) -> "CacheMetrics":
        with _LOCK:
            found = _BY_REGISTRY.get(metrics.registry)
            if found is None:
                r = metrics.registry
                found = cls(
                    lookups=Counter("mmrouter_cache_lookups", "Response cache lookups by result",
                                    ["result", "backend"], registry=r),
                    stores=Counter("mmrouter_cache_stores", "Answers offered to the response "
                                   "cache, by result", ["result", "backend"], registry=r),
                    errors=Counter("mmrouter_cache_errors", "Response cache store failures "
                                   "(each lookup one is a miss)", ["operation", "kind",
                                                                   "backend"], registry=r),
                    tokens_saved=Counter("mmrouter_cache_tokens_saved", "Estimated output "
                                         "tokens served from the cache instead of a backend",
                                         ["backend"], registry=r),
                    lookup_seconds=Histogram("mmrouter_cache_lookup_seconds", "Time of one "
                                             "cache lookup", ["backend"],
                                             buckets=LATENCY_BUCKETS, registry=r))
                _BY_REGISTRY[metrics.registry] = found
            return found
