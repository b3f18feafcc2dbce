"""The request-needs parser (routing/needs.py) on bodies of the three APIs."""

from __future__ import annotations

import math

import pytest

from mmrouter.routing.needs import BYTES_PER_TOKEN, MEDIA_TOKENS, Needs, request_needs

PNG_URI = "data:image/png;base64,iVBORw0KGgo="


def chat(*content, **extra):
    return {"model": "MoM", "messages": [{"role": "user", "content": list(content) or "hi"}],
            **extra}


def test_plain_text_needs_nothing_beyond_text():
    needs = request_needs(chat())
    assert needs.capabilities == frozenset() and needs.max_output_tokens is None


@pytest.mark.parametrize("payload", [
    chat({"type": "text", "text": "what is this"}, {"type": "image_url",
                                                    "image_url": {"url": PNG_URI}}),
    {"model": "MoM", "input": [{"role": "user", "content": [
        {"type": "input_text", "text": "what is this"},
        {"type": "input_image", "image_url": PNG_URI}]}]},
    {"model": "MoM", "max_tokens": 10, "messages": [{"role": "user", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                     "data": "iVBORw0KGgo="}}]}]},
    # an image inside an Anthropic tool result needs an image-capable model too
    {"model": "MoM", "max_tokens": 10, "messages": [{"role": "user", "content": [
        {"type": "tool_result", "tool_use_id": "t1", "content": [
            {"type": "image", "source": {"type": "url", "url": "https://x/y.png"}}]}]}]},
], ids=["chat", "responses", "anthropic", "anthropic_tool_result"])
def test_image_parts_of_every_api(payload):
    assert "image" in request_needs(payload).capabilities


@pytest.mark.parametrize("payload", [
    chat(tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}]),
    chat(functions=[{"name": "f", "parameters": {}}]),
    {"model": "MoM", "messages": [
        {"role": "user", "content": "weather?"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "w", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "12 C"}]},
    {"model": "MoM", "input": [{"type": "function_call_output", "call_id": "c1",
                                "output": "12 C"}]},
    {"model": "MoM", "max_tokens": 5, "messages": [
        {"role": "user", "content": "weather?"},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t", "name": "w",
                                           "input": {}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t",
                                      "content": "12 C"}]}]},
], ids=["chat_tools", "chat_functions", "chat_tool_messages", "responses_output",
        "anthropic_blocks"])
def test_tools_or_tool_results(payload):
    assert request_needs(payload).capabilities == frozenset({"tools"})


def test_an_empty_tools_list_needs_no_tools():
    assert request_needs(chat(tools=[])).capabilities == frozenset()


@pytest.mark.parametrize("payload", [
    chat(response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": {}}}),
    {"model": "MoM", "input": "hi", "text": {"format": {"type": "json_schema", "name": "x",
                                                         "schema": {}}}},
    {"model": "MoM", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}],
     "output_format": {"type": "json_schema", "schema": {}}},
], ids=["chat", "responses", "anthropic"])
def test_json_schema_formats(payload):
    assert request_needs(payload).capabilities == frozenset({"json_schema"})


def test_json_object_is_not_json_schema():
    assert request_needs(chat(response_format={"type": "json_object"})).capabilities == frozenset()


def test_a_schema_property_typed_image_is_no_image_part():
    tools = [{"type": "function", "function": {"name": "f", "parameters": {
        "type": "object", "properties": {"p": {"type": "image"}}}}}]
    assert request_needs(chat(tools=tools)).capabilities == frozenset({"tools"})


def test_audio_parts_and_modalities():
    part = {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}}
    assert request_needs(chat(part)).capabilities == frozenset({"audio"})
    assert request_needs(chat(modalities=["text", "audio"])).capabilities == frozenset({"audio"})


def test_token_estimate_counts_strings_and_keys_by_utf8_bytes():
    text = "abcd" * 100
    payload = {"messages": [{"role": "user", "content": text}]}
    counted = len("messages") + len("role") + len("user") + len("content") + len(text)
    assert request_needs(payload).input_tokens == math.ceil(counted / BYTES_PER_TOKEN)
    wide = {"messages": [{"role": "user", "content": "é" * 100}]}  # 2 bytes each
    counted = len("messages") + len("role") + len("user") + len("content") + 200
    assert request_needs(wide).input_tokens == math.ceil(counted / BYTES_PER_TOKEN)


def test_media_counts_a_fixed_estimate_whatever_its_size():
    small = request_needs(chat({"type": "image_url", "image_url": {"url": PNG_URI}}))
    huge_uri = "data:image/png;base64," + "A" * 4_000_000
    huge = request_needs(chat({"type": "image_url", "image_url": {"url": huge_uri}}))
    assert small.input_tokens == huge.input_tokens
    assert MEDIA_TOKENS <= huge.input_tokens < MEDIA_TOKENS + 20


@pytest.mark.parametrize("key", ["max_tokens", "max_completion_tokens", "max_output_tokens"])
def test_output_limit_from_any_api(key):
    needs = request_needs({"model": "MoM", "input": "hi", key: 700})
    assert needs.max_output_tokens == 700
    assert needs.context_tokens == needs.input_tokens + 700


@pytest.mark.parametrize("value", [True, -1, "100", 1.5, None])
def test_invalid_output_limits_are_ignored(value):
    assert request_needs(chat(max_tokens=value)).max_output_tokens is None


@pytest.mark.parametrize("payload", [
    {"messages": "not a list"}, {"messages": [1, None, [2, [3]], {"type": 5}]},
    {"tools": {"a": 1}}, {"text": "plain"}, {},
    {"messages": [{"content": [[[[[[[[[[[[{"x": "y"}]]]]]]]]]]]]}]},
])
def test_odd_bodies_never_raise(payload):
    assert isinstance(request_needs(payload), Needs)
