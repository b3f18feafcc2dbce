"""The worker threads that run every model forward (both encoders, anchors, warm-up).

Worker 0 loads the models and runs every forward it is free for. Further workers take a
forward only while worker 0 is busy and ``spread()`` says other requests are in flight: a lone
request's text and image forwards stay on worker 0, one after the other, each on all threads.

Threads follow the load. Each worker sets its own intra-op thread count (an OpenMP setting of
the calling thread) when a forward starts:

- worker 0 gets torch's full count, less one for each other worker running and less
  ``release_threads`` while ``busy()`` says other work wants the CPU (images being decoded,
  other requests in flight), keeping at least one;
- every other worker runs one thread. libgomp spin-waits only while its threads do not
  outnumber the CPUs: a second multi-thread team made every forward here 1.6x slower (CLIP
  28 → 47 ms), which is also why a second thread calling torch used to be slow. One-thread
  forwards make no team at all.

A text encoder that runs in torch (the torch runtime, a custom factory) keeps to worker 0
(``first_only``), one forward at a time, as it always did. The ONNX Runtime text encoder does
not use this pool: it gets one of its own (``torch_threads=False``: its jobs set no torch
threads), so a request's text forward runs beside its image forward.

Measured on 2 cores, CLIP batches of 8: two 1-thread workers side by side took 8.2 ms of wall
time per image against 9.8 for one uncontended 2-thread forward, and a 2-thread forward
competing with image decoders spent 32 core-ms per image (its threads wait on each other
whenever a decoder holds a core). On a GPU, one worker keeps one stream.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, TypeVar

logger = logging.getLogger(__name__)

R = TypeVar("R")

SPREAD_RECHECK_S = 0.002  # a job waiting for worker 0 re-reads spread() this often


class InferencePool:
    def __init__(self, workers: int = 1, release_threads: int = 1, torch_threads: bool = True) -> None:
        self._workers = [ThreadPoolExecutor(max_workers=1,
                                            thread_name_prefix=f"mmrouter-inference-{index}")
                         for index in range(max(1, workers))]
        self._active: set[int] = set()  # reserved or running workers
        self._first_waiting = 0  # first_only callers waiting: worker 0 goes to them first
        self._changed = threading.Condition()
        self.busy: Callable[[], bool] = lambda: False
        self.spread: Callable[[], bool] = lambda: True
        self.release_threads = release_threads
        self._idle_threads = 0  # torch's count, read at the first job
        self._torch_threads = torch_threads  # False: its jobs are not torch's (no thread setting)

    @property
    def size(self) -> int:
        return len(self._workers)

    def run(self, fn: Callable[..., R], *args: object) -> R:
        """Run ``fn(*args)`` on a free worker and wait for its result (not from a loop)."""
        return self.start(self.acquire(), fn, *args).result()

    def acquire(self, first_only: bool = False) -> int:
        """Wait for a worker we may use (see the module docstring) and reserve it;
        ``first_only``: worker 0 only."""
        with self._changed:
            worker = self._pick(first_only)
            if first_only:
                self._first_waiting += 1
            try:
                while worker is None:
                    spreading = not first_only and len(self._active) < self.size
                    self._changed.wait(SPREAD_RECHECK_S if spreading else None)
                    worker = self._pick(first_only)
            finally:
                if first_only:
                    self._first_waiting -= 1
            self._active.add(worker)
            return worker

    def try_acquire(self, first_only: bool = False) -> int | None:
        """Reserve a worker we may use now, without waiting (None: none is free)."""
        with self._changed:
            worker = self._pick(first_only)
            if worker is not None:
                self._active.add(worker)
            return worker

    def _pick(self, first_only: bool) -> int | None:
        """The worker to reserve now, or None. A free worker 0 goes to callers bound to it
        (the text encoder) before any other."""
        bound_waiting = self._first_waiting > 0 and not first_only
        if 0 not in self._active and not bound_waiting:
            return 0
        if first_only or len(self._active | {0}) == self.size or not _ask(self.spread, "spread"):
            return None
        return min(set(range(self.size)) - self._active - {0})

    def start(self, worker: int, fn: Callable[..., R], *args: object) -> Future:
        """Run ``fn(*args)`` on the reserved ``worker``; it is free again when ``fn`` returns."""
        try:
            return self._workers[worker].submit(self._call, worker, fn, *args)
        except BaseException:
            self.release(worker)
            raise

    def run_on_each(self, fn: Callable[..., object], *args: object) -> None:
        """Run ``fn(*args)`` once on every worker with the threads it serves with (at load,
        nothing else running: warms each thread's first call)."""
        self.run(fn, *args)  # worker 0
        for worker in self._workers[1:]:
            worker.submit(_on_one_thread, fn, *args).result()

    def _call(self, worker: int, fn: Callable[..., R], *args: object) -> R:
        try:
            if self._torch_threads:
                self._set_threads(worker)
            return fn(*args)
        finally:
            self.release(worker)

    def release(self, worker: int) -> None:
        """Free a reserved ``worker`` that was not given a job (``start`` frees its own)."""
        with self._changed:
            self._active.discard(worker)
            self._changed.notify_all()

    def _set_threads(self, worker: int) -> None:
        """This worker's thread count for the forward it starts now."""
        import torch

        with self._changed:
            if not self._idle_threads:
                self._idle_threads = torch.get_num_threads()
            others = len(self._active - {worker})
        release = 0
        if worker == 0 and self.release_threads > 0 and _ask(self.busy, "busy"):
            release = self.release_threads
        wanted = self.threads_for(worker, self._idle_threads, others, release)
        if torch.get_num_threads() != wanted:
            torch.set_num_threads(wanted)

    @staticmethod
    def threads_for(worker: int, idle: int, others: int, release: int) -> int:
        """Worker 0: ``idle`` less one per other running worker, less ``release``; others: 1."""
        return max(1, idle - others - release) if worker == 0 else 1

    def close(self) -> None:
        for worker in self._workers:
            worker.shutdown(wait=True)


def _ask(hook: Callable[[], bool], name: str) -> bool:
    """An injected hook's answer; one that raises counts as False (logged), so a broken hook
    can never kill the batcher thread or leave a reserved worker without its job."""
    try:
        return bool(hook())
    except Exception:  # noqa: BLE001 - a heuristic, never worth a lost job
        logger.exception("inference pool: the %s() hook failed; taken as False", name)
        return False


def _on_one_thread(fn: Callable[..., object], *args: object) -> None:
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        fn(*args)
    finally:
        torch.set_num_threads(previous)


def cpu_count() -> int:
    """CPUs this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)
