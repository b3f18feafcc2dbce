"""A fitted routing head: multinomial logistic regression over conversation features.

Features: the latest user turn's text embedding, the embedding of the bounded earlier context,
whether the turn follows an assistant turn, image presence (latest turn, anywhere), and prompt
length. ``mmrouter fit`` learns it from labelled conversations; the config references the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from mmrouter.conversation import Conversation

FEATURE_VERSION = 1
EXTRA_FEATURES = ("follows_assistant", "latest_has_image", "any_image", "log_words")


class HeadError(ValueError):
    """The head file is unreadable or does not match the configured routes/encoder."""


def extra_features(conversation: Conversation) -> np.ndarray:
    words = len(conversation.latest_text.split())
    return np.asarray([
        float(conversation.follows_assistant),
        float(bool(conversation.latest_images)),
        float(conversation.has_images),
        math.log1p(words) / 4.0,
    ], dtype=np.float32)


def build_features(conversation: Conversation, latest: np.ndarray,
                   context: np.ndarray | None) -> np.ndarray:
    ctx = context if context is not None else np.zeros_like(latest)
    return np.concatenate([latest, ctx, extra_features(conversation)]).astype(np.float32)


@dataclass
class RoutingHead:
    routes: tuple[str, ...]
    weights: np.ndarray  # (n_routes, n_features)
    bias: np.ndarray  # (n_routes,)
    thresholds: dict[str, float] = field(default_factory=dict)
    text_encoder: str = ""
    meta: dict = field(default_factory=dict)

    def features(self, conversation: Conversation, latest: np.ndarray,
                 context: np.ndarray | None) -> np.ndarray:
        return build_features(conversation, latest, context)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Route probabilities for one feature vector (or a batch, one row each)."""
        logits = features @ self.weights.T + self.bias
        logits = logits - logits.max(axis=-1, keepdims=True)
        exp = np.exp(logits)
        return (exp / exp.sum(axis=-1, keepdims=True)).astype(np.float32)

    def check_routes(self, routes: Sequence[str]) -> None:
        if tuple(routes) != self.routes:
            raise HeadError(f"head was fitted for routes {list(self.routes)}, "
                            f"but the config has {list(routes)}; run `mmrouter fit` again")

    def check_encoder(self, name: str, dim: int) -> None:
        expected = self.weights.shape[1] - len(EXTRA_FEATURES)
        if expected != 2 * dim:
            raise HeadError(f"head expects {expected // 2}-dim text embeddings, encoder gives {dim}")
        if self.text_encoder and name and self.text_encoder != name:
            raise HeadError(f"head was fitted with text encoder '{self.text_encoder}', "
                            f"the config uses '{name}'; run `mmrouter fit` again")

    def save(self, path: str | Path) -> None:
        meta = dict(self.meta, feature_version=FEATURE_VERSION, text_encoder=self.text_encoder,
                    routes=list(self.routes), thresholds=self.thresholds)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, weights=self.weights.astype(np.float32),
                                bias=self.bias.astype(np.float32),
                                meta=np.asarray(json.dumps(meta)))

    @classmethod
    def load(cls, path: str | Path) -> "RoutingHead":
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                weights, bias = data["weights"], data["bias"]
        except (OSError, KeyError, ValueError) as exc:
            raise HeadError(f"cannot read routing head {path}: {exc}") from exc
        if meta.get("feature_version") != FEATURE_VERSION:
            raise HeadError(f"{path}: feature version {meta.get('feature_version')} is not "
                            f"{FEATURE_VERSION}; run `mmrouter fit` again")
        return cls(routes=tuple(meta["routes"]), weights=weights, bias=bias,
                   thresholds={k: float(v) for k, v in meta.get("thresholds", {}).items()},
                   text_encoder=meta.get("text_encoder", ""), meta=meta)
