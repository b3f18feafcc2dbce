"""`mmrouter bench --needs-parse`: what reading a request's needs costs (routing/needs.py), beside
what the router already spends decoding the same body (``json.loads``), in one process."""

from __future__ import annotations

import argparse
import base64
import functools
import json
import os
import statistics
import time
from typing import Any, Callable

from mmrouter.routing.needs import request_needs

REPEATS = 2000


def sample_bodies() -> dict[str, dict[str, Any]]:
    short = {"model": "MoM", "messages": [{"role": "user", "content": "Tell me a fun fact about otters"}]}
    turns = [{"role": "user" if i % 2 == 0 else "assistant",
              "content": f"turn {i}: " + "some words of an ordinary conversation " * 8}
             for i in range(20)]
    image = "data:image/jpeg;base64," + base64.b64encode(os.urandom(300_000)).decode()
    tools = {"model": "MoM", "max_tokens": 256, "tools": [
        {"type": "function", "function": {"name": f"tool_{i}", "description": "Look things up",
                                          "parameters": {"type": "object", "properties": {
                                              "q": {"type": "string"}}}}} for i in range(8)],
             "messages": [{"role": "user", "content": "What is the weather in Paris?"}]}
    return {"short": short, "20_turns": {"model": "MoM", "messages": turns},
            "one_image_300kb": {"model": "MoM", "messages": [{"role": "user", "content": [
                {"type": "text", "text": "What is in this picture?"},
                {"type": "image_url", "image_url": {"url": image}}]}]},
            "8_tools": tools}


def _median_us(fn: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e6


def needs_parse_report(repeats: int = REPEATS) -> dict[str, dict[str, float]]:
    report = {}
    for name, payload in sample_bodies().items():
        body = json.dumps(payload).encode()
        needs_us = _median_us(functools.partial(request_needs, payload), repeats)
        decode_us = _median_us(functools.partial(json.loads, body), repeats)
        report[name] = {"body_bytes": len(body), "needs_us": needs_us, "json_loads_us": decode_us,
                        "needs_over_json_loads": needs_us / decode_us}
    return report


def run_needs_parse_cli(args: argparse.Namespace) -> int:
    report = needs_parse_report()
    print(f"request_needs, median of {REPEATS} calls, beside json.loads of the same body:")  # noqa: T201
    for name, r in report.items():
        print(f"  {name:16s} {r['body_bytes']:>8d} B  needs {r['needs_us']:7.1f} µs  "  # noqa: T201
              f"json.loads {r['json_loads_us']:8.1f} µs  ratio {r['needs_over_json_loads']:.2f}")
    if getattr(args, "json", False):
        print(json.dumps(report, sort_keys=True))  # noqa: T201
    return 0
