"""Image-input metrics, registered once per injected registry (cache hits use ``Metrics.image_cache``)."""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter

from mmrouter.core.metrics import Metrics

_LOCK = threading.Lock()
_BY_REGISTRY: "weakref.WeakKeyDictionary[CollectorRegistry, ImageMetrics]" = \
    weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class ImageMetrics:
    invalid: Counter  # labels: reason, policy
    fetches: Counter  # labels: result

    @classmethod
    def for_registry(cls, metrics: Metrics) -> "ImageMetrics":
        with _LOCK:
            found = _BY_REGISTRY.get(metrics.registry)
            if found is None:
                found = cls(
                    invalid=Counter("mmrouter_invalid_images",
                                    "Images that could not be used, by reason and on_invalid policy",
                                    ["reason", "policy"], registry=metrics.registry),
                    fetches=Counter("mmrouter_image_fetches",
                                    "Image URL fetch attempts, by result", ["result"],
                                    registry=metrics.registry))
                _BY_REGISTRY[metrics.registry] = found
            return found
