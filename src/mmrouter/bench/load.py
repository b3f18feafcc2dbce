"""The benchmark's load generator: keep-alive aiohttp client, bounded closed-loop workers.

``concurrency`` workers share one request counter; each sends its next request as soon as the
previous one answered (closed loop), until ``max_requests`` were sent or ``max_duration_s``
elapsed (requests in flight then finish). Sockets set TCP_NODELAY so Nagle and delayed ACKs
do not add tens of milliseconds to small requests.
"""

from __future__ import annotations

import asyncio
import logging
import math
import socket
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import aiohttp

logger = logging.getLogger(__name__)

CHAT_PATH = "/v1/chat/completions"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks.

    Same definition as ``numpy.percentile(values, q)`` (method "linear"); NaN when empty.
    """
    if not values:
        return math.nan
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class LoadSpec:
    concurrency: int
    max_requests: int
    max_duration_s: float
    request_timeout_s: float = 120.0
    marker_header: str | None = None  # count responses carrying it (e.g. the router's route)


@dataclass
class LoadResult:
    """Latencies of the successful (2xx) requests, and what went wrong with the others."""

    concurrency: int
    latencies_s: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    marked: int = 0
    wall_s: float = 0.0

    @property
    def ok(self) -> int:
        return len(self.latencies_s)

    @property
    def throughput_rps(self) -> float:
        return self.ok / self.wall_s if self.wall_s > 0 else 0.0

    def latency_ms(self, q: float) -> float:
        return percentile(self.latencies_s, q) * 1000.0

    def summary(self) -> dict[str, Any]:
        return {
            "concurrency": self.concurrency, "requests": self.ok + self.errors, "ok": self.ok,
            "errors": self.errors, "statuses": dict(self.statuses), "marked": self.marked,
            "p50_ms": _round(self.latency_ms(50)), "p95_ms": _round(self.latency_ms(95)),
            "p99_ms": _round(self.latency_ms(99)),
            "mean_ms": _round(1000.0 * sum(self.latencies_s) / self.ok) if self.ok else None,
            "throughput_rps": _round(self.throughput_rps), "wall_s": _round(self.wall_s),
        }


def _round(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 3)


def nodelay_socket(addr_info: Any) -> socket.socket:
    """aiohttp socket factory: a TCP socket with Nagle's algorithm off."""
    family, type_, proto, _, _ = addr_info
    sock = socket.socket(family=family, type=type_, proto=proto)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def client_session(max_connections: int) -> aiohttp.ClientSession:
    """A keep-alive session for one target; connections are reused across runs."""
    connector = aiohttp.TCPConnector(limit=max_connections, keepalive_timeout=300,
                                     socket_factory=nodelay_socket, use_dns_cache=True)
    return aiohttp.ClientSession(connector=connector, headers={"content-type": "application/json"},
                                 auto_decompress=False)


async def run_load(session: aiohttp.ClientSession, url: str, bodies: Sequence[bytes],
                   spec: LoadSpec) -> LoadResult:
    """Send ``bodies`` in order (at most one use each) with ``spec.concurrency`` workers."""
    result = LoadResult(concurrency=spec.concurrency)
    limit = min(spec.max_requests, len(bodies))
    counter = iter(range(limit))
    started = time.perf_counter()
    deadline = started + spec.max_duration_s
    timeout = aiohttp.ClientTimeout(total=spec.request_timeout_s)

    async def worker() -> None:
        for index in counter:
            if time.perf_counter() >= deadline:
                return
            await _one(session, url, bodies[index], timeout, spec.marker_header, result)

    await asyncio.gather(*(worker() for _ in range(max(1, spec.concurrency))))
    result.wall_s = time.perf_counter() - started
    return result


async def _one(session: aiohttp.ClientSession, url: str, body: bytes,
               timeout: aiohttp.ClientTimeout, marker: str | None, result: LoadResult) -> None:
    t0 = time.perf_counter()
    try:
        async with session.post(url, data=body, timeout=timeout) as resp:
            await resp.read()
            status = resp.status
            if marker is not None and marker in resp.headers:
                result.marked += 1
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        result.errors += 1
        key = type(exc).__name__
        result.statuses[key] = result.statuses.get(key, 0) + 1
        return
    elapsed = time.perf_counter() - t0
    result.statuses[str(status)] = result.statuses.get(str(status), 0) + 1
    if 200 <= status < 300:
        result.latencies_s.append(elapsed)
    else:
        result.errors += 1


async def warm_up(session: aiohttp.ClientSession, url: str, bodies: Sequence[bytes],
                  concurrency: int) -> LoadResult:
    """Send ``bodies`` once at ``concurrency`` (opens keep-alive connections, warms the path)."""
    return await run_load(session, url, bodies, LoadSpec(
        concurrency=concurrency, max_requests=len(bodies), max_duration_s=120.0))
