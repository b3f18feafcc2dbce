"""Tracing: the span helpers cost nothing while off; on, a routed request records its spans
(request, classify, each encoder, the LLM step) inside the trace its traceparent names.

The spans are read from the OpenTelemetry SDK's in-memory exporter; the service runs in process
on loopback (real gRPC ext_proc streams) with a FAKE hashing text encoder, and the LLM step
against the Arch-Router STAND-IN (keyword rules, not a model).
"""

from __future__ import annotations

import asyncio
import json

import grpc
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter.config.schema import TracingConfig, load_config
from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.devstack.arch_router_stand_in import StandInSettings
from mmrouter.tracing import spans
from mmrouter.tracing.setup import INSTRUMENTATION, provider_for

from conftest import FakeHashingTextEncoder
from images_support import image_part, png, tiny_clip, tiny_config  # noqa: F401
from llm_support import llm_config, stand_in_server
from serving.test_server import _server, body_msg, headers_msg

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"
CHAT = json.dumps({"model": "MoM", "messages": [
    {"role": "user", "content": "Generate an image of a cat"}]}).encode()


@pytest.fixture
def exporter():
    """Spans recorded in memory for the test, exported as each ends; tracing off afterwards."""
    memory = InMemorySpanExporter()
    provider = provider_for(TracingConfig(enabled=True, service_name="mmrouter-test"), memory,
                            batch=False)
    spans.install(provider.get_tracer(INSTRUMENTATION))
    try:
        yield memory
    finally:
        spans.install(None)
        provider.shutdown()


def test_while_off_every_helper_is_a_shared_no_op():
    assert not spans.enabled()
    first, second = spans.span("a"), spans.span("b", {"k": 1})
    assert first is second  # no object made per call
    with first as s:
        s.set_attribute("k", "v")
        assert s is spans.NOOP_SPAN and not s.is_recording()
    assert spans.request_span("r", {"traceparent": TRACEPARENT}) is first
    awaitable = asyncio.sleep(0)
    assert spans.traced("t", awaitable) is awaitable  # not even wrapped
    awaitable.close()
    assert spans.trace_carrier([("traceparent", TRACEPARENT)]) is None
    assert spans.current_span() is spans.NOOP_SPAN


async def _route(server, metadata=(), extra_headers=None):
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
        call = pb_grpc.ExternalProcessorStub(channel).Process(metadata=metadata)
        for message in (headers_msg("POST", "/v1/chat/completions", extra=extra_headers),
                        body_msg(CHAT)):
            await call.write(message)
            await call.read()
        await call.done_writing()


def _run(scenario):
    async def main():
        server = _server(load_config())
        await server.start()
        try:
            await scenario(server)
        finally:
            await server.shutdown()
    asyncio.run(main())


def by_name(exporter):
    found = {}
    for span in exporter.get_finished_spans():
        found.setdefault(span.name, []).append(span)
    return found


def test_a_request_records_its_spans_inside_the_trace_of_envoys_traceparent(exporter):
    _run(lambda server: _route(server, metadata=(("traceparent", TRACEPARENT),)))
    found = by_name(exporter)
    (request,), (classify,) = found["mmrouter.request"], found["mmrouter.classify"]
    (encode,) = found["mmrouter.encode"]
    assert request.kind == SpanKind.SERVER
    assert format(request.context.trace_id, "032x") == TRACE_ID
    assert format(request.parent.span_id, "016x") == PARENT_ID and request.parent.is_remote
    assert {s.context.trace_id for s in (request, classify, encode)} == {request.context.trace_id}
    assert classify.parent.span_id == request.context.span_id
    assert encode.parent.span_id == classify.context.span_id
    assert request.attributes["mmrouter.route"] == "image_generation"
    assert request.attributes["mmrouter.model"] == "image-generator"
    assert request.attributes["mmrouter.api"] == "openai_chat"
    assert classify.attributes["mmrouter.route"] == "image_generation"
    assert encode.attributes["mmrouter.encoder"] == FakeHashingTextEncoder.name
    assert encode.attributes["mmrouter.items"] == 1
    assert request.resource.attributes["service.name"] == "mmrouter-test"


def test_without_metadata_the_clients_traceparent_header_is_the_parent(exporter):
    _run(lambda server: _route(server, extra_headers={"traceparent": TRACEPARENT}))
    (request,) = by_name(exporter)["mmrouter.request"]
    assert format(request.context.trace_id, "032x") == TRACE_ID
    assert format(request.parent.span_id, "016x") == PARENT_ID


def test_without_any_traceparent_a_request_starts_its_own_trace(exporter):
    _run(lambda server: _route(server))
    (request,) = by_name(exporter)["mmrouter.request"]
    assert request.parent is None and request.context.trace_id != int(TRACE_ID, 16)


def test_an_error_is_recorded_on_the_request_span(exporter):
    async def scenario(server):
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
            call = pb_grpc.ExternalProcessorStub(channel).Process()
            for message in (headers_msg("POST", "/v1/chat/completions"),
                            body_msg(b'{"model": "nope", "messages": []}')):
                await call.write(message)
                await call.read()
            await call.done_writing()
    _run(scenario)
    (request,) = by_name(exporter)["mmrouter.request"]
    assert request.status.status_code == StatusCode.ERROR
    assert any(event.name == "exception" for event in request.events)


def test_the_llm_step_has_its_span_under_classify(exporter):
    async def main():
        async with stand_in_server(StandInSettings()) as endpoint:
            config = llm_config(endpoint, mode="always")
            core = await asyncio.to_thread(build_core, config, Metrics(),
                                           text_encoder=FakeHashingTextEncoder())
            try:
                with spans.span("test.root"):
                    await core.route_chat(CHAT)
            finally:
                await core.aclose()
                await asyncio.to_thread(core.close)
    asyncio.run(main())
    found = by_name(exporter)
    (classify,), (llm,) = found["mmrouter.classify"], found["mmrouter.llm"]
    assert llm.parent.span_id == classify.context.span_id
    assert llm.attributes["mmrouter.llm.outcome"] == "ok"
    assert llm.attributes["mmrouter.llm.mode"] == "always"
    assert llm.attributes["mmrouter.llm.budget_ms"] > 0


def test_each_encoder_has_its_span_text_and_image(exporter, tiny_clip):  # noqa: F811
    from mmrouter.images.scorer import build_image_scorer

    config = tiny_config(*tiny_clip)
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this picture?"}, image_part(png())]}]}).encode()

    async def main():
        core = await asyncio.to_thread(build_core, config, Metrics(),
                                       image_scorer_factory=build_image_scorer)
        try:
            await core.route_chat(body)
        finally:
            await asyncio.to_thread(core.close)
    asyncio.run(main())
    found = by_name(exporter)
    (classify,) = found["mmrouter.classify"]
    encoders = {s.attributes["mmrouter.encoder"]: s for s in found["mmrouter.encode"]}
    assert set(encoders) == {"multilingual-e5-small", f"image:{config.image_encoder.architecture}"}
    assert all(s.parent.span_id == classify.context.span_id for s in encoders.values())
    assert classify.attributes["mmrouter.images"] == 1


def test_the_cache_lookup_and_store_have_their_spans(exporter):
    """A store, then a hit and a miss: each a span with its backend and its result."""
    import numpy as np

    from mmrouter.cache.keys import text_digest
    from mmrouter.cache.service import Plan, build_cache
    from mmrouter.config.schema import OPENAI_CHAT, CacheConfig

    def plan(text: str) -> Plan:
        return Plan(api=OPENAI_CHAT, key="k", digest=text_digest(text), text=text,
                    vector=np.array([1.0, 0.0], dtype=np.float32), threshold=0.9, stream=False,
                    include_usage=False)

    answer = {"object": "chat.completion", "choices": [{"index": 0, "finish_reason": "stop",
              "message": {"role": "assistant", "content": "Paris."}}]}
    cache = build_cache(CacheConfig(enabled=True), Metrics())

    async def run() -> None:
        cache.store_later(plan("What is the capital of France?"), json.dumps(answer).encode(),
                          streamed=False)
        await cache.drain()
        assert await cache.lookup(plan("What is the capital of France?")) is not None
        assert await cache.lookup(plan("What is the capital of Germany?")) is None

    asyncio.run(run())
    recorded = [(s.name, dict(s.attributes or {})) for s in exporter.get_finished_spans()]
    assert recorded == [
        ("mmrouter.cache.store", {"mmrouter.cache.backend": "memory", "mmrouter.cache.result": "stored"}),
        ("mmrouter.cache.lookup", {"mmrouter.cache.backend": "memory", "mmrouter.cache.result": "hit"}),
        ("mmrouter.cache.lookup", {"mmrouter.cache.backend": "memory", "mmrouter.cache.result": "miss"}),
    ]


def test_the_store_span_sits_in_the_trace_of_envoys_observer_call(exporter):
    """The observer stream (Envoy's second ext_proc filter) carries its call's traceparent: the
    observe span is its child and the store span the observe span's."""
    from mmrouter.cache.pending import OBSERVER_METADATA, STORE_HEADER
    from serving.test_cache_observer import ANSWER, observe, request_headers, response_body, \
        response_headers, route, run, store_token

    async def scenario(server):
        token = store_token(await route(server))[STORE_HEADER]
        server_metadata = (OBSERVER_METADATA, ("traceparent", TRACEPARENT))
        body = json.dumps(ANSWER).encode()
        await asyncio.wait_for(observe(server, [
            request_headers({STORE_HEADER: token}), response_headers(),
            response_body(body, True)], metadata=server_metadata), 10)
        for _ in range(100):
            if "mmrouter.cache.store" in by_name(exporter):
                break
            await asyncio.sleep(0.02)

    run(load_config(), scenario)  # the cache on, a fake encoder
    found = by_name(exporter)
    (observed,), (store,) = found["mmrouter.cache.observe"], found["mmrouter.cache.store"]
    assert format(observed.context.trace_id, "032x") == TRACE_ID
    assert format(observed.parent.span_id, "016x") == PARENT_ID
    assert store.parent.span_id == observed.context.span_id
    assert store.attributes["mmrouter.cache.result"] == "stored"
