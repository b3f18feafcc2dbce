"""The Milvus store against a real server (milvus-lite's, in its own process, on loopback)."""

from __future__ import annotations

import asyncio
import json
import time

import numpy as np
import pytest

from mmrouter.cache.entry import Entry
from mmrouter.cache.keys import text_digest
from mmrouter.cache.milvus import MilvusStore, StoreUnavailable
from mmrouter.cache.service import Plan, build_cache
from mmrouter.config.schema import OPENAI_CHAT, CacheConfig, MilvusCacheConfig
from mmrouter.core.metrics import Metrics

from milvus_support import MilvusLite


@pytest.fixture
def milvus(tmp_path):
    server = MilvusLite(tmp_path / "milvus").start()
    yield server
    server.stop()


def unit(*values):
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def entry(text, vector, expires, answer=b'{"a": 1}'):
    return Entry(key="k" * 64, digest=text_digest(text), text=text, vector=vector,
                 answer=answer, expires=expires, output_tokens=3)


def store_for(server, max_entries=100, collection="c1"):
    return MilvusStore(MilvusCacheConfig(uri=server.uri, collection=collection), max_entries,
                       timeout_s=5.0)


def test_entries_match_survive_a_new_client_and_expire(milvus):
    now = time.time()
    store = store_for(milvus)
    store.put(entry("a", unit(1, 0, 0), now + 100), now)
    store.put(entry("b", unit(0.95, 0.3, 0), now + 100), now)
    store.put(entry("old", unit(1, 0.01, 0), now - 1), now)
    store.close()
    again = store_for(milvus)  # as after an mmrouter restart
    found = again.candidates("k" * 64, text_digest("a"), unit(1, 0, 0), 0.9, time.time(), 4)
    assert [c.text for c in found] == ["a", "b"] and found[0].exact and found[0].output_tokens == 3
    assert again.candidates("k" * 64, text_digest("a"), None, 0.9, time.time(), 4)[0].exact
    assert again.candidates("x" * 64, text_digest("a"), unit(1, 0, 0), 0.9, time.time(), 4) == []
    assert again.candidates("k" * 64, text_digest("a"), unit(1, 0, 0), 0.9, now + 200, 4) == []


def test_eviction_keeps_the_newest_max_entries(milvus):
    store = store_for(milvus, max_entries=3, collection="c2")
    start = time.time()
    for i in range(5):
        store.put(entry(f"t{i}", unit(1, i, 0), start + 100), start + i)
    assert store.count() == 3
    texts = {c.text for c in store.candidates("k" * 64, text_digest("t0"), unit(1, 2, 0), 0.0,
                                              time.time(), 10)}
    assert texts == {"t2", "t3", "t4"}


def test_a_server_that_is_down_or_paused_is_a_counted_miss(milvus, tmp_path):
    metrics = Metrics()
    config = CacheConfig(enabled=True, backend="milvus", timeout_ms=1000,
                         milvus=MilvusCacheConfig(uri=milvus.uri, collection="c3"))
    cache = build_cache(config, metrics, dim=2)
    plan = Plan(api=OPENAI_CHAT, key="k" * 64, digest=text_digest("q"), text="q",
                vector=unit(1, 0), threshold=0.9, stream=False, include_usage=False)
    answer = {"choices": [{"index": 0, "finish_reason": "stop",
                           "message": {"role": "assistant", "content": "x"}}]}

    async def run():
        cache.store_later(plan, json.dumps(answer).encode(), streamed=False)
        await cache.drain()
        hit = await cache.lookup(plan)
        milvus.pause()
        started = time.perf_counter()
        paused = await cache.lookup(plan)
        waited = time.perf_counter() - started
        milvus.stop()
        down = await cache.lookup(plan)
        return hit, paused, waited, down
    hit, paused, waited, down = asyncio.run(run())
    cache.close()
    assert hit is not None and paused is None and down is None
    assert waited < 2.5  # the 1 s timeout, not the paused server, decided
    r = metrics.registry
    assert r.get_sample_value("mmrouter_cache_errors_total", {
        "operation": "lookup", "kind": "timeout", "backend": "milvus"}) == 1
    errors = sum(r.get_sample_value("mmrouter_cache_errors_total", {
        "operation": "lookup", "kind": k, "backend": "milvus"}) or 0
        for k in ("unavailable", "error", "timeout"))
    assert errors == 2


def test_an_unreachable_uri_fails_fast(tmp_path):
    from milvus_support import free_port

    store = MilvusStore(MilvusCacheConfig(uri=f"http://127.0.0.1:{free_port()}"), 10, 0.5)
    with pytest.raises(StoreUnavailable):
        store.candidates("k", "d", None, 0.9, time.time(), 4)
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable):
        store.candidates("k", "d", None, 0.9, time.time(), 4)
    assert time.perf_counter() - started < 0.1
