"""The benchmark's report: headline figures, overhead ratios, the printed tables and the chart.

``results[target][scenario][str(concurrency)]`` holds a LoadResult summary for each target:
``direct`` (Envoy straight to the backend), ``noop`` (Envoy + a no-op ext_proc) and ``router``
(Envoy + mmrouter).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Mapping

logger = logging.getLogger(__name__)

TARGETS = ("direct", "noop", "router")
TARGET_LABELS = {"direct": "Envoy → backend", "noop": "Envoy + no-op ext_proc",
                 "router": "Envoy + mmrouter"}
CPU_TARGETS = {"text_added_p50_ms": ("<=", 5.0), "image_added_ratio": ("<=", 1.3),
               "text_c32_router_cpu_ms": ("<=", 4.0), "text_batching_gain_of_forward": (">=", 0.9),
               "batching_gain": (">=", 3.0), "rss_growth_ratio": ("<=", 1.15)}
GPU_TARGETS = {"text_added_p50_ms": ("<=", 3.0), "image_added_p50_ms": ("<=", 10.0),
               "one_image_c32_rps": (">=", 1000.0), "rss_growth_ratio": ("<=", 1.15)}

Results = Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]


def cell(results: Results, target: str, scenario: str, concurrency: int) -> Mapping[str, Any]:
    return results.get(target, {}).get(scenario, {}).get(str(concurrency), {})


def _get(results: Results, target: str, scenario: str, concurrency: int, key: str) -> float | None:
    value = cell(results, target, scenario, concurrency).get(key)
    return float(value) if value is not None else None


def _ratio(a: float | None, b: float | None, digits: int = 3) -> float | None:
    if a is None or b is None or b <= 0:
        return None
    return round(a / b, digits)


def _diff(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else round(a - b, 3)


def overheads(results: Results) -> dict[str, dict[str, dict[str, Any]]]:
    """Router (and no-op) overhead over each baseline, per scenario and concurrency."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for scenario, by_conc in results.get("router", {}).items():
        for conc in by_conc:
            c = int(conc)
            d, n, r = (_get(results, t, scenario, c, "p50_ms") for t in TARGETS)
            dt, nt, rt = (_get(results, t, scenario, c, "throughput_rps") for t in TARGETS)
            out.setdefault(scenario, {})[conc] = {
                "router_added_p50_ms_vs_direct": _diff(r, d),
                "router_added_p50_ms_vs_noop": _diff(r, n),
                "noop_added_p50_ms_vs_direct": _diff(n, d),
                "router_p50_ratio_vs_direct": _ratio(r, d),
                "router_p50_ratio_vs_noop": _ratio(r, n),
                "router_p95_ratio_vs_direct": _ratio(_get(results, "router", scenario, c, "p95_ms"),
                                                     _get(results, "direct", scenario, c, "p95_ms")),
                "router_throughput_ratio_vs_direct": _ratio(rt, dt),
                "router_throughput_ratio_vs_noop": _ratio(rt, nt),
            }
    return out


def headline(results: Results, raw: Mapping[str, Any], rss: Mapping[str, Any],
             device: str) -> dict[str, Any]:
    """The figures the issue names; None where the run did not measure them."""
    text_added = _diff(_get(results, "router", "text", 1, "p50_ms"),
                       _get(results, "direct", "text", 1, "p50_ms"))
    image_added = _diff(_get(results, "router", "one_image", 1, "p50_ms"),
                        _get(results, "direct", "one_image", 1, "p50_ms"))
    one_c32 = _get(results, "router", "one_image", 32, "throughput_rps")
    text_c32 = _get(results, "router", "text", 32, "throughput_rps")
    out: dict[str, Any] = {
        "text_added_p50_ms": text_added,
        "text_added_p50_ms_vs_noop": _diff(_get(results, "router", "text", 1, "p50_ms"),
                                           _get(results, "noop", "text", 1, "p50_ms")),
        "image_added_p50_ms": image_added,
        "image_added_ratio": _ratio(image_added, raw.get("image_forward_ms")),
        "batching_gain": _ratio(one_c32, _get(results, "router", "one_image", 1,
                                              "throughput_rps")),
        "clip_batch_speedup": raw.get("clip_batch_speedup"),
        "one_image_c32_rps": one_c32,
        "one_image_c32_router_cpu_ms": _get(results, "router", "one_image", 32,
                                            "router_cpu_ms_per_request"),
        "one_image_c32_router_loop_ms": _get(results, "router", "one_image", 32,
                                             "router_loop_ms_per_request"),
        "text_c32_rps": text_c32,
        "text_c32_router_cpu_ms": _get(results, "router", "text", 32, "router_cpu_ms_per_request"),
        "text_batching_gain": _ratio(text_c32, _get(results, "router", "text", 1, "throughput_rps")),
        "text_forward_batch_gain": raw.get("text_batch_gain"),
        "raw_text_encoder_ms": raw.get("text_forward_ms"),
        "raw_image_encoder_ms": raw.get("image_forward_ms"),
        "rss_growth_ratio": _ratio(rss.get("after_bench_kib"), rss.get("after_warmup_kib")),
        "router_rss_mib": (round(rss["after_warmup_kib"] / 1024, 1)
                           if rss.get("after_warmup_kib") else None),
        "device": device,
    }
    out["batching_gain_of_clip_speedup"] = _ratio(out["batching_gain"], out["clip_batch_speedup"])
    # Text: how much of what batching saves in the forward itself the router keeps end to end.
    out["text_batching_gain_of_forward"] = _ratio(out["text_batching_gain"],
                                                  out["text_forward_batch_gain"])
    targets = GPU_TARGETS if device.startswith("cuda") else CPU_TARGETS
    out["targets_met"] = {k: _meets(out.get(k), op, bound) for k, (op, bound) in targets.items()}
    return out


def _meets(value: Any, op: str, bound: float) -> bool | None:
    if value is None:
        return None
    return value <= bound if op == "<=" else value >= bound


def _fmt(value: Any, width: int = 9, digits: int = 1) -> str:
    if value is None:
        return "-".rjust(width)
    if isinstance(value, float):
        return f"{value:{width}.{digits}f}"
    return str(value).rjust(width)


def print_report(report: Mapping[str, Any]) -> None:
    """Human-readable tables on stdout (the one place the bench prints)."""
    results = report["results"]
    machine = report["machine"]
    print(f"\nmmrouter bench ({report['plan']}) on {report['device']}: "
          f"{machine['cpu_count']} CPU(s), {machine.get('cpu_model', '?')} (native bf16: "
          f"{machine.get('cpu_native_bf16')}); {report['notes']['images']}")
    print(f"{'target':24}{'scenario':13}{'conc':>5}{'ok':>6}{'err':>5}{'p50 ms':>9}"
          f"{'p95 ms':>9}{'p99 ms':>9}{'req/s':>9}{'cpu ms/req':>11}{'loop ms/req':>12}")
    for target in TARGETS:
        for scenario, by_conc in results.get(target, {}).items():
            for conc, s in by_conc.items():
                print(f"{TARGET_LABELS[target]:24}{scenario:13}{conc:>5}{s['ok']:>6}"
                      f"{s['errors']:>5}{_fmt(s['p50_ms'])}{_fmt(s['p95_ms'])}"
                      f"{_fmt(s['p99_ms'])}{_fmt(s['throughput_rps'])}"
                      f"{_fmt(s.get('router_cpu_ms_per_request'), 11)}"
                      f"{_fmt(s.get('router_loop_ms_per_request'), 12, 2)}")
    print(f"\n{'overhead of mmrouter':20}{'conc':>5}{'+p50 vs direct':>16}{'p50 x direct':>14}"
          f"{'p50 x no-op':>13}{'rps x direct':>14}{'no-op +p50':>12}")
    for scenario, by_conc in report["overheads"].items():
        for conc, o in by_conc.items():
            print(f"{scenario:20}{conc:>5}{_fmt(o['router_added_p50_ms_vs_direct'], 16, 2)}"
                  f"{_fmt(o['router_p50_ratio_vs_direct'], 14, 2)}"
                  f"{_fmt(o['router_p50_ratio_vs_noop'], 13, 2)}"
                  f"{_fmt(o['router_throughput_ratio_vs_direct'], 14, 2)}"
                  f"{_fmt(o['noop_added_p50_ms_vs_direct'], 12, 2)}")
    _print_extras(report)


def _print_extras(report: Mapping[str, Any]) -> None:
    raw, rw, head = report["raw_encoders"], report["rewrite"], report["headline"]
    print(f"\nraw encoder forward, median (min): text {_fmt(raw.get('text_forward_ms'), 0, 2)} "
          f"({_fmt(raw.get('text_forward_min_ms'), 0, 2)}) ms, one image "
          f"{_fmt(raw.get('image_forward_ms'), 0, 2)} ({_fmt(raw.get('image_forward_min_ms'), 0, 2)})"
          f" ms ({raw.get('image_architecture')}, {raw.get('image_weights')} weights, "
          f"{raw.get('device')}; best of "
          f"torch threads {raw.get('torch_threads')})")
    if raw.get("image_batched_rps"):
        print(f"raw CLIP in full batches of {raw['image_batch_size']}: "
              f"{raw['image_batch_side_by_side']} forward(s) side by side on "
              f"{raw['image_batch_threads']} thread(s) each, {raw['image_batched_rps']} images/s"
              f" = {raw['clip_batch_speedup']}x one image at a time (what batching the forward"
              f" alone gains here; batching_gain is {head.get('batching_gain_of_clip_speedup')}"
              f" times that)")
    print(f"model rewrite on a {rw['body_bytes'] / 1e6:.1f} MB body: splice {rw['splice_ms']} ms, "
          f"json.loads+dumps {rw['json_reserialise_ms']} ms "
          f"(re-serialising is {rw['json_over_splice_ratio']}x slower)")
    router = report.get("router", {})
    print(f"router: image path {router.get('image_encoder_status')} "
          f"({report['notes'].get('image_weights')}); torch threads "
          f"{router.get('torch_threads')}; routed {router.get('routed_fraction')} of responses; "
          f"image cache {router.get('image_cache')}")
    print(f"router: mean batch size {router.get('mean_batch_size')}; RSS KiB {report['rss']}")
    print("headline: " + ", ".join(f"{k}={v}" for k, v in head.items() if k != "targets_met"))
    print("targets met: " + ", ".join(f"{k}={v}" for k, v in head["targets_met"].items()))


def write_chart(report: Mapping[str, Any], path: str | Path) -> None:
    """p50 latency (p95 as error bar) and throughput against concurrency, per scenario."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    results = report["results"]
    scenarios = list(results.get("router") or results.get("direct") or {})
    if not scenarios:
        return
    fig, axes = plt.subplots(2, len(scenarios), figsize=(4.2 * len(scenarios), 7.5),
                             squeeze=False)
    for col, scenario in enumerate(scenarios):
        for target in TARGETS:
            rows = sorted((int(c), s) for c, s in results.get(target, {}).get(scenario, {}).items()
                          if s.get("p50_ms") is not None)
            if not rows:
                continue
            xs = [c for c, _ in rows]
            p50 = [s["p50_ms"] for _, s in rows]
            p95 = [max(0.0, s["p95_ms"] - s["p50_ms"]) for _, s in rows]
            axes[0][col].errorbar(xs, p50, yerr=[[0] * len(p95), p95], marker="o", capsize=3,
                                  label=TARGET_LABELS[target])
            axes[1][col].plot(xs, [s["throughput_rps"] for _, s in rows], marker="o",
                              label=TARGET_LABELS[target])
        _style(axes[0][col], scenario, "p50 latency, ms (bar: to p95)")
        _style(axes[1][col], scenario, "throughput, req/s")
    axes[0][0].legend(fontsize=8)
    fig.suptitle(f"mmrouter bench ({report['plan']}, {report['device']}): distinct images per "
                 "request", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _style(ax: Any, scenario: str, ylabel: str) -> None:
    from matplotlib.ticker import NullFormatter, ScalarFormatter

    ax.set_xscale("log", base=2)
    ax.set_xticks([1, 8, 32])
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yscale("log")
    ax.set_xlabel("concurrency")
    ax.set_ylabel(ylabel)
    ax.set_title(scenario, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
