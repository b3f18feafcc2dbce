"""The in-memory store: LRU by entries and bytes, TTL checked on lookup (one event loop)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from mmrouter.cache.entry import Candidate, Entry


class MemoryStore:
    name = "memory"

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._lru: OrderedDict[tuple[str, str], Entry] = OrderedDict()
        self._by_key: dict[str, dict[str, Entry]] = {}
        self._bytes = 0
        self._lock = threading.Lock()  # the service may call from worker threads too

    def __len__(self) -> int:
        return len(self._lru)

    @property
    def bytes(self) -> int:
        return self._bytes

    def candidates(self, key: str, digest: str, vector: np.ndarray | None, threshold: float,
                   now: float, limit: int) -> list[Candidate]:
        with self._lock:
            group = self._by_key.get(key)
            if not group:
                return []
            for entry in [e for e in group.values() if e.expires <= now]:
                self._remove(entry)
            out: list[Candidate] = []
            same = group.get(digest)
            if same is not None:
                self._lru.move_to_end((key, digest))
                out.append(_candidate(same, 1.0, exact=True))
            others = [e for e in group.values() if e.digest != digest and e.vector is not None]
            if vector is None or not others:
                return out
            scores = np.stack([e.vector for e in others]) @ vector  # type: ignore[misc]
            order = np.argsort(-scores)[:limit]
            out.extend(_candidate(others[i], float(scores[i]), exact=False)
                       for i in order if scores[i] >= threshold)
            return out

    def put(self, entry: Entry, now: float) -> None:
        if entry.size > self.max_bytes:
            return
        with self._lock:
            old = self._lru.get((entry.key, entry.digest))
            if old is not None:
                self._remove(old)
            self._lru[(entry.key, entry.digest)] = entry
            self._by_key.setdefault(entry.key, {})[entry.digest] = entry
            self._bytes += entry.size
            while len(self._lru) > self.max_entries or self._bytes > self.max_bytes:
                self._remove(next(iter(self._lru.values())))

    def _remove(self, entry: Entry) -> None:
        self._lru.pop((entry.key, entry.digest), None)
        group = self._by_key.get(entry.key)
        if group is not None and group.pop(entry.digest, None) is not None:
            self._bytes -= entry.size
            if not group:
                del self._by_key[entry.key]

    def warm(self) -> None:
        """Nothing to prepare."""

    def close(self) -> None:
        with self._lock:
            self._lru.clear()
            self._by_key.clear()
            self._bytes = 0


def _candidate(entry: Entry, score: float, exact: bool) -> Candidate:
    return Candidate(text=entry.text, score=score, answer=entry.answer,
                     output_tokens=entry.output_tokens, exact=exact)
