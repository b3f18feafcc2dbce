"""The benchmark's in-process micro-benchmarks: raw encoder forwards and the body rewrite.

Raw text: one short query through the text encoder (tokenise + forward + normalise), as the
router's batcher calls it. Raw image: one preprocessed image through the CLIP encoder's
``encode_images`` (random ViT-B-32 weights unless real ones are configured: compute does not
depend on the weights). Both are the router's own encoder classes built from the same config —
same runtime and precision — so the ratios compare like with like. Raw text batch: one call of 8
queries; 8 single calls over it is ``text_batch_gain``, the forward's own batching gain.

Batched image: full CLIP batches laid out as the router's inference workers run them under load
(on a small CPU, one 1-thread forward per worker side by side; else one forward on all threads
or one GPU stream). Images/s batched over images/s one at a time is ``clip_batch_speedup``: what
batching the forward itself gains on this hardware, against which ``batching_gain`` (end to
end, where decoding and the rest of the request do not batch) can be read.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from mmrouter.config.schema import Config
from mmrouter.routing.mutations import rewrite_model

logger = logging.getLogger(__name__)


def median_time_s(fn: Callable[[], Any], repeats: int, warmup: int = 2) -> float:
    """Median wall time of ``fn()`` over ``repeats`` calls, after ``warmup`` untimed calls."""
    return statistics.median(time_calls(fn, repeats, warmup))


def time_calls(fn: Callable[[], Any], repeats: int, warmup: int = 2) -> list[float]:
    """Wall time of each of ``repeats`` calls of ``fn()``, after ``warmup`` untimed calls (a
    call must finish its device work itself: the encoders return host arrays)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


@dataclass
class RawEncoders:
    """The router's own encoder objects, loaded in the bench process (load once, time later)."""

    device: str
    text_encoder: Any
    image_encoder: Any
    pixels: Any  # one preprocessed 512x512 noise image
    architecture: str
    weights: str  # where the CLIP weights came from ("random", "checkpoint", …)

    def time_text_ms(self, repeats: int, batch: int = 1) -> list[float]:
        """ms per ``encode`` call of ``batch`` distinct short queries."""
        queries = iter(f"How do I reverse a list in Python? ({i})" for i in range(10**7))
        times = time_calls(lambda: self.text_encoder.encode([next(queries) for _ in range(batch)]),
                           repeats)
        return [t * 1000.0 for t in times]

    def time_image_ms(self, repeats: int, batch: int = 1, warmup: int = 2) -> list[float]:
        """ms per ``encode_images`` call of ``batch`` copies of the image (encode_images returns
        host arrays: on CUDA the copy back synchronises each call)."""
        pixels = [self.pixels] * batch
        times = time_calls(lambda: self.image_encoder.encode_images(pixels), repeats, warmup)
        return [t * 1000.0 for t in times]

    def close(self) -> None:
        self.text_encoder = self.image_encoder = self.pixels = None  # type: ignore[assignment]
        gc.collect()


def load_raw_encoders(config: Config) -> RawEncoders:
    """The text encoder and the CLIP encoder exactly as the router loads them (same precision,
    same runtimes, random weights where the config says so)."""
    import numpy as np
    from PIL import Image

    from mmrouter.images.clip import ClipEncoder
    from mmrouter.core.runtime import load_text_encoder

    enc = config.image_encoder
    if not enc.enabled:  # the router runs no CLIP: time a random-weight tower all the same
        config = config.replace(image_encoder=dataclasses.replace(
            enc, enabled=True, pretrained="random", checkpoint=None))
    text = load_text_encoder(config)
    image = ClipEncoder(config)
    pixels = image.preprocess(Image.fromarray(
        np.random.default_rng(7).integers(0, 256, (512, 512, 3), dtype=np.uint8)))
    logger.info("raw encoders loaded (text %s as %s, image %s on %s as %s)", text.name,
                getattr(text, "runtime", "?"), image.name, image.device, image.dtype)
    return RawEncoders(device=image.device, text_encoder=text, image_encoder=image,
                       pixels=pixels, architecture=config.image_encoder.architecture,
                       weights=image.weights.source)


TEXT_BATCH = 8  # queries per timed text batch
CPU_BATCH = 8  # images per timed CPU batch: per-image cost is flat from ~8 up (ViT-B-32 here)


@dataclass(frozen=True)
class BatchLayout:
    """How the router runs CLIP batches under load (see :mod:`mmrouter.core.inference`)."""

    workers: int
    cpus: int
    gpu_batch: int
    repeats: int


def time_batched_images(encoders: RawEncoders, layout: BatchLayout) -> dict[str, Any]:
    """Images/s of full CLIP batches run the way the router's workers run them under load:
    on a CPU with several workers, 1-thread forwards side by side on that many threads (at most
    one per CPU); else one forward at a time with this thread's thread count (or one GPU
    stream). Called on the thread that runs the router's forwards in the bench."""
    on_cpu = encoders.device == "cpu"
    side_by_side = min(layout.workers, layout.cpus) if on_cpu and layout.workers > 1 else 1
    batch = CPU_BATCH if on_cpu else max(1, layout.gpu_batch)
    if side_by_side == 1:
        import torch

        threads = torch.get_num_threads()
        batch_ms = statistics.median(encoders.time_image_ms(layout.repeats, batch, warmup=1))
    else:
        threads = 1
        batch_ms = _side_by_side_ms(encoders, batch, side_by_side, layout.repeats)
    return {"image_batch_size": batch, "image_batch_forward_ms": round(batch_ms, 3),
            "image_batch_threads": threads, "image_batch_side_by_side": side_by_side,
            "image_batched_rps": round(side_by_side * batch * 1000.0 / batch_ms, 2)}


def _side_by_side_ms(encoders: RawEncoders, batch: int, parallel: int, repeats: int) -> float:
    """Wall ms per batch while ``parallel`` 1-thread forwards run at once (each thread warms
    once, then all start together; the slowest thread's time counts)."""
    import torch

    pixels = [encoders.pixels] * batch
    start = threading.Barrier(parallel)

    def run() -> float:
        torch.set_num_threads(1)  # this thread's own OpenMP setting: no thread team
        encoders.image_encoder.encode_images(pixels)
        start.wait()
        t0 = time.perf_counter()
        for _ in range(max(1, repeats)):
            encoders.image_encoder.encode_images(pixels)
        return time.perf_counter() - t0

    with ThreadPoolExecutor(parallel, thread_name_prefix="bench-clip") as pool:
        walls = list(pool.map(lambda _: run(), range(parallel)))
    return 1000.0 * max(walls) / max(1, repeats)


def clip_batch_speedup(single_forward_ms: float | None, batched_rps: float | None) -> float | None:
    """Images/s in full batches over images/s one at a time (``1000 / single_forward_ms``)."""
    if not single_forward_ms or not batched_rps:
        return None
    return round(batched_rps * single_forward_ms / 1000.0, 3)


def time_raw_encoders(config: Config, repeats: int, batch_repeats: int,
                      threads: int | None) -> dict[str, Any]:
    """Load and time the router's encoders on one worker thread, as the router's worker 0 runs
    them (a second thread calling torch would start a second OpenMP team: see
    :mod:`mmrouter.core.inference`)."""
    from mmrouter.core.inference import InferencePool, cpu_count
    from mmrouter.core.runtime import inference_workers

    layout = BatchLayout(workers=inference_workers(config), cpus=cpu_count(),
                         gpu_batch=config.image_encoder.max_batch_size, repeats=batch_repeats)
    inference = InferencePool()
    try:
        encoders = inference.run(load_raw_encoders, config)
        raw = inference.run(_time_raw, encoders, repeats, threads, layout)
    finally:
        inference.close()
    logger.info("raw encoders: %s", raw)
    return raw


def _time_raw(encoders: Any, repeats: int, threads: int | None,
              layout: BatchLayout) -> dict[str, Any]:
    """Median forward times; with no thread setting, the faster of torch's default and 1 thread.
    Then full CLIP batches as the router's workers run them, and ``clip_batch_speedup``.

    On an oversubscribed CPU, two intra-op threads can stall on each other (seen here: a MiniLM
    query at ~490 ms with 2 threads, ~13 ms with 1), so the raw baseline is the best of both:
    the strict denominator for image_added_ratio.
    """
    import torch

    previous = torch.get_num_threads()
    settings = [threads] if threads else list(dict.fromkeys([previous, 1]))
    try:
        runs = {n: _time_raw_once(encoders, repeats, n, torch) for n in settings}
        torch.set_num_threads(threads or previous)
        batched = time_batched_images(encoders, layout)
    finally:
        torch.set_num_threads(previous)
        encoders.close()
    best = {key: min(r[key] for r in runs.values()) for key in next(iter(runs.values()))}
    best["text_batch_gain"] = max(r["text_batch_gain"] for r in runs.values())
    batched["clip_batch_speedup"] = clip_batch_speedup(best["image_forward_ms"],
                                                       batched["image_batched_rps"])
    return {**best, **batched, "by_threads": {str(n): r for n, r in runs.items()},
            "image_architecture": encoders.architecture, "image_weights": encoders.weights,
            "device": encoders.device,
            "repeats": repeats, "torch_threads": settings}


def _time_raw_once(encoders: Any, repeats: int, threads: int, torch: Any) -> dict[str, float]:
    torch.set_num_threads(threads)
    text, image = encoders.time_text_ms(repeats), encoders.time_image_ms(repeats)
    text_batch = statistics.median(encoders.time_text_ms(max(3, repeats // 4), TEXT_BATCH))
    return {"text_forward_ms": round(statistics.median(text), 3),
            "text_batch8_ms": round(text_batch, 3),
            # 8 single calls over one call of 8: what batching saves in the forward itself
            "text_batch_gain": round(TEXT_BATCH * statistics.median(text) / text_batch, 3),
            "text_forward_min_ms": round(min(text), 3),
            "image_forward_ms": round(statistics.median(image), 3),
            "image_forward_min_ms": round(min(image), 3)}


def rewrite_benchmark(body: bytes, new_model: str = "gpt-5-chat", repeats: int = 5) -> dict:
    """Exact splice rewrite of ``model`` vs json.loads + json.dumps of the whole body."""

    def reserialise() -> bytes:
        payload = json.loads(body)
        payload["model"] = new_model
        return json.dumps(payload, separators=(",", ":")).encode()

    spliced = rewrite_model(body, new_model)
    if json.loads(spliced) != json.loads(reserialise()):
        raise AssertionError("splice and re-serialisation disagree")
    splice_s = median_time_s(lambda: rewrite_model(body, new_model), repeats, warmup=1)
    json_s = median_time_s(reserialise, repeats, warmup=1)
    return {"body_bytes": len(body), "splice_ms": round(splice_s * 1000, 3),
            "json_reserialise_ms": round(json_s * 1000, 3),
            "json_over_splice_ratio": round(json_s / splice_s, 2) if splice_s > 0 else None}
