"""`mmrouter bench`: percentile maths, the no-op processor through Envoy, the report's keys.

No timing assertions: these check that the benchmark measures and reports, not how fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math

import numpy as np
import pytest
from PIL import Image

from mmrouter.bench.load import LoadResult, percentile
from mmrouter.bench.report import headline, overheads

from images_support import tiny_clip, tiny_config  # noqa: F401 - tiny_clip is a fixture


def test_percentile_known_values():
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 50) == 3.0
    assert percentile(values, 100) == 5.0
    assert percentile(values, 25) == 2.0
    assert percentile(values, 95) == pytest.approx(4.8)
    assert percentile([10.0, 20.0], 50) == 15.0
    assert percentile([7.0], 99) == 7.0
    assert math.isnan(percentile([], 50))
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_percentile_matches_numpy_linear_and_ignores_order():
    rng = np.random.default_rng(3)
    values = list(rng.exponential(size=101))
    shuffled = list(reversed(values))
    for q in (1, 50, 90, 95, 99, 99.9):
        assert percentile(shuffled, q) == pytest.approx(float(np.percentile(values, q)))


def test_load_result_summary_counts_and_throughput():
    result = LoadResult(concurrency=2, latencies_s=[0.001, 0.002, 0.003, 0.004], errors=1,
                        statuses={"200": 4, "503": 1}, marked=4, wall_s=0.5)
    summary = result.summary()
    assert summary["ok"] == 4 and summary["requests"] == 5 and summary["errors"] == 1
    assert summary["p50_ms"] == pytest.approx(2.5)
    assert summary["throughput_rps"] == pytest.approx(8.0)
    assert summary["mean_ms"] == pytest.approx(2.5)


def test_headline_and_overheads_from_known_cells():
    def cell(p50: float, rps: float) -> dict:
        return {"p50_ms": p50, "p95_ms": p50 * 2, "throughput_rps": rps, "ok": 1, "marked": 1}

    results = {
        "direct": {"text": {"1": cell(1.0, 900)}, "one_image": {"1": cell(2.0, 400),
                                                                "32": cell(9.0, 900)}},
        "noop": {"text": {"1": cell(2.0, 500)}, "one_image": {"1": cell(3.0, 300),
                                                              "32": cell(9.0, 800)}},
        "router": {"text": {"1": cell(9.0, 100),
                            "32": {**cell(80.0, 400), "router_cpu_ms_per_request": 3.5}},
                   "one_image": {"1": cell(102.0, 10), "32": cell(600.0, 40)}},
    }
    head = headline(results, {"image_forward_ms": 80.0, "clip_batch_speedup": 2.0,
                              "text_batch_gain": 2.0},
                    {"after_warmup_kib": 1000, "after_bench_kib": 1100}, "cpu")
    assert head["text_added_p50_ms"] == pytest.approx(8.0)
    assert head["image_added_ratio"] == pytest.approx(100.0 / 80.0)
    assert head["batching_gain"] == pytest.approx(4.0)
    assert head["batching_gain_of_clip_speedup"] == pytest.approx(2.0)
    assert head["rss_growth_ratio"] == pytest.approx(1.1)
    assert head["targets_met"]["text_added_p50_ms"] is False  # 8.0 > 5.0
    assert head["text_c32_rps"] == 400 and head["text_c32_router_cpu_ms"] == 3.5
    assert head["text_batching_gain"] == pytest.approx(4.0)
    assert head["text_batching_gain_of_forward"] == pytest.approx(2.0)
    assert head["router_rss_mib"] == pytest.approx(1000 / 1024, abs=0.05)
    assert head["targets_met"]["text_c32_router_cpu_ms"] is True
    assert head["targets_met"]["text_batching_gain_of_forward"] is True
    over = overheads(results)
    assert over["text"]["1"]["router_added_p50_ms_vs_direct"] == pytest.approx(8.0)
    assert over["text"]["1"]["router_p50_ratio_vs_noop"] == pytest.approx(4.5)
    assert over["text"]["1"]["noop_added_p50_ms_vs_direct"] == pytest.approx(1.0)


def test_splice_rewrite_benchmark_agrees_with_json():
    from mmrouter.bench.encoders import rewrite_benchmark
    from mmrouter.bench.payloads import chat_body

    body = chat_body("hello", [b"\xff\xd8" + bytes(range(256)) * 64])
    out = rewrite_benchmark(body, repeats=1)
    assert out["body_bytes"] == len(body) and out["json_over_splice_ratio"] > 0


def test_bodies_are_distinct_images_and_prompts():
    from mmrouter.bench.payloads import SCENARIOS, BodyFactory

    factory = BodyFactory(seed=5)
    images = factory.bodies(SCENARIOS["one_image"], 3)
    texts = factory.bodies(SCENARIOS["text"], 3)
    assert len(set(images)) == 3 and len(set(texts)) == 3
    urls = [json.loads(b)["messages"][0]["content"][1]["image_url"]["url"] for b in images]
    assert len(set(urls)) == 3 and all(u.startswith("data:image/jpeg;base64,") for u in urls)


@pytest.mark.e2e
def test_noop_processor_answers_through_envoy(tmp_path):
    from mmrouter.devstack.stack import LocalStack, default_config_data

    from conftest import chat

    stack = LocalStack(default_config_data(), workdir=tmp_path, processor="noop").start()
    try:
        payload = {"model": "MoM", "messages": [{"role": "user", "content": "hi"}]}
        result = chat(stack.base_url, payload)
        assert result.status == 200, result.body
        assert result.json()["model"] == "MoM"  # no mutation: the body reached the backend as sent
        assert "x-mmrouter-route" not in result.headers
        assert stack.envoy.counter("http.mmrouter.ext_proc.streams_started") >= 1
        assert stack.envoy.counter("http.mmrouter.ext_proc.streams_failed") == 0
        assert stack.router_pid is not None
    finally:
        stack.stop()


@pytest.mark.e2e
def test_bench_json_report_has_the_required_keys(tmp_path, capsys):
    from mmrouter.bench.run import BenchPlan, Cell, run_bench_cli

    plan = BenchPlan("test", (Cell("text", 1, 5, 10.0), Cell("text", 2, 5, 10.0)),
                     warmup_per_scenario=1, raw_encoders=False, rewrite_repeats=1)
    config = tmp_path / "bench.yaml"
    config.write_text("image_encoder: {enabled: false}\n" + _default_yaml_without_images())
    args = argparse.Namespace(config=str(config), quick=True, json=True,
                              report=str(tmp_path / "r.json"), chart=str(tmp_path / "c.png"))
    assert run_bench_cli(args, plan=plan) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    line = json.loads(last)
    for key in ("text_added_p50_ms", "image_added_ratio", "batching_gain", "rss_growth_ratio",
                "device"):
        assert key in line
    assert line["text_added_p50_ms"] is not None and line["rss_growth_ratio"] is not None
    report = json.loads((tmp_path / "r.json").read_text())
    for target in ("direct", "noop", "router"):
        assert set(report["results"][target]["text"]) == {"1", "2"}
        assert report["results"][target]["text"]["1"]["ok"] == 5
    # The router's own CPU per request is measured (from /proc) for its cells only.
    router_cell = report["results"]["router"]["text"]["1"]
    assert router_cell["router_cpu_ms_per_request"] > 0
    # Its event-loop thread's share too: part of the process's, never more.
    assert 0 < router_cell["router_loop_ms_per_request"] <= router_cell["router_cpu_ms_per_request"]
    assert "router_cpu_ms_per_request" not in report["results"]["direct"]["text"]["1"]
    assert report["router"]["routed_fraction"] == 1.0
    assert report["rewrite"]["json_over_splice_ratio"] > 0
    assert (tmp_path / "c.png").read_bytes()[:4] == b"\x89PNG"


def _default_yaml_without_images() -> str:
    import yaml

    from mmrouter.devstack.stack import default_config_data

    data = default_config_data()
    data.pop("image_encoder", None)
    return yaml.safe_dump(data)


def test_raw_timing_reports_full_clip_batches_as_the_workers_run_them(tiny_clip,  # noqa: F811
                                                                       minilm):
    """The raw encoder timing on the router's own encoders (real MiniLM, a tiny real open_clip
    tower): one image at a time, then full batches laid out as the inference workers run them
    (two 1-thread forwards side by side on a 2-core CPU); clip_batch_speedup is batched
    images/s over one-at-a-time images/s. Values are timings: only their relations are checked."""
    from mmrouter.bench.encoders import CPU_BATCH, RawEncoders, clip_batch_speedup
    from mmrouter.images.clip import ClipEncoder
    from mmrouter.core.inference import InferencePool

    config = tiny_config(*tiny_clip)
    clip = ClipEncoder(config)
    pixels = clip.preprocess(Image.fromarray(np.zeros((40, 40, 3), np.uint8)))
    raw = RawEncoders("cpu", minilm, clip, pixels, "tiny", "checkpoint")
    for workers, side_by_side in ((2, 2), (1, 1)):
        pool = InferencePool()
        try:
            out = pool.run(_time_raw_with, raw, workers)
        finally:
            pool.close()
        assert out["image_batch_size"] == CPU_BATCH
        assert out["image_batch_side_by_side"] == side_by_side
        assert out["image_batched_rps"] == pytest.approx(
            side_by_side * CPU_BATCH * 1000.0 / out["image_batch_forward_ms"], rel=1e-3)
        assert out["clip_batch_speedup"] == clip_batch_speedup(out["image_forward_ms"],
                                                               out["image_batched_rps"])
        assert out["text_forward_ms"] > 0 and out["image_forward_ms"] > 0


def _time_raw_with(raw, workers: int) -> dict:
    from mmrouter.bench.encoders import BatchLayout, _time_raw

    keep = dataclasses.replace(raw)  # _time_raw closes what it is given
    return _time_raw(keep, 2, None, BatchLayout(workers=workers, cpus=2, gpu_batch=4, repeats=2))


def test_clip_batch_speedup_arithmetic():
    from mmrouter.bench.encoders import clip_batch_speedup

    assert clip_batch_speedup(50.0, 40.0) == 2.0  # 20 images/s alone, 40 in batches
    assert clip_batch_speedup(None, 40.0) is None and clip_batch_speedup(50.0, 0.0) is None


@pytest.mark.parametrize("script", ["bundle.sh", "run.sh"])
def test_gpu_bench_scripts_parse(script):
    """The GPU-host scripts (run there, not here) are at least valid bash."""
    import subprocess
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "deploy" / "gpu-bench" / script
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
