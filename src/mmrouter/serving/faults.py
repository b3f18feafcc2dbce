"""Fault injection for drills (SIGTERM with requests in flight, overload): opt-in by environment.

``MMROUTER_FAULT_CLASSIFY_DELAY_MS=N`` makes every classification take N ms longer (a sleep on
the event loop, inside the classification deadline), so that a drill can hold real requests in
flight through a real Envoy. Never set it in production: the server logs a warning when it is.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any, Mapping

logger = logging.getLogger(__name__)

CLASSIFY_DELAY_ENV = "MMROUTER_FAULT_CLASSIFY_DELAY_MS"


def classify_delay_s(environ: Mapping[str, str] = os.environ) -> float:
    raw = environ.get(CLASSIFY_DELAY_ENV, "").strip()
    try:
        return max(0.0, float(raw) / 1000.0) if raw else 0.0
    except ValueError:
        logger.warning("%s=%r is not a number; ignored", CLASSIFY_DELAY_ENV, raw)
        return 0.0


def inject_faults(core: Any, environ: Mapping[str, str] = os.environ) -> None:
    """Wrap ``core.classify`` with the configured delay (nothing when none is set)."""
    delay = classify_delay_s(environ)
    if delay <= 0:
        return
    logger.warning("FAULT INJECTION: every classification is delayed by %.0f ms (%s)",
                   delay * 1000, CLASSIFY_DELAY_ENV)
    classify = core.classify

    @functools.wraps(classify)
    async def delayed(*args: Any, **kwargs: Any) -> Any:
        await asyncio.sleep(delay)
        return await classify(*args, **kwargs)

    core.classify = delayed
