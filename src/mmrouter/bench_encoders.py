"""The benchmark's in-process micro-benchmarks: raw encoder forwards and the body rewrite.

Raw text: one short query through the text encoder (tokenise + forward + normalise), as the
router's batcher calls it. Raw image: one forward of a preprocessed image through the CLIP
image tower (random ViT-B-32 weights: compute does not depend on the weights), fp16 on CUDA.
"""

from __future__ import annotations

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


def median_time_s(fn: Callable[[], Any], repeats: int, warmup: int = 2,
                  sync: Callable[[], None] | None = None) -> float:
    """Median wall time of ``fn()`` over ``repeats`` calls, after ``warmup`` untimed calls."""
    return statistics.median(time_calls(fn, repeats, warmup, sync))


def time_calls(fn: Callable[[], Any], repeats: int, warmup: int = 2,
               sync: Callable[[], None] | None = None) -> list[float]:
    """Wall time of each of ``repeats`` calls of ``fn()``, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    if sync is not None:
        sync()
    times = []
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        fn()
        if sync is not None:
            sync()
        times.append(time.perf_counter() - t0)
    return times


@dataclass
class RawEncoders:
    """Encoders loaded in the bench process (load once, time later)."""

    device: str
    text_encoder: Any
    clip_model: Any
    image_tensor: Any
    architecture: str

    def time_text_ms(self, repeats: int) -> list[float]:
        queries = iter(f"How do I reverse a list in Python? ({i})" for i in range(10**6))
        times = time_calls(lambda: self.text_encoder.encode([next(queries)]), repeats)
        return [t * 1000.0 for t in times]

    def time_image_ms(self, repeats: int) -> list[float]:
        import torch

        sync = torch.cuda.synchronize if self.device.startswith("cuda") else None

        def forward() -> None:
            with torch.inference_mode():
                self.clip_model.encode_image(self.image_tensor)

        return [t * 1000.0 for t in time_calls(forward, repeats, sync=sync)]

    def close(self) -> None:
        self.text_encoder = self.clip_model = self.image_tensor = None  # type: ignore[assignment]
        gc.collect()


def load_raw_encoders(config: Config) -> RawEncoders:
    """Load the text encoder and a random-weight CLIP image tower on the configured device."""
    import numpy as np
    import open_clip
    import torch
    from PIL import Image

    from mmrouter.encoders.text import SentenceTransformerEncoder, resolve_device

    device = resolve_device(config.image_encoder.device)
    text = SentenceTransformerEncoder(config.text_encoder.model,
                                      device=resolve_device(config.text_encoder.device),
                                      max_seq_length=config.text_encoder.max_seq_length)
    enc = config.image_encoder
    if enc.model_config:
        open_clip.add_model_config(enc.model_config)
    model = image_tower(open_clip, enc.architecture).to(device).eval()
    pixels = np.random.default_rng(7).integers(0, 256, (512, 512, 3), dtype=np.uint8)
    preprocess = open_clip.image_transform(model.visual.image_size, is_train=False)
    tensor = preprocess(Image.fromarray(pixels)).unsqueeze(0).to(device)
    if device.startswith("cuda"):
        model, tensor = model.half(), tensor.half()
    logger.info("raw encoders loaded on %s (text %s, image %s random weights)", device,
                text.name, enc.architecture)
    return RawEncoders(device=device, text_encoder=text, clip_model=model, image_tensor=tensor,
                       architecture=enc.architecture)


class _ImageTower:
    """Just CLIP's vision tower (random weights), with the ``encode_image`` call of the model."""

    def __init__(self, visual: Any) -> None:
        self.visual = visual

    def to(self, device: str) -> "_ImageTower":
        self.visual = self.visual.to(device)
        return self

    def eval(self) -> "_ImageTower":
        self.visual.eval()
        return self

    def half(self) -> "_ImageTower":
        self.visual = self.visual.half()
        return self

    def encode_image(self, images: Any) -> Any:
        return self.visual(images)


def image_tower(open_clip: Any, architecture: str) -> Any:
    """The architecture's vision tower alone (skips building the unused text tower)."""
    try:
        from open_clip.model import _build_vision_tower

        cfg = open_clip.get_model_config(architecture)
        return _ImageTower(_build_vision_tower(cfg["embed_dim"], cfg["vision_cfg"],
                                               quick_gelu=cfg.get("quick_gelu", False)))
    except (ImportError, KeyError, TypeError) as exc:  # private API moved: build the full model
        logger.info("building the full %s model for the raw timing (%s)", architecture, exc)
        return open_clip.create_model(architecture, pretrained=None)


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
