"""Lookups and stores with bounded time: a store that is down, slow or failing is a miss,
counted (``mmrouter_cache_errors``) and logged, and the request goes on."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import numpy as np

from mmrouter.cache.assemble import complete_answer, output_tokens
from mmrouter.cache.entry import Candidate, Entry, Store
from mmrouter.cache.guard import same_question
from mmrouter.cache.memory import MemoryStore
from mmrouter.cache.metrics import CacheMetrics
from mmrouter.cache.pending import PendingStores
from mmrouter.config.schema import CacheConfig
from mmrouter.core.metrics import Metrics
from mmrouter.tracing import span

logger = logging.getLogger(__name__)

T = TypeVar("T")
CANDIDATES = 4  # semantic candidates the guard looks at, best first
STORE_THREADS = 4
STREAM_OVERHEAD = 8  # an SSE stream may be this many times the answer's JSON
STORE_TIMEOUT_S = 10.0  # a store runs after the response: it may wait longer than a lookup
UNCLAIMED_WARNING_S = 60.0


@dataclass(frozen=True)
class Plan:
    """A request that may be served from, or stored in, the cache."""

    api: str
    key: str
    digest: str
    text: str
    vector: np.ndarray | None
    threshold: float
    stream: bool
    include_usage: bool


class ResponseCache:
    def __init__(self, config: CacheConfig, store: Store, metrics: CacheMetrics,
                 blocking: bool) -> None:
        self.config, self.store, self.metrics = config, store, metrics
        self.backend = store.name
        # Misses waiting for the stream that observes their response (see cache/pending.py).
        self.pending: PendingStores[Plan] = PendingStores(self._unclaimed)
        self._warned_at = -UNCLAIMED_WARNING_S
        self.timeout_s = config.timeout_ms / 1000.0
        # A remote store runs on its own threads, so a slow one never holds the event loop.
        self._pool = ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="mmrouter-cache") \
            if blocking else None
        self._tasks: set[asyncio.Future[Any]] = set()
        if self._pool is not None:
            self._pool.submit(store.warm)

    def _unclaimed(self, count: int) -> None:
        self.metrics.stores.labels("unclaimed", self.backend).inc(count)
        now = time.monotonic()
        if now - self._warned_at >= UNCLAIMED_WARNING_S:  # at most one line a minute
            self._warned_at = now
            logger.warning("cache misses whose response never reached the cache's observer "
                           "(mmrouter_cache_stores_total{result=\"unclaimed\"}): Envoy's "
                           "bootstrap lacks the mmrouter.cache_store filter, its ports differ "
                           "from the router processes', or the request ended before its "
                           "response")

    @property
    def max_response_bytes(self) -> int:
        return self.config.max_entry_bytes * STREAM_OVERHEAD

    def count(self, result: str) -> None:
        self.metrics.lookups.labels(result, self.backend).inc()

    async def lookup(self, plan: Plan) -> Candidate | None:
        """The entry to answer with (exact text, else the most similar that passes the guard)."""
        with span("mmrouter.cache.lookup", {"mmrouter.cache.backend": self.backend}) as traced:
            found = await self._candidates(plan)
            for candidate in found:
                if candidate.exact or same_question(plan.text, candidate.text):
                    self.metrics.tokens_saved.labels(self.backend).inc(candidate.output_tokens)
                    traced.set_attribute("mmrouter.cache.result", "hit")
                    return candidate
            traced.set_attribute("mmrouter.cache.result", "miss")
            return None

    async def _candidates(self, plan: Plan) -> list[Candidate]:
        started = time.perf_counter()
        try:
            _, found = await self._call("lookup", self.store.candidates, plan.key, plan.digest,
                                        plan.vector, plan.threshold, time.time(), CANDIDATES)
        finally:
            self.metrics.lookup_seconds.labels(self.backend).observe(
                time.perf_counter() - started)
        return list(found or ())

    def store_later(self, plan: Plan, body: bytes, streamed: bool) -> None:
        """Keep a complete answer (off the request's path)."""
        task = asyncio.ensure_future(self._store(plan, body, streamed))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _store(self, plan: Plan, body: bytes, streamed: bool) -> None:
        with span("mmrouter.cache.store", {"mmrouter.cache.backend": self.backend}) as traced:
            traced.set_attribute("mmrouter.cache.result", await self._keep(plan, body, streamed))

    async def _keep(self, plan: Plan, body: bytes, streamed: bool) -> str:
        """Store a complete answer; what happened (the stores metric's ``result``)."""
        answer = complete_answer(plan.api, body, streamed)
        if answer is None:
            self.metrics.stores.labels("not_complete", self.backend).inc()
            return "not_complete"
        data = json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode()
        if len(data) > self.config.max_entry_bytes:
            self.metrics.stores.labels("too_large", self.backend).inc()
            return "too_large"
        now = time.time()
        entry = Entry(key=plan.key, digest=plan.digest, text=plan.text, vector=plan.vector,
                      answer=data, expires=now + self.config.ttl_s,
                      output_tokens=output_tokens(plan.api, answer))
        ok, _ = await self._call("store", self.store.put, entry, now,
                                 timeout_s=STORE_TIMEOUT_S)
        result = "stored" if ok else "error"
        self.metrics.stores.labels(result, self.backend).inc()
        return result

    async def _call(self, operation: str, fn: Callable[..., T], *args: Any,
                    timeout_s: float | None = None) -> tuple[bool, T | None]:
        """(True, ``fn(*args)``) within the timeout; (False, None), counted and logged, when
        it fails or takes longer."""
        try:
            if self._pool is None:
                return True, fn(*args)
            loop = asyncio.get_running_loop()
            return True, await asyncio.wait_for(loop.run_in_executor(self._pool, fn, *args),
                                                timeout_s or self.timeout_s)
        except asyncio.TimeoutError:
            kind = "timeout"
            logger.warning("cache %s on %s took over %.0f ms: treated as a miss", operation,
                           self.backend, self.timeout_s * 1000)
        except Exception as exc:  # noqa: BLE001 - any store failure is a miss, never an error
            kind = "unavailable" if type(exc).__name__ == "StoreUnavailable" else "error"
            logger.warning("cache %s on %s failed (%s): treated as a miss", operation,
                           self.backend, exc)
        self.metrics.errors.labels(operation, kind, self.backend).inc()
        return False, None

    async def drain(self) -> None:
        """Wait for the stores in flight (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self.store.close()


def build_cache(config: CacheConfig, metrics: Metrics, dim: int | None = None) -> ResponseCache:
    cache_metrics = CacheMetrics.for_registry(metrics)
    if config.backend == "milvus":
        from mmrouter.cache.milvus import MilvusStore

        store: Store = MilvusStore(config.milvus, config.max_entries, config.timeout_ms / 1000.0,
                                   dim=dim)
        return ResponseCache(config, store, cache_metrics, blocking=True)
    return ResponseCache(config, MemoryStore(config.max_entries, config.max_bytes),
                         cache_metrics, blocking=False)


_LOCK = threading.Lock()
_LIVE: "weakref.WeakKeyDictionary[Any, ResponseCache]" = weakref.WeakKeyDictionary()


def cache_for(config: CacheConfig, metrics: Metrics, dim: int | None = None) -> \
        ResponseCache | None:
    """The process's cache for this config (kept across reloads while ``cache`` is unchanged,
    so entries survive a reload); None when the cache is off."""
    with _LOCK:
        live = _LIVE.get(metrics.registry)
        if live is not None and live.config == config:
            return live
        if live is not None:
            live.close()
            del _LIVE[metrics.registry]
        if not config.enabled:
            return None
        fresh = build_cache(config, metrics, dim)
        _LIVE[metrics.registry] = fresh
        return fresh
