"""Capability-aware choice end to end: a real Envoy, real gRPC, the real e5 encoder and the demo
backends on loopback. Image, tools, json_schema and long-context requests each reach a model
that declares what they need (or get the 400 ``no_capable_model``), with ``x-mmrouter-reason``
on the response; explicit models pass through unchanged."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import HttpResult, chat
from images_support import png

pytestmark = pytest.mark.e2e
CHIT_CHAT = "Hey! How's it going? Nice weather today, isn't it?"
PNG_URI = "data:image/png;base64," + base64.b64encode(png(3)).decode()
ANTHROPIC = {"anthropic-version": "2023-06-01", "x-api-key": "test"}
CAPS = {"nvidia/nvidia-nemotron-nano-9b-v2": (["text"], 4000),
        "gpt-5-chat": (["text", "image", "tools"], 8000),
        "nvidia/nemotron-nano-12b-v2-vl": (["text", "image", "tools", "json_schema"], 200_000),
        "image-generator": (["text", "image", "image_output"], None)}


def capability_config() -> dict[str, Any]:
    data = default_config_data()
    for model in data["models"]:
        model["capabilities"], model["context_window"] = CAPS[model["name"]]
    routes = {r["name"]: r for r in data["routes"]}
    routes["chit_chat"]["model_scores"] = [
        {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "score": 1.0},
        {"model": "gpt-5-chat", "score": 0.5}]
    routes["other"]["model_scores"] = [
        {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "score": 1.0},
        {"model": "nvidia/nemotron-nano-12b-v2-vl", "score": 0.5}]
    for route in data["routes"]:  # the shipped config claims [text] per score: keep it true
        for score in route["model_scores"]:
            score.pop("capabilities", None)
    return data


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(capability_config()).start()
    yield s
    s.stop()


def ask(stack, payload: dict[str, Any], path: str = "/v1/chat/completions") -> HttpResult:
    headers = ANTHROPIC if path == "/v1/messages" else None
    return chat(stack.base_url, payload, headers=headers, path=path)


def routed(result: HttpResult) -> tuple[str, str, str]:
    assert result.status == 200, result.body
    h = result.headers
    return h["x-mmrouter-route"], h["x-demo-backend"], h["x-mmrouter-reason"]


def user(content: Any) -> list[dict[str, Any]]:
    return [{"role": "user", "content": content}]


def test_an_ordinary_request_keeps_the_routes_first_choice(stack):
    assert routed(ask(stack, {"model": "MoM", "messages": user(CHIT_CHAT)})) == \
        ("chit_chat", "nemotron_nano_9b", "route")


def test_tools_reach_the_next_model_that_takes_tools(stack):
    tools = [{"type": "function", "function": {"name": "weather", "parameters": {
        "type": "object", "properties": {"city": {"type": "string"}}}}}]
    assert routed(ask(stack, {"model": "MoM", "messages": user(CHIT_CHAT), "tools": tools})) == \
        ("chit_chat", "gpt5_chat", "capability:tools")
    loop = [*user(CHIT_CHAT),
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "sunny"}]}]
    result = ask(stack, {"model": "MoM", "max_tokens": 64, "messages": loop}, "/v1/messages")
    assert routed(result) == ("chit_chat", "gpt5_chat", "capability:tools")


def test_an_image_reaches_an_image_capable_model(stack):
    content = [{"type": "text", "text": CHIT_CHAT}, {"type": "image_url",
                                                     "image_url": {"url": PNG_URI}}]
    route, backend, reason = routed(ask(stack, {"model": "MoM", "messages": user(content)}))
    assert backend in ("gpt5_chat", "nemotron_nano_12b_vl", "image_generator")
    assert reason == ("capability:image" if route in ("chit_chat", "other") else "route")
    # an image inside a tool result needs an image-capable model too (Responses API)
    items = [{"role": "user", "content": CHIT_CHAT},
             {"type": "function_call", "call_id": "c1", "name": "look", "arguments": "{}"},
             {"type": "function_call_output", "call_id": "c1", "output": [
                 {"type": "input_image", "image_url": PNG_URI}]}]
    route, backend, reason = routed(ask(stack, {"model": "MoM", "input": items}, "/v1/responses"))
    assert backend in ("gpt5_chat", "nemotron_nano_12b_vl")  # image and tools
    assert reason == ("capability:image" if route in ("chit_chat", "other") else "route")


def test_json_schema_falls_back_to_the_fallback_routes_capable_model(stack):
    schema = {"type": "json_schema", "json_schema": {"name": "reply", "schema": {
        "type": "object", "properties": {"text": {"type": "string"}}}}}
    result = ask(stack, {"model": "MoM", "messages": user(CHIT_CHAT), "response_format": schema})
    assert routed(result) == ("chit_chat", "nemotron_nano_12b_vl", "capability:json_schema")
    body = {"model": "MoM", "input": CHIT_CHAT, "text": {"format": {
        "type": "json_schema", "name": "reply", "schema": {"type": "object"}}}}
    assert routed(ask(stack, body, "/v1/responses")) == \
        ("chit_chat", "nemotron_nano_12b_vl", "capability:json_schema")


def test_long_context_goes_to_a_model_whose_window_holds_it(stack):
    system = {"role": "system", "content": "Background notes. " * 2500}  # ~45 kB: ~11k tokens
    result = ask(stack, {"model": "MoM", "messages": [system, *user(CHIT_CHAT)]})
    assert routed(result) == ("chit_chat", "nemotron_nano_12b_vl", "context_window")
    small = ask(stack, {"model": "MoM", "max_tokens": 3000, "messages": user(CHIT_CHAT)})
    assert routed(small) == ("chit_chat", "nemotron_nano_9b", "route")
    over = ask(stack, {"model": "MoM", "max_tokens": 5000, "messages": user(CHIT_CHAT)})
    assert routed(over) == ("chit_chat", "gpt5_chat", "context_window")


def test_no_capable_model_is_a_400_naming_the_need(stack):
    result = ask(stack, {"model": "MoM", "max_completion_tokens": 300_000,
                         "messages": user(CHIT_CHAT)})
    assert result.status == 400 and result.headers["content-type"] == "application/json"
    error = result.json()["error"]
    assert error["code"] == "no_capable_model" and error["type"] == "invalid_request_error"
    assert "context window of" in error["message"]
    audio = [{"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}}]
    error = ask(stack, {"model": "MoM", "messages": user(audio)}).json()["error"]
    assert error["code"] == "no_capable_model" and "'audio' capability" in error["message"]
    result = ask(stack, {"model": "MoM", "max_tokens": 300_000, "messages": user(CHIT_CHAT)},
                 "/v1/messages")
    assert result.status == 400
    error = result.json()
    assert error["type"] == "error" and error["error"]["type"] == "invalid_request_error"
    assert "no_capable_model" in error["error"]["message"]


def test_an_explicit_model_passes_through_unchanged(stack):
    tools = [{"type": "function", "function": {"name": "weather", "parameters": {}}}]
    payload = {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "tools": tools,
               "messages": user(CHIT_CHAT)}
    result = ask(stack, payload)
    assert routed(result) == ("explicit", "nemotron_nano_9b", "explicit")
    received = stack.received("nemotron_nano_9b")[-1]["body"].encode()
    assert received == json.dumps(payload).encode()
