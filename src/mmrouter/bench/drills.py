"""`mmrouter drill`: fault drills against the real stack (Envoy + mmrouter + demo backends) that
print figures, for the targets of issue 11:

- ``huge-prompt``: small text requests one at a time, alone and then while 5 MB prompts are
  in flight beside them, through a no-op processor and through mmrouter; prints the latency the
  5 MB prompts add in each and the difference; then the same against one mmrouter server in
  this process over real gRPC streams (``router_only_*``): the router's own share, which the
  stacks' figures bury under Envoy's and the backend's copies on a small machine (target:
  < 50 ms).
- ``overload``: one-image requests (fresh noise JPEGs, CLIP on) from ``--concurrency`` clients
  (default 64); prints latency percentiles against ``routing.classify_timeout_ms`` and how the
  router answered each (classified, overload at once, timed out); each client sends at most one
  request per ``--pace-s`` (a real answer takes that long). Target: p99 within the
  deadline + 50 ms, and no request timed out (waited the whole deadline to fall back).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import time
from collections import Counter
from typing import Any

import aiohttp

from mmrouter.bench.load import client_session, percentile
from mmrouter.bench.payloads import SCENARIOS, BodyFactory, chat_body, prompt
from mmrouter.bench.router import prepare_image_weights
from mmrouter.devstack.stack import LocalStack, default_config_data

logger = logging.getLogger(__name__)

HUGE_BYTES = 5 * 1024 * 1024
CHAT_PATH = "/v1/chat/completions"


async def _post(session: aiohttp.ClientSession, url: str, body: bytes,
                route_header: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    async with session.post(url, data=body, timeout=aiohttp.ClientTimeout(total=60)) as resp:
        await resp.read()
        return time.perf_counter() - started, resp.status, resp.headers.get(route_header, "")


def _ms(values: list[float], q: float) -> float:
    return round(percentile(values, q) * 1000.0, 1) if values else float("nan")


async def huge_prompt(stack: LocalStack, requests: int, route_header: str) -> dict[str, Any]:
    url = stack.base_url + CHAT_PATH
    small = [chat_body(prompt(i), []) for i in range(2 * requests + 10)]
    words = "lorem ipsum dolor sit amet " * (HUGE_BYTES // 27)
    huge = chat_body(words, [])
    async with client_session(8) as session:
        for body in small[:10]:  # warm-up
            await _post(session, url, body, route_header)
        alone = [(await _post(session, url, b, route_header))[0] for b in small[10:10 + requests]]
        stop = asyncio.Event()
        huge_runs: list[tuple[float, int, str]] = []

        async def background() -> None:
            while not stop.is_set():
                huge_runs.append(await _post(session, url, huge, route_header))

        task = asyncio.create_task(background())
        await asyncio.sleep(0.5)  # the first huge prompt is in flight
        beside = [(await _post(session, url, b, route_header))[0] for b in small[10 + requests:]]
        stop.set()
        await task
    return {
        "drill": "huge-prompt", "huge_prompt_bytes": len(huge), "small_requests": requests,
        "huge_requests": len(huge_runs), "huge_p50_ms": _ms([r[0] for r in huge_runs], 50),
        "huge_statuses": dict(Counter(str(r[1]) for r in huge_runs)),
        "huge_routes": dict(Counter(r[2] for r in huge_runs)),
        "alone_p50_ms": _ms(alone, 50), "alone_p95_ms": _ms(alone, 95),
        "beside_p50_ms": _ms(beside, 50), "beside_p95_ms": _ms(beside, 95),
        "added_p50_ms": round(_ms(beside, 50) - _ms(alone, 50), 1),
        "added_p95_ms": round(_ms(beside, 95) - _ms(alone, 95), 1),
    }


async def huge_prompt_router_only(data: dict[str, Any], requests: int) -> dict[str, Any]:
    """The same drill against one mmrouter server in this process, over real gRPC streams as
    Envoy sends them (no Envoy, no backend): the router's own share on a busy machine; and, as
    the control, the same with a prompt of just the encoder's length (8 KB) in the background:
    a 5 MB prompt should now cost what any full-length prompt costs."""
    import dataclasses

    import grpc

    from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
    from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
    from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb
    from mmrouter.config.schema import parse_config
    from mmrouter.serving.server import Server

    config = parse_config(data)
    config = config.replace(server=dataclasses.replace(config.server, grpc_port=0, http_port=0))
    headers = pb.ProcessingRequest(request_headers=pb.HttpHeaders(headers=core_pb.HeaderMap(
        headers=[core_pb.HeaderValue(key=k, raw_value=v.encode()) for k, v in
                 ((":method", "POST"), (":path", CHAT_PATH))])))
    warm = 30  # the traced forward re-specialises on its first calls of each shape
    small = [chat_body(prompt(i), []) for i in range(3 * requests + warm)]
    text = "lorem ipsum dolor sit amet " * (HUGE_BYTES // 27)
    backgrounds = {"huge": chat_body(text, []), "full_length": chat_body(text[:8192], [])}
    limit = [("grpc.max_receive_message_length", 64 << 20),
             ("grpc.max_send_message_length", 64 << 20)]

    async def one(channel: grpc.aio.Channel, body: bytes) -> float:
        started = time.perf_counter()
        call = pb_grpc.ExternalProcessorStub(channel).Process()
        await call.write(headers)
        await call.read()
        await call.write(pb.ProcessingRequest(request_body=pb.HttpBody(body=body,
                                                                       end_of_stream=True)))
        await call.read()
        await call.done_writing()
        return time.perf_counter() - started

    server = Server(config)
    await server.start()
    try:
        target = f"127.0.0.1:{server.grpc_port}"
        async with grpc.aio.insecure_channel(target, options=limit) as channel, \
                grpc.aio.insecure_channel(target, options=limit) as other:
            for body in [*backgrounds.values(), *backgrounds.values()]:
                await one(other, body)
            for body in small[:warm]:
                await one(channel, body)
            alone = [await one(channel, b) for b in small[warm:warm + requests]]
            report = {"router_only_alone_p50_ms": _ms(alone, 50),
                      "router_only_alone_p95_ms": _ms(alone, 95)}
            for k, (name, body) in enumerate(backgrounds.items()):
                chunk = small[warm + (k + 1) * requests:warm + (k + 2) * requests]
                beside, runs = await _beside(one, channel, other, body, chunk)
                report.update({
                    f"router_only_{name}_requests": runs,
                    f"router_only_{name}_beside_p50_ms": _ms(beside, 50),
                    f"router_only_{name}_added_p50_ms": round(_ms(beside, 50) - _ms(alone, 50), 1),
                    f"router_only_{name}_added_p95_ms": round(_ms(beside, 95) - _ms(alone, 95), 1)})
    finally:
        await server.shutdown()
    return report


async def _beside(one: Any, channel: Any, other: Any, background_body: bytes,
                  bodies: list[bytes]) -> tuple[list[float], int]:
    """Latencies of ``bodies`` sent one at a time while ``background_body`` is sent in a loop."""
    stop = asyncio.Event()
    runs = 0

    async def background() -> None:
        nonlocal runs
        while not stop.is_set():
            await one(other, background_body)
            runs += 1

    task = asyncio.create_task(background())
    await asyncio.sleep(0.3)
    beside = [await one(channel, b) for b in bodies]
    stop.set()
    await task
    return beside, runs


def _outcomes(stack: LocalStack) -> Counter:
    from prometheus_client.parser import text_string_to_metric_families

    import urllib.request

    with urllib.request.urlopen(stack.api_url + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    counts: Counter = Counter()
    for family in text_string_to_metric_families(text):
        if family.name == "mmrouter_requests":
            for s in family.samples:
                if s.name.endswith("_total"):
                    counts[s.labels["outcome"]] += int(s.value)
    return counts


async def overload(stack: LocalStack, bodies: list[bytes], concurrency: int, deadline_ms: float,
                   route_header: str, pace_s: float = 1.0) -> dict[str, Any]:
    url = stack.base_url + CHAT_PATH
    results: list[tuple[float, int, str]] = []
    async with client_session(concurrency) as session:
        for body in bodies[:4]:  # warm-up: the encoders' service times get measured
            await _post(session, url, body, route_header)
        before = _outcomes(stack)
        queue = iter(bodies[4:])
        started = time.perf_counter()

        async def client() -> None:
            # At most one request per ``pace_s`` per client: a real answer (the default
            # model's included) takes that long; the demo backends answer at once, and
            # clients resending every instant refusal at once would measure a storm instead.
            for body in queue:
                sent = time.perf_counter()
                results.append(await _post(session, url, body, route_header))
                await asyncio.sleep(max(0.0, pace_s - (time.perf_counter() - sent)))

        await asyncio.gather(*(client() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    after = _outcomes(stack)
    latencies = [r[0] for r in results]
    by_outcome = {k: after[k] - before.get(k, 0) for k in after if after[k] - before.get(k, 0)}
    fallback = [r[0] for r in results if r[2] in ("", "other") or r[1] == 429]
    return {
        "drill": "overload", "concurrency": concurrency, "pace_s": pace_s,
        "requests": len(results),
        "wall_s": round(wall, 2), "deadline_ms": deadline_ms,
        "statuses": dict(Counter(str(r[1]) for r in results)), "outcomes": by_outcome,
        "p50_ms": _ms(latencies, 50), "p95_ms": _ms(latencies, 95), "p99_ms": _ms(latencies, 99),
        "max_ms": _ms(latencies, 100),
        "p99_within_deadline_plus_50": _ms(latencies, 99) <= deadline_ms + 50,
        "fallback_or_429_p99_ms": _ms(fallback, 99),
        "timed_out": by_outcome.get("timeout_default", 0),
    }


def run_drill_cli(args: argparse.Namespace) -> int:
    return asyncio.run(_main(args))


async def _main(args: argparse.Namespace) -> int:
    data = default_config_data()
    routing = data.setdefault("routing", {})
    route_header = (routing.get("headers") or {}).get("route", "x-mmrouter-route")
    if args.drill == "huge-prompt":
        data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
        report = await _huge_prompt_both(data, args.requests, route_header)
    else:
        routing["overload"] = args.policy
        data, note = await asyncio.to_thread(prepare_image_weights, data)
        logger.info("CLIP: %s", note)
        deadline_ms = float(routing.get("classify_timeout_ms", 2000.0))
        bodies = await asyncio.to_thread(BodyFactory(workers=2).bodies, SCENARIOS["one_image"],
                                         args.requests + 4)
        async with _stack(data) as stack:
            report = await overload(stack, bodies, args.concurrency, deadline_ms, route_header,
                                    args.pace_s)
        report["clip"] = note
    for key, value in report.items():
        print(f"{key:>32}: {value}")
    if args.json:
        print(json.dumps(report))
    return 0


async def _huge_prompt_both(data: dict[str, Any], requests: int,
                            route_header: str) -> dict[str, Any]:
    """The drill against a no-op processor (what Envoy, the backend and the machine add on
    their own) and against mmrouter: the router's own share is the difference."""
    report: dict[str, Any] = {}
    for processor in ("noop", "mmrouter"):
        async with _stack(data, processor) as stack:
            result = await huge_prompt(stack, requests, route_header)
        report.update({f"{processor}_{k}": v for k, v in result.items() if k != "drill"})
    for q in ("p50", "p95"):
        report[f"router_added_{q}_ms"] = round(report[f"mmrouter_added_{q}_ms"]
                                               - report[f"noop_added_{q}_ms"], 1)
    report.update(await huge_prompt_router_only(data, requests))
    return report


@contextlib.asynccontextmanager
async def _stack(data: dict[str, Any], processor: str = "mmrouter"):  # type: ignore[no-untyped-def]
    stack = LocalStack(data, processor=processor)
    try:
        await asyncio.to_thread(stack.start, 300.0)
        yield stack
    finally:
        await asyncio.to_thread(stack.stop)
