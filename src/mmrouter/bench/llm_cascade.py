"""`mmrouter bench --llm-cascade`: what the cascade adds, against the Arch-Router STAND-IN.

Two stacks on loopback, side by side, each Envoy + mmrouter + demo backends: one with
``llm_router.mode: off``, one with ``cascade`` calling the stand-in (keyword rules, not a model)
answering after ``latency_ms`` (50 by default, an Arch-Router-1.5B on a GPU answers in 50-65).
Each labelled conversation (data/devset/heldout.jsonl by default, so the confidences, hence the
escalations, are realistic) goes to both, one request at a time, alternating which goes first,
so both modes see the same machine noise. Whether a request escalated is read from the
stand-in's call log after each pair (outside the timed window). The image encoder is off in
both stacks: the scenario isolates the LLM's cost.

Reported: p50 of all requests in each mode and their difference (the cascade's added p50),
p50 of the requests the cascade did not escalate in both modes (which should not move), p50
of the escalated ones, and the escalation rate.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import urllib.request
from pathlib import Path
from typing import Any, Sequence

import aiohttp

from mmrouter.bench.load import CHAT_PATH, percentile
from mmrouter.devstack.stack import LocalStack

logger = logging.getLogger(__name__)

DEFAULT_DATA = Path("data/devset/heldout.jsonl")
WARMUP = 8
START_TIMEOUT_S = 300.0  # a loaded 2-core machine can take minutes to load the models


def load_bodies(path: Path, limit: int | None) -> list[bytes]:
    """Chat bodies (``model: MoM``) from a labelled JSONL file."""
    bodies = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            bodies.append(json.dumps({"model": "MoM", "messages": record["messages"]}).encode())
    return bodies[:limit] if limit else bodies


def _stand_in_calls(stack: LocalStack) -> int:
    with urllib.request.urlopen(stack.stand_in_url + "/__stand_in/calls", timeout=10) as resp:
        return len(json.loads(resp.read()))


async def _timed_post(session: aiohttp.ClientSession, url: str, body: bytes
                      ) -> tuple[float, bool]:
    started = time.perf_counter()
    async with session.post(url, data=body, headers={"content-type": "application/json"}) as resp:
        await resp.read()
        return time.perf_counter() - started, resp.status == 200


async def drive(off: LocalStack, cascade: LocalStack, bodies: Sequence[bytes]
                ) -> tuple[list[float], list[float], list[bool], int]:
    """Each body to both stacks, one request at a time, alternating which goes first (so
    both modes see the same machine noise); returns (off latencies, cascade latencies,
    whether each escalated, failed requests)."""
    urls = {"off": off.base_url + CHAT_PATH, "cascade": cascade.base_url + CHAT_PATH}
    latencies: dict[str, list[float]] = {"off": [], "cascade": []}
    escalated: list[bool] = []
    failed = 0
    async with aiohttp.ClientSession() as session:
        for body in bodies[:WARMUP]:
            for url in urls.values():
                await _timed_post(session, url, body)
        calls = await asyncio.to_thread(_stand_in_calls, cascade)
        for i, body in enumerate(bodies):
            for mode in ("off", "cascade") if i % 2 == 0 else ("cascade", "off"):
                elapsed, ok = await _timed_post(session, urls[mode], body)
                latencies[mode].append(elapsed)
                failed += int(not ok)
            now = await asyncio.to_thread(_stand_in_calls, cascade)
            escalated.append(now > calls)
            calls = now
    return latencies["off"], latencies["cascade"], escalated, failed


def _stack(config_data: dict[str, Any], mode: str, latency_ms: float) -> LocalStack:
    data = json.loads(json.dumps(config_data))
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    data["llm_router"] = {**(data.get("llm_router") or {}), "mode": mode}
    return LocalStack(data, env={"MMROUTER_STAND_IN_LATENCY_MS": str(latency_ms)})


def summarise(off: Sequence[float], cascade: Sequence[float], escalated: Sequence[bool],
              latency_ms: float, failed: int) -> dict[str, Any]:
    """The scenario's figures (ms), from per-request latencies in the same order in both modes."""
    def p50(values: Sequence[float]) -> float | None:
        return round(percentile(list(values), 50) * 1000.0, 3) if values else None

    kept = [i for i, e in enumerate(escalated) if not e]
    sent = [i for i, e in enumerate(escalated) if e]
    summary = {
        "requests": len(cascade), "failed": failed, "stand_in_latency_ms": latency_ms,
        "escalation_rate": round(len(sent) / len(escalated), 4) if escalated else None,
        "p50_off_ms": p50(off), "p50_cascade_ms": p50(cascade),
        "p50_not_escalated_off_ms": p50([off[i] for i in kept]),
        "p50_not_escalated_cascade_ms": p50([cascade[i] for i in kept]),
        "p50_escalated_off_ms": p50([off[i] for i in sent]),
        "p50_escalated_cascade_ms": p50([cascade[i] for i in sent]),
    }
    summary["added_p50_ms"] = _diff(summary["p50_cascade_ms"], summary["p50_off_ms"])
    summary["added_p50_not_escalated_ms"] = _diff(summary["p50_not_escalated_cascade_ms"],
                                                  summary["p50_not_escalated_off_ms"])
    summary["added_p50_escalated_ms"] = _diff(summary["p50_escalated_cascade_ms"],
                                              summary["p50_escalated_off_ms"])
    return summary


def _diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 3)


async def run_cascade_bench(config_data: dict[str, Any], bodies: Sequence[bytes],
                            latency_ms: float = 50.0) -> dict[str, Any]:
    stacks = [_stack(config_data, mode, latency_ms) for mode in ("off", "cascade")]
    try:
        for stack in stacks:  # one after the other: two model loads at once thrash 2 cores
            await asyncio.to_thread(stack.start, START_TIMEOUT_S)
        logger.info("llm cascade bench: mode off at %s, cascade at %s", stacks[0].base_url,
                    stacks[1].base_url)
        off, cascade, escalated, failed = await drive(stacks[0], stacks[1], bodies)
    finally:
        for stack in stacks:
            await asyncio.to_thread(stack.stop)
    llm = config_data.get("llm_router") or {}
    return {**summarise(off, cascade, escalated, latency_ms, failed),
            "escalate_below": llm.get("escalate_below", 0.6)}


def print_cascade_report(report: dict[str, Any]) -> None:
    """The CLI's output (the only printing in this module)."""
    print(f"llm cascade vs mode off, {report['requests']} conversations one at a time, "
          f"Arch-Router STAND-IN at {report['stand_in_latency_ms']:g} ms, escalate_below "
          f"{report['escalate_below']}")
    print(f"  escalation rate: {report['escalation_rate']}")
    for label, key in (("all requests", ""), ("not escalated", "_not_escalated"),
                       ("escalated", "_escalated")):
        print(f"  {label:<14} p50 off {report[f'p50{key}_off_ms']} ms, cascade "
              f"{report[f'p50{key}_cascade_ms']} ms: added {report[f'added_p50{key}_ms']} ms")
    if report["failed"]:
        print(f"  failed requests: {report['failed']}")
