"""`mmrouter bench`: the real stack against its baselines, in one run, on loopback.

Targets, one after another (each stack stopped before the next starts, so they never share the
CPU): Envoy straight to the demo backends, Envoy with a no-op ext_proc processor, and Envoy
with mmrouter. Every target gets the same request bodies; image bodies carry fresh noise JPEGs
(never repeated within a target's run, so the image-embedding cache cannot hit). The raw
encoder forwards and the ``model`` rewrite are timed in this process.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import os
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from mmrouter.bench.load import CHAT_PATH, LoadSpec, client_session, run_load, warm_up
from mmrouter.bench.payloads import SCENARIOS, BodyFactory
from mmrouter.bench.report import headline, overheads, print_report, write_chart
from mmrouter.bench.router import (RouterProbe, bench_config_data, prepare_image_weights,
                                   router_details)
from mmrouter.devstack.stack import LocalStack, default_config_data

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cell:
    scenario: str
    concurrency: int
    max_requests: int
    max_duration_s: float


@dataclass(frozen=True)
class BenchPlan:
    name: str
    cells: tuple[Cell, ...]
    warmup_per_scenario: int = 4
    raw_encoders: bool = True
    encoder_repeats: int = 20
    rewrite_repeats: int = 5
    batch_repeats: int = 3  # timed full CLIP batches (per side-by-side worker)

    @property
    def scenarios(self) -> list[str]:
        return list(dict.fromkeys(c.scenario for c in self.cells))

    @property
    def max_concurrency(self) -> int:
        return max(c.concurrency for c in self.cells)


def _cells(spec: Mapping[str, Mapping[int, tuple[int, float]]]) -> tuple[Cell, ...]:
    return tuple(Cell(s, c, n, d) for s, by_c in spec.items() for c, (n, d) in by_c.items())


def quick_plan() -> BenchPlan:
    """Under a minute on a 2-core CPU: text and one image at 1, 8 and 32; the heavy image
    scenarios (four images, 4 MB) at concurrency 1 only (the full plan runs them at 8 and 32)."""
    return BenchPlan("quick", _cells({
        "text": {1: (30, 1.5), 8: (32, 1.5), 32: (64, 1.5)},
        "one_image": {1: (16, 3.0), 8: (24, 3.0), 32: (96, 5.0)},
        "four_images": {1: (3, 2.0)},
        "image_4mb": {1: (3, 2.0)},
    }), warmup_per_scenario=2, encoder_repeats=5, rewrite_repeats=3, batch_repeats=2)


def full_plan(scale: int = 1) -> BenchPlan:
    """Every scenario at concurrency 1, 8 and 32; ``scale`` multiplies the request counts."""
    k = max(1, scale)
    return BenchPlan("full", _cells({
        "text": {1: (300 * k, 15.0), 8: (600 * k, 15.0), 32: (1200 * k, 15.0)},
        "one_image": {1: (40 * k, 20.0), 8: (120 * k, 20.0), 32: (256 * k, 30.0)},
        "four_images": {1: (20 * k, 20.0), 8: (48 * k, 20.0), 32: (96 * k, 30.0)},
        "image_4mb": {1: (16 * k, 20.0), 8: (40 * k, 20.0), 32: (64 * k, 30.0)},
    }), warmup_per_scenario=16, encoder_repeats=30, rewrite_repeats=7, batch_repeats=5)


def restrict(plan: BenchPlan, scenarios: list[str] | None,
             concurrency: list[int] | None) -> BenchPlan:
    cells = tuple(c for c in plan.cells if (not scenarios or c.scenario in scenarios)
                  and (not concurrency or c.concurrency in concurrency))
    if not cells:
        raise ValueError("no benchmark cell left after --scenarios/--concurrency")
    return dataclasses.replace(plan, cells=cells)


@dataclass
class Bodies:
    connect: bytes = b""  # a text body, sent in parallel to open the keep-alive connections
    warmup: dict[str, list[bytes]] = field(default_factory=dict)
    cells: dict[tuple[str, int], list[bytes]] = field(default_factory=dict)


def make_bodies(plan: BenchPlan, factory: BodyFactory) -> Bodies:
    bodies = Bodies(connect=factory.bodies(SCENARIOS["text"], 1)[0])
    for scenario in plan.scenarios:
        bodies.warmup[scenario] = factory.bodies(SCENARIOS[scenario], plan.warmup_per_scenario)
    for c in plan.cells:
        bodies.cells[(c.scenario, c.concurrency)] = factory.bodies(SCENARIOS[c.scenario],
                                                                  c.max_requests)
    return bodies


async def drive(base_url: str, plan: BenchPlan, bodies: Bodies, marker: str,
                probe: RouterProbe | None = None) -> dict[str, dict[str, Any]]:
    """Warm up (all scenarios), then run every cell; returns summaries by scenario/concurrency."""
    url = base_url + CHAT_PATH
    out: dict[str, dict[str, Any]] = {}
    async with client_session(plan.max_concurrency) as session:
        await warm_up(session, url, [bodies.connect] * plan.max_concurrency,
                      plan.max_concurrency)
        for scenario in plan.scenarios:
            warm = await warm_up(session, url, bodies.warmup[scenario],
                                 min(8, max(1, len(bodies.warmup[scenario]))))
            if warm.errors:
                logger.warning("warm-up %s: %d errors %s", scenario, warm.errors, warm.statuses)
        logger.info("warm-up done")
        if probe is not None:
            probe.after_warmup()
        for c in plan.cells:
            spec = LoadSpec(concurrency=c.concurrency, max_requests=c.max_requests,
                            max_duration_s=c.max_duration_s, marker_header=marker)
            before = probe.cpu_s() if probe is not None else (None, None)
            result = await run_load(session, url, bodies.cells[c.scenario, c.concurrency], spec)
            summary = result.summary()
            after = probe.cpu_s() if probe is not None else (None, None)
            for key, start, end in zip(("router_cpu_ms_per_request", "router_loop_ms_per_request"),
                                       before, after):
                if start is not None and end is not None and summary["requests"]:
                    summary[key] = round(1000.0 * (end - start) / summary["requests"], 2)
            out.setdefault(c.scenario, {})[str(c.concurrency)] = summary
            logger.info("%s c=%d: %s", c.scenario, c.concurrency, summary)
    return out


async def measure_baseline(config_data: dict[str, Any], target: str, plan: BenchPlan,
                           bodies: Bodies, marker: str) -> dict[str, dict[str, Any]]:
    stack = LocalStack(config_data, with_router=target == "noop", ext_proc=target == "noop",
                       processor="noop")
    try:
        await asyncio.to_thread(stack.start)
        logger.info("baseline %s up at %s", target, stack.base_url)
        return await drive(stack.base_url, plan, bodies, marker)
    finally:
        await asyncio.to_thread(stack.stop)


async def measure_router(config_data: dict[str, Any], plan: BenchPlan, bodies: Bodies,
                         marker: str, threads: int | None) -> tuple[dict, dict, dict]:
    """(results, raw encoder times, router details). The raw encoders are timed first, alone
    on the machine (two processes loading models at once thrash a 2-core CPU)."""
    from mmrouter.bench.encoders import time_raw_encoders
    from mmrouter.config.schema import parse_config

    raw: dict[str, Any] = {}
    if plan.raw_encoders:
        raw = await asyncio.to_thread(time_raw_encoders, parse_config(config_data),
                                      plan.encoder_repeats, plan.batch_repeats, threads)
    env = {"OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)} if threads else {}
    stack = LocalStack(config_data, env=env)
    try:
        await asyncio.to_thread(stack.start)
        logger.info("router up at %s", stack.base_url)
        probe = RouterProbe(stack.router_pids)
        results = await drive(stack.base_url, plan, bodies, marker, probe)
        probe.after_bench()
        details = await asyncio.to_thread(router_details, stack.api_url, probe,
                                          stack.api_urls[0])
        details["torch_threads"] = threads or "default"
        return results, raw, details
    finally:
        await asyncio.to_thread(stack.stop)


async def run_bench(config_data: dict[str, Any], plan: BenchPlan,
                    factory: BodyFactory | None = None,
                    router_threads: int | None = None) -> dict[str, Any]:
    """Run every target of ``plan``; return the full report (no printing, no files)."""
    from mmrouter.bench.encoders import rewrite_benchmark
    from mmrouter.config.schema import parse_config

    started, load_before = time.perf_counter(), os.getloadavg()
    factory = factory or BodyFactory(workers=min(8, os.cpu_count() or 2))
    (config_data, weights_note), bodies = await asyncio.gather(
        asyncio.to_thread(prepare_image_weights, config_data),
        asyncio.to_thread(make_bodies, plan, factory))
    config = parse_config(config_data)
    marker = config.routing.headers.route
    results = {"direct": await measure_baseline(config_data, "direct", plan, bodies, marker),
               "noop": await measure_baseline(config_data, "noop", plan, bodies, marker)}
    results["router"], raw, details = await measure_router(config_data, plan, bodies, marker,
                                                           router_threads)
    details["routed_fraction"] = _routed_fraction(results["router"])
    if details["image_encoder_status"] != "ready" and any(SCENARIOS[s].images
                                                          for s in plan.scenarios):
        logger.warning("the router's image encoder is %s: image scenarios ran without CLIP",
                       details["image_encoder_status"])
    big = bodies.cells.get(("image_4mb", 1)) or factory.bodies(SCENARIOS["image_4mb"], 1)
    rewrite = rewrite_benchmark(big[0], repeats=plan.rewrite_repeats)
    device = (raw.get("device") or details["components"].get("image_encoder", {}).get("device")
              or _config_device(config.text_encoder.device))
    report = {
        "plan": plan.name, "cells": [asdict(c) for c in plan.cells], "device": device,
        "machine": {**machine_info(), "loadavg_before": load_before,
                    "loadavg_after": os.getloadavg()},
        "results": results, "overheads": overheads(results), "raw_encoders": raw,
        "rewrite": rewrite, "rss": details.pop("rss", {}), "router": details,
        "notes": {**_notes(), "image_weights": weights_note},
    }
    report["headline"] = headline(results, raw, report["rss"], device)
    report["headline"]["image_path"] = details["image_encoder_status"]
    report["elapsed_s"] = round(time.perf_counter() - started, 1)
    return report


def machine_info() -> dict[str, Any]:
    """CPU count and model, and whether it computes bf16 natively: CPU figures depend on it."""
    from mmrouter.encoders import cpu_has_native_bf16

    model = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as lines:
            model = next((line.split(":", 1)[1].strip() for line in lines
                          if line.startswith("model name")), None)
    except OSError:
        pass
    return {"cpu_count": os.cpu_count(), "cpu_model": model or platform.processor() or None,
            "cpu_native_bf16": cpu_has_native_bf16()}


def _routed_fraction(router: Mapping[str, Mapping[str, Any]]) -> float | None:
    """Share of successful router responses that carry the router's route header."""
    ok = sum(s["ok"] for by_c in router.values() for s in by_c.values())
    marked = sum(s["marked"] for by_c in router.values() for s in by_c.values())
    return round(marked / ok, 4) if ok else None


def _notes() -> dict[str, str]:
    return {
        "images": "distinct random-noise JPEGs in every request (no image repeats within a "
                  "target's run: the embedding cache cannot hit); text prompts vary",
        "client": "aiohttp, keep-alive connections, TCP_NODELAY, closed loop",
        "image_added_ratio": "(router one-image p50 - direct one-image p50) / raw one-image "
                             "encoder forward, at concurrency 1",
        "batching_gain": "router one-image throughput at concurrency 32 / at concurrency 1",
        "clip_batch_speedup": "raw CLIP images/s in full batches, laid out as the router's "
                              "workers run them under load, / images/s one at a time",
    }


def load_bench_config(path: str | None) -> dict[str, Any]:
    if path is None:
        return bench_config_data(default_config_data(), base_dir=None)
    data = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    return bench_config_data(data, base_dir=Path(path).resolve().parent)


def run_bench_cli(args: argparse.Namespace, plan: BenchPlan | None = None) -> int:
    """`mmrouter bench`; ``plan`` (tests) replaces the quick/full plan."""
    if getattr(args, "budget", False):
        from mmrouter.bench.budget import run_budget_cli

        return run_budget_cli(args)
    if getattr(args, "needs_parse", False):
        from mmrouter.bench.needs_parse import run_needs_parse_cli

        return run_needs_parse_cli(args)
    config_data = load_bench_config(args.config)
    if getattr(args, "llm_cascade", False):
        return run_cascade_cli(args, config_data)
    if getattr(args, "cache", False):
        from mmrouter.bench.cache import run_cache_cli

        return run_cache_cli(args, config_data)
    if plan is None:
        plan = quick_plan() if args.quick else full_plan(_scale(args, config_data))
        plan = restrict(plan, _csv(getattr(args, "scenarios", None)),
                        [int(c) for c in _csv(getattr(args, "concurrency", None)) or []])
    report = asyncio.run(run_bench(config_data, plan,
                                   router_threads=getattr(args, "router_threads", None)))
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=2))
    if args.chart:
        write_chart(report, args.chart)
    print_report(report)
    if args.json:
        print(json.dumps({**report["headline"], "rewrite_json_over_splice_ratio":
                          report["rewrite"]["json_over_splice_ratio"], "plan": plan.name,
                          "report": args.report, "chart": args.chart}))
    return 0


def run_cascade_cli(args: argparse.Namespace, config_data: dict[str, Any]) -> int:
    """`mmrouter bench --llm-cascade` (see mmrouter.bench.llm_cascade)."""
    from mmrouter.bench.llm_cascade import load_bodies, print_cascade_report, run_cascade_bench

    bodies = load_bodies(Path(args.llm_data), args.llm_requests)
    report = asyncio.run(run_cascade_bench(config_data, bodies, args.stand_in_latency_ms))
    if args.report:
        Path(args.report).write_text(json.dumps({"llm_cascade": report}, indent=2))
    print_cascade_report(report)
    if args.json:
        print(json.dumps(report, sort_keys=True))
    return 0


def _config_device(device: str) -> str:
    from mmrouter.encoders import select_device

    return select_device(device)


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _scale(args: argparse.Namespace, config_data: dict[str, Any]) -> int:
    if getattr(args, "scale", None):
        return int(args.scale)
    device = (config_data.get("image_encoder") or {}).get("device", "auto")
    return 4 if _config_device(device).startswith("cuda") else 1
