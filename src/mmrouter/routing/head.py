"""A fitted routing head: multinomial logistic regression over conversation features.

Features (see :class:`FeatureSpec`): the latest user turn's text embedding, optionally the
embedding of the bounded earlier context, hashed character n-grams of the latest turn (cheap,
and they carry keywords the English-only encoder misses in other languages), whether the turn
follows an assistant turn, image presence (latest turn, anywhere) and prompt length.
``mmrouter fit`` learns it from labelled conversations; the config references the file.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from mmrouter.learning.languages import is_english as _is_english
from mmrouter.routing.confidence import ConfidenceModel, confidence_features, feature_count
from mmrouter.routing.conversation import Conversation

logger = logging.getLogger(__name__)

FEATURE_VERSION = 2
EXTRA_FEATURES = ("follows_assistant", "latest_has_image", "any_image", "log_words")
_HASH_PRIME = np.uint64(1_000_003)
_HASH_MIX = np.uint64(0xFF51AFD7ED558CCD)
LANGUAGE_CHARS = 400  # of the latest turn, enough to tell its language


class HeadError(ValueError):
    """The head file is unreadable or does not match the configured routes/encoder."""


@dataclass(frozen=True)
class FeatureSpec:
    """How a conversation becomes a feature vector; saved with the head."""

    embedding_scale: float = 8.0
    use_context: bool = False
    ngram_min: int = 1
    ngram_max: int = 3
    ngram_dim: int = 4096
    ngram_scale: float = 2.0
    max_ngram_chars: int = 1000

    def size(self, dim: int) -> int:
        return dim * (2 if self.use_context else 1) + self.ngram_dim + len(EXTRA_FEATURES)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FeatureSpec":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def extra_features(conversation: Conversation) -> np.ndarray:
    words = len(conversation.latest_text.split())
    if conversation.latest_length > len(conversation.latest_text) > 0:  # a cut prefix: scale up
        words = round(words * conversation.latest_length / len(conversation.latest_text))
    return np.asarray([
        float(conversation.follows_assistant),
        float(bool(conversation.latest_images)),
        float(conversation.has_images),
        math.log1p(words) / 4.0,
    ], dtype=np.float32)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Probabilities over the last axis (the head's, the fit's and the temperature's)."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    out: np.ndarray = exp / exp.sum(axis=-1, keepdims=True)
    return out


def is_english(text: str) -> bool:
    """Whether the turn is English (a feature of the confidence model)."""
    return _is_english(text[:LANGUAGE_CHARS])


def char_ngrams(text: str, spec: FeatureSpec) -> np.ndarray:
    """L2-normalised log counts of hashed character n-grams (vectorised, deterministic)."""
    norm = " " + " ".join(text.lower().split())[:spec.max_ngram_chars] + " "
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    buckets = []
    for n in range(spec.ngram_min, spec.ngram_max + 1):
        if len(codes) < n:
            break
        h = np.full(len(codes) - n + 1, n, dtype=np.uint64)
        for j in range(n):
            h = h * _HASH_PRIME + codes[j:len(codes) - n + 1 + j]
        h ^= h >> np.uint64(33)
        h *= _HASH_MIX
        h ^= h >> np.uint64(29)
        buckets.append(h % np.uint64(spec.ngram_dim))
    counts = np.bincount(np.concatenate(buckets).astype(np.int64) if buckets else
                         np.zeros(0, np.int64), minlength=spec.ngram_dim).astype(np.float32)
    counts = np.log1p(counts)
    total = float(np.linalg.norm(counts))
    return counts / total if total > 0 else counts


def build_features(conversation: Conversation, latest: np.ndarray, context: np.ndarray | None,
                   spec: FeatureSpec = FeatureSpec()) -> np.ndarray:
    parts = [spec.embedding_scale * latest]
    if spec.use_context:
        ctx = context if context is not None else np.zeros_like(latest)
        parts.append(spec.embedding_scale * ctx)
    parts.append(spec.ngram_scale * char_ngrams(conversation.latest_text, spec))
    parts.append(extra_features(conversation))
    return np.concatenate(parts).astype(np.float32)


@dataclass
class RoutingHead:
    routes: tuple[str, ...]
    weights: np.ndarray  # (n_routes, n_features)
    bias: np.ndarray  # (n_routes,)
    thresholds: dict[str, float] = field(default_factory=dict)
    text_encoder: str = ""
    spec: FeatureSpec = field(default_factory=FeatureSpec)
    meta: dict[str, Any] = field(default_factory=dict)
    confidence: ConfidenceModel | None = None  # calibrated P(right); None: the top probability

    def features(self, conversation: Conversation, latest: np.ndarray,
                 context: np.ndarray | None) -> np.ndarray:
        return build_features(conversation, latest, context, self.spec)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Route probabilities for one feature vector (or a batch, one row each)."""
        proba: np.ndarray = softmax(features @ self.weights.T + self.bias).astype(np.float32)
        return proba

    def decision_confidence(self, conversation: Conversation, probs: np.ndarray, decided: int,
                            abstained: bool) -> float:
        """The probability that deciding ``decided`` from ``probs`` (the head's own route
        probabilities) is right, from the confidence model; without one (an older head file),
        or should it give no number, the top probability, as before calibration."""
        if self.confidence is not None:
            value = self.confidence.probability(confidence_features(
                probs, decided, abstained, extra_features(conversation),
                is_english(conversation.latest_text)))
            if math.isfinite(value):
                return value
        return float(np.max(probs))

    def check_routes(self, routes: Sequence[str]) -> None:
        if tuple(routes) != self.routes:
            raise HeadError(f"head was fitted for routes {list(self.routes)}, "
                            f"but the config has {list(routes)}; run `mmrouter fit` again")

    def check_encoder(self, name: str, dim: int) -> None:
        if self.weights.shape[1] != self.spec.size(dim):
            raise HeadError(f"head has {self.weights.shape[1]} features, but a {dim}-dim text "
                            f"encoder gives {self.spec.size(dim)}; run `mmrouter fit` again")
        if self.text_encoder and name and self.text_encoder != name:
            raise HeadError(f"head was fitted with text encoder '{self.text_encoder}', "
                            f"the config uses '{name}'; run `mmrouter fit` again")

    def save(self, path: str | Path) -> None:
        meta = dict(self.meta, feature_version=FEATURE_VERSION, text_encoder=self.text_encoder,
                    routes=list(self.routes), thresholds=self.thresholds,
                    features=asdict(self.spec))
        meta.pop("confidence", None)
        if self.confidence is not None:
            meta["confidence"] = self.confidence.as_dict()
        with open(path, "wb") as fh:
            np.savez_compressed(fh, weights=self.weights.astype(np.float32),
                                bias=self.bias.astype(np.float32),
                                meta=np.asarray(json.dumps(meta, sort_keys=True)))

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
        routes = tuple(meta.get("routes", ()))
        if weights.ndim != 2 or weights.shape[0] != len(routes) or bias.shape != (len(routes),):
            raise HeadError(f"{path}: weights {weights.shape} / bias {bias.shape} do not match "
                            f"{len(routes)} routes")
        confidence = ConfidenceModel.from_dict(meta.get("confidence"),
                                               feature_count(len(routes), len(EXTRA_FEATURES)))
        if meta.get("confidence") is not None and confidence is None:
            logger.warning("%s: its confidence model does not match this version; confidence "
                           "is the head's probability (run `mmrouter fit` again)", path)
        return cls(routes=routes, weights=weights, bias=bias,
                   thresholds={k: float(v) for k, v in meta.get("thresholds", {}).items()},
                   text_encoder=meta.get("text_encoder", ""),
                   spec=FeatureSpec.from_dict(meta.get("features", {})), meta=meta,
                   confidence=confidence)
