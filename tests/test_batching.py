"""The micro-batcher: coalescing, ordering, errors and the overload state."""

from __future__ import annotations

import asyncio
import threading

import pytest

from mmrouter.batching import InferenceThread, MicroBatcher
from mmrouter.errors import Overloaded


def test_concurrent_submissions_coalesce_and_keep_order():
    batches: list[int] = []
    observed: list[tuple[str, int]] = []

    def fn(items):
        batches.append(len(items))
        return [i * 10 for i in items]

    batcher = MicroBatcher(fn, name="t", max_batch_size=8, max_wait_s=0.05, idle_gap_s=0.01,
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


def test_closed_caller_loop_does_not_kill_the_worker():
    gate = threading.Event()

    def fn(items):
        gate.wait(5)
        return list(items)

    batcher = MicroBatcher(fn, name="t", max_batch_size=1, max_wait_s=0.0)
    batcher.start()

    async def abandon():
        asyncio.ensure_future(batcher.submit(1))
        await asyncio.sleep(0.05)

    try:
        asyncio.run(abandon())  # the loop closes while item 1 is in the worker
        gate.set()

        async def later():
            return await asyncio.wait_for(batcher.submit(2), 5)

        assert asyncio.run(later()) == 2
    finally:
        gate.set()
        batcher.stop()


def test_inference_thread_runs_batches_on_one_thread():
    from mmrouter.batching import InferenceThread

    inference = InferenceThread()
    seen: set[str] = set()

    def fn(items):
        seen.add(threading.current_thread().name)
        return items

    batcher = MicroBatcher(fn, name="t", max_batch_size=4, max_wait_s=0.001, inference=inference)
    batcher.start()
    try:
        assert asyncio.run(_gather(batcher, range(10))) == list(range(10))
        seen.add(inference.run(lambda: threading.current_thread().name))
    finally:
        batcher.stop()
        inference.close()
    assert len(seen) == 1 and next(iter(seen)).startswith("mmrouter-inference")


def test_one_bad_item_does_not_fail_its_batch_mates():
    def fn(items):
        if "bad" in items:
            raise ValueError("cannot encode")
        return [i.upper() for i in items]

    batcher = MicroBatcher(fn, name="t", max_batch_size=8, max_wait_s=0.05, idle_gap_s=0.01)
    batcher.start()
    try:
        async def main():
            return await asyncio.gather(*(batcher.submit(i) for i in ["a", "bad", "c"]),
                                        return_exceptions=True)
        results = asyncio.run(main())
    finally:
        batcher.stop()
    assert results[0] == "A" and results[2] == "C"
    assert isinstance(results[1], ValueError)


def test_inference_thread_uses_fewer_torch_threads_while_other_work_waits():
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(3)  # the idle count, read by the inference thread at its first job
    inference = InferenceThread(release_threads=1)
    try:
        assert inference.run(torch.get_num_threads) == 3
        inference.busy = lambda: True
        assert inference.run(torch.get_num_threads) == 2
        inference.release_threads = 5  # never below one thread
        assert inference.run(torch.get_num_threads) == 1
        inference.busy = lambda: False
        assert inference.run(torch.get_num_threads) == 3
    finally:
        inference.close()
        torch.set_num_threads(previous)


def test_inference_thread_keeps_its_threads_when_the_policy_is_off():
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(2)
    inference = InferenceThread(release_threads=0)
    inference.busy = lambda: True
    try:
        assert inference.run(torch.get_num_threads) == 2
    finally:
        inference.close()
        torch.set_num_threads(previous)
