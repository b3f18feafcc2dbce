"""A SLOW text encoder for fault drills: the real multilingual-e5-small (the runtime), plus a sleep.

Configured with ``text_encoder.factory: slow_encoder_support:slow_e5`` in a drill's config, in a
router process whose PYTHONPATH holds this folder (:func:`slow_encoder_env`). Only batches made
entirely of the drill's text (``SLOW_ENCODER_TEXT``) sleep, for ``SLOW_ENCODER_DELAY_MS``:
route anchors and warm-up probes are never all that text, so start-up and the admission
estimates it learns there are unchanged, while the drill's requests are held in flight inside
the real inference workers.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

DELAY_ENV, TEXT_ENV = "SLOW_ENCODER_DELAY_MS", "SLOW_ENCODER_TEXT"
FACTORY = "slow_encoder_support:slow_e5"


class SlowEncoder:
    """Delegates to ``inner``; sleeps ``delay_s`` before a batch that is all ``text``."""

    def __init__(self, inner: Any, delay_s: float, text: str) -> None:
        self.inner, self.delay_s, self.text = inner, delay_s, text
        self.name, self.dim = inner.name, inner.dim  # the packaged head checks both

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if texts and all(t == self.text for t in texts):
            time.sleep(self.delay_s)
        return self.inner.encode(texts)


def slow_e5(config: Any) -> SlowEncoder:
    from mmrouter.core.runtime import load_text_encoder

    inner = load_text_encoder(config.replace(text_encoder=dataclasses.replace(
        config.text_encoder, factory=None)))
    return SlowEncoder(inner, float(os.environ[DELAY_ENV]) / 1000.0, os.environ[TEXT_ENV])


def slow_encoder_env(delay_ms: float, text: str) -> dict[str, str]:
    """The environment a router process needs to load :func:`slow_e5`."""
    here = str(Path(__file__).resolve().parent)
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    return {"PYTHONPATH": path, DELAY_ENV: str(delay_ms), TEXT_ENV: text}
