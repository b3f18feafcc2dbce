"""The three routed APIs end to end: the official `openai` client (chat completions and the
Responses API) and raw Anthropic Messages requests, through a real Envoy, real gRPC, the real
MiniLM and the demo backends, on loopback. The body reaching the backend is the client's, byte
for byte, except the top-level model."""

from __future__ import annotations

import base64
import hashlib
import http.client as httpclient
import json
from typing import Any

import httpx
import openai
import pytest

from mmrouter.config.schema import load_config
from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import http
from images_support import png

pytestmark = pytest.mark.e2e
PNG = png(3)
PNG_URI = "data:image/png;base64," + base64.b64encode(PNG).decode()
CAT = "Generate an image of a cat"
CHIT_CHAT = "Hey! How's it going? Nice weather today, isn't it?"
ANTHROPIC_HEADERS = {"content-type": "application/json", "anthropic-version": "2023-06-01",
                     "x-api-key": "test"}


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(default_config_data()).start()
    yield s
    s.stop()


class Sent:
    """The bodies the openai client put on the wire (an httpx request hook)."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def __call__(self, request: httpx.Request) -> None:
        self.bodies.append(request.read())


@pytest.fixture
def sent() -> Sent:
    return Sent()


@pytest.fixture
def client(stack, sent) -> openai.OpenAI:
    http_client = httpx.Client(event_hooks={"request": [sent]}, timeout=60)
    c = openai.OpenAI(base_url=stack.base_url + "/v1", api_key="test", max_retries=0,
                      http_client=http_client)
    yield c
    c.close()


def assert_forwarded_as_sent(stack, backend: str, client_body: bytes, model: str,
                             alias: bytes = b'"MoM"') -> None:
    """The backend got the client's bytes with only the top-level model changed."""
    received = stack.received(backend)[-1]["body"].encode()
    if alias is None:
        assert received == client_body
        return
    assert client_body.count(alias) == 1
    assert received == client_body.replace(alias, json.dumps(model).encode())


def anthropic(stack, payload: dict[str, Any] | bytes) -> tuple[int, dict[str, str], bytes]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    conn = httpclient.HTTPConnection("127.0.0.1", stack.envoy.listener_port, timeout=60)
    try:
        conn.request("POST", "/v1/messages", body, ANTHROPIC_HEADERS)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


# --- OpenAI chat completions, with the official client -----------------------------------------

@pytest.mark.parametrize("text, route, backend", [
    (CHIT_CHAT, "chit_chat", "nemotron_nano_9b"),
    (CAT, "image_generation", "image_generator"),
])
def test_chat_completions_with_openai_client(stack, client, sent, text, route, backend):
    raw = client.chat.completions.with_raw_response.create(
        model="MoM", messages=[{"role": "user", "content": text}], top_p=0.9)
    completion = raw.parse()
    assert raw.headers["x-mmrouter-route"] == route
    assert raw.headers["x-demo-backend"] == backend
    assert completion.model == raw.headers["x-mmrouter-model"]
    assert completion.choices[0].message.content == \
        f"Hello from {backend} (model {completion.model})."
    assert_forwarded_as_sent(stack, backend, sent.bodies[-1], completion.model)
    assert stack.received(backend)[-1]["headers"]["x-selected-model"] == completion.model


def test_chat_completions_streaming_and_errors_with_openai_client(stack, client):
    with client.chat.completions.with_streaming_response.create(
            model="MoM", stream=True,
            messages=[{"role": "user", "content": "Tell me a fun fact about otters"}]) as raw:
        model = raw.headers["x-mmrouter-model"]
        chunks = list(raw.parse())
    assert len(chunks) > 3 and all(c.model == model for c in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks).strip() == \
        f"Hello from {load_config().model(model).cluster} (model {model})."
    with pytest.raises(openai.BadRequestError) as info:
        client.chat.completions.create(model="gpt-9", messages=[{"role": "user", "content": "x"}])
    assert info.value.status_code == 400 and info.value.code == "model_not_found"


# --- OpenAI Responses API, with the official client --------------------------------------------

def test_responses_text_routed_and_forwarded_byte_exact(stack, client, sent):
    raw = client.responses.with_raw_response.create(
        model="MoM", input=CAT, instructions="You are a helpful assistant.", temperature=0.5)
    response = raw.parse()
    assert raw.headers["x-mmrouter-route"] == "image_generation"
    assert raw.headers["x-demo-backend"] == "image_generator"
    assert response.model == raw.headers["x-mmrouter-model"] == "image-generator"
    assert response.output_text == "Hello from image_generator (model image-generator)."
    assert_forwarded_as_sent(stack, "image_generator", sent.bodies[-1], "image-generator")
    received = stack.received("image_generator")[-1]
    assert received["path"] == "/v1/responses"
    assert received["headers"]["x-selected-model"] == "image-generator"


def test_responses_image_goes_to_image_capable_model(stack, client, sent):
    raw = client.responses.with_raw_response.create(model="auto", input=[
        {"role": "user", "content": [{"type": "input_text", "text": "lol isn't this nice"},
                                     {"type": "input_image", "image_url": PNG_URI}]}])
    model = raw.headers["x-mmrouter-model"]
    assert "image" in load_config().model(model).capabilities
    assert raw.parse().model == model
    assert_forwarded_as_sent(stack, raw.headers["x-demo-backend"], sent.bodies[-1], model,
                             alias=b'"auto"')


def test_responses_multi_turn_and_previous_response_id(stack, client, sent):
    turns = [{"role": "user", "content": "What is 15 * 7?"},
             {"role": "assistant", "content": "15 * 7 = 95"},
             {"role": "user", "content": "That's wrong, try again."}]
    raw = client.responses.with_raw_response.create(model="MoM", input=turns)
    assert raw.headers["x-mmrouter-route"] == _classify(stack, "openai_responses", {
        "model": "MoM", "input": turns})["route"]
    assert_forwarded_as_sent(stack, raw.headers["x-demo-backend"], sent.bodies[-1],
                             raw.headers["x-mmrouter-model"])
    raw = client.responses.with_raw_response.create(
        model="MoM", input="and again in French", previous_response_id="resp_earlier")
    assert raw.parse().model == raw.headers["x-mmrouter-model"]
    assert json.loads(stack.received(raw.headers["x-demo-backend"])[-1]["body"])[
        "previous_response_id"] == "resp_earlier"


def test_responses_streaming_events_pass_through(stack, client):
    with client.responses.with_streaming_response.create(
            model="MoM", input="Tell me a fun fact about otters", stream=True) as raw:
        model = raw.headers["x-mmrouter-model"]
        assert raw.headers["content-type"].startswith("text/event-stream")
        events = list(raw.parse())
    kinds = [e.type for e in events]
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    assert len(deltas) > 3
    assert events[-1].response.model == model
    assert "".join(deltas) == events[-1].response.output_text


def test_responses_explicit_unknown_and_malformed(stack, client, sent):
    raw = client.responses.with_raw_response.create(model="gpt-5-chat", input="hi")
    assert raw.headers["x-demo-backend"] == "gpt5_chat"
    assert raw.headers["x-mmrouter-route"] == "explicit"
    assert_forwarded_as_sent(stack, "gpt5_chat", sent.bodies[-1], "gpt-5-chat", alias=None)
    with pytest.raises(openai.BadRequestError) as info:
        client.responses.create(model="gpt-9", input="hi")
    assert info.value.code == "model_not_found" and "gpt-9" in info.value.message
    for body, code, param in ((b'{"model": "MoM", "input": ', "invalid_json", None),
                              (b'{"model": "MoM", "input": 5}', "invalid_request", "input"),
                              (b'{"model": "MoM", "input": [{"role": "user", "content": '
                               b'[{"type": "input_image"}]}]}', "invalid_request",
                               "input[0].content[0]")):
        r = http("POST", stack.base_url + "/v1/responses", body)
        assert r.status == 400 and r.headers["content-type"] == "application/json"
        error = r.json()["error"]
        assert (error["code"], error["param"], error["type"]) == \
            (code, param, "invalid_request_error")


# --- Anthropic Messages API, raw requests ------------------------------------------------------

def test_anthropic_text_routed_and_forwarded_byte_exact(stack):
    body = (b'{"model":"MoM", "max_tokens": 64, "system": "Generate images on request",\n'
            b' "messages": [{"role": "user", "content": "' + CHIT_CHAT.encode() + b'"}]}')
    status, headers, answer = anthropic(stack, body)
    assert status == 200, answer
    assert headers["x-mmrouter-route"] == "chit_chat"  # the system prompt never routes
    assert headers["x-demo-backend"] == "nemotron_nano_9b"
    message = json.loads(answer)
    assert message["type"] == "message" and message["model"] == headers["x-mmrouter-model"]
    expected = body.replace(b'"MoM"', json.dumps(message["model"]).encode())
    assert headers["x-demo-body-sha256"] == hashlib.sha256(expected).hexdigest()
    assert stack.received("nemotron_nano_9b")[-1]["path"] == "/v1/messages"


def test_anthropic_image_multi_turn_and_explicit_model(stack):
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                         "data": base64.b64encode(PNG).decode()}}
    payload = {"model": "auto", "max_tokens": 64, "messages": [
        {"role": "user", "content": "Hi there"},
        {"role": "assistant", "content": [{"type": "text", "text": "Hello! How can I help?"}]},
        {"role": "user", "content": [image, {"type": "text", "text": "What is in this picture?"}]}]}
    status, headers, answer = anthropic(stack, payload)
    assert status == 200, answer
    model = headers["x-mmrouter-model"]
    assert "image" in load_config().model(model).capabilities
    assert json.loads(stack.received(headers["x-demo-backend"])[-1]["body"]) == \
        {**payload, "model": model}
    assert headers["x-mmrouter-route"] == _classify(stack, "anthropic_messages", payload)["route"]
    status, headers, _ = anthropic(stack, {**payload, "model": "gpt-5-chat"})
    assert status == 200 and headers["x-demo-backend"] == "gpt5_chat"
    assert headers["x-mmrouter-route"] == "explicit"


def test_anthropic_tool_use_and_results_do_not_route(stack):
    ask = {"role": "user", "content": CHIT_CHAT}
    loop = [ask,
            {"role": "assistant", "content": [
                {"type": "text", "text": "Let me look."},
                {"type": "tool_use", "id": "toolu_1", "name": "search", "input": {"q": CAT}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": CAT}]}]
    tools = [{"name": "search", "description": "Generate an image", "input_schema": {
        "type": "object", "properties": {"q": {"type": "string"}}}}]
    status, headers, answer = anthropic(stack, {"model": "MoM", "max_tokens": 64,
                                                "tools": tools, "messages": loop})
    assert status == 200, answer
    assert headers["x-mmrouter-route"] == "chit_chat"
    alone = _classify(stack, "anthropic_messages", {"model": "MoM", "messages": [ask]})
    assert float(headers["x-mmrouter-confidence"]) == pytest.approx(alone["confidence"], abs=1e-4)


def test_anthropic_streaming_events_pass_through(stack):
    payload = {"model": "MoM", "max_tokens": 64, "stream": True,
               "messages": [{"role": "user", "content": "Tell me a fun fact about otters"}]}
    status, headers, answer = anthropic(stack, payload)
    assert status == 200 and headers["content-type"].startswith("text/event-stream")
    events = [json.loads(line[len("data: "):]) for line in answer.decode().splitlines()
              if line.startswith("data: ")]
    kinds = [e["type"] for e in events]
    assert kinds[0] == "message_start" and kinds[-1] == "message_stop"
    assert kinds.count("content_block_delta") > 3
    assert events[0]["message"]["model"] == headers["x-mmrouter-model"]


def test_anthropic_errors_in_anthropic_shape(stack):
    cases = [
        (b'{"model": "MoM", "messages": [', "invalid_json"),
        (json.dumps({"model": "MoM", "max_tokens": 8, "messages": []}).encode(), "messages"),
        (json.dumps({"model": "MoM", "messages": [{"role": "user", "content": [
            {"type": "image", "source": {"type": "path", "path": "/etc/passwd"}}]}]}).encode(),
         "messages[0].content[0].source.type"),
        (json.dumps({"model": "claude-9", "max_tokens": 8,
                     "messages": [{"role": "user", "content": "hi"}]}).encode(), "claude-9"),
        (b"", "empty"),
    ]
    for body, needle in cases:
        status, headers, answer = anthropic(stack, body)
        assert status == 400 and headers["content-type"] == "application/json", answer
        error = json.loads(answer)
        assert error["type"] == "error" and error["error"]["type"] == "invalid_request_error"
        assert needle in error["error"]["message"]
    status, _, _ = anthropic(stack, {"model": "MoM", "max_tokens": 8,
                                     "messages": [{"role": "user", "content": "hi"}]})
    assert status == 200  # the stream after the errors is fine


# --- the classification API answers as the listener decides -----------------------------------

def _classify(stack, api: str, payload: dict[str, Any], via: str = "header") -> dict[str, Any]:
    headers = {"x-mmrouter-api": api} if via == "header" else {}
    body = payload if via == "header" else {**payload, "api": api}
    r = http("POST", stack.api_url + "/api/v1/classify/request", json.dumps(body).encode(),
             headers)
    assert r.status == 200, r.body
    return r.json()


@pytest.mark.parametrize("api, path, payload", [
    ("openai_chat", "/v1/chat/completions",
     {"model": "MoM", "messages": [{"role": "user", "content": CAT}]}),
    ("openai_responses", "/v1/responses", {"model": "MoM", "input": CHIT_CHAT}),
    ("anthropic_messages", "/v1/messages",
     {"model": "MoM", "max_tokens": 8, "messages": [{"role": "user", "content": CAT}]}),
])
def test_classification_api_gives_the_listeners_decision(stack, api, path, payload):
    r = http("POST", stack.base_url + path, json.dumps(payload).encode(), ANTHROPIC_HEADERS)
    assert r.status == 200, r.body
    for via in ("header", "field"):
        decision = _classify(stack, api, payload, via)
        assert decision["api"] == api and decision["reason"] == "classified"
        assert (decision["route"], decision["model"]) == \
            (r.headers["x-mmrouter-route"], r.headers["x-mmrouter-model"])
        assert decision["confidence"] == pytest.approx(
            float(r.headers["x-mmrouter-confidence"]), abs=1e-4)
    bad = http("POST", stack.api_url + "/api/v1/classify/request", b'{"model": "MoM"}',
               {"x-mmrouter-api": "anthropic_messages"})
    assert bad.status == 400 and bad.json()["type"] == "error"
