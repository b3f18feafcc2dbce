"""Answers assembled from each API's body or stream, and hits rendered in each shape (pure)."""

from __future__ import annotations

import json

import openai.types.chat as chat_types
import pytest
from pydantic import TypeAdapter

from mmrouter.cache import sse
from mmrouter.cache.assemble import complete_answer, output_tokens
from mmrouter.cache.render import render_hit
from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES
from mmrouter.devstack import demo_apis
from openai.types.responses import ResponseStreamEvent

TEXT = "Paris is the capital of France."


def chat_completion(finish="stop", text=TEXT):
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "m",
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 6, "total_tokens": 9}}


def chat_stream(finish="stop", done=True):
    chunks = [{"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
               "choices": [{"index": 0, "delta": {"content": w}, "finish_reason": None}]}
              for w in ("Paris is ", "the capital ", "of France.")]
    chunks.append({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
                   "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
    return sse.write([(None, c) for c in chunks] + ([(None, sse.DONE)] if done else []))


def numbered(events):
    return sse.write((k, {"type": k, "sequence_number": i, **d}) for i, (k, d) in enumerate(events))


def anthropic_stream(stop="end_turn"):
    return sse.write((k, {"type": k, **d}) for k, d in demo_apis.anthropic_events("m", TEXT, stop))


def test_chat_stream_assembles_into_the_completion():
    answer = complete_answer(OPENAI_CHAT, chat_stream(), streamed=True)
    assert answer["choices"][0]["message"] == {"role": "assistant", "content": TEXT}
    assert answer["choices"][0]["finish_reason"] == "stop"
    assert complete_answer(OPENAI_CHAT, json.dumps(chat_completion()).encode(), False)


@pytest.mark.parametrize("body,streamed", [
    (chat_stream(finish="length"), True), (chat_stream(done=False), True),
    (json.dumps(chat_completion(finish="length")).encode(), False),
    (json.dumps({"error": {"message": "x"}}).encode(), False), (b"not json", False),
    (b"data: {broken\n\n", True)])
def test_incomplete_or_failed_chat_answers_are_not_kept(body, streamed):
    assert complete_answer(OPENAI_CHAT, body, streamed) is None


def test_tool_calls_are_not_kept():
    answer = chat_completion()
    answer["choices"][0]["message"]["tool_calls"] = [{"id": "t", "type": "function"}]
    assert complete_answer(OPENAI_CHAT, json.dumps(answer).encode(), False) is None


def test_responses_and_anthropic_streams_assemble():
    responses = complete_answer(OPENAI_RESPONSES,
                                numbered(demo_apis.responses_events("m", TEXT)), True)
    assert responses["status"] == "completed"
    assert responses["output"][0]["content"][0]["text"] == TEXT
    cut = numbered(demo_apis.responses_events("m", TEXT, incomplete=True))
    assert complete_answer(OPENAI_RESPONSES, cut, True) is None
    message = complete_answer(ANTHROPIC_MESSAGES, anthropic_stream(), True)
    assert message["content"] == [{"type": "text", "text": TEXT}]
    assert message["stop_reason"] == "end_turn" and message["usage"]["output_tokens"] == 6
    assert complete_answer(ANTHROPIC_MESSAGES, anthropic_stream("max_tokens"), True) is None
    assert output_tokens(ANTHROPIC_MESSAGES, message) == 6


def test_a_chat_hit_has_a_fresh_id_and_time_and_parses_with_openai_types():
    stored = chat_completion()
    kind, body = render_hit(OPENAI_CHAT, stored, stream=False, now=1000)
    hit = chat_types.ChatCompletion.model_validate_json(body)
    assert kind == "application/json" and hit.id != "chatcmpl-1" and hit.created == 1000
    assert hit.choices[0].message.content == TEXT
    _, again = render_hit(OPENAI_CHAT, stored, stream=False)
    assert json.loads(again)["id"] != hit.id


def test_a_stored_answer_streams_as_the_api_streams_and_round_trips():
    stored = chat_completion()
    kind, body = render_hit(OPENAI_CHAT, stored, stream=True, include_usage=True, now=5)
    events = list(sse.json_events(body))
    assert kind == "text/event-stream" and events[-1] == ("", sse.DONE)
    chunks = [chat_types.ChatCompletionChunk.model_validate(d) for _, d in events[:-1]]
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == TEXT
    assert chunks[-1].usage.completion_tokens == 6
    rebuilt = complete_answer(OPENAI_CHAT, body, streamed=True)
    assert rebuilt["choices"] == stored["choices"]


def test_responses_hit_streams_typed_events_ending_completed():
    stored = complete_answer(OPENAI_RESPONSES,
                             json.dumps(demo_apis.response_object("m", TEXT)).encode(), False)
    _, body = render_hit(OPENAI_RESPONSES, stored, stream=True)
    adapter = TypeAdapter(ResponseStreamEvent)
    parsed = [adapter.validate_python(d) for _, d in sse.json_events(body)]
    assert parsed[0].type == "response.created" and parsed[-1].type == "response.completed"
    assert parsed[-1].response.output_text == TEXT
    assert [p.sequence_number for p in parsed] == list(range(len(parsed)))
    assert complete_answer(OPENAI_RESPONSES, body, True)["id"] == parsed[-1].response.id


def test_anthropic_hit_streams_message_events():
    stored = complete_answer(ANTHROPIC_MESSAGES,
                             json.dumps(demo_apis.anthropic_message("m", TEXT)).encode(), False)
    _, body = render_hit(ANTHROPIC_MESSAGES, stored, stream=True)
    kinds = [k for k, _ in sse.events(body)]
    assert kinds[0] == "message_start" and kinds[-2:] == ["message_delta", "message_stop"]
    again = complete_answer(ANTHROPIC_MESSAGES, body, True)
    assert again["content"] == stored["content"] and again["id"] != stored["id"]
    _, plain = render_hit(ANTHROPIC_MESSAGES, stored, stream=False)
    assert json.loads(plain)["content"][0]["text"] == TEXT
