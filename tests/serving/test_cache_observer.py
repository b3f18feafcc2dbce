"""The cache's two streams over real gRPC, in process: the routing stream leaves a miss's plan
and sends its token; the observer stream (observe-only, as Envoy's observability mode opens
it) claims it, follows the response and stores it, answering nothing.

Uses a FAKE hashing text encoder (test_server's in-process server) so the logic runs fast; the
real Envoy drives both streams in tests/envoy/test_cache_e2e.py.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import grpc
import pytest

from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter.cache.pending import OBSERVER_METADATA, STORE_HEADER
from mmrouter.config.schema import CacheConfig
from mmrouter.serving.server import Server

from serving.test_server import body_msg, headers_msg, run as run_server

TEXT = "Tell me a fun fact about otters"
ANSWER = {"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
          "choices": [{"index": 0, "finish_reason": "stop",
                       "message": {"role": "assistant", "content": "Otters hold hands."}}]}


def headers(values: dict[str, str], end_of_stream: bool = False) -> pb.HttpHeaders:
    return pb.HttpHeaders(headers=core_pb.HeaderMap(headers=[
        core_pb.HeaderValue(key=k, raw_value=v.encode()) for k, v in values.items()]),
        end_of_stream=end_of_stream)


def request_headers(extra: dict[str, str] | None = None) -> pb.ProcessingRequest:
    return headers_msg("POST", "/v1/chat/completions", extra=extra)


def response_headers(status: str = "200", **extra: str) -> pb.ProcessingRequest:
    return pb.ProcessingRequest(response_headers=headers(
        {":status": status, "content-type": "application/json", **extra}))


def response_body(body: bytes, end: bool) -> pb.ProcessingRequest:
    return pb.ProcessingRequest(response_body=pb.HttpBody(body=body, end_of_stream=end))


def run(config, scenario) -> Any:
    """``scenario(server)`` on the in-process server of test_server, with the cache on."""
    return run_server(config.replace(cache=CacheConfig(enabled=True)), scenario)


async def route(server: Server, text: str = TEXT) -> pb.ProcessingResponse:
    """The routing stream of one chat request: its request-body response."""
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}]}).encode()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
        call = pb_grpc.ExternalProcessorStub(channel).Process()
        await call.write(request_headers())
        await call.read()
        await call.write(body_msg(body))
        answer = await call.read()
        await call.done_writing()
        return answer


async def observe(server: Server, messages: list[pb.ProcessingRequest],
                  metadata: tuple[tuple[str, str], ...] = (OBSERVER_METADATA,)) -> list[Any]:
    """An observer stream: ``messages`` written without waiting for answers, then held open
    (never half-closed, as Envoy holds it); the responses the server sent. Returns only once
    the server ends the stream, so a test passes only the messages after which it must."""
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
        call = pb_grpc.ExternalProcessorStub(channel).Process(metadata=metadata)
        for message in messages:
            await call.write(message)
        responses = []
        while (response := await call.read()) is not grpc.aio.EOF:
            responses.append(response)
        assert await call.code() == grpc.StatusCode.OK
        return responses


def store_token(answer: pb.ProcessingResponse) -> dict[str, str]:
    mutation = answer.request_body.response.header_mutation
    return {o.header.key: o.header.raw_value.decode() for o in mutation.set_headers}


def samples(server: Server, name: str) -> dict[str, float]:
    return {s.labels["result"]: s.value for m in server.metrics.registry.collect()
            for s in m.samples if s.name == name}


def test_a_miss_is_stored_through_its_observer_and_then_hits(default_config):
    async def scenario(server):
        miss = store_token(await route(server))
        assert miss["x-mmrouter-cache"] == "miss"
        token = miss[STORE_HEADER]
        assert token.startswith(f"{server.grpc_port}:")
        body = json.dumps(ANSWER).encode()
        responses = await asyncio.wait_for(observe(server, [
            request_headers({STORE_HEADER: token}), response_headers(),
            response_body(body[:20], False), response_body(body[20:], True)]), 10)
        assert responses == []
        for _ in range(100):  # the store runs after the stream ends
            if samples(server, "mmrouter_cache_stores_total"):
                break
            await asyncio.sleep(0.02)
        again = await route(server)
        assert again.WhichOneof("response") == "immediate_response"
        hit = json.loads(again.immediate_response.body)
        assert hit["choices"][0]["message"]["content"] == "Otters hold hands."
        return samples(server, "mmrouter_cache_stores_total")

    assert run(default_config, scenario) == {"stored": 1.0}


@pytest.mark.parametrize("ending", ["unknown_token", "error_status", "compressed", "no_body"])
def test_the_observer_ends_its_stream_when_there_is_nothing_to_store(default_config, ending):
    async def scenario(server):
        token = store_token(await route(server))[STORE_HEADER]
        first = request_headers({STORE_HEADER: token if ending != "unknown_token"
                                 else f"{server.grpc_port}:forged"})
        response = {"unknown_token": response_headers(),
                    "error_status": response_headers("500"),
                    "compressed": response_headers(**{"content-encoding": "gzip"}),
                    "no_body": pb.ProcessingRequest(response_headers=headers(
                        {":status": "200"}, end_of_stream=True))}[ending]
        # Only the messages up to where the server must end the stream.
        messages = [first] if ending == "unknown_token" else [first, response]
        responses = await asyncio.wait_for(observe(server, messages), 10)
        await asyncio.sleep(0.05)
        again = await route(server)
        return responses, again.WhichOneof("response"), \
            samples(server, "mmrouter_cache_stores_total")

    # The server ended the stream by itself (observe returns only then; wait_for's 10 s).
    responses, again, stores = run(default_config, scenario)
    assert responses == [] and again == "request_body" and stores == {}


def test_a_response_over_the_bound_is_counted_and_not_kept(default_config):
    async def scenario(server):
        token = store_token(await route(server))[STORE_HEADER]
        limit = CacheConfig().max_entry_bytes * 8
        chunk = b"x" * (limit // 2 + 1)
        await asyncio.wait_for(observe(server, [  # the second chunk passes the bound
            request_headers({STORE_HEADER: token}), response_headers(),
            response_body(chunk, False), response_body(chunk, False)]), 10)
        return samples(server, "mmrouter_cache_stores_total")

    assert run(default_config, scenario) == {"too_large": 1.0}


def test_a_stream_closed_before_the_responses_end_is_counted_incomplete(default_config):
    async def scenario(server):
        token = store_token(await route(server))[STORE_HEADER]
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
            call = pb_grpc.ExternalProcessorStub(channel).Process(metadata=(OBSERVER_METADATA,))
            for message in (request_headers({STORE_HEADER: token}), response_headers(),
                            response_body(b'{"id": "c1", "choi', False)):
                await call.write(message)
            await call.done_writing()  # Envoy closes it: the client went away mid-answer
            assert await asyncio.wait_for(call.read(), 10) is grpc.aio.EOF
        for _ in range(100):
            if samples(server, "mmrouter_cache_stores_total"):
                break
            await asyncio.sleep(0.02)
        return samples(server, "mmrouter_cache_stores_total")

    assert run(default_config, scenario) == {"incomplete": 1.0}
