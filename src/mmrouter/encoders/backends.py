"""The two forwards behind the text encoder: ONNX Runtime (CPU) and torch (CUDA, or CPU on request).

Both take padded ``ids`` and ``mask`` (rows x tokens, int64) and return each row's pooled vector
(float32, not normalised). Neither spins: ONNX Runtime's intra-op threads are told not to
(``session.intra_op.allow_spinning`` 0), and with one thread (the default) a forward runs on
the calling thread alone, so two forwards can run side by side on two workers.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

import numpy as np

from mmrouter.encoders.prepared import ModelFileError, PreparedModel

logger = logging.getLogger(__name__)

ONNX_FILES = {"int8": "model.int8.onnx", "fp32": "model.fp32.onnx"}
TORCH_DTYPES = {"fp32": "float32", "fp16": "float16", "bf16": "bfloat16"}


class Backend(Protocol):
    device: str
    precision: str

    def pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray: ...


class OnnxBackend:
    """ONNX Runtime on the CPU; the word embeddings come from a memory-mapped table."""

    device = "cpu"

    def __init__(self, prepared: PreparedModel, precision: str, threads: int) -> None:
        import onnxruntime as ort

        if precision not in ONNX_FILES:
            raise ValueError(f"the onnx runtime runs int8 or fp32, not {precision}")
        self.precision = precision
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3  # no warnings about initializers it folds away
        # Neither the arena nor memory patterns: inputs come in every length, and with them one
        # text of 1,400 tokens left the process ~500 MB larger for good (measured here); without
        # them, 50 MB. Weight prepacking stays: without it a forward took twice as long.
        options.enable_cpu_mem_arena = False
        options.enable_mem_pattern = False
        path = prepared.file(ONNX_FILES[precision])
        # the top-level files it loads: its graph, the embedding table, the tokenizer
        prepared.verify(skip=tuple(f for p, f in ONNX_FILES.items() if p != precision))
        try:
            self._session = ort.InferenceSession(str(path), options,
                                                 providers=["CPUExecutionProvider"])
            self._table = np.load(prepared.file("embeddings.npy"), mmap_mode="r")
        except Exception as exc:  # noqa: BLE001 - ORT raises its own types; name the file
            raise ModelFileError(f"text encoder: cannot load {path}: {exc}") from None

    def pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        embeds = np.asarray(self._table[ids], dtype=np.float32)
        out = self._session.run(["pooled"], {"inputs_embeds": embeds, "attention_mask": mask})
        return np.asarray(out[0], dtype=np.float32)


class TorchBackend:
    """transformers ``AutoModel`` from the prepared Hugging Face folder (fp16 on CUDA)."""

    def __init__(self, prepared: PreparedModel, device: str, precision: str, pooling: str) -> None:
        import torch

        if precision not in TORCH_DTYPES:
            raise ValueError(f"the torch runtime runs fp32, fp16 or bf16, not {precision}")
        self._torch = torch
        self.device, self.precision, self._pooling = device, precision, pooling
        dtype = getattr(torch, TORCH_DTYPES[precision])
        if prepared.model_folder.parent == prepared.folder:
            prepared.verify(prefix=f"{prepared.model_folder.name}/")
        try:
            model = load_pretrained(prepared.model_folder, dtype)
        except Exception as exc:  # noqa: BLE001 - name the folder whatever went wrong
            raise ModelFileError(f"text encoder: cannot load {prepared.model_folder}: {exc}") from None
        self._model: Any = model.to(device).eval()

    def pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        torch = self._torch
        with torch.inference_mode():
            ids_t = torch.from_numpy(ids).to(self.device, non_blocking=True)
            mask_t = torch.from_numpy(mask).to(self.device, non_blocking=True)
            hidden = self._model(input_ids=ids_t, attention_mask=mask_t).last_hidden_state.float()
            return pool(hidden, mask_t, self._pooling).cpu().numpy()


def pool(hidden: Any, mask: Any, pooling: str) -> Any:
    """Token states (rows x tokens x dim, torch) -> one vector a row, not normalised: the first
    token's (``cls``) or the mean over the tokens ``mask`` keeps (``mean``). The ONNX graphs are
    exported with this same function."""
    if pooling == "cls":
        return hidden[:, 0]
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)


def load_pretrained(folder: Any, dtype: Any) -> Any:
    """transformers ``AutoModel`` from a local folder, without its progress bar and load report
    (a sentence encoder has no pooler: the report would call its absence a problem)."""
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    return transformers.AutoModel.from_pretrained(str(folder), dtype=dtype)
