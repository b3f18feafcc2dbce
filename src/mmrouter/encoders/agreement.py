"""Whether a forward in reduced precision (or traced) agrees with the fp32 eager one."""

from __future__ import annotations

import logging

import numpy as np

logger = logging.getLogger(__name__)

MIN_COSINE = 0.999  # a reduced-precision forward vs the fp32 eager one, every probe row


def agrees(candidate: np.ndarray, reference: np.ndarray, *, exact_tolerance: float | None,
           what: str) -> bool:
    """Whether a forward (traced, or in reduced precision) matches the fp32 eager rows: max
    difference ≤ the tolerance (fp32), or every row's cosine ≥ MIN_COSINE (reduced precision).
    Logs either way."""
    if exact_tolerance is not None:
        diff = float(np.abs(candidate - reference).max())
        ok, shown = diff <= exact_tolerance, f"max difference {diff:.1e}"
    else:
        cosine = float(np.min(np.sum(unit(candidate) * unit(reference), axis=1)))
        ok, shown = cosine >= MIN_COSINE, f"min cosine {cosine:.5f}"
    if ok:
        logger.info("%s verified against fp32 eager (%s)", what, shown)
    else:
        logger.warning("%s differs from fp32 eager (%s)", what, shown)
    return ok


def unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float64)
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
