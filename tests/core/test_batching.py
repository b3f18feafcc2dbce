"""The micro-batcher: coalescing, ordering, errors and the overload state."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from mmrouter.core.batching import MicroBatcher
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


def test_inference_pool_runs_batches_on_its_workers():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=2)
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
    assert seen and all(name.startswith("mmrouter-inference-") for name in seen)


class SlowFirst:
    """A batch function that blocks on a batch holding "slow" until ``gate`` opens, and records
    each batch's size and thread."""

    def __init__(self) -> None:
        self.gate, self.started = threading.Event(), threading.Event()
        self.batches: list[tuple[int, str]] = []

    def __call__(self, items):
        self.batches.append((len(items), threading.current_thread().name))
        if items[0] == "slow":
            self.started.set()
            self.gate.wait(5)
        return list(items)


def _run_with(workers: int, max_batch_size: int, scenario):
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=workers)
    fn = SlowFirst()
    batcher = MicroBatcher(fn, name="t", max_batch_size=max_batch_size, max_wait_s=0.0,
                           inference=inference)
    batcher.start()
    try:
        return asyncio.run(scenario(batcher, fn)), fn.batches
    finally:
        fn.gate.set()
        batcher.stop()
        inference.close()


def test_a_second_batch_runs_on_the_second_worker_while_the_first_runs():
    async def scenario(batcher, fn):
        slow = asyncio.ensure_future(batcher.submit("slow"))
        await asyncio.to_thread(fn.started.wait, 5)
        fast = await asyncio.wait_for(batcher.submit("fast"), 5)  # not stuck behind "slow"
        fn.gate.set()
        return fast, await slow

    results, batches = _run_with(2, 1, scenario)
    assert results == ("fast", "slow")
    assert batches == [(1, "mmrouter-inference-0_0"), (1, "mmrouter-inference-1_0")]


def test_a_batch_waiting_for_a_worker_takes_in_what_queued_meanwhile():
    async def scenario(batcher, fn):
        slow = asyncio.ensure_future(batcher.submit("slow"))
        await asyncio.to_thread(fn.started.wait, 5)
        rest = [asyncio.ensure_future(batcher.submit(i)) for i in range(5)]
        await asyncio.sleep(0.1)  # all five queue while the only worker is busy
        fn.gate.set()
        return await slow, await asyncio.gather(*rest)

    results, batches = _run_with(1, 8, scenario)
    assert results == ("slow", list(range(5)))
    assert [size for size, _ in batches] == [1, 5]


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


def test_forwards_use_fewer_torch_threads_while_other_work_waits():
    import torch

    from mmrouter.core.inference import InferencePool

    previous = torch.get_num_threads()
    torch.set_num_threads(3)  # the idle count, read at the first job
    inference = InferencePool(release_threads=1)
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


def _holding(inference, gate):
    """Start a forward that reports its torch thread count once ``gate`` opens."""
    import torch

    started = threading.Event()

    def hold():
        started.set()
        gate.wait(5)
        return torch.get_num_threads()

    future = inference.start(inference.acquire(), hold)
    assert started.wait(5)
    return future


def test_worker_0_alone_runs_every_thread_and_a_second_worker_one():
    import torch

    from mmrouter.core.inference import InferencePool

    previous = torch.get_num_threads()
    torch.set_num_threads(4)
    inference = InferencePool(workers=2, release_threads=0)
    gate = threading.Event()
    try:
        assert inference.run(torch.get_num_threads) == 4
        first = _holding(inference, gate)  # worker 0
        assert inference.run(torch.get_num_threads) == 1  # worker 1, beside it
        gate.set()
        assert first.result(5) == 4
    finally:
        gate.set()
        inference.close()
        torch.set_num_threads(previous)


def test_worker_0_leaves_a_core_to_each_other_running_worker():
    import torch

    from mmrouter.core.inference import InferencePool

    previous = torch.get_num_threads()
    torch.set_num_threads(4)
    inference = InferencePool(workers=2, release_threads=0)
    first_gate, second_gate = threading.Event(), threading.Event()
    try:
        first = _holding(inference, first_gate)  # worker 0
        second = _holding(inference, second_gate)  # worker 1
        first_gate.set()
        assert first.result(5) == 4
        assert inference.run(torch.get_num_threads) == 3  # worker 0 while worker 1 runs
        second_gate.set()
        assert second.result(5) == 1
    finally:
        first_gate.set()
        second_gate.set()
        inference.close()
        torch.set_num_threads(previous)


def test_a_second_worker_waits_until_spread_allows_it():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=2)
    inference.spread = lambda: False
    gate, started = threading.Event(), threading.Event()

    def hold():
        started.set()
        gate.wait(5)
        return threading.current_thread().name

    try:
        first = inference.start(inference.acquire(), hold)
        started.wait(5)
        second: list[int] = []
        waiter = threading.Thread(target=lambda: second.append(inference.acquire()))
        waiter.start()
        waiter.join(0.05)
        assert waiter.is_alive()  # worker 1 is free, but spread() says no
        inference.spread = lambda: True
        waiter.join(5)
        assert second == [1]
        inference.start(1, lambda: None).result(5)
        gate.set()
        assert first.result(5).startswith("mmrouter-inference-0")
    finally:
        gate.set()
        inference.close()


def test_threads_for_gives_worker_0_the_rest_and_the_others_one_thread():
    from mmrouter.core.inference import InferencePool

    assert InferencePool.threads_for(0, 2, 0, 0) == 2
    assert InferencePool.threads_for(0, 2, 0, 1) == 1
    assert InferencePool.threads_for(0, 2, 1, 0) == 1
    assert InferencePool.threads_for(0, 16, 1, 1) == 14
    assert InferencePool.threads_for(1, 16, 0, 0) == 1
    assert InferencePool.threads_for(0, 1, 3, 3) == 1


def test_forwards_keep_their_threads_when_the_policy_is_off():
    import torch

    from mmrouter.core.inference import InferencePool

    previous = torch.get_num_threads()
    torch.set_num_threads(2)
    inference = InferencePool(release_threads=0)
    inference.busy = lambda: True
    try:
        assert inference.run(torch.get_num_threads) == 2
    finally:
        inference.close()
        torch.set_num_threads(previous)


def test_a_batcher_bound_to_worker_0_waits_for_it():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=2)
    gate = threading.Event()
    names: list[str] = []

    def fn(items):
        names.append(threading.current_thread().name)
        return list(items)

    batcher = MicroBatcher(fn, name="t", max_batch_size=4, max_wait_s=0.0, inference=inference,
                           first_worker_only=True)
    batcher.start()
    try:
        held = _holding(inference, gate)  # worker 0 busy; worker 1 free
        async def main():
            task = asyncio.ensure_future(batcher.submit("x"))
            await asyncio.sleep(0.1)
            waited = not task.done()  # not run on worker 1
            gate.set()
            return waited, await asyncio.wait_for(task, 5)

        assert asyncio.run(main()) == (True, "x")
        held.result(5)
    finally:
        gate.set()
        batcher.stop()
        inference.close()
    assert names and all(name.startswith("mmrouter-inference-0") for name in names)


def test_a_lone_submission_goes_straight_to_a_free_worker():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=1)
    names: list[str] = []

    def fn(items):
        names.append(threading.current_thread().name)
        return [i * 2 for i in items]

    # Not started: only the direct path can answer.
    batcher = MicroBatcher(fn, name="t", max_batch_size=4, max_wait_s=0.0, inference=inference)
    try:
        async def main():
            return await asyncio.wait_for(batcher.submit_many([1, 2, 3]), 5)

        assert asyncio.run(main()) == [2, 4, 6]
    finally:
        inference.close()
    assert len(names) == 1 and names[0].startswith("mmrouter-inference-0")  # one batch


def test_a_batcher_that_waits_for_more_items_takes_no_direct_path():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=1)
    batcher = MicroBatcher(lambda items: list(items), name="t", max_batch_size=4,
                           max_wait_s=0.01, idle_gap_s=0.01, inference=inference)
    try:
        async def main():
            task = asyncio.ensure_future(batcher.submit("x"))
            await asyncio.sleep(0.05)
            queued = batcher.depth
            batcher.start()
            return queued, await asyncio.wait_for(task, 5)

        assert asyncio.run(main()) == (1, "x")
    finally:
        batcher.stop()
        inference.close()


def _reserve_within(inference, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        worker = inference.try_acquire()
        if worker is not None:
            return worker
        time.sleep(0.01)
    return None


def test_a_failing_observer_loses_no_batch_and_frees_the_worker():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=1)
    gate = threading.Event()

    def observer(name, size, waited):
        raise RuntimeError("metrics down")

    batcher = MicroBatcher(lambda items: [i + 1 for i in items], name="t", max_batch_size=4,
                           max_wait_s=0.0, observer=observer, inference=inference)
    batcher.start()

    async def main():
        direct = await asyncio.wait_for(batcher.submit(1), 5)  # straight to the idle worker
        held = _holding(inference, gate)  # now the batcher thread has to wait for it
        queued = asyncio.ensure_future(batcher.submit(5))
        await asyncio.sleep(0.05)
        gate.set()
        held.result(5)
        return direct, await asyncio.wait_for(queued, 5)

    try:
        assert asyncio.run(main()) == (2, 6)
        worker = _reserve_within(inference, 5)  # released after the batch (it answers first)
        assert worker == 0
        inference.start(worker, lambda: None).result(5)
    finally:
        gate.set()
        batcher.stop()
        inference.close()


def test_a_wrong_number_of_results_reaches_every_waiter():
    def fn(items):
        return [items[0] * 10]  # one result, whatever the batch size

    batcher = MicroBatcher(fn, name="t", max_batch_size=8, max_wait_s=0.05, idle_gap_s=0.01)
    batcher.start()
    try:
        results = asyncio.run(_gather(batcher, [1, 2, 3]))
    finally:
        batcher.stop()
    assert results == [10, 20, 30]  # the batch failed as a whole; each item ran alone


def test_jobs_whose_callers_gave_up_are_not_encoded():
    gate = threading.Event()
    seen: list[object] = []

    def fn(items):
        seen.extend(items)
        gate.wait(5)
        return list(items)

    batcher = MicroBatcher(fn, name="t", max_batch_size=8, max_wait_s=0.0)
    batcher.start()

    async def main():
        first = asyncio.ensure_future(batcher.submit("first"))
        await asyncio.sleep(0.05)  # "first" is in fn
        late = asyncio.ensure_future(batcher.submit("abandoned"))
        await asyncio.sleep(0.01)
        late.cancel()  # e.g. classify_timeout
        kept = asyncio.ensure_future(batcher.submit("kept"))
        await asyncio.sleep(0.01)
        gate.set()
        return await first, await kept

    try:
        assert asyncio.run(main()) == ("first", "kept")
    finally:
        gate.set()
        batcher.stop()
    assert seen == ["first", "kept"]


def test_worker_0_goes_to_a_waiting_bound_caller_before_others():
    from mmrouter.core.inference import InferencePool

    inference = InferencePool(workers=2)
    gate = threading.Event()
    try:
        held = _holding(inference, gate)  # worker 0
        bound: list[int] = []
        waiter = threading.Thread(target=lambda: bound.append(inference.acquire(first_only=True)))
        waiter.start()
        time.sleep(0.05)  # the bound caller now waits for worker 0
        gate.set()
        held.result(5)
        other = inference.try_acquire()  # worker 0 is free, but reserved for the waiter
        waiter.join(5)
        assert bound == [0] and other == 1
        inference.start(1, lambda: None).result(5)
        inference.start(0, lambda: None).result(5)
    finally:
        gate.set()
        inference.close()


class GatedFakeTextEncoder:
    """A FAKE text encoder: records every call; a call with a text starting "hold" waits for
    the gate (a long forward keeping worker 0 busy)."""

    name = "gated-fake"
    dim = 8

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.calls: list[list[str]] = []

    def encode(self, texts):
        import numpy as np

        self.calls.append(list(texts))
        if any(t.startswith("hold") for t in texts):
            self.gate.wait(5)
        return np.ones((len(texts), self.dim), dtype=np.float32) / np.sqrt(self.dim)


class SlowFakeImageScorer:
    """A FAKE image scorer that takes longer than the classification deadline."""

    name = "slow-fake"

    async def scores(self, conversation):
        await asyncio.sleep(1.0)


def test_a_classification_past_its_deadline_leaves_no_text_job_behind(default_config):
    """The deadline cancels classify while it waits for the image scores: its text job,
    still queued behind a busy worker, is cancelled with it and skipped, never encoded."""
    from mmrouter.routing.conversation import conversation_for
    from mmrouter.core.metrics import Metrics
    from mmrouter.core.runtime import build_core

    def chat(text: str, image: bool = False) -> dict:
        parts = [{"type": "text", "text": text}]
        if image:
            parts.append({"type": "image_url", "image_url": {"url": "data:image/png;base64,AA"}})
        return {"model": "MoM", "messages": [{"role": "user", "content": parts}]}

    config = default_config
    encoder = GatedFakeTextEncoder()
    core = build_core(config.replace(routing=_no_head(config.routing)), Metrics(),
                      text_encoder=encoder, image_scorer=SlowFakeImageScorer())

    async def main():
        holding = asyncio.ensure_future(core.classify(conversation_for(chat("hold on"),
                                                                       config.routing)))
        await asyncio.sleep(0.05)  # worker 0 is in the held forward
        late = conversation_for(chat("late request", image=True), config.routing)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(core.classify(late), 0.1)
        encoder.gate.set()
        await holding
        await asyncio.sleep(0.1)  # the batcher would have run the late job by now

    try:
        asyncio.run(main())
    finally:
        encoder.gate.set()
        core.close()
    assert [call for call in encoder.calls if "late request" in call] == []
    assert ["hold on"] in encoder.calls


def _no_head(routing):
    import dataclasses

    return dataclasses.replace(routing, head=None)


@pytest.mark.parametrize("hook", ["busy", "spread"])
def test_a_failing_load_hook_neither_loses_a_batch_nor_a_worker(hook, caplog):
    """The pool's busy()/spread() hooks are heuristics: one that raises is logged and read as
    False; the batch still runs and answers, and the worker is free again."""
    from mmrouter.core.inference import InferencePool

    def broken() -> bool:
        raise ValueError(f"{hook}() failed")

    inference = InferencePool(workers=2, release_threads=1)
    setattr(inference, hook, broken)
    batcher = MicroBatcher(lambda items: [i * 2 for i in items], name="t", max_wait_s=0.0,
                           inference=inference)
    batcher.start()
    gate = threading.Event()
    try:
        held = _holding(inference, gate)  # worker 0 busy: the batch must ask spread()
        queued = asyncio.run(asyncio.wait_for(_submit_later(batcher, gate), 5))
        held.result(5)
        direct = asyncio.run(asyncio.wait_for(batcher.submit(5), 5))  # worker 0 asks busy()
    finally:
        gate.set()
        batcher.stop()
        inference.close()
    assert (queued, direct) == (2, 10)
    assert f"the {hook}() hook failed" in caplog.text


async def _submit_later(batcher, gate):
    task = asyncio.ensure_future(batcher.submit(1))
    await asyncio.sleep(0.05)
    gate.set()  # a spread() read as False keeps the batch waiting for worker 0
    return await task
