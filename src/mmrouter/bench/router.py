"""What the benchmark needs to know about the router: its config, weights, RSS and metrics.

When no CLIP weights exist locally, the bench gives the router's image encoder explicit
random weights (``image_encoder.pretrained: random``): compute does not depend on the weights,
so the timings are real.
"""

from __future__ import annotations

import json
import logging
import os
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

logger = logging.getLogger(__name__)


def bench_config_data(data: dict[str, Any], base_dir: Path | None) -> dict[str, Any]:
    """A copy of a YAML config mapping with file paths made absolute (the stack moves it)."""
    data = json.loads(json.dumps(data))  # deep copy of plain YAML data
    if base_dir is not None:
        for section, key in (("routing", "head"), ("image_encoder", "checkpoint"),
                             ("image_encoder", "model_config"), ("image_encoder", "cache_dir")):
            value = (data.get(section) or {}).get(key)
            if isinstance(value, str) and value and not Path(value).expanduser().is_absolute():
                data[section][key] = str(base_dir / value)
    return data


def prepare_image_weights(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """(config data, weights note): keep real weights when found, else random ones, explicitly."""
    from mmrouter.config.schema import parse_config

    section = data.get("image_encoder") or {}
    if section.get("enabled") is False:
        return data, "image encoder disabled in the config"
    config = parse_config(data)
    try:
        from mmrouter.images.clip import EncoderUnavailable, resolve_weights
    except ImportError:
        logger.warning("mmrouter.images.clip not available; the router has no CLIP path")
        return data, "no CLIP image path in this build"
    try:
        weights = resolve_weights(config)
        return data, f"local weights ({weights.source}: {weights.path})"
    except EncoderUnavailable as exc:
        logger.info("no local CLIP weights (%s); using random weights", exc)
    data = {**data, "image_encoder": {**section, "checkpoint": None, "pretrained": "random"}}
    return data, f"random {config.image_encoder.architecture} weights (image_encoder.pretrained: random)"


def read_rss_kib(pid: int) -> int | None:
    """VmRSS of a process, in KiB, from /proc/PID/status (None when unreadable)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def read_cpu_s(pid: int, thread: int | None = None) -> float | None:
    """User + system CPU seconds of a process (all its threads), from /proc/PID/stat, or of one
    of its threads: its run time in ns from /proc/PID/task/TID/schedstat (clock ticks of 10 ms
    are too coarse for one thread), else its ticks."""
    path = f"/proc/{pid}/task/{thread}/stat" if thread is not None else f"/proc/{pid}/stat"
    if thread is not None:
        try:
            return int(Path(f"/proc/{pid}/task/{thread}/schedstat").read_text().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            pass
    try:
        fields = Path(path).read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class RouterProbe:
    """CPU and RSS of the processes serving ext_proc (summed when there are several)."""

    pids: list[int]
    rss: dict[str, int | None] = field(default_factory=dict)

    def cpu_s(self) -> tuple[float | None, float | None]:
        """CPU seconds of the router processes, and of their main threads alone (the event
        loops: gRPC streams, parsing, mutations), which one process cannot spread over cores."""
        return (_total(read_cpu_s(pid) for pid in self.pids),
                _total(read_cpu_s(pid, thread=pid) for pid in self.pids))

    def after_warmup(self) -> None:
        self.rss["after_warmup_kib"] = self._rss()

    def after_bench(self) -> None:
        self.rss["after_bench_kib"] = self._rss()

    def _rss(self) -> int | None:
        total = _total(read_rss_kib(pid) for pid in self.pids)
        return None if total is None else int(total)


def _total(values: Iterable[float | int | None]) -> float | None:
    """The sum, or None when nothing (or any part) could be read."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return sum(values)  # type: ignore[arg-type]


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.read()
    except urllib.error.HTTPError as err:
        return err.read()


def router_details(api_url: str, probe: RouterProbe, process_url: str | None = None
                   ) -> dict[str, Any]:
    """Image-encoder state from a router process's /ready (``process_url``, default
    ``api_url``), batch and queue figures from /metrics (with several processes, the
    supervisor's merged one), and RSS."""
    ready = json.loads(_get((process_url or api_url) + "/ready"))
    components = ready.get("components", {})
    image = components.get("image_encoder", {})
    exposition = _get(api_url + "/metrics").decode()
    stats = batch_stats(exposition)
    return {"image_encoder_status": image.get("status", "absent"), "components": components,
            "batches": stats, "mean_batch_size": {k: v["mean_batch_size"]
                                                  for k, v in stats.items()},
            "image_cache": counter_by_label(exposition, "mmrouter_image_embedding_cache",
                                            "result"),
            "rss": dict(probe.rss), "pids": probe.pids}


def counter_by_label(exposition: str, family_name: str, label: str) -> dict[str, float]:
    """A counter's samples summed by one label's value."""
    from prometheus_client.parser import text_string_to_metric_families

    out: dict[str, float] = {}
    for family in text_string_to_metric_families(exposition):
        if family.name == family_name:
            for sample in family.samples:
                if sample.name.endswith("_total"):
                    key = sample.labels.get(label, "")
                    out[key] = out.get(key, 0.0) + sample.value
    return out


def batch_stats(exposition: str) -> dict[str, dict[str, float | None]]:
    """Mean batch size and mean queue wait per encoder, from the Prometheus exposition."""
    from prometheus_client.parser import text_string_to_metric_families

    sums: dict[tuple[str, str], float] = {}
    for family in text_string_to_metric_families(exposition):
        if family.name not in ("mmrouter_batch_size", "mmrouter_queue_wait_seconds"):
            continue
        for sample in family.samples:
            if sample.name.endswith(("_sum", "_count")):
                key = (sample.labels.get("encoder", ""), sample.name)
                sums[key] = sums.get(key, 0.0) + sample.value
    out: dict[str, dict[str, float | None]] = {}
    for encoder in {k[0] for k in sums}:
        def mean(name: str, encoder: str = encoder) -> float | None:
            count = sums.get((encoder, f"{name}_count"), 0.0)
            return round(sums.get((encoder, f"{name}_sum"), 0.0) / count, 4) if count else None
        out[encoder] = {"batches": sums.get((encoder, "mmrouter_batch_size_count")),
                        "mean_batch_size": mean("mmrouter_batch_size"),
                        "mean_queue_wait_s": mean("mmrouter_queue_wait_seconds")}
    return out
