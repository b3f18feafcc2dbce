"""The response cache on Milvus end to end: a real milvus-lite server in its own process, a
real Envoy and mmrouter; entries outlive an mmrouter restart, a store that is down is a miss."""

from __future__ import annotations

import time

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from cache_support import metric, payload, post, wait_stored, stored
from milvus_support import MilvusLite

pytestmark = pytest.mark.e2e
TEXT = "Tell me a fun fact about otters (milvus)"


def milvus_stack(uri: str) -> LocalStack:
    data = default_config_data()
    data["cache"] = {"enabled": True, "backend": "milvus", "timeout_ms": 500,
                     "milvus": {"uri": uri, "collection": "e2e"}}
    return LocalStack(data).start()


def lookup_errors(stack) -> float:
    return sum(metric(stack, "mmrouter_cache_errors_total", operation="lookup", kind=k,
                      backend="milvus") for k in ("timeout", "unavailable", "error"))


def wait_loaded(stack, timeout: float = 30.0) -> None:
    """Until a lookup completes: the new process loads the collection at start, and a lookup
    before that is over is a (counted) timeout miss. Probes ask other questions."""
    deadline = time.monotonic() + timeout
    for i in range(1000):
        before = lookup_errors(stack)
        post(stack, "chat", payload("chat", f"Probe question number {i} about otters"))
        if lookup_errors(stack) == before:
            return
        assert time.monotonic() < deadline, "the Milvus collection did not load in time"
        time.sleep(0.2)


def test_entries_survive_a_restart_and_a_down_store_is_a_miss(tmp_path):
    milvus = MilvusLite(tmp_path / "milvus").start()
    try:
        first = milvus_stack(milvus.uri)
        try:
            before = stored(first, "milvus")
            miss = post(first, "chat", payload("chat", TEXT, stream=True))
            assert miss.status_code == 200 and miss.headers["x-mmrouter-cache"] == "miss"
            wait_stored(first, before, "milvus")
            hit = post(first, "chat", payload("chat", TEXT))
            assert hit.headers["x-mmrouter-cache"] == "hit"
            assert post(first, "anthropic", payload("anthropic", TEXT)).headers[
                "x-mmrouter-cache"] == "miss"  # another API, another key
        finally:
            first.stop()
        second = milvus_stack(milvus.uri)  # a new mmrouter (and Envoy): the rows are kept
        try:
            wait_loaded(second)
            again = post(second, "chat", payload("chat", TEXT))
            assert again.headers["x-mmrouter-cache"] == "hit"
            assert again.json()["choices"][0]["message"]["content"] == \
                hit.json()["choices"][0]["message"]["content"]
            milvus.stop()
            down = post(second, "chat", payload("chat", TEXT))
            assert down.status_code == 200 and down.headers["x-mmrouter-cache"] == "miss"
            errors = sum(metric(second, "mmrouter_cache_errors_total", operation="lookup",
                                kind=k, backend="milvus")
                         for k in ("timeout", "unavailable", "error"))
            assert errors >= 1
            assert metric(second, "mmrouter_cache_lookups_total", result="hit",
                          backend="milvus") == 1
        finally:
            second.stop()
    finally:
        milvus.stop()
