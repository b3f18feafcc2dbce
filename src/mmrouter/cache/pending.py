"""Misses waiting for their response: the hand-over from a request's ext_proc stream to the
stream that observes its response.

A miss that may be stored leaves its plan here under a random token and sends the token on the
request (``x-mmrouter-cache-store: <tag>:<token>``). Envoy opens a second, observe-only ext_proc
stream for exactly those requests (see envoy/cache_store.py); that stream claims the plan by its
token when the request headers arrive, before the request is sent upstream. The tag names the
process that holds the plan (its gRPC port), so Envoy sends the observer to that process.

Bounded in count, bytes and age: a plan whose observer never comes (the processor was not reachable
for it, or a deployment that does not render the observer) is dropped and counted.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from typing import Callable, Generic, TypeVar

STORE_HEADER = "x-mmrouter-cache-store"
# gRPC metadata that marks the observer's streams (envoy/cache_store.py sends it).
OBSERVER_METADATA = ("x-mmrouter-stream", "cache-store")
MAX_PENDING = 10_000
MAX_PENDING_BYTES = 64 * 1024 * 1024  # of the plans' texts (a latest turn may be megabytes)
PENDING_TTL_S = 60.0  # the observer claims a plan within milliseconds of the miss

P = TypeVar("P")


class PendingStores(Generic[P]):
    """Plans by token, oldest first (one event loop: no locking)."""

    def __init__(self, on_dropped: Callable[[int], None], max_pending: int = MAX_PENDING,
                 ttl_s: float = PENDING_TTL_S, clock: Callable[[], float] = time.monotonic,
                 max_bytes: int = MAX_PENDING_BYTES) -> None:
        self._plans: OrderedDict[str, tuple[float, P, int]] = OrderedDict()
        self._on_dropped = on_dropped
        self.max_pending, self.ttl_s, self._clock = max_pending, ttl_s, clock
        self.max_bytes, self.bytes = max_bytes, 0

    def __len__(self) -> int:
        return len(self._plans)

    def put(self, plan: P, tag: str, size: int = 0) -> str:
        """Keep ``plan`` (``size``: its bytes); the header value that claims it."""
        now = self._clock()
        self._expire(now, size)
        token = f"{tag}:{secrets.token_hex(16)}"
        self._plans[token] = (now + self.ttl_s, plan, size)
        self.bytes += size
        return token

    def claim(self, token: str) -> P | None:
        """The plan left under ``token`` (once), or None: unknown, expired or already claimed."""
        found = self._plans.pop(token, None)
        if found is None:
            return None
        deadline, plan, size = found
        self.bytes -= size
        if deadline <= self._clock():
            self._on_dropped(1)
            return None
        return plan

    def _expire(self, now: float, incoming: int) -> None:
        """Drop the oldest plans while they are expired or the new one would not fit."""
        dropped = 0
        while self._plans:
            token, (deadline, _, size) = next(iter(self._plans.items()))
            if deadline > now and len(self._plans) < self.max_pending \
                    and self.bytes + incoming <= self.max_bytes:
                break
            del self._plans[token]
            self.bytes -= size
            dropped += 1
        if dropped:
            self._on_dropped(dropped)
