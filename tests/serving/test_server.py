"""The service in-process on loopback: real gRPC ext_proc streams and real HTTP.

Uses a FAKE hashing text encoder so the logic runs fast; the real model runs in the
end-to-end tests.
"""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any, Awaitable, Callable

import aiohttp
import grpc
import pytest

from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.serving.server import Server

from conftest import FakeHashingTextEncoder
from images_support import png


def _server(config, encoder=None) -> Server:
    # The shipped routing head expects MiniLM features: the fake encoder routes by anchors.
    config = config.replace(server=config.server.__class__(grpc_port=0, http_port=0),
                            routing=config.routing.__class__(**{**config.routing.__dict__,
                                                                "head": None}))
    factory = lambda cfg, metrics, sink: build_core(  # noqa: E731
        cfg, metrics, text_encoder=encoder or FakeHashingTextEncoder(), status=sink)
    return Server(config, Metrics(), core_factory=factory)


def run(config, scenario: Callable[[Server], Awaitable[Any]]) -> Any:
    async def main():
        server = _server(config)
        await server.start()
        try:
            return await scenario(server)
        finally:
            await server.shutdown()
    return asyncio.run(main())


def headers_msg(method: str, path: str, end_of_stream: bool = False,
                extra: dict[str, str] | None = None) -> pb.ProcessingRequest:
    values = {":method": method, ":path": path, "content-type": "application/json", **(extra or {})}
    return pb.ProcessingRequest(request_headers=pb.HttpHeaders(
        headers=core_pb.HeaderMap(headers=[core_pb.HeaderValue(key=k, raw_value=v.encode())
                                           for k, v in values.items()]),
        end_of_stream=end_of_stream))


def body_msg(body: bytes) -> pb.ProcessingRequest:
    return pb.ProcessingRequest(request_body=pb.HttpBody(body=body, end_of_stream=True))


RESPONSE_HEADERS = pb.ProcessingRequest(response_headers=pb.HttpHeaders(end_of_stream=False))


async def stream(server: Server, messages: list[pb.ProcessingRequest]) -> list[pb.ProcessingResponse]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
        call = pb_grpc.ExternalProcessorStub(channel).Process()
        out = []
        for message in messages:  # one response per message, in lock step like Envoy
            await call.write(message)
            out.append(await call.read())
        await call.done_writing()
        return out


def set_headers(common: pb.CommonResponse) -> dict[str, str]:
    return {o.header.key: o.header.raw_value.decode() for o in common.header_mutation.set_headers}


CHAT = {"model": "MoM", "messages": [{"role": "user", "content": "Generate an image of a cat"}]}


def test_alias_request_is_routed_and_rewritten(default_config):
    body = json.dumps(CHAT).encode()

    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions?x=1",
                                                 extra={"x-mmrouter-cluster": "evil"}),
                                     body_msg(body), RESPONSE_HEADERS]), server.metrics

    (hdr, bod, resp), metrics = run(default_config, scenario)
    assert list(hdr.request_headers.response.header_mutation.remove_headers) == \
        ["x-selected-model", "x-mmrouter-cluster", "x-mmrouter-route", "x-mmrouter-confidence",
         "x-mmrouter-reason", "x-mmrouter-cache", "x-mmrouter-cache-store"]
    common = bod.request_body.response
    assert common.clear_route_cache
    new_body = common.body_mutation.body
    assert json.loads(new_body) == {**CHAT, "model": "image-generator"}
    request_headers = set_headers(common)
    assert 0.0 < float(request_headers.pop("x-mmrouter-confidence")) <= 1.0
    assert request_headers == {"x-selected-model": "image-generator",
                               "x-mmrouter-cluster": "image_generator",
                               "x-mmrouter-route": "image_generation",
                               "x-mmrouter-reason": "route",
                               "content-length": str(len(new_body))}
    # An Envoy configured to send response headers still gets the decision back on them.
    out = set_headers(resp.response_headers.response)
    assert out["x-mmrouter-route"] == "image_generation"
    assert out["x-mmrouter-model"] == "image-generator"
    assert out["x-mmrouter-reason"] == "route"
    assert 0.0 < float(out["x-mmrouter-confidence"]) <= 1.0
    assert metrics.registry.get_sample_value("mmrouter_requests_total", {
        "route": "image_generation", "model": "image-generator", "outcome": "classified"}) == 1.0
    assert metrics.registry.get_sample_value("mmrouter_classification_seconds_count") == 1.0
    assert metrics.registry.get_sample_value("mmrouter_streams_in_flight") == 0.0


def test_explicit_model_is_honoured_without_classifying(default_config):
    body = json.dumps({**CHAT, "model": "gpt-5-chat"}).encode()

    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                     body_msg(body)]), server.metrics

    (_, bod), metrics = run(default_config, scenario)
    common = bod.request_body.response
    assert not common.HasField("body_mutation")
    assert set_headers(common)["x-mmrouter-cluster"] == "gpt5_chat"
    assert metrics.registry.get_sample_value("mmrouter_classification_seconds_count") == 0.0


@pytest.mark.parametrize("body, status, code", [
    (b"{broken", 400, "invalid_json"),
    (json.dumps({**CHAT, "model": "nope"}).encode(), 400, "model_not_found"),
    (json.dumps({"model": "MoM", "messages": "hi"}).encode(), 400, "invalid_request"),
])
def test_bad_requests_get_openai_errors(default_config, body, status, code):
    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                     body_msg(body)]), server.metrics

    (_, bod), metrics = run(default_config, scenario)
    immediate = bod.immediate_response
    assert immediate.status.code == status
    error = json.loads(immediate.body)["error"]
    assert error["code"] == code and error["message"] and error["type"] == "invalid_request_error"
    assert metrics.registry.get_sample_value("mmrouter_errors_total", {"kind": code if code !=
                                             "model_not_found" else "unknown_model"}) == 1.0


def test_unknown_model_can_pass_through_to_default(default_config):
    config = default_config.replace(routing=default_config.routing.__class__(
        **{**default_config.routing.__dict__, "unknown_model": "default"}))
    body = json.dumps({**CHAT, "model": "nope"}).encode()

    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"), body_msg(body)])

    _, bod = run(config, scenario)
    common = bod.request_body.response
    assert json.loads(common.body_mutation.body)["model"] == "nvidia/nvidia-nemotron-nano-9b-v2"


def test_other_paths_and_methods_pass_through(default_config):
    async def scenario(server):
        get = await stream(server, [headers_msg("GET", "/v1/models", end_of_stream=True)])
        post = await stream(server, [headers_msg("POST", "/v1/embeddings")])
        empty = await stream(server, [headers_msg("POST", "/v1/chat/completions",
                                                  end_of_stream=True)])
        return get[0], post[0], empty[0]

    get, post, empty = run(default_config, scenario)
    for response in (get, post):
        assert response.WhichOneof("response") == "request_headers"
        assert not response.request_headers.response.header_mutation.set_headers
        assert response.mode_override.request_body_mode == 0  # NONE: no body for us
    assert empty.immediate_response.status.code == 400


def test_http_health_ready_metrics_and_classify(default_config):
    async def scenario(server):
        base = f"http://127.0.0.1:{server.http_port}"
        async with aiohttp.ClientSession() as session:
            results = {}
            for path in ("/health", "/ready", "/metrics"):
                async with session.get(base + path) as r:
                    results[path] = (r.status, await r.text())
            async with session.post(base + "/api/v1/classify",
                                    json={"text": "Generate an image of a cat"}) as r:
                results["classify"] = (r.status, await r.json())
            async with session.post(base + "/api/v1/classify/multimodal", json={
                    "text": "What is in this image?",
                    "images": [{"data": base64.b64encode(png()).decode(),
                                "mime_type": "image/png"}]}) as r:
                results["multimodal"] = (r.status, await r.json())
            async with session.post(base + "/api/v1/classify", data=b"{nope") as r:
                results["bad"] = (r.status, await r.json())
            async with session.post(base + "/api/v1/classify/multimodal",
                                    json={"text": "x", "images": [{"mime_type": "text/plain",
                                                                   "data": "eA=="}]}) as r:
                results["badimg"] = (r.status, await r.json())
            return results

    results = run(default_config, scenario)
    assert results["/health"][0] == 200
    assert results["/ready"][0] == 200 and '"ready"' in results["/ready"][1]
    assert "mmrouter_ready 1.0" in results["/metrics"][1]
    status, body = results["classify"]
    assert status == 200 and body["classification"]["category"] == "image_generation"
    assert body["recommended_model"] == "image-generator" and body["content_type"] == "text"
    status, body = results["multimodal"]
    assert status == 200 and body["content_type"] == "multimodal" and body["image_count"] == 1
    assert set(body["scores"]) == set(default_config.route_names)
    assert {"classification", "recommended_model", "routing_decision"} <= set(body)
    assert "image" in next(iter(body["scores"].values()))
    assert results["bad"][0] == 400 and results["bad"][1]["error"]["code"] == "invalid_json"
    assert results["badimg"][0] == 400 and "mime_type" in results["badimg"][1]["error"]["message"]


def test_ready_is_503_while_loading(default_config):
    async def main():
        gate = asyncio.Event()
        loop = asyncio.get_running_loop()
        config = default_config.replace(
            server=default_config.server.__class__(grpc_port=0, http_port=0),
            routing=default_config.routing.__class__(**{**default_config.routing.__dict__,
                                                        "head": None}))

        def slow_factory(cfg, metrics, sink):
            asyncio.run_coroutine_threadsafe(gate.wait(), loop).result(10)
            return build_core(cfg, metrics, text_encoder=FakeHashingTextEncoder(), status=sink)

        server = Server(config, Metrics(), core_factory=slow_factory)
        starting = asyncio.ensure_future(server.start())
        while server.http_port is None:
            await asyncio.sleep(0.01)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{server.http_port}/ready") as r:
                loading = r.status
            async with session.post(f"http://127.0.0.1:{server.http_port}/api/v1/classify",
                                    json={"text": "hi"}) as r:
                classify_loading = (r.status, (await r.json())["error"]["code"])
        gate.set()
        await starting
        await server.shutdown()
        return loading, classify_loading

    loading, classify_loading = asyncio.run(main())
    assert loading == 503
    assert classify_loading == (503, "not_ready")


class SlowFakeEncoder(FakeHashingTextEncoder):
    """FAKE encoder that takes 50 ms per call, to fill the queue."""

    def encode(self, texts):
        import time

        time.sleep(0.05)
        return super().encode(texts)


def _routing(config, **changes):
    return config.replace(routing=config.routing.__class__(**{**config.routing.__dict__, **changes}))


@pytest.mark.parametrize("policy", ["default", "reject"])
def test_overload_policy(default_config, policy):
    config = _routing(default_config, max_queue=1, overload=policy)
    config = config.replace(text_encoder=config.text_encoder.__class__(max_batch_size=1))
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": "hello"}]}).encode()

    async def main():
        server = _server(config, SlowFakeEncoder())
        await server.start()
        try:
            results = await asyncio.gather(*(stream(server, [
                headers_msg("POST", "/v1/chat/completions"), body_msg(body)]) for _ in range(8)))
            return [r[1] for r in results], server.metrics
        finally:
            await server.shutdown()

    responses, metrics = asyncio.run(main())
    kinds = [r.WhichOneof("response") for r in responses]
    if policy == "default":
        assert kinds == ["request_body"] * 8
        overloaded = metrics.registry.get_sample_value("mmrouter_requests_total", {
            "route": "other", "model": "nvidia/nvidia-nemotron-nano-9b-v2",
            "outcome": "overload_default"})
        assert overloaded and overloaded >= 1
    else:
        rejected = [r for r in responses if r.WhichOneof("response") == "immediate_response"]
        assert rejected and all(r.immediate_response.status.code == 429 for r in rejected)
        assert json.loads(rejected[0].immediate_response.body)["error"]["code"] == "overloaded"
    assert "request_body" in kinds  # some requests were served all the same


def test_internal_error_routes_to_default_model(default_config):
    body = json.dumps(CHAT).encode()

    async def scenario(server):
        async def broken(*_):
            raise RuntimeError("encoder exploded")
        server.core.classify = broken
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                     body_msg(body)]), server.metrics

    (_, bod), metrics = run(default_config, scenario)
    common = bod.request_body.response
    assert json.loads(common.body_mutation.body)["model"] == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert set_headers(common)["x-mmrouter-cluster"] == "nemotron_nano_9b"
    assert metrics.registry.get_sample_value("mmrouter_errors_total", {"kind": "internal"}) == 1.0


def test_slow_classification_routes_to_default_before_envoy_gives_up(default_config):
    config = _routing(default_config, classify_timeout_ms=100.0)
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "what is this"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]}).encode()

    async def main():
        server = _server(config)
        await server.start()
        try:
            async def slow(*_):
                await asyncio.sleep(5)
            server.core.classify = slow
            return await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                         body_msg(body)]), server.metrics
        finally:
            await server.shutdown()

    (_, bod), metrics = asyncio.run(main())
    common = bod.request_body.response
    # The image request still goes to an image-capable model, with the body rewritten.
    assert json.loads(common.body_mutation.body)["model"] == "nvidia/nemotron-nano-12b-v2-vl"
    assert metrics.registry.get_sample_value("mmrouter_errors_total",
                                             {"kind": "classify_timeout"}) == 1.0
    assert metrics.registry.get_sample_value("mmrouter_requests_total", {
        "route": "other", "model": "nvidia/nemotron-nano-12b-v2-vl",
        "outcome": "timeout_default"}) == 1.0


def test_body_followed_by_trailers_is_still_routed(default_config):
    """With trailers, Envoy sends the buffered body with end_of_stream=false."""
    body = json.dumps(CHAT).encode()
    partial = pb.ProcessingRequest(request_body=pb.HttpBody(body=body, end_of_stream=False))

    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"), partial,
                                     RESPONSE_HEADERS])

    _, bod, resp = run(default_config, scenario)
    assert json.loads(bod.request_body.response.body_mutation.body)["model"] == "image-generator"
    assert set_headers(resp.response_headers.response)["x-mmrouter-route"] == "image_generation"


IMAGE_CHAT = {"model": "nope", "messages": [{"role": "user", "content": [
    {"type": "text", "text": "hello"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]}


def test_default_fallbacks_respect_image_capability(default_config):
    config = _routing(default_config, unknown_model="default")
    body = json.dumps(IMAGE_CHAT).encode()

    async def main():
        server = _server(config)
        await server.start()
        try:
            unknown = await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                            body_msg(body)])

            async def broken(*_):
                raise RuntimeError("boom")
            server.core.classify = broken
            alias = json.dumps({**IMAGE_CHAT, "model": "MoM"}).encode()
            internal = await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                             body_msg(alias)])
            return unknown[1], internal[1], server.metrics
        finally:
            await server.shutdown()

    unknown, internal, metrics = asyncio.run(main())
    vl = "nvidia/nemotron-nano-12b-v2-vl"
    assert json.loads(unknown.request_body.response.body_mutation.body)["model"] == vl
    assert json.loads(internal.request_body.response.body_mutation.body)["model"] == vl
    assert metrics.registry.get_sample_value("mmrouter_requests_total", {
        "route": "default", "model": vl, "outcome": "internal_error_default"}) == 1.0


def test_unknown_model_with_unparsable_messages_passes_to_default(default_config):
    """unknown_model: default forwards even a body whose messages the router cannot read."""
    config = _routing(default_config, unknown_model="default")
    body = json.dumps({"model": "nope", "messages": "not a list"}).encode()

    async def scenario(server):
        return await stream(server, [headers_msg("POST", "/v1/chat/completions"),
                                     body_msg(body)]), server.metrics

    (_, bod), metrics = run(config, scenario)
    assert json.loads(bod.request_body.response.body_mutation.body)["model"] == \
        "nvidia/nvidia-nemotron-nano-9b-v2"
    assert metrics.registry.get_sample_value("mmrouter_requests_total", {
        "route": "default", "model": "nvidia/nvidia-nemotron-nano-9b-v2",
        "outcome": "unknown_model_default"}) == 1.0
    assert metrics.registry.get_sample_value("mmrouter_errors_total", {"kind": "internal"}) is None
