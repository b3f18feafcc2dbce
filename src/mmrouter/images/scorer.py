"""Per-route image scores (placeholder until the CLIP path lands: image presence only)."""

from __future__ import annotations

import logging
from typing import Callable

from mmrouter.config import Config
from mmrouter.core import ImageScorer
from mmrouter.metrics import Metrics

logger = logging.getLogger(__name__)


def build_image_scorer(config: Config, metrics: Metrics,
                       sink: Callable[..., None]) -> ImageScorer | None:
    reason = "CLIP image scoring is not built yet; routing uses image presence"
    logger.warning("image encoder unavailable: %s", reason)
    metrics.encoder_info.labels("image", config.image_encoder.architecture, "unavailable",
                                reason).set(1)
    sink("image_encoder", "unavailable", reason=reason, fallback="image_presence")
    return None
