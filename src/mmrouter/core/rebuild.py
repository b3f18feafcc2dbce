"""Build a RouterCore for a changed config, reusing the loaded parts whose config is unchanged.

A hot reload (:mod:`mmrouter.serving.reload`) calls :func:`rebuild_core` off the event loop while
the old core keeps serving. What is reused:

- the text encoder, its micro-batcher and the inference pool, when ``text_encoder``, the
  inference settings of ``server`` and ``routing.max_queue`` are unchanged (the usual case:
  routes, utterances, thresholds, models, the head); the route anchors are re-embedded with it;
- the CLIP scorer as it is, when ``image_encoder``, ``images``, the routes and the queue size
  are unchanged; else a new scorer around the same CLIP model when only routes or image input
  limits changed (its anchors re-embedded); else a freshly loaded CLIP model.

Anything not reused is built new; :func:`retire` later closes exactly the old core's parts the
new one does not share.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from mmrouter.config.schema import Config
from mmrouter.core.metrics import Metrics
from mmrouter.core.router import ImageScorer, RouterCore
from mmrouter.routing.classifier import Classifier, RouteIndex

logger = logging.getLogger(__name__)

INFERENCE_SERVER_FIELDS = ("torch_threads", "inference_workers", "busy_release_threads")


@dataclass(frozen=True)
class Reuse:
    """Which loaded parts a new config can share with the live core (pure comparison)."""

    text: bool  # encoder, text batcher, inference pool
    image_scorer: bool  # the whole CLIP scorer (anchors, cache, batcher, decode pool)
    image_model: bool  # the CLIP model only

    def describe(self) -> dict[str, str]:
        image = ("reused" if self.image_scorer else
                 "re-anchored" if self.image_model else "rebuilt")
        return {"text_encoder": "reused" if self.text else "reloaded", "image_encoder": image,
                "routes": "re-embedded", "head": "reloaded"}


def plan_reuse(live: Config, new: Config) -> Reuse:
    text = (live.text_encoder == new.text_encoder
            and live.routing.max_queue == new.routing.max_queue
            and all(getattr(live.server, f) == getattr(new.server, f)
                    for f in INFERENCE_SERVER_FIELDS))
    image_model = text and live.image_encoder == new.image_encoder
    image_scorer = (image_model and live.images == new.images and live.routes == new.routes)
    return Reuse(text=text, image_scorer=image_scorer, image_model=image_model)


def rebuild_core(live: RouterCore, config: Config, metrics: Metrics, *,
                 full_build: Callable[[Config], RouterCore],
                 image_scorer_factory: Callable[..., ImageScorer | None] | None = None,
                 status: Callable[..., None] | None = None) -> RouterCore:
    """A started core for ``config`` (blocking: call it off the event loop). The live core is
    left untouched and serving; hand it to :func:`retire` once the new one is swapped in.
    ``full_build`` builds a core from nothing (as at start-up) when the text side changed."""
    from mmrouter.core.runtime import attach_inference_hooks, load_head

    reuse = plan_reuse(live.config, config)
    encoder = getattr(live, "text_encoder", None)
    if not reuse.text or encoder is None or live.inference is None:
        return full_build(config)
    inference = live.inference
    index = inference.run(RouteIndex.build, config.routes, encoder)
    classifier = Classifier(config, index, load_head(config, encoder))
    scorer = _image_scorer(live, config, metrics, reuse, image_scorer_factory, status)
    core = RouterCore(config, classifier, live.text_batcher, metrics, image_scorer=scorer,
                      inference=inference)
    core.text_encoder = encoder
    attach_inference_hooks(core)
    return core


def _image_scorer(live: RouterCore, config: Config, metrics: Metrics, reuse: Reuse,
                  factory: Callable[..., ImageScorer | None] | None,
                  status: Callable[..., None] | None) -> ImageScorer | None:
    old = live.image_scorer
    if reuse.image_scorer:
        return old
    embedder = getattr(old, "embedder", None)
    if reuse.image_model and embedder is not None:
        from mmrouter.images.scorer import ClipImageScorer

        return ClipImageScorer(config, embedder, metrics, live.inference)
    if factory is None:
        return None
    return factory(config, metrics, status or (lambda *a, **k: None), inference=live.inference)


def retire(old: RouterCore, *keep: RouterCore) -> list[str]:
    """Close the parts of ``old`` that none of the cores in ``keep`` (the serving one, and older
    ones still finishing streams) shares; the names of what was closed."""
    closed: list[str] = []
    scorers = {id(core.image_scorer) for core in keep}
    if old.image_scorer is not None and id(old.image_scorer) not in scorers:
        _close(old.image_scorer, "image scorer", closed)
    if all(old.text_batcher is not core.text_batcher for core in keep):
        old.text_batcher.stop()
        closed.append("text batcher")
    if old.inference is not None and all(old.inference is not core.inference for core in keep):
        old.inference.close()
        closed.append("inference pool")
    return closed


def _close(part: Any, name: str, closed: list[str]) -> None:
    closer = getattr(part, "close", None)
    if closer is not None:
        closer()
        closed.append(name)
