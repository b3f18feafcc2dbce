"""The benchmark's in-process micro-benchmarks: raw encoder forwards and the body rewrite.

Raw text: one short query through the text encoder (tokenise + forward + normalise), as the
router's batcher calls it. Raw image: one preprocessed image through the CLIP encoder's
``encode_images`` (random ViT-B-32 weights unless real ones are configured: compute does not
depend on the weights). Both are the router's own encoder classes built from the same config —
same precision, same traced forwards — so the ratios compare like with like.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import statistics
import time
from dataclasses import dataclass
from typing import Any, Callable

from mmrouter.config import Config
from mmrouter.mutations import rewrite_model

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

    def time_text_ms(self, repeats: int) -> list[float]:
        queries = iter(f"How do I reverse a list in Python? ({i})" for i in range(10**6))
        times = time_calls(lambda: self.text_encoder.encode([next(queries)]), repeats)
        return [t * 1000.0 for t in times]

    def time_image_ms(self, repeats: int) -> list[float]:
        # encode_images returns host arrays: on CUDA the copy back synchronises each call.
        times = time_calls(lambda: self.image_encoder.encode_images([self.pixels]), repeats)
        return [t * 1000.0 for t in times]

    def close(self) -> None:
        self.text_encoder = self.image_encoder = self.pixels = None  # type: ignore[assignment]
        gc.collect()


def load_raw_encoders(config: Config) -> RawEncoders:
    """The text encoder and the CLIP encoder exactly as the router loads them (same precision,
    same traced forwards, random weights where the config says so)."""
    import numpy as np
    from PIL import Image

    from mmrouter.images.clip import ClipEncoder
    from mmrouter.runtime import load_text_encoder

    enc = config.image_encoder
    if not enc.enabled:  # the router runs no CLIP: time a random-weight tower all the same
        config = config.replace(image_encoder=dataclasses.replace(
            enc, enabled=True, pretrained="random", checkpoint=None))
    text = load_text_encoder(config)
    image = ClipEncoder(config)
    pixels = image.preprocess(Image.fromarray(
        np.random.default_rng(7).integers(0, 256, (512, 512, 3), dtype=np.uint8)))
    logger.info("raw encoders loaded (text %s as %s, image %s on %s as %s)", text.name,
                getattr(text, "dtype", "?"), image.name, image.device, image.dtype)
    return RawEncoders(device=image.device, text_encoder=text, image_encoder=image,
                       pixels=pixels, architecture=config.image_encoder.architecture,
                       weights=image.weights.source)


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
