"""The routed APIs in-process on loopback: real gRPC ext_proc streams and real HTTP.

Uses a FAKE hashing text encoder (see test_server.py); the real model runs in the end-to-end
tests (tests/envoy/test_apis_e2e.py).
"""

from __future__ import annotations

import copy
import json

import aiohttp

from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, parse_config
from mmrouter.devstack.stack import default_config_data

from test_server import body_msg, headers_msg, run, set_headers, stream

MESSAGES = {"model": "MoM", "max_tokens": 16,
            "messages": [{"role": "user", "content": "Generate an image of a cat"}]}
RESPONSES = {"model": "MoM", "input": "Generate an image of a cat"}


def _config(apis_by_model: dict[str, list[str]] | None = None, **routing):
    data = copy.deepcopy(default_config_data())
    for model in data["models"]:
        model["apis"] = (apis_by_model or {}).get(model["name"], [OPENAI_CHAT])
    data["routing"].update(routing)
    return parse_config(data)


def _immediate(path: str, body: bytes, config) -> tuple[int, dict]:
    async def scenario(server):
        return await stream(server, [headers_msg("POST", path), body_msg(body)])

    _, bod = run(config, scenario)
    assert bod.WhichOneof("response") == "immediate_response"
    return bod.immediate_response.status.code, json.loads(bod.immediate_response.body)


def test_api_no_model_serves_gets_400_in_its_shape():
    config = _config()  # every model: chat completions only
    status, error = _immediate("/v1/messages", json.dumps(MESSAGES).encode(), config)
    assert status == 400 and error["type"] == "error"
    assert error["error"]["type"] == "invalid_request_error"
    assert "no configured model serves the Anthropic Messages API" in error["error"]["message"]
    status, error = _immediate("/v1/responses", json.dumps(RESPONSES).encode(), config)
    assert status == 400 and error["error"]["code"] == "api_not_served"
    assert "Responses" in error["error"]["message"]


def test_request_goes_only_to_models_serving_its_api():
    config = _config({"gpt-5-chat": [OPENAI_CHAT, ANTHROPIC_MESSAGES]})
    body = json.dumps(MESSAGES).encode()

    async def scenario(server):
        routed = await stream(server, [headers_msg("POST", "/v1/messages"), body_msg(body)])
        chat = await stream(server, [headers_msg("POST", "/v1/chat/completions"), body_msg(
            json.dumps({"model": "MoM", "messages": MESSAGES["messages"]}).encode())])
        return routed[1], chat[1]

    messages, chat = run(config, scenario)
    # The image generator wins this route for chat; only gpt-5-chat speaks Anthropic here.
    assert set_headers(chat.request_body.response)["x-selected-model"] == "image-generator"
    common = messages.request_body.response
    assert set_headers(common)["x-selected-model"] == "gpt-5-chat"
    assert common.body_mutation.body == body.replace(b'"MoM"', b'"gpt-5-chat"')
    status, error = _immediate("/v1/messages", json.dumps(
        {**MESSAGES, "model": "image-generator"}).encode(), config)
    assert status == 400 and "'image-generator' does not serve" in error["error"]["message"]
    assert "gpt-5-chat" in error["error"]["message"]


def test_empty_and_malformed_bodies_in_each_apis_shape(default_config):
    async def scenario(server):
        empty = await stream(server, [headers_msg("POST", "/v1/messages", end_of_stream=True)])
        broken = await stream(server, [headers_msg("POST", "/v1/responses"),
                                       body_msg(b'{"model": "MoM", "input": [')])
        return empty[0], broken[1]

    empty, broken = run(default_config, scenario)
    error = json.loads(empty.immediate_response.body)
    assert empty.immediate_response.status.code == 400 and error["type"] == "error"
    assert "Anthropic Messages request" in error["error"]["message"]
    assert json.loads(broken.immediate_response.body)["error"]["code"] == "invalid_json"


def test_internal_error_sends_an_image_request_to_the_default_image_model(default_config):
    body = json.dumps({"model": "MoM", "max_tokens": 8, "messages": [{"role": "user", "content": [
        {"type": "image", "source": {"type": "url", "url": "https://x.test/a.png"}}]}]}).encode()

    async def scenario(server):
        async def broken(*_):
            raise RuntimeError("encoder exploded")
        server.core.classify = broken
        return await stream(server, [headers_msg("POST", "/v1/messages"), body_msg(body)])

    _, bod = run(default_config, scenario)
    common = bod.request_body.response
    assert set_headers(common)["x-selected-model"] == default_config.routing.default_image_model
    assert common.body_mutation.body == body.replace(
        b'"MoM"', json.dumps(default_config.routing.default_image_model).encode())


def test_older_chat_paths_config_still_routes_its_paths():
    data = copy.deepcopy(default_config_data())
    data["routing"].pop("apis")
    data["routing"]["chat_paths"] = ["/openai/v1/chat/completions"]
    config = parse_config(data)
    chat = json.dumps({"model": "MoM", "messages": MESSAGES["messages"]}).encode()

    async def scenario(server):
        custom = await stream(server, [headers_msg("POST", "/openai/v1/chat/completions"),
                                       body_msg(chat)])
        old = await stream(server, [headers_msg("POST", "/v1/chat/completions")])
        get = await stream(server, [headers_msg("GET", "/v1/messages", end_of_stream=True)])
        return custom[1], old[0], get[0]

    custom, old, get = run(config, scenario)
    assert set_headers(custom.request_body.response)["x-selected-model"] == "image-generator"
    assert old.mode_override.request_body_mode == 0  # not a configured path: passes through
    assert get.mode_override.request_body_mode == 0  # GET: passes through


def test_classify_request_api_names_and_errors(default_config):
    async def scenario(server):
        url = f"http://127.0.0.1:{server.http_port}/api/v1/classify/request"
        out = {}
        async with aiohttp.ClientSession() as session:
            for name, body, headers in (
                ("header", MESSAGES, {"x-mmrouter-api": "anthropic_messages"}),
                ("field", {**RESPONSES, "api": "openai_responses"}, {}),
                ("unknown", MESSAGES, {"x-mmrouter-api": "gemini"}),
                ("disagree", {**MESSAGES, "api": "openai_chat"},
                 {"x-mmrouter-api": "anthropic_messages"}),
                ("explicit", {**MESSAGES, "model": "gpt-5-chat"},
                 {"x-mmrouter-api": "anthropic_messages"}),
                ("bad", {"model": "MoM", "messages": []}, {"x-mmrouter-api": "anthropic_messages"}),
            ):
                async with session.post(url, json=body, headers=headers) as r:
                    out[name] = (r.status, await r.json())
        return out

    out = run(default_config, scenario)
    status, decision = out["header"]
    assert status == 200 and decision["api"] == "anthropic_messages"
    assert (decision["route"], decision["model"], decision["cluster"]) == \
        ("image_generation", "image-generator", "image_generator")
    assert set(decision["classification"]["scores"]) == set(default_config.route_names)
    assert out["field"][0] == 200 and out["field"][1]["api"] == "openai_responses"
    assert out["field"][1]["route"] == "image_generation"
    assert out["unknown"][0] == 400 and out["unknown"][1]["error"]["param"] == "x-mmrouter-api"
    assert out["disagree"][0] == 400 and "disagree" in out["disagree"][1]["error"]["message"]
    status, decision = out["explicit"]
    assert status == 200 and decision["reason"] == "explicit"
    assert decision["classification"] is None and decision["confidence"] is None
    status, error = out["bad"]
    assert status == 400 and error["type"] == "error" and "messages" in error["error"]["message"]


def test_supervisor_passes_the_api_header_on():
    """The supervisor's API proxy keeps x-mmrouter-api (here a FAKE process: a tiny aiohttp
    app standing in for a loaded router)."""
    import asyncio

    from aiohttp import web
    from aiohttp.test_utils import TestClient, TestServer

    from mmrouter.serving.supervisor_http import create_supervisor_app

    async def echo(request: web.Request) -> web.Response:
        return web.json_response({"api": request.headers.get("x-mmrouter-api")})

    async def main():
        process = web.Application()
        process.router.add_post("/api/v1/classify/request", echo)
        async with TestServer(process) as server:
            urls = [str(server.make_url("")).rstrip("/")]
            async with TestClient(TestServer(create_supervisor_app(urls))) as client:
                named = await client.post("/api/v1/classify/request", json=MESSAGES,
                                          headers={"x-mmrouter-api": "anthropic_messages"})
                unnamed = await client.post("/api/v1/classify/request", json=MESSAGES)
                return await named.json(), await unnamed.json()

    assert asyncio.run(main()) == ({"api": "anthropic_messages"}, {"api": None})
