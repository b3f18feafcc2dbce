"""The in-memory store and the service around it: TTL, eviction, exact first, the guard."""

from __future__ import annotations

import asyncio
import json

import numpy as np

from mmrouter.cache.entry import Entry
from mmrouter.cache.keys import text_digest
from mmrouter.cache.memory import MemoryStore
from mmrouter.cache.service import Plan, build_cache
from mmrouter.config.schema import OPENAI_CHAT, CacheConfig
from mmrouter.core.metrics import Metrics


def unit(*values):
    v = np.asarray(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def entry(text, vector, key="k", expires=100.0, answer=b"{}"):
    return Entry(key=key, digest=text_digest(text), text=text, vector=vector, answer=answer,
                 expires=expires)


def test_exact_text_first_then_similar_above_threshold_and_never_expired():
    store = MemoryStore(max_entries=10, max_bytes=10**6)
    store.put(entry("a", unit(1, 0)), now=0)
    store.put(entry("b", unit(0.9, 0.1)), now=0)
    store.put(entry("c", unit(0, 1)), now=0)
    found = store.candidates("k", text_digest("a"), unit(1, 0), 0.9, now=1, limit=4)
    assert [c.text for c in found] == ["a", "b"] and found[0].exact and not found[1].exact
    assert store.candidates("other", text_digest("a"), unit(1, 0), 0.9, now=1, limit=4) == []
    assert store.candidates("k", text_digest("a"), unit(1, 0), 0.9, now=200, limit=4) == []
    store.put(entry("d", unit(1, 0), expires=300), now=200)  # a store sweeps expired entries
    assert len(store) == 1 and store.bytes == entry("d", unit(1, 0)).size


def test_eviction_by_entries_and_bytes_is_least_recently_used():
    store = MemoryStore(max_entries=2, max_bytes=10**6)
    for text in ("a", "b"):
        store.put(entry(text, None), now=0)
    store.candidates("k", text_digest("a"), None, 0.9, now=1, limit=4)  # a is now recent
    store.put(entry("c", None), now=0)
    assert {c.text for t in "abc" for c in store.candidates("k", text_digest(t), None, 0.9, 1, 4)} \
        == {"a", "c"}
    small = MemoryStore(max_entries=100, max_bytes=1000)
    for i in range(5):
        small.put(entry(str(i), None, answer=b"x" * 300), now=0)
    assert len(small) == 1 and small.bytes <= 1000


def test_removal_keeps_every_vector_with_its_entry():
    store = MemoryStore(max_entries=3, max_bytes=10**6)
    vectors = {t: unit(1, i, 0) for i, t in enumerate("abcde")}
    for t, v in vectors.items():
        store.put(entry(t, v), now=0)  # a and b evicted: rows swapped
    for t in "cde":
        found = store.candidates("k", "none", vectors[t], 0.999, now=1, limit=4)
        assert [c.text for c in found] == [t]


def test_replacing_an_entry_keeps_the_byte_count_right():
    store = MemoryStore(max_entries=10, max_bytes=10**6)
    for _ in range(3):
        store.put(entry("a", None, answer=b"x" * 100), now=0)
    assert len(store) == 1 and store.bytes == entry("a", None, answer=b"x" * 100).size


def plan(text, vector, threshold=0.9):
    return Plan(api=OPENAI_CHAT, key="k", digest=text_digest(text), text=text, vector=vector,
                threshold=threshold, stream=False, include_usage=False)


ANSWER = {"object": "chat.completion", "choices": [{"index": 0, "finish_reason": "stop",
          "message": {"role": "assistant", "content": "Paris."}}],
          "usage": {"completion_tokens": 2}}


def test_service_stores_complete_answers_and_the_guard_refuses_near_misses():
    metrics = Metrics()
    cache = build_cache(CacheConfig(enabled=True), metrics)

    async def run():
        cache.store_later(plan("What is the capital of France?", unit(1, 0)),
                          json.dumps(ANSWER).encode(), streamed=False)
        cut = {**ANSWER, "choices": [{**ANSWER["choices"][0], "finish_reason": "length"}]}
        cache.store_later(plan("other", unit(0, 1)), json.dumps(cut).encode(), streamed=False)
        await cache.drain()
        same = await cache.lookup(plan("what is the capital of france", unit(0.99, 0.05)))
        near = await cache.lookup(plan("What is the capital of Germany?", unit(0.99, 0.05)))
        return same, near
    same, near = asyncio.run(run())
    assert same is not None and json.loads(same.answer)["choices"][0]["message"]["content"] == "Paris."
    assert near is None
    r = metrics.registry
    assert r.get_sample_value("mmrouter_cache_stores_total",
                              {"result": "stored", "backend": "memory"}) == 1
    assert r.get_sample_value("mmrouter_cache_stores_total",
                              {"result": "not_complete", "backend": "memory"}) == 1
    assert r.get_sample_value("mmrouter_cache_tokens_saved_total", {"backend": "memory"}) == 2
