"""`mmrouter bench-fallback`: what routing.fallback costs on the happy path.

Two parts, each against its ``max_attempts: 1`` twin:

- **Envoy.** Two real Envoys with demo backends, one rendered with fallback groups and one
  without, each fed by a static ext_proc processor that sets what mmrouter would set for the
  same request (the group's aggregate cluster and the model span, or the model's own cluster),
  without classifying, so the figures are Envoy's alone. Requests alternate between the two
  stacks on keep-alive connections, so drift on a shared machine hits both alike.
- **mmrouter.** The body mutation with and without the span header (in process).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import http.client
import json
import statistics
import sys
import threading
import time
import timeit
from typing import Any, AsyncIterator

import grpc
import yaml

from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter.bench.noop import MAX_MESSAGE_BYTES, noop_response
from mmrouter.config.schema import parse_config
from mmrouter.devstack.stack import LocalStack, default_config_data
from mmrouter.routing.fallback import fallback_groups
from mmrouter.routing.mutations import format_spans, routing_mutation, top_level_value_spans
from mmrouter.serving.extproc import body_response

ROUTE = "other"


def bench_config(max_attempts: int) -> dict[str, Any]:
    data = copy.deepcopy(default_config_data())
    for route in data["routes"]:
        route["model_scores"] = [{"model": m["name"], "score": 1.0 - i / 10}
                                 for i, m in enumerate(data["models"][:3])]
    data["routing"]["fallback"] = {"max_attempts": max_attempts}
    return data


class StaticRouter(pb_grpc.ExternalProcessorServicer):
    """Sets fixed routing headers on every request body (mmrouter's answer, minus the work)."""

    def __init__(self, headers: tuple[tuple[str, str], ...]) -> None:
        self.headers = headers

    async def Process(self, request_iterator: AsyncIterator[pb.ProcessingRequest],
                      context: grpc.aio.ServicerContext) -> AsyncIterator[pb.ProcessingResponse]:
        async for request in request_iterator:
            if request.WhichOneof("request") == "request_body":
                yield body_response(self.headers, (), None)
            else:
                yield noop_response(request)


def _routing_headers(data: dict[str, Any], body: bytes) -> tuple[tuple[str, str], ...]:
    config = parse_config(data)
    names = config.routing.headers
    group = fallback_groups(config).get((ROUTE, False))
    first = config.models[0]
    headers = [(names.model, first.name), (names.route, ROUTE),
               (names.cluster, group.cluster if group else first.cluster)]
    if group is not None:
        headers.append((names.model_span, format_spans(tuple(top_level_value_spans(body, "model")))))
    return tuple(headers)


def _listener_port(stack: LocalStack) -> int:
    assert stack.envoy is not None  # started
    return stack.envoy.listener_port


def _ext_proc_port(stack: LocalStack) -> int:
    assert stack.envoy is not None  # started
    bootstrap = yaml.safe_load(stack.envoy.config_yaml)
    cluster = next(c for c in bootstrap["static_resources"]["clusters"]
                   if c["name"] == "mmrouter_ext_proc")
    endpoint = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"][0]["endpoint"]
    return int(endpoint["address"]["socket_address"]["port_value"])


def _serve_processors(specs: list[tuple[int, tuple[tuple[str, str], ...]]]) -> None:
    async def main() -> None:
        for port, headers in specs:
            server = grpc.aio.server(options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                                              ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
                                              ("grpc.so_reuseport", 0)])
            pb_grpc.add_ExternalProcessorServicer_to_server(StaticRouter(headers), server)
            server.add_insecure_port(f"127.0.0.1:{port}")
            await server.start()
        await asyncio.Event().wait()

    threading.Thread(target=asyncio.run, args=(main(),), daemon=True).start()


def _timed_post(conn: http.client.HTTPConnection, body: bytes) -> float:
    started = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
    resp = conn.getresponse()
    resp.read()
    elapsed = (time.perf_counter() - started) * 1000
    if resp.status != 200:
        raise RuntimeError(f"bench request failed: {resp.status}")
    return elapsed


def envoy_overhead(requests: int, body: bytes) -> dict[str, dict[str, float]]:
    stacks = {"fallback": LocalStack(bench_config(2), with_router=False),
              "max_attempts_1": LocalStack(bench_config(1), with_router=False)}
    try:
        for stack in stacks.values():
            stack.start()
        _serve_processors([(_ext_proc_port(s), _routing_headers(s.config_data, body))
                           for s in stacks.values()])
        conns = {k: http.client.HTTPConnection("127.0.0.1", _listener_port(s), timeout=30)
                 for k, s in stacks.items()}
        times: dict[str, list[float]] = {k: [] for k in stacks}
        for i in range(requests + 50):
            for name in (list(stacks) if i % 2 else list(stacks)[::-1]):
                elapsed = _timed_post(conns[name], body)
                if i >= 50:  # warm-up: connections, Lua states
                    times[name].append(elapsed)
        return {name: _summary(values) for name, values in times.items()}
    finally:
        for stack in stacks.values():
            stack.stop()


def mutation_cost(body: bytes, repeats: int) -> dict[str, float]:
    """Microseconds per routing_mutation call, with and without the span header."""
    common: dict[str, Any] = {"current_model": "MoM", "model": "gpt-5-chat", "cluster": "c",
                              "model_header": "x-m", "cluster_header": "x-c"}
    plain = min(timeit.repeat(lambda: routing_mutation(body, **common), number=repeats, repeat=5))
    spans = min(timeit.repeat(lambda: routing_mutation(body, span_header="x-s", **common),
                              number=repeats, repeat=5))
    return {"max_attempts_1_us": plain / repeats * 1e6, "fallback_us": spans / repeats * 1e6}


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"p50_ms": pick(0.5), "p90_ms": pick(0.9), "p99_ms": pick(0.99),
            "mean_ms": statistics.fmean(values), "n": len(values)}


def _chat_body(size: int) -> bytes:
    filler = "x" * max(0, size - 120)
    return json.dumps({"model": "MoM", "messages": [{"role": "user", "content": filler}]}).encode()


def run_bench_fallback_cli(args: argparse.Namespace) -> int:
    result: dict[str, Any] = {"requests": args.requests}
    for label, size in (("1KB", 1024), ("1MB", 1024 * 1024)):
        body = _chat_body(size)
        result[f"envoy_{label}"] = envoy_overhead(args.requests if size < 65536 else
                                                  max(50, args.requests // 10), body)
        result[f"mutation_{label}"] = mutation_cost(body, 2000 if size < 65536 else 50)
    for key, value in result.items():
        if key.startswith("envoy_"):
            for name, s in value.items():
                print(f"{key:12s} {name:15s} p50 {s['p50_ms']:.3f} ms  p90 {s['p90_ms']:.3f} ms  "
                      f"p99 {s['p99_ms']:.3f} ms  mean {s['mean_ms']:.3f} ms  (n={s['n']})")
        elif key.startswith("mutation_"):
            print(f"{key:12s} routing_mutation: max_attempts 1 {value['max_attempts_1_us']:.1f} us"
                  f", fallback (spans) {value['fallback_us']:.1f} us")
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
    return 0
