"""`mmrouter bench --cache`: what the response cache saves on a hit and adds to a miss.

Two real stacks (Envoy, mmrouter, demo backends) at once, the same config but for ``cache``:
on (memory) and off. Requests alternate between them on keep-alive connections, so drift on a
shared machine hits both alike:

- a **hit** on the cache-on stack against the **backend call** the cache-off stack makes for
  the same body (routing plus a demo backend that answers at once: a real LLM is far slower);
- a **miss** (a new question each time: lookup, response headers and body through mmrouter, the
  store) against the same new question on the cache-off stack: what the cache adds to a miss.

The cache's own CPU per miss (key, lookup, assembly, store) is also timed in this process.
"""

from __future__ import annotations

import argparse
import copy
import http.client
import json
import socket
import statistics
import time
import timeit
from typing import Any

import numpy as np

from mmrouter.devstack.stack import LocalStack, default_config_data

QUESTION = "Tell me a fun fact about otters"


def _post(conn: http.client.HTTPConnection, text: str) -> tuple[float, str]:
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}]})
    started = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"bench request answered {response.status}")
    return elapsed * 1000, response.getheader("x-mmrouter-cache") or ""


def _connect(port: int) -> http.client.HTTPConnection:
    """A keep-alive connection without Nagle's delay (else ~40 ms stalls with delayed ACKs)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.connect()
    assert conn.sock is not None
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


def measure(on: LocalStack, off: LocalStack, requests: int) -> dict[str, Any]:
    assert on.envoy is not None and off.envoy is not None
    a, b = _connect(on.envoy.listener_port), _connect(off.envoy.listener_port)
    for i in range(10):  # warm up both, and fill the entry the hits read
        _post(a, QUESTION), _post(b, QUESTION), _post(a, f"{QUESTION} (warm-up {i})")
    time.sleep(0.5)
    hits, calls, misses, plain = [], [], [], []
    for i in range(requests):
        ms, state = _post(a, QUESTION)
        if state != "hit":
            raise RuntimeError(f"expected a hit, got {state!r}")
        hits.append(ms)
        calls.append(_post(b, QUESTION)[0])
        text = f"{QUESTION} (question {i})"
        ms, state = _post(a, text)
        if state != "miss":
            raise RuntimeError(f"expected a miss, got {state!r}")
        misses.append(ms)
        plain.append(_post(b, text)[0])
    a.close()
    b.close()
    p50 = statistics.median
    return {"requests": requests, "hit_p50_ms": p50(hits), "backend_call_p50_ms": p50(calls),
            "hit_speedup": p50(calls) / p50(hits), "miss_p50_ms": p50(misses),
            "cache_off_p50_ms": p50(plain), "miss_added_p50_ms": p50(misses) - p50(plain),
            "miss_added_paired_p50_ms": p50([m - p for m, p in zip(misses, plain)])}


def in_process_miss_cost(repeats: int = 2000) -> dict[str, float]:
    """The cache's CPU per miss, without Envoy: match key, memory lookup among the entries of
    the same key (``repeats`` of them by the end), answer assembly and store of a 1 KB answer
    (ms)."""
    from mmrouter.cache import keys
    from mmrouter.cache.entry import Entry
    from mmrouter.cache.assemble import complete_answer
    from mmrouter.cache.service import Plan, build_cache
    from mmrouter.config.schema import OPENAI_CHAT, CacheConfig
    from mmrouter.core.metrics import Metrics

    cache = build_cache(CacheConfig(enabled=True), Metrics())
    answer = json.dumps({"object": "chat.completion", "choices": [{
        "index": 0, "finish_reason": "stop",
        "message": {"role": "assistant", "content": "x" * 1000}}]}).encode()
    rng = np.random.default_rng(0)
    counter = iter(range(10**9))

    def one() -> None:
        text = f"{QUESTION} {next(counter)}"
        vector = rng.standard_normal(384).astype(np.float32)
        vector /= np.linalg.norm(vector)
        payload = {"model": "MoM", "messages": [{"role": "system", "content": "Be brief."},
                                                {"role": "user", "content": text}]}
        latest = keys.latest_turn(payload, OPENAI_CHAT)
        assert latest is not None
        key = keys.match_key("scope", OPENAI_CHAT, "m", "e5", latest.rest)
        plan = Plan(OPENAI_CHAT, key, keys.text_digest(text), text, vector, 0.94, False, False)
        cache.store.candidates(key, plan.digest, vector, 0.94, time.time(), 4)
        stored = complete_answer(OPENAI_CHAT, answer, False)
        assert stored is not None
        cache.store.put(Entry(key, plan.digest, text, vector, answer, time.time() + 60),
                        time.time())

    seconds = timeit.timeit(one, number=repeats)
    return {"miss_cpu_ms": seconds / repeats * 1000}


def bench_cache_config(data: dict[str, Any], enabled: bool) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["cache"] = {**(out.get("cache") or {}), "enabled": enabled}
    return out


def run_cache_cli(args: argparse.Namespace, config_data: dict[str, Any] | None = None) -> int:
    data = config_data or default_config_data()
    requests = getattr(args, "cache_requests", None) or 200
    on = LocalStack(bench_cache_config(data, True)).start()
    try:
        off = LocalStack(bench_cache_config(data, False)).start()
        try:
            report = measure(on, off, requests)
        finally:
            off.stop()
    finally:
        on.stop()
    report.update(in_process_miss_cost())
    lines = [f"response cache, {requests} requests of each kind, alternating stacks:",
             f"  hit p50 {report['hit_p50_ms']:.2f} ms against a backend call p50 "
             f"{report['backend_call_p50_ms']:.2f} ms (demo backend; {report['hit_speedup']:.1f}x)",
             f"  miss p50 {report['miss_p50_ms']:.2f} ms against cache off "
             f"{report['cache_off_p50_ms']:.2f} ms: the cache adds "
             f"{report['miss_added_p50_ms']:.2f} ms (paired p50 "
             f"{report['miss_added_paired_p50_ms']:.2f} ms)",
             f"  the cache's CPU per miss in process: {report['miss_cpu_ms']:.3f} ms"]
    print("\n".join(lines))
    if getattr(args, "json", False):
        print(json.dumps(report, sort_keys=True))
    return 0
