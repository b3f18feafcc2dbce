"""Parsing chat bodies into the classifier's view of a conversation."""

from __future__ import annotations

import json

import pytest

from mmrouter.routing.conversation import build_conversation, parse_chat_body
from mmrouter.errors import InvalidJSON, InvalidRequest

IMG = {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}


def test_latest_user_turn_with_bounded_context():
    payload = {"messages": [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "What is 15 * 7?"},
        {"role": "assistant", "content": "15 * 7 = 95"},
        {"role": "user", "content": "That's wrong, try again."},
    ]}
    conv = build_conversation(payload, context_messages=2)
    assert conv.latest_text == "That's wrong, try again."
    assert [t.role for t in conv.context] == ["user", "assistant"]
    assert conv.follows_assistant
    assert "assistant: 15 * 7 = 95" in conv.context_text()
    assert build_conversation(payload, context_messages=1).context[0].role == "assistant"
    assert build_conversation(payload, context_messages=0).context == ()


def test_image_parts_counted_and_kept_out_of_text():
    payload = {"messages": [
        {"role": "user", "content": [{"type": "text", "text": "look"}, IMG]},
        {"role": "assistant", "content": "A cat."},
        {"role": "user", "content": [IMG, {"type": "text", "text": "and this one?"}, IMG]},
    ]}
    conv = build_conversation(payload)
    assert conv.latest_text == "and this one?"
    assert len(conv.latest_images) == 2
    assert conv.image_count == 3
    assert "base64" not in conv.context_text()


def test_context_is_clipped():
    payload = {"messages": [{"role": "user", "content": "x" * 5000},
                            {"role": "user", "content": "short"}]}
    conv = build_conversation(payload, max_context_chars=100)
    assert len(conv.context[0].text) == 100


@pytest.mark.parametrize("body, error, text", [
    (b"{not json", InvalidJSON, "not valid JSON"),
    (b"", InvalidRequest, "empty"),
    (b"[1, 2]", InvalidRequest, "JSON object"),
    (b'{"model": 5, "messages": []}', InvalidRequest, "'model' must be a string"),
    (b"\xff\xfe", InvalidJSON, "not UTF-8"),
    ('{"model": "MoM"}'.encode("utf-16"), InvalidJSON, "not UTF-8"),
    (b'{"model": "MoM", "temperature": NaN}', InvalidJSON, "NaN is not valid JSON"),
    (b'{"model": "MoM", "x": Infinity}', InvalidJSON, "Infinity"),
    (b'{"model": "MoM", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", InvalidJSON,
     "nested too deeply"),
    (b'{"messages": []}', InvalidRequest, "'model' is required"),
    (b'{"model": null, "messages": []}', InvalidRequest, "'model' is required"),
    (b'{"model": "auto", "model": null}', InvalidRequest, "'model' is required"),
])
def test_parse_errors(body, error, text):
    with pytest.raises(error, match=text):
        parse_chat_body(body)


@pytest.mark.parametrize("payload, text", [
    ({}, "'messages' must be a non-empty array"),
    ({"messages": []}, "'messages' must be a non-empty array"),
    ({"messages": ["hi"]}, "messages[0] must be an object"),
    ({"messages": [{"content": "hi"}]}, "messages[0].role"),
    ({"messages": [{"role": "user", "content": 5}]}, "messages[0].content"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url"}]}]}, "image_url.url"),
    ({"messages": [{"role": "assistant", "content": "hi"}]}, "no user message"),
])
def test_conversation_errors_name_the_field(payload, text):
    with pytest.raises(InvalidRequest) as err:
        build_conversation(payload)
    assert text in err.value.message


def test_unknown_parts_are_ignored_not_rejected():
    payload = {"messages": [{"role": "user", "content": [
        {"type": "input_audio", "input_audio": {"data": "...", "format": "wav"}},
        {"type": "text", "text": "transcribe"}]}]}
    assert build_conversation(payload).latest_text == "transcribe"


def test_parse_keeps_payload():
    req = parse_chat_body(json.dumps({"model": "MoM", "stream": True, "messages": []}).encode())
    assert req.model == "MoM" and req.stream


def test_lone_surrogates_are_made_tokenizable():
    body = b'{"model": "MoM", "messages": [{"role": "user", "content": "hi \\ud800 there?"}]}'
    conv = build_conversation(parse_chat_body(body).payload)
    assert conv.latest_text == "hi \ufffd there?"
    conv.latest_text.encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize("body", [
    b'{"model":"MoM","messages":[{"role":"user","content":"hi"}],"model":"gpt-5-chat"}',
    b'{"model":"gpt-5-chat","messages":[{"role":"user","content":"hi"}],"model":"MoM"}',
    b'{"model":"gpt-5-chat","model":"gpt-5-chat","messages":[]}',
    b'{"mod\\u0065l":"MoM","model":"gpt-5-chat","messages":[]}',
])
def test_duplicate_top_level_model_is_refused(body):
    """Parsers disagree on which duplicate wins; a backend reading the other would see an alias."""
    with pytest.raises(InvalidRequest, match="'model' appears 2 times") as err:
        parse_chat_body(body)
    assert err.value.param == "model"


def test_nested_model_keys_are_not_duplicates():
    body = b'{"model":"MoM","metadata":{"model":"x"},"messages":[{"role":"user","content":"hi"}]}'
    assert parse_chat_body(body).model == "MoM"


def test_latest_turn_is_cut_to_the_encoder_budget():
    huge = "word " * 1_000_000  # 5 MB
    payload = {"messages": [{"role": "assistant", "content": "y" * 10_000},
                            {"role": "user", "content": [{"type": "text", "text": huge},
                                                         {"type": "text", "text": "tail"}]}]}
    conv = build_conversation(payload, max_context_chars=100, max_text_chars=8192)
    # Its start and its end: a long prompt's question is often after the pasted text.
    assert len(conv.latest_text) == 8192 and conv.latest_text.startswith(huge[:4096] + "\n")
    assert conv.latest_text.endswith("word \ntail")
    assert conv.latest_length == len(huge) + len("\ntail")
    assert len(conv.context[0].text) == 100
    small = build_conversation({"messages": [{"role": "user", "content": "hi"}]})
    assert small.latest_length == 2 and small.latest_chars == -1
