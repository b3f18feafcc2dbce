"""Route scoring and the routing decision, given embeddings (pure numpy, no I/O).

Text scores come either from route anchors (each route's description and example utterances,
embedded once at start-up; a route scores its best-matching anchor) or from a fitted routing
head (see :mod:`mmrouter.head`). Image scores, when an image encoder runs, are per-route cosine
similarities in CLIP's own space. Fusion is per route: multimodal routes mix text and image
scores with their weights, text-only routes use text alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from mmrouter.config import Config, RouteConfig
from mmrouter.conversation import Conversation
from mmrouter.encoders import TextEncoder
from mmrouter.head import RoutingHead

IMAGE_PRESENCE_SCORE = 1.0  # image score of multimodal routes when only image presence is known


@dataclass(frozen=True)
class RouteScore:
    route: str
    text: float
    image: float | None
    fused: float

    def as_dict(self) -> dict[str, float | None]:
        return {"text": round(self.text, 6),
                "image": None if self.image is None else round(self.image, 6),
                "fused": round(self.fused, 6)}


@dataclass(frozen=True)
class Classification:
    route: str
    confidence: float
    scores: tuple[RouteScore, ...]
    method: str  # "anchors" | "head" | "explicit"
    image_mode: str = "none"  # "none" | "presence" | "clip"
    abstained: bool = False
    image_count: int = 0
    encoders: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class RouteIndex:
    """Anchor embeddings of every route, computed once."""

    routes: tuple[str, ...]
    anchors: np.ndarray  # (n_anchors, dim)
    owner: np.ndarray  # (n_anchors,) route index of each anchor

    @classmethod
    def build(cls, routes: Sequence[RouteConfig], encoder: TextEncoder) -> "RouteIndex":
        texts: list[str] = []
        owner: list[int] = []
        for index, route in enumerate(routes):
            for text in (route.description, *route.utterances):
                texts.append(text)
                owner.append(index)
        return cls(routes=tuple(r.name for r in routes), anchors=encoder.encode(texts),
                   owner=np.asarray(owner, dtype=np.int64))

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Per route, the best cosine similarity of ``query`` with its anchors."""
        sims = self.anchors @ query
        best = np.full(len(self.routes), -1.0, dtype=np.float32)
        np.maximum.at(best, self.owner, sims)
        return best


class Classifier:
    def __init__(self, config: Config, index: RouteIndex, head: RoutingHead | None = None) -> None:
        self.config = config
        self.index = index
        self.head = head
        if head is not None:
            head.check_routes(index.routes)

    @property
    def method(self) -> str:
        return "head" if self.head is not None else "anchors"

    def text_scores(self, conversation: Conversation, latest: np.ndarray,
                    context: np.ndarray | None) -> np.ndarray:
        if self.head is not None:
            return self.head.predict(self.head.features(conversation, latest, context))
        return self.index.scores(latest)

    def classify(self, conversation: Conversation, latest: np.ndarray,
                 context: np.ndarray | None = None,
                 image_scores: np.ndarray | None = None) -> Classification:
        text = self.text_scores(conversation, latest, context)
        image_mode = "clip" if image_scores is not None else (
            "presence" if conversation.latest_images else "none")
        # A fitted head already saw image presence among its features: no second bonus.
        presence_bonus = self.head is None
        scores = fuse(self.config.routes, text, image_scores, image_mode, presence_bonus)
        route, confidence, abstained = decide(self.config.routes, scores, self._thresholds(),
                                              self.config.routing.fallback_route)
        return Classification(route=route, confidence=confidence, scores=scores,
                              method=self.method, image_mode=image_mode, abstained=abstained,
                              image_count=conversation.image_count)

    def _thresholds(self) -> dict[str, float]:
        fitted = dict(self.head.thresholds) if self.head is not None else {}
        for route in self.config.routes:
            if route.threshold is not None:
                fitted[route.name] = route.threshold
        return fitted


def fuse(routes: Sequence[RouteConfig], text: np.ndarray, image: np.ndarray | None,
         image_mode: str, presence_bonus: bool = True) -> tuple[RouteScore, ...]:
    """Per-route fusion; image scores only count for multimodal routes."""
    out = []
    for i, route in enumerate(routes):
        t = float(text[i])
        img: float | None = None
        if route.multimodal_enabled and image_mode == "clip" and image is not None:
            img = float(image[i])
        elif route.multimodal_enabled and image_mode == "presence" and presence_bonus:
            img = IMAGE_PRESENCE_SCORE
        if img is None:
            fused = t
        else:
            total = route.text_weight + route.image_weight
            fused = (route.text_weight * t + route.image_weight * img) / total
        out.append(RouteScore(route=route.name, text=t, image=img, fused=fused))
    return tuple(out)


def decide(routes: Sequence[RouteConfig], scores: Sequence[RouteScore],
           thresholds: dict[str, float], fallback: str) -> tuple[str, float, bool]:
    """Highest fused score wins; below its threshold the request abstains to ``fallback``."""
    best = max(scores, key=lambda s: s.fused)
    threshold = thresholds.get(best.route)
    if threshold is not None and best.fused < threshold and best.route != fallback:
        return fallback, best.fused, True
    return best.route, best.fused, False
