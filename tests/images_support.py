"""Shared helpers for the image tests: generated fixtures, a tiny open_clip model (no tests here)."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from mmrouter.config.schema import Config, load_config

TINY_ARCH = "mmr-tiny-clip"
TINY_MODEL_CFG = {
    "embed_dim": 32,
    "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "patch_size": 8, "head_width": 32},
    "text_cfg": {"context_length": 77, "vocab_size": 49408, "width": 64, "heads": 2, "layers": 2},
}


def gradient_image(width: int = 96, height: int = 64, seed: int = 0, mode: str = "RGB") -> Image.Image:
    """A deterministic, textured test image (gradients plus noise)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([x * 255 // max(1, width - 1), y * 255 // max(1, height - 1),
                     (x + y) * 255 // max(1, width + height - 2)], axis=-1)
    noise = rng.integers(0, 40, size=(height, width, 3))
    pixels = np.clip(base + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, "RGB").convert(mode)


def encode(image: Image.Image, fmt: str, **save_args: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def image_part(data: bytes, mime: str = "image/png") -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": data_uri(data, mime)}}


def png(seed: int = 0, size: tuple[int, int] = (96, 64)) -> bytes:
    return encode(gradient_image(*size, seed=seed), "PNG")


def write_tiny_clip(folder: Path, seed: int = 0) -> tuple[Path, Path]:
    """(model config JSON, checkpoint) of a tiny open_clip architecture with random weights."""
    import open_clip
    import torch

    folder.mkdir(parents=True, exist_ok=True)
    cfg_path = folder / f"{TINY_ARCH}.json"
    cfg_path.write_text(json.dumps(TINY_MODEL_CFG))
    open_clip.add_model_config(cfg_path)
    torch.manual_seed(seed)
    model = open_clip.create_model(TINY_ARCH, pretrained=None)
    checkpoint = folder / "tiny-clip.pt"
    torch.save(model.state_dict(), checkpoint)
    return cfg_path, checkpoint


def tiny_config(cfg_path: Path, checkpoint: Path, base: Config | None = None, **images: Any) -> Config:
    base = base or load_config()
    encoder = dataclasses.replace(base.image_encoder, architecture=TINY_ARCH,
                                  model_config=str(cfg_path), checkpoint=str(checkpoint),
                                  pretrained=None, max_wait_ms=1.0)
    return base.replace(image_encoder=encoder, images=dataclasses.replace(base.images, **images))


@pytest.fixture(scope="module")
def tiny_clip(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_tiny_clip(tmp_path_factory.mktemp("tiny-clip"))


def sample(metrics: Any, name: str, labels: dict[str, str] | None = None) -> float:
    value = metrics.registry.get_sample_value(name, labels or {})
    return 0.0 if value is None else value
