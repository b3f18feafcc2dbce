"""Encoders turn text and images into L2-normalised float32 embeddings."""

from __future__ import annotations

import logging
from typing import Protocol, Sequence

import numpy as np

logger = logging.getLogger(__name__)

PRECISIONS = {"fp32": "float32", "fp16": "float16", "bf16": "bfloat16"}


class TextEncoder(Protocol):
    """Embeds texts; rows are L2-normalised float32."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


def select_device(requested: str) -> str:
    """``auto``: CUDA when torch sees a GPU, else the CPU; anything else as given."""
    if requested != "auto":
        return requested
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes bf16 in hardware (AMX tiles or AVX512-BF16), per torch."""
    import torch

    for probe in ("_is_amx_tile_supported", "_is_avx512_bf16_supported"):
        check = getattr(getattr(torch, "cpu", None), probe, None)
        try:
            if check is not None and check():
                return True
        except Exception:  # noqa: BLE001 - a private probe that moved means "don't know": no
            logger.debug("torch.cpu.%s failed", probe, exc_info=True)
    return False


def select_dtype(precision: str, device: str) -> str:
    """A torch dtype name. ``auto``: fp16 on CUDA; bf16 on a CPU with native bf16, where it
    runs the encoders 2-4x faster than fp32 (embeddings agree to cosine > 0.999); else fp32."""
    if precision != "auto":
        return PRECISIONS[precision]
    if device.startswith("cuda"):
        return "float16"
    return "bfloat16" if device == "cpu" and cpu_has_native_bf16() else "float32"
