"""One text encoder for every model: a prepared model folder, its tokenizer, and a backend.

``load_model_encoder`` prepares the model (once, cached: :mod:`mmrouter.encoders.prepared`),
picks the runtime — ONNX Runtime on a CPU (int8, where it was verified against fp32 at build), torch
fp16 on CUDA (``runtime: auto``) — and
checks at load that the probe texts embed as they did when the model was prepared. Tokens,
windows and pooling are the same whatever the backend.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import numpy as np

from mmrouter.encoders import l2_normalise, select_device
from mmrouter.encoders.backends import Backend, OnnxBackend, TorchBackend
from mmrouter.encoders.prepared import ModelFileError, PreparedModel, prepare
from mmrouter.encoders.tokens import Tokens, batches

logger = logging.getLogger(__name__)

SAME_RUNTIME_COSINE = 0.999  # probe rows vs those recorded by the same runtime and precision
OTHER_RUNTIME_COSINE = 0.995  # torch (fp16, another device) vs the recorded fp32 rows


class ModelTextEncoder:
    """``encode(texts)`` -> L2-normalised float32 rows, through ``backend``."""

    def __init__(self, prepared: PreparedModel, backend: Backend,
                 max_text_tokens: int | None = None) -> None:
        manifest = prepared.manifest
        # Content tokens embedded per text (start and end; None: all, in windows).
        self.max_text_tokens = max_text_tokens
        self.name = prepared.name
        self.dim = int(manifest["dim"])
        self.prepared = prepared
        self.backend = backend
        self.tokens = Tokens(prepared.folder, manifest["prompt"], int(manifest["max_tokens"]),
                             int(manifest["pad_id"]))
        kind = "onnx" if isinstance(backend, OnnxBackend) else "torch"
        # Its forwards use threads of their own (not torch's): the core gives it its own workers.
        self.own_threads = isinstance(backend, OnnxBackend)
        self.runtime = f"{kind} {backend.precision} on {backend.device}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.max_text_tokens)

    def _encode(self, texts: Sequence[str], limit: int | None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self.tokens.rows(texts, limit)
        pooled = np.empty((len(rows.ids), self.dim), dtype=np.float32)
        for index, ids, mask in batches(rows.ids, self.tokens.pad_id):
            pooled[index] = self.backend.pooled(ids, mask)
        if len(rows.ids) == len(texts):  # one window each, in order
            return l2_normalise(pooled)
        combined = np.zeros((len(texts), self.dim), dtype=np.float32)
        np.add.at(combined, rows.owner, pooled * rows.weight[:, None])
        return l2_normalise(combined)

    def verify(self) -> None:
        """Raise :class:`ModelFileError` unless the probe texts embed as recorded at build."""
        probe = self.prepared.manifest["probe"]
        same = isinstance(self.backend, OnnxBackend)
        reference = np.asarray(probe[self.backend.precision if same else "fp32"], np.float32)
        cosine = (self._encode(probe["texts"], None) * reference).sum(1)  # as recorded: whole
        floor = SAME_RUNTIME_COSINE if same else OTHER_RUNTIME_COSINE
        if float(cosine.min()) < floor:
            raise ModelFileError(f"text encoder: {self.prepared.folder} embeds its probe texts "
                                 f"differently than when it was prepared (cosine "
                                 f"{float(cosine.min()):.4f} < {floor}); delete the folder to "
                                 f"rebuild it")


def load_model_encoder(model: str, *, runtime: str = "auto", device: str = "auto",
                       precision: str = "auto", threads: int = 1,
                       cache_dir: str | Path | None = None,
                       max_text_tokens: int | None = None) -> ModelTextEncoder:
    """Prepare ``model`` and load it in the chosen runtime (see the module docstring);
    ``max_text_tokens`` bounds the tokens embedded per text (see encoders/tokens.py)."""
    prepared = prepare(model, Path(cache_dir) if cache_dir else None)
    device = select_device(device)
    if runtime == "auto":
        runtime = "onnx" if device == "cpu" else "torch"
    if runtime == "onnx":
        if device != "cpu":
            raise ModelFileError(f"text_encoder: the onnx runtime runs on the CPU, not {device}")
        backend: Backend = OnnxBackend(prepared, _onnx_precision(prepared, precision), threads)
    else:
        from mmrouter.encoders import select_dtype

        dtype = select_dtype(precision, device)
        short = {"float32": "fp32", "float16": "fp16", "bfloat16": "bf16"}[dtype]
        backend = TorchBackend(prepared, device, short, prepared.manifest["pooling"])
    encoder = ModelTextEncoder(prepared, backend, max_text_tokens)
    encoder.verify()
    logger.info("text encoder %s: %s (%s, dim %d)", encoder.name, encoder.runtime,
                prepared.folder, encoder.dim)
    return encoder


def _onnx_precision(prepared: PreparedModel, precision: str) -> str:
    """``auto``: int8 when it agreed with fp32 on every probe text at build, else fp32."""
    if precision != "auto":
        return precision
    if prepared.manifest["probe"].get("int8_verified"):
        return "int8"
    logger.warning("text encoder %s: its int8 graph did not agree with fp32 on the probe texts "
                   "(see the build log); running fp32", prepared.name)
    return "fp32"
