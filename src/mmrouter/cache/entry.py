"""A cache entry and a lookup candidate (plain values shared by the stores)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(frozen=True)
class Entry:
    key: str  # match key (keys.match_key)
    digest: str  # of the latest turn's text (keys.text_digest)
    text: str  # the latest turn's text, for the guard
    vector: np.ndarray | None  # its routing embedding (L2-normalised); None: exact matches only
    answer: bytes  # the stored answer (JSON)
    expires: float  # wall-clock time (time.time())
    output_tokens: int = 0

    @property
    def size(self) -> int:
        return len(self.answer) + len(self.text.encode("utf-8", "replace")) + 256


@dataclass(frozen=True)
class Candidate:
    text: str
    score: float  # cosine to the request's latest turn (1.0 for the same text)
    answer: bytes
    output_tokens: int
    exact: bool


class Store(Protocol):
    """A backend; blocking calls (the service bounds their time)."""

    name: str

    def candidates(self, key: str, digest: str, vector: np.ndarray | None, threshold: float,
                   now: float, limit: int) -> list[Candidate]:
        """The entry of the same text first (if any), then up to ``limit`` others of the same
        key whose cosine is at least ``threshold``, best first; expired entries never."""
        ...

    def put(self, entry: Entry, now: float) -> None: ...

    def warm(self) -> None:
        """Connect and prepare (called once, off the request path)."""
        ...

    def close(self) -> None: ...
