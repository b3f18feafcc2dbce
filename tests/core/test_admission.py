"""Admission on expected wait, the encoder's text budget and the API deadline (issue 11).

The decision is a pure function; the in-process tests run the real server (real gRPC ext_proc
streams, real HTTP) around a FAKE text encoder whose cost is a sleep, so that overload can be
forced without a model.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time

import aiohttp
import pytest

from mmrouter.core.admission import AdmissionControl, ItemTime, admission
from mmrouter.core.batching import MicroBatcher
from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.serving.server import Server
from conftest import FakeHashingTextEncoder
from serving.test_server import body_msg, headers_msg, stream


def test_admits_what_fits_in_the_deadline():
    verdict = admission(work_ahead_s=0.6, own_s=0.1, workers=2, deadline_s=1.0, fraction=0.8)
    assert verdict.admitted and verdict.expected_s == pytest.approx(0.4)
    assert admission(0.0, 0.0, 1, 1.0).admitted  # nothing measured yet: admit


@pytest.mark.parametrize("ahead, own, workers", [(2.0, 0.1, 2), (0.8, 0.05, 1), (0.0, 0.9, 1)])
def test_refuses_what_cannot_make_the_deadline(ahead, own, workers):
    verdict = admission(ahead, own, workers, deadline_s=1.0, fraction=0.8, requests_ahead=3)
    assert not verdict.admitted and verdict.expected_s > 0.8
    assert verdict.retry_after_s >= 1


def test_with_nothing_ahead_a_request_is_always_admitted():
    """Else one slow forward (a cold start) leaves the estimate high, everything is refused,
    and nothing ever measures it again."""
    assert admission(0.0, 5.0, 1, deadline_s=1.0, requests_ahead=0).admitted
    assert not admission(0.0, 5.0, 1, deadline_s=1.0, requests_ahead=1).admitted


def test_retry_after_is_when_the_work_ahead_has_drained():
    verdict = admission(work_ahead_s=20.0, own_s=0.0, workers=2, deadline_s=2.0, fraction=1.0)
    assert verdict.retry_after_s == 8  # 10 s of wait, 2 s of which fit


def test_admission_control_counts_admitted_work():
    control = AdmissionControl(workers=1, deadline_s=1.0, fraction=1.0)
    assert control.decide(3.0).admitted  # nothing ahead
    for _ in range(9):
        assert control.decide(0.1).admitted
        control.enter(0.1)
    assert control.decide(0.1).admitted and not control.decide(0.2).admitted
    control.leave(0.5)
    assert control.decide(0.5).admitted
    for _ in range(8):
        control.leave(0.1)
    assert control.in_flight == 0 and control.pending_s == 0.0


def test_the_estimate_learns_how_far_real_classifications_exceed_it():
    control = AdmissionControl(workers=1, deadline_s=1.0, fraction=1.0)
    control.enter(0.3)
    control.enter(0.3)
    assert control.decide(0.3).admitted  # 0.6 + 0.3 fits
    for _ in range(20):  # admitted requests expected at 0.3 s keep taking 0.9 s
        control.leave(0.3, expected_s=0.3 * control.scale, actual_s=0.9)
        control.enter(0.3)
    assert control.scale == pytest.approx(3.0, rel=0.05)
    assert not control.decide(0.3).admitted  # (0.6 + 0.3) x 3 > 1 s
    before = control.scale
    control.leave(0.01, expected_s=0.01, actual_s=0.5)  # a tiny expectation: fixed costs
    assert control.scale == before


def test_item_time_is_an_ewma_per_item():
    item = ItemTime(alpha=0.5)
    assert item.cost(3) == 0.0
    item.observe(0.4, 4)
    assert item.value == pytest.approx(0.1)
    item.observe(0.3, 1)
    assert item.value == pytest.approx(0.2) and item.cost(2) == pytest.approx(0.4)


def test_batcher_measures_its_service_time():
    def fn(items):
        time.sleep(0.01 * len(items))
        return list(items)

    async def main():
        batcher = MicroBatcher(fn, name="t", max_batch_size=4, max_wait_s=0.0)
        batcher.start()
        try:
            await asyncio.gather(*(batcher.submit(i) for i in range(8)))
        finally:
            batcher.stop()
        return batcher.item_time.value

    assert 0.009 <= asyncio.run(main()) < 0.05


class LinearFakeEncoder(FakeHashingTextEncoder):
    """FAKE encoder whose cost is a sleep of ``per_text_s`` per text (like a real forward)."""

    def __init__(self, per_text_s: float = 0.02) -> None:
        super().__init__()
        self.per_text_s = per_text_s

    def encode(self, texts):
        time.sleep(self.per_text_s * len(texts))
        return super().encode(texts)


def _server(config, encoder, **routing) -> Server:
    config = config.replace(
        server=dataclasses.replace(config.server, grpc_port=0, http_port=0, inference_workers=1),
        routing=dataclasses.replace(config.routing, head=None, **routing))
    factory = lambda cfg, metrics, sink: build_core(  # noqa: E731
        cfg, metrics, text_encoder=encoder, status=sink)
    return Server(config, Metrics(), core_factory=factory)


def _body(text: str = "hello there") -> bytes:
    return json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}]}).encode()


CHAT = [headers_msg("POST", "/v1/chat/completions")]


def _sample(server, name, labels):
    return server.metrics.registry.get_sample_value(name, labels) or 0.0


def test_forced_overload_with_reject_answers_429_with_retry_after(default_config):
    async def main():
        encoder = LinearFakeEncoder(0.0)  # the route index is built at full speed
        server = _server(default_config, encoder, overload="reject")
        await server.start()
        try:
            encoder.per_text_s = 0.5
            server.core.text_batcher.item_time.value = 30.0  # forced: "every text takes 30 s"
            first = asyncio.create_task(stream(server, [*CHAT, body_msg(_body("first"))]))
            await asyncio.sleep(0.2)  # admitted (nothing ahead of it) and in classification
            started = time.perf_counter()
            _, answer = await stream(server, [*CHAT, body_msg(_body())])
            grpc_s = time.perf_counter() - started
            async with aiohttp.ClientSession() as session:
                async with session.post(f"http://127.0.0.1:{server.http_port}/api/v1/classify",
                                        json={"text": "hello"}) as r:
                    api = (r.status, r.headers.get("retry-after"), await r.json())
            return (await first)[1], answer, grpc_s, api, server
        finally:
            await server.shutdown()

    first, answer, grpc_s, api, server = asyncio.run(main())
    assert first.WhichOneof("response") == "request_body"  # the one ahead was classified
    reply = answer.immediate_response
    assert reply.status.code == 429 and grpc_s < 1.0  # at once, not after the 2 s deadline
    headers = {o.header.key: o.header.raw_value.decode() for o in reply.headers.set_headers}
    assert int(headers["retry-after"]) >= 1
    assert json.loads(reply.body)["error"]["code"] == "overloaded"
    assert api[0] == 429 and int(api[1]) >= 1 and api[2]["error"]["type"] == "rate_limit_error"
    assert _sample(server, "mmrouter_errors_total", {"kind": "overloaded"}) == 2.0
    assert _sample(server, "mmrouter_requests_total",
                   {"route": "error", "model": "", "outcome": "overloaded"}) == 1.0


def test_overload_default_routes_at_once_and_nobody_waits_the_full_deadline(default_config):
    """64 concurrent requests, 50 ms of encoder time each, one worker, a 1.5 s deadline:
    those that cannot make it go to the default model at once; none times out.

    The admitted ones finish ~0.3 s before the deadline (the 20 % the estimate leaves for
    work it does not see): room for the event loop that runs both ends of 64 streams here,
    on a shared CI machine."""
    encoder = LinearFakeEncoder(0.0)

    async def main():
        server = _server(default_config, encoder, classify_timeout_ms=1500.0)
        await server.start()
        try:
            encoder.per_text_s = 0.05
            await stream(server, [*CHAT, body_msg(_body("warm up"))])  # measures the service time

            async def one(i):
                started = time.perf_counter()
                answers = await stream(server, [*CHAT, body_msg(_body(f"question {i}"))])
                return answers[1], time.perf_counter() - started

            return await asyncio.gather(*(one(i) for i in range(64))), server
        finally:
            await server.shutdown()

    results, server = asyncio.run(main())
    assert all(r.WhichOneof("response") == "request_body" for r, _ in results)
    assert _sample(server, "mmrouter_errors_total", {"kind": "classify_timeout"}) == 0.0
    assert max(elapsed for _, elapsed in results) < 1.5  # nobody waited the whole deadline
    overloaded = _sample(server, "mmrouter_errors_total", {"kind": "overloaded"})
    assert 0 < overloaded < 64
    default = default_config.routing.default_model
    assert _sample(server, "mmrouter_requests_total", {
        "route": "other", "model": default, "outcome": "overload_default"}) == overloaded


def test_text_handed_to_the_encoder_is_bounded(default_config):
    encoder = LinearFakeEncoder(0.0)

    async def main():
        server = _server(default_config, encoder)
        await server.start()
        try:
            huge = "lorem ipsum dolor " * 190_000  # 3.4 MB (the test client takes 4 MB)
            _, answer = await stream(server, [*CHAT, body_msg(_body(huge))])
            async with aiohttp.ClientSession() as session:
                async with session.post(f"http://127.0.0.1:{server.http_port}/api/v1/classify",
                                        json={"text": huge}) as r:
                    status = r.status
            return answer, status, server.core.max_text_chars
        finally:
            await server.shutdown()

    answer, status, budget = asyncio.run(main())
    assert answer.WhichOneof("response") == "request_body" and status == 200
    texts = [t for call in encoder.calls for t in call]
    assert len(texts) >= 3  # warm-up, the chat request, the API request
    assert max(len(t) for t in texts) <= budget == 256 * 32


def test_classify_api_has_the_classification_deadline(default_config):
    async def main():
        server = _server(default_config, LinearFakeEncoder(0.0), classify_timeout_ms=200.0)
        await server.start()
        try:
            server.core.text_batcher._fn = lambda texts: time.sleep(1.0) or []  # hangs 1 s
            started = time.perf_counter()
            async with aiohttp.ClientSession() as session:
                async with session.post(f"http://127.0.0.1:{server.http_port}/api/v1/classify",
                                        json={"text": "hello"}) as r:
                    return r.status, await r.json(), time.perf_counter() - started
        finally:
            await server.shutdown()

    status, body, elapsed = asyncio.run(main())
    assert status == 503 and body["error"]["code"] == "classify_timeout"
    assert elapsed < 0.9
