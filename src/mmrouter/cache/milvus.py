"""The Milvus store, through pymilvus (blocking calls; the service runs them on its own threads
with a timeout). One collection: one row per (match key, latest text), inner product on the
L2-normalised routing embeddings (= cosine), TTL as an ``expires`` field filtered on every
lookup, eviction of the oldest rows past ``max_entries`` on store. Rows outlive mmrouter."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from typing import Any

import numpy as np

from mmrouter.cache.entry import Candidate, Entry
from mmrouter.config.schema import MilvusCacheConfig

logger = logging.getLogger(__name__)

MAX_VARCHAR = 65535  # Milvus's VARCHAR limit: longer answers or texts are not stored
RECONNECT_S = 1.0  # after a failed connection, calls fail at once for this long
WRITE_TIMEOUT_S = 5.0  # stores, collection set-up and eviction: off the request path
OUTPUT = ["digest", "text", "answer", "tokens"]


class StoreUnavailable(RuntimeError):
    """The store cannot be reached now (a miss for the request)."""


class MilvusStore:
    name = "milvus"

    def __init__(self, config: MilvusCacheConfig, max_entries: int, timeout_s: float,
                 dim: int | None = None) -> None:
        self.config, self.max_entries, self.timeout_s = config, max_entries, timeout_s
        self.write_timeout_s = max(timeout_s, WRITE_TIMEOUT_S)
        self.dim = dim
        self._client: Any = None
        self._ready = False
        self._failed_at = 0.0
        self._lock = threading.Lock()
        self._setup = threading.Lock()  # one thread creates or loads the collection

    def _connect(self) -> Any:
        with self._lock:
            if self._client is not None:
                return self._client
            if time.monotonic() - self._failed_at < RECONNECT_S:
                raise StoreUnavailable(f"Milvus at {self.config.uri} is unreachable (retrying)")
            from pymilvus import MilvusClient

            token = os.environ.get(self.config.token, "") if self.config.token else ""
            try:
                self._client = MilvusClient(uri=self.config.uri, token=token,
                                            timeout=self.write_timeout_s)
            except Exception as exc:  # noqa: BLE001 - pymilvus raises several kinds
                self._failed_at = time.monotonic()
                raise StoreUnavailable(f"cannot connect to Milvus at {self.config.uri}: "
                                       f"{exc}") from exc
            return self._client

    def _collection(self, dim: int | None) -> Any:
        client = self._connect()
        if self._ready:
            return client
        with self._setup:
            return client if self._ready else self._set_up(client, dim)

    def _set_up(self, client: Any, dim: int | None) -> Any:
        name = self.config.collection
        try:
            if client.has_collection(name, timeout=self.write_timeout_s):
                fields = client.describe_collection(name, timeout=self.write_timeout_s)["fields"]
                self.dim = next(int(f["params"]["dim"]) for f in fields if f["name"] == "vector")
                client.load_collection(name, timeout=self.write_timeout_s)
            elif dim is None and self.dim is None:
                return None
            else:
                self.dim = self.dim or dim
                self._create(client, name)
        except StoreUnavailable:
            raise
        except Exception:
            self._drop_client()
            raise
        self._ready = True
        return client

    def _create(self, client: Any, name: str) -> None:
        from pymilvus import DataType, MilvusClient

        schema = MilvusClient.create_schema(auto_id=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
        schema.add_field("key", DataType.VARCHAR, max_length=64)
        schema.add_field("digest", DataType.VARCHAR, max_length=64)
        schema.add_field("text", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("answer", DataType.VARCHAR, max_length=MAX_VARCHAR)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=self.dim)
        schema.add_field("expires", DataType.INT64)
        schema.add_field("created", DataType.INT64)
        schema.add_field("tokens", DataType.INT64)
        index = client.prepare_index_params()
        index.add_index(field_name="vector", index_type="FLAT", metric_type="IP")
        client.create_collection(name, schema=schema, index_params=index,
                                 timeout=self.write_timeout_s)
        logger.info("created the Milvus cache collection %s (dim %d)", name, self.dim)

    def _drop_client(self) -> None:
        with self._lock:
            self._client, self._ready, self._failed_at = None, False, time.monotonic()

    def candidates(self, key: str, digest: str, vector: np.ndarray | None, threshold: float,
                   now: float, limit: int) -> list[Candidate]:
        client = self._collection(None)
        if client is None:
            return []
        alive = f'key == "{key}" and expires > {int(now * 1000)}'
        try:
            if vector is None or vector.shape[0] != self.dim:
                rows = client.query(self.config.collection, filter=f'{alive} and digest == '
                                    f'"{digest}"', output_fields=OUTPUT, timeout=self.timeout_s)
                return [_candidate(r, 1.0, digest) for r in rows]
            hits = client.search(self.config.collection, data=[vector.tolist()], filter=alive,
                                 limit=limit + 1, output_fields=OUTPUT,
                                 search_params={"metric_type": "IP"}, timeout=self.timeout_s)
        except Exception:
            self._drop_client()
            raise
        found = [_candidate(h["entity"], float(h["distance"]), digest) for h in hits[0]]
        found = [c for c in found if c.exact or c.score >= threshold]
        return sorted(found, key=lambda c: (not c.exact, -c.score))[:limit + 1]

    def put(self, entry: Entry, now: float) -> None:
        if len(entry.answer) > MAX_VARCHAR or len(entry.text.encode()) > MAX_VARCHAR:
            return
        dim = None if entry.vector is None else int(entry.vector.shape[0])
        client = self._collection(dim)
        if client is None or (dim is not None and dim != self.dim):
            return
        vector = entry.vector.tolist() if entry.vector is not None else [0.0] * int(self.dim or 0)
        row = {"id": hashlib.sha256(f"{entry.key}:{entry.digest}".encode()).hexdigest(),
               "key": entry.key, "digest": entry.digest, "text": entry.text,
               "answer": entry.answer.decode("utf-8"), "vector": vector,
               "expires": int(entry.expires * 1000), "created": int(now * 1000),
               "tokens": entry.output_tokens}
        try:
            client.upsert(self.config.collection, [row], timeout=self.write_timeout_s)
            self._evict(client, now)
        except Exception:
            self._drop_client()
            raise

    def _evict(self, client: Any, now: float) -> None:
        name = self.config.collection
        client.delete(name, filter=f"expires <= {int(now * 1000)}", timeout=self.write_timeout_s)
        count = client.query(name, filter="", output_fields=["count(*)"],
                             timeout=self.write_timeout_s)[0]["count(*)"]
        if count <= self.max_entries:
            return
        rows = client.query(name, filter='id != ""', output_fields=["id", "created"],
                            limit=int(count), timeout=self.write_timeout_s)
        oldest = sorted(rows, key=lambda r: r["created"])[:int(count) - self.max_entries]
        ids = ", ".join(f'"{r["id"]}"' for r in oldest)
        client.delete(name, filter=f"id in [{ids}]", timeout=self.write_timeout_s)

    def warm(self) -> None:
        """Connect and load the collection (at start, off the request path)."""
        try:
            client = self._collection(self.dim)
            if client is not None:
                client.query(self.config.collection, filter='id == ""', output_fields=["id"],
                             timeout=self.write_timeout_s)
        except Exception as exc:  # noqa: BLE001 - lookups count and log their own failures
            logger.warning("the Milvus cache at %s is not reachable yet: %s", self.config.uri,
                           exc)

    def count(self) -> int:
        client = self._collection(None)
        if client is None:
            return 0
        rows = client.query(self.config.collection, filter="", output_fields=["count(*)"],
                            timeout=self.timeout_s)
        return int(rows[0]["count(*)"])

    def close(self) -> None:
        with self._lock:
            client, self._client, self._ready = self._client, None, False
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - closing a dead connection
                logger.debug("closing the Milvus client failed", exc_info=True)


def _candidate(row: dict[str, Any], score: float, digest: str) -> Candidate:
    return Candidate(text=row["text"], score=score, answer=row["answer"].encode("utf-8"),
                     output_tokens=int(row.get("tokens") or 0), exact=row["digest"] == digest)
