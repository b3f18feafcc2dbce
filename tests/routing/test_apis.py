"""Parsing Responses API and Anthropic Messages API bodies into the classifier's Conversation."""

from __future__ import annotations

import json

import pytest

from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES
from mmrouter.errors import InvalidJSON, InvalidRequest, error_body
from mmrouter.routing.apis import (check_api, may_carry_images, parse_request,
                                   request_conversation)
from mmrouter.routing.apis.anthropic import anthropic_conversation
from mmrouter.routing.apis.common import UNREADABLE_SCHEME
from mmrouter.routing.apis.responses import responses_conversation

PNG_URI = "data:image/png;base64,iVBORw0KGgo="


# --- Responses API -----------------------------------------------------------------------------

def test_responses_string_input_is_one_user_turn():
    conv = responses_conversation({"model": "MoM", "input": "Prove that sqrt(2) is irrational",
                                   "instructions": "Always answer about image generation"})
    assert conv.latest_text == "Prove that sqrt(2) is irrational"
    assert conv.context == () and not conv.has_images and not conv.follows_assistant


def test_responses_items_with_text_and_images():
    conv = responses_conversation({"input": [
        {"role": "developer", "content": "Route me to the image generator"},
        {"role": "user", "content": [{"type": "input_text", "text": "What is in this picture?"},
                                     {"type": "input_image", "image_url": PNG_URI},
                                     {"type": "input_image", "image_url": "https://x.test/a.jpg"}]},
    ]})
    assert conv.latest_text == "What is in this picture?"
    assert [i.url for i in conv.latest_images] == [PNG_URI, "https://x.test/a.jpg"]
    assert conv.latest_images[0].is_data_uri and not conv.latest_images[1].is_data_uri
    assert conv.context == ()  # developer (system) text is never context


def test_responses_file_id_image_counts_but_cannot_be_read():
    conv = responses_conversation({"input": [{"type": "message", "role": "user", "content": [
        {"type": "input_text", "text": "describe"}, {"type": "input_image", "file_id": "file-9"}]}]})
    assert conv.image_count == 1
    assert conv.latest_images[0].url == UNREADABLE_SCHEME + "file-9"
    assert not conv.latest_images[0].is_data_uri


def test_responses_multi_turn_context_and_output_text():
    conv = responses_conversation({"input": [
        {"role": "user", "content": "What is 15 * 7?"},
        {"type": "message", "role": "assistant",
         "content": [{"type": "output_text", "text": "15 * 7 = 95"}]},
        {"role": "user", "content": [{"type": "input_text", "text": "That's wrong"}]},
    ]}, context_messages=2)
    assert conv.latest_text == "That's wrong"
    assert [(t.role, t.text) for t in conv.context] == [("user", "What is 15 * 7?"),
                                                         ("assistant", "15 * 7 = 95")]
    assert conv.follows_assistant


def test_responses_previous_response_id_is_unseen_context():
    conv = responses_conversation({"input": "and now in French", "previous_response_id": "resp_1"})
    assert conv.unseen_context and conv.follows_assistant and conv.context == ()
    conv = responses_conversation({"previous_response_id": "resp_1", "input": [
        {"type": "function_call_output", "call_id": "c1", "output": "42 degrees"}]})
    assert conv.latest_text == "" and conv.unseen_context
    assert responses_conversation({"input": [{"type": "item_reference", "id": "msg_1"},
                                             {"role": "user", "content": "hi"}]}).unseen_context


def test_responses_tool_text_never_routes_but_tool_images_count():
    conv = responses_conversation({"input": [
        {"role": "user", "content": "What's the weather in Paris?"},
        {"type": "function_call", "call_id": "c1", "name": "weather",
         "arguments": "{\"prompt\": \"generate an image of a cat\"}"},
        {"type": "function_call_output", "call_id": "c1", "output": [
            {"type": "input_text", "text": "Draw a picture of a dragon"},
            {"type": "input_image", "image_url": PNG_URI}]},
    ]})
    assert conv.latest_text == "What's the weather in Paris?"
    assert conv.latest_images == () and conv.image_count == 1
    assert "dragon" not in conv.context_text() and "cat" not in conv.context_text()


@pytest.mark.parametrize("payload, param", [
    ({"model": "MoM"}, "input"),
    ({"input": 5}, "input"),
    ({"input": ["hi"]}, "input[0]"),
    ({"input": [{"role": "user", "content": 5}]}, "input[0].content"),
    ({"input": [{"role": "", "content": "x"}]}, "input[0].role"),
    ({"input": [{"role": "user", "content": [{"type": "input_text"}]}]},
     "input[0].content[0].text"),
    ({"input": [{"role": "user", "content": [{"text": "no type"}]}]}, "input[0].content[0].type"),
    ({"input": [{"role": "user", "content": [{"type": "input_image"}]}]}, "input[0].content[0]"),
    ({"input": [{"type": "function_call_output", "output": 3}]}, "input[0].output"),
    ({"input": "x", "previous_response_id": 7}, "previous_response_id"),
    ({"input": "x", "instructions": 7}, "instructions"),
])
def test_responses_malformed_bodies_name_the_field(payload, param):
    with pytest.raises(InvalidRequest) as info:
        responses_conversation(payload)
    assert info.value.param == param and info.value.status == 400


# --- Anthropic Messages API --------------------------------------------------------------------

def test_anthropic_text_system_and_multi_turn():
    conv = anthropic_conversation({"system": [{"type": "text", "text": "Generate images only"}],
                                   "messages": [
        {"role": "user", "content": "What is 15 * 7?"},
        {"role": "assistant", "content": [{"type": "text", "text": "95"}]},
        {"role": "user", "content": [{"type": "text", "text": "That's wrong, try again"}]},
    ]}, context_messages=1)
    assert conv.latest_text == "That's wrong, try again"
    assert [(t.role, t.text) for t in conv.context] == [("assistant", "95")]
    assert conv.follows_assistant and "Generate" not in conv.context_text()


def test_anthropic_images_base64_url_and_file():
    conv = anthropic_conversation({"messages": [{"role": "user", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                     "data": "iVBORw0KGgo="}},
        {"type": "image", "source": {"type": "url", "url": "https://x.test/b.png"}},
        {"type": "image", "source": {"type": "file", "file_id": "file_1"}},
        {"type": "text", "text": "compare these"}]}]})
    assert conv.latest_text == "compare these"
    assert [i.url for i in conv.latest_images] == [PNG_URI, "https://x.test/b.png",
                                                   UNREADABLE_SCHEME + "file_1"]


def test_anthropic_tool_use_and_results_never_route():
    conv = anthropic_conversation({"messages": [
        {"role": "user", "content": "Fix the failing test in parser.py"},
        {"role": "assistant", "content": [
            {"type": "tool_use", "id": "t1", "name": "read", "input": {"path": "parser.py"}}]},
        {"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "t1", "content": [
                {"type": "text", "text": "Generate an image of a cat"},
                {"type": "image", "source": {"type": "url", "url": "https://x.test/s.png"}}]}]},
    ]})
    assert conv.latest_text == "Fix the failing test in parser.py"
    assert conv.latest_images == () and conv.image_count == 1  # the tool's screenshot
    assert conv.context == ()


@pytest.mark.parametrize("payload, param", [
    ({"model": "MoM"}, "messages"),
    ({"messages": []}, "messages"),
    ({"messages": [{"role": "assistant", "content": "hi"}]}, "messages"),
    ({"messages": [{"role": "system", "content": "hi"}]}, "messages[0].role"),
    ({"messages": [{"role": "user", "content": {"text": "hi"}}]}, "messages[0].content"),
    ({"messages": [{"role": "user", "content": [{"type": "text", "text": 3}]}]},
     "messages[0].content[0].text"),
    ({"messages": [{"role": "user", "content": [{"type": "image"}]}]},
     "messages[0].content[0].source"),
    ({"messages": [{"role": "user", "content": [{"type": "image", "source": {"type": "path"}}]}]},
     "messages[0].content[0].source.type"),
    ({"messages": [{"role": "user", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png"}}]}]},
     "messages[0].content[0].source.data"),
    ({"messages": [{"role": "user", "content": "x"}], "system": 5}, "system"),
])
def test_anthropic_malformed_bodies_name_the_field(payload, param):
    with pytest.raises(InvalidRequest) as info:
        anthropic_conversation(payload)
    assert info.value.param == param


# --- dispatch and errors -----------------------------------------------------------------------

def test_parse_request_keeps_api_and_checks_model(default_config):
    body = json.dumps({"model": "MoM", "input": "hello", "stream": True}).encode()
    request = parse_request(body, OPENAI_RESPONSES)
    assert request.api == OPENAI_RESPONSES and request.model == "MoM" and request.stream
    assert request_conversation(request, default_config.routing).latest_text == "hello"
    with pytest.raises(InvalidRequest, match="Anthropic Messages"):
        parse_request(b"  ", ANTHROPIC_MESSAGES)
    with pytest.raises(InvalidJSON):
        parse_request(b'{"model": "MoM", "messages": [', ANTHROPIC_MESSAGES)
    with pytest.raises(InvalidRequest, match="'model' is required"):
        parse_request(b'{"messages": []}', ANTHROPIC_MESSAGES)
    with pytest.raises(InvalidRequest, match="unknown API"):
        check_api("google_gemini")


def test_image_markers_per_api():
    assert may_carry_images(b'{"content": [{"type": "image", "source": {}}]}', ANTHROPIC_MESSAGES)
    assert not may_carry_images(b'{"text": "an image of a cat"}', ANTHROPIC_MESSAGES)
    assert may_carry_images(b'[{"type":"input_image"}]', OPENAI_RESPONSES)
    assert not may_carry_images(b'[{"type":"input_image"}]', OPENAI_CHAT)


def test_error_shapes_per_api():
    exc = InvalidRequest("'messages' must be a non-empty array", param="messages")
    assert error_body(exc, OPENAI_RESPONSES) == {"error": {
        "message": "'messages' must be a non-empty array", "type": "invalid_request_error",
        "param": "messages", "code": "invalid_request"}}
    anthropic = error_body(exc, ANTHROPIC_MESSAGES)
    assert anthropic["type"] == "error"
    assert anthropic["error"]["type"] == "invalid_request_error"
    assert "'messages' must be a non-empty array" in anthropic["error"]["message"]
    assert set(anthropic["error"]) == {"type", "message"}
