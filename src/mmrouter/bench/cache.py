"""`mmrouter bench --cache`: what the response cache saves on a hit and adds to a miss.

Two real stacks (Envoy, mmrouter, demo backends) at once, the same config but for ``cache``:
on (memory) and off. Requests alternate between them on keep-alive connections, so drift on a
shared machine hits both alike:

- a **hit** on the cache-on stack against the **backend call** the cache-off stack makes for
  the same body (routing plus a demo backend that answers at once: a real LLM is far slower);
- a **miss** (a new question each time: lookup, the store token, the observer stream that Envoy
  does not wait on, the store) against the same new question on the cache-off stack: what the
  cache adds to a miss.

The cache's own CPU per miss (key, lookup, assembly, store) is also timed in this process.
"""

from __future__ import annotations

import argparse
import copy
import http.client
import json
import random
import socket
import statistics
import time
import timeit
from typing import Any

import numpy as np

from mmrouter.devstack.stack import LocalStack, default_config_data

QUESTION = "Tell me a fun fact about otters"


def _post(conn: http.client.HTTPConnection, text: str, no_store: bool = False) -> tuple[float, str]:
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}]})
    headers = {"content-type": "application/json"}
    if no_store:
        headers["cache-control"] = "no-store"
    started = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", body, headers)
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


def measure(on: LocalStack, off: LocalStack, requests: int) -> dict[str, list[float]]:
    """Latency samples (ms) of each kind, requests alternating between the stacks."""
    assert on.envoy is not None and off.envoy is not None
    a, b = _connect(on.envoy.listener_port), _connect(off.envoy.listener_port)
    for i in range(10):  # warm up both, and fill the entry the hits read
        _post(a, QUESTION), _post(b, QUESTION), _post(a, f"{QUESTION} (warm-up {i})")
    time.sleep(0.5)
    samples: dict[str, list[float]] = {"hit": [], "call": [], "miss": [], "off": [],
                                       "bypass": []}
    order = random.Random(0)
    for i in range(requests):
        text = f"{QUESTION} (question {i})"
        steps = [("hit", a, QUESTION, False), ("call", b, QUESTION, False),
                 ("miss", a, text, False), ("off", b, text, False),
                 ("bypass", a, text, True)]  # no-store: neither looks up nor stores
        # In a fixed order, each place in the cycle had its own offset (up to 0.6 ms here).
        order.shuffle(steps)
        for kind, conn, body, no_store in steps:
            ms, state = _post(conn, body, no_store)
            expected = {"call": "", "off": ""}.get(kind, kind)
            if state != expected:
                raise RuntimeError(f"expected {expected or 'no cache header'}, got {state!r}")
            samples[kind].append(ms)
    a.close()
    b.close()
    return samples


def summarise(samples: dict[str, list[float]]) -> dict[str, float]:
    p50 = statistics.median

    def paired(x: str, y: str) -> float:
        return p50([m - p for m, p in zip(samples[x], samples[y])])
    return {"requests": len(samples["hit"]), "hit_p50_ms": p50(samples["hit"]),
            "backend_call_p50_ms": p50(samples["call"]),
            "hit_speedup": p50(samples["call"]) / p50(samples["hit"]),
            "miss_p50_ms": p50(samples["miss"]), "cache_off_p50_ms": p50(samples["off"]),
            "miss_added_p50_ms": p50(samples["miss"]) - p50(samples["off"]),
            "miss_added_paired_p50_ms": paired("miss", "off"),
            "bypass_p50_ms": p50(samples["bypass"]),
            "miss_over_bypass_paired_p50_ms": paired("miss", "bypass")}


def in_process_miss_cost(repeats: int = 2000) -> dict[str, float]:
    """The cache's CPU per miss, without Envoy: match key, memory lookup among the entries of
    the same key (``repeats`` of them by the end), the guard on the candidates, answer assembly
    and store of a 1 KB answer (ms). Random vectors: few candidates pass the threshold here."""
    from mmrouter.cache import keys
    from mmrouter.cache.entry import Entry
    from mmrouter.cache.assemble import complete_answer
    from mmrouter.cache.guard import same_question
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
        for found in cache.store.candidates(key, plan.digest, vector, 0.94, time.time(), 4):
            same_question(text, found.text)  # as a lookup does for each candidate
        stored = complete_answer(OPENAI_CHAT, answer, False)
        assert stored is not None
        cache.store.put(Entry(key, plan.digest, text, vector, answer, time.time() + 60),
                        time.time())

    seconds = timeit.timeit(one, number=repeats)
    return {"miss_cpu_ms": seconds / repeats * 1000}


def _round(data: dict[str, Any], requests: int, on_first: bool) -> dict[str, list[float]]:
    stacks: dict[bool, LocalStack] = {}
    try:
        for enabled in ((True, False) if on_first else (False, True)):
            stacks[enabled] = LocalStack(bench_cache_config(data, enabled)).start()
        return measure(stacks[True], stacks[False], requests)
    finally:
        for stack in stacks.values():
            stack.stop()


def bench_cache_config(data: dict[str, Any], enabled: bool) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["cache"] = {**(out.get("cache") or {}), "enabled": enabled}
    return out


def run_cache_cli(args: argparse.Namespace, config_data: dict[str, Any] | None = None) -> int:
    data = config_data or default_config_data()
    requests = getattr(args, "cache_requests", None) or 1000
    # Two rounds on fresh stacks, started in both orders: on this machine the stack started
    # first answered 0.3 to 0.5 ms slower whatever its config, which one order alone counts
    # as the cache's.
    pooled: dict[str, list[float]] = {}
    rounds = []
    for on_first in (True, False):
        samples = _round(data, (requests + 1) // 2, on_first)
        rounds.append(summarise(samples)["miss_added_paired_p50_ms"])
        for kind, values in samples.items():
            pooled.setdefault(kind, []).extend(values)
    report: dict[str, Any] = {**summarise(pooled), "miss_added_paired_p50_ms_by_round": rounds}
    report.update(in_process_miss_cost())
    lines = [f"response cache, {report['requests']} requests of each kind, alternating stacks "
             f"(two rounds, the stacks started in both orders):",
             f"  hit p50 {report['hit_p50_ms']:.2f} ms against a backend call p50 "
             f"{report['backend_call_p50_ms']:.2f} ms (demo backend; {report['hit_speedup']:.1f}x)",
             f"  miss p50 {report['miss_p50_ms']:.2f} ms against cache off "
             f"{report['cache_off_p50_ms']:.2f} ms: the cache adds "
             f"{report['miss_added_p50_ms']:.2f} ms (paired p50 "
             f"{report['miss_added_paired_p50_ms']:.2f} ms; by round "
             f"{', '.join(f'{r:.2f}' for r in rounds)})",
             f"  the same stack: miss p50 against a no-store request p50 "
             f"{report['bypass_p50_ms']:.2f} ms: the lookup, store and observer add "
             f"{report['miss_over_bypass_paired_p50_ms']:.2f} ms (paired p50)",
             f"  the cache's CPU per miss in process: {report['miss_cpu_ms']:.3f} ms"]
    print("\n".join(lines))
    if getattr(args, "json", False):
        print(json.dumps(report, sort_keys=True))
    return 0
