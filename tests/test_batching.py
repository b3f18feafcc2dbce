"""The micro-batcher: coalescing, ordering, errors and the overload state."""

from __future__ import annotations

import asyncio
import threading

import pytest

from mmrouter.batching import MicroBatcher
from mmrouter.errors import Overloaded


def test_concurrent_submissions_coalesce_and_keep_order():
    batches: list[int] = []
    observed: list[tuple[str, int]] = []

    def fn(items):
        batches.append(len(items))
        return [i * 10 for i in items]

    batcher = MicroBatcher(fn, name="t", max_batch_size=8, max_wait_s=0.05,
                           observer=lambda n, size, wait: observed.append((n, size)))
    batcher.start()
    try:
        results = asyncio.run(_gather(batcher, range(16)))
    finally:
        batcher.stop()
    assert results == [i * 10 for i in range(16)]
    assert max(batches) > 1 and sum(batches) == 16 and max(batches) <= 8
    assert sum(size for _, size in observed) == 16


async def _gather(batcher, items):
    return await asyncio.gather(*(batcher.submit(i) for i in items))


def test_errors_reach_every_waiter():
    def fn(items):
        raise RuntimeError("boom")

    batcher = MicroBatcher(fn, name="t", max_batch_size=4, max_wait_s=0.01)
    batcher.start()
    try:
        async def main():
            return await asyncio.gather(*(batcher.submit(i) for i in range(3)),
                                        return_exceptions=True)
        results = asyncio.run(main())
    finally:
        batcher.stop()
    assert all(isinstance(r, RuntimeError) for r in results)


def test_full_queue_raises_overloaded():
    gate = threading.Event()

    def fn(items):
        gate.wait(5)
        return list(items)

    batcher = MicroBatcher(fn, name="t", max_batch_size=1, max_wait_s=0.0, max_queue=2)
    batcher.start()

    async def main():
        tasks = [asyncio.ensure_future(batcher.submit(0))]
        await asyncio.sleep(0.1)  # the worker now holds item 0
        tasks += [asyncio.ensure_future(batcher.submit(i)) for i in (1, 2)]
        await asyncio.sleep(0.05)  # items 1 and 2 fill the queue
        assert batcher.depth == 2
        with pytest.raises(Overloaded):
            await batcher.submit(99)
        gate.set()
        return await asyncio.gather(*tasks)

    try:
        assert asyncio.run(main()) == [0, 1, 2]
    finally:
        gate.set()
        batcher.stop()
