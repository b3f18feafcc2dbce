"""The response cache end to end: a real Envoy, mmrouter with the real e5 encoder, the demo
backends (the LLMs' stand-ins), on loopback; chat completions and the Responses API through the
official `openai` client, Anthropic Messages as raw HTTP; streamed and not."""

from __future__ import annotations

import concurrent.futures
import json
import time

import httpx
import openai
import pytest
import yaml

from mmrouter.devstack.stack import LocalStack, default_config_data

from cache_support import backend_of, fill, payload, post, sse_data, stored, wait_stored, metric

pytestmark = pytest.mark.e2e
KINDS = ("chat", "responses", "anthropic")


@pytest.fixture(scope="module")
def stack():
    data = default_config_data()
    data["cache"] = {"enabled": True}
    s = LocalStack(data).start()
    yield s
    s.stop()


@pytest.fixture
def client(stack):
    c = openai.OpenAI(base_url=stack.base_url + "/v1", api_key="key-a", max_retries=0,
                      http_client=httpx.Client(timeout=60))
    yield c
    c.close()


def received(stack, response):
    return len(stack.received(backend_of(response)))


def answer_text(kind, body):
    if kind == "chat":
        return body["choices"][0]["message"]["content"]
    if kind == "responses":
        return body["output"][0]["content"][0]["text"]
    return body["content"][0]["text"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_repeat_is_served_by_envoy_with_a_fresh_id(stack, kind):
    text = f"Tell me a fun fact about otters ({kind} plain)"
    first = fill(stack, kind, text)
    count = received(stack, first)
    hit = post(stack, kind, payload(kind, text))
    assert hit.status_code == 200 and hit.headers["x-mmrouter-cache"] == "hit"
    assert hit.headers["content-type"] == "application/json"
    assert hit.headers["x-mmrouter-model"] == first.headers["x-mmrouter-model"]
    assert received(stack, first) == count  # no backend call
    a, b = first.json(), hit.json()
    assert answer_text(kind, b) == answer_text(kind, a) and b["id"] != a["id"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_streamed_request_is_answered_as_a_stream_from_a_plain_entry(stack, kind):
    text = f"Tell me a fun fact about otters ({kind} to stream)"
    first = fill(stack, kind, text)
    hit = post(stack, kind, payload(kind, text, stream=True))
    assert hit.headers["x-mmrouter-cache"] == "hit"
    assert hit.headers["content-type"] == "text/event-stream"
    events = sse_data(hit.content)
    expected = answer_text(kind, first.json())
    if kind == "chat":
        assert events[-1] == "[DONE]"
        assert "".join(e["choices"][0]["delta"].get("content") or "" for e in events[:-1]
                       if e["choices"]) == expected
    elif kind == "responses":
        assert events[-1]["type"] == "response.completed"
        assert answer_text(kind, events[-1]["response"]) == expected
    else:
        assert [e["type"] for e in events][-2:] == ["message_delta", "message_stop"]
        assert "".join(e["delta"]["text"] for e in events
                       if e["type"] == "content_block_delta") == expected


@pytest.mark.parametrize("kind", KINDS)
def test_a_streamed_answer_is_assembled_and_serves_a_plain_request(stack, kind):
    text = f"Tell me a fun fact about otters ({kind} from stream)"
    first = fill(stack, kind, text, stream=True)
    events = sse_data(first.content)
    assert len(events) > 3  # it streamed through mmrouter's body processing unchanged
    hit = post(stack, kind, payload(kind, text))
    assert hit.headers["x-mmrouter-cache"] == "hit"
    assert answer_text(kind, hit.json()).strip().startswith("Hello from ")


def test_openai_client_parses_hits_plain_and_streamed(stack, client):
    text = "Tell me a fun fact about otters (openai client)"
    messages = [{"role": "user", "content": text}]
    before = stored(stack)
    miss = client.chat.completions.with_raw_response.create(model="MoM", messages=messages)
    assert miss.headers["x-mmrouter-cache"] == "miss"
    wait_stored(stack, before)
    raw = client.chat.completions.with_raw_response.create(model="MoM", messages=messages)
    assert raw.headers["x-mmrouter-cache"] == "hit"
    hit, original = raw.parse(), miss.parse()
    assert hit.choices[0].message.content == original.choices[0].message.content
    assert hit.id != original.id
    with client.chat.completions.with_streaming_response.create(
            model="MoM", messages=messages, stream=True,
            stream_options={"include_usage": True}) as streamed:
        assert streamed.headers["x-mmrouter-cache"] == "hit"
        chunks = list(streamed.parse())
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == \
        original.choices[0].message.content
    assert chunks[-1].usage is not None and chunks[-1].choices == []


def test_openai_client_parses_responses_hits(stack, client):
    text = "Tell me a fun fact about otters (responses client)"
    before = stored(stack)
    first = client.responses.create(model="MoM", input=text)
    wait_stored(stack, before)
    again = client.responses.with_raw_response.create(model="MoM", input=text)
    assert again.headers["x-mmrouter-cache"] == "hit"
    assert again.parse().output_text == first.output_text and again.parse().id != first.id
    events = list(client.responses.create(model="MoM", input=text, stream=True))
    assert events[-1].type == "response.completed"
    assert events[-1].response.output_text == first.output_text


STREAMS = [pytest.param(False, id="plain"), pytest.param(True, id="stream")]
CAPITALS = {"chat": ("France", "Germany"), "responses": ("Italy", "Spain"),
            "anthropic": ("Japan", "China")}


@pytest.mark.parametrize("kind", KINDS)
def test_paraphrase_hits_and_near_miss_does_not(stack, kind):
    mine, other = CAPITALS[kind]
    first = fill(stack, kind, f"What is the capital of {mine}?")
    count = received(stack, first)
    same = post(stack, kind, payload(kind, f"what is the capital of {mine.lower()}"))
    assert same.headers["x-mmrouter-cache"] == "hit"
    near = post(stack, kind, payload(kind, f"What is the capital of {other}?"))
    assert near.headers["x-mmrouter-cache"] == "miss"
    assert received(stack, near) == count + 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stream", STREAMS)
def test_no_store_bypasses_lookup_and_store(stack, kind, stream):
    text = f"Tell me a fun fact about otters (no-store {kind} {stream})"
    fill(stack, kind, text)
    before = stored(stack)
    bypass = post(stack, kind, payload(kind, text, stream=stream), {"cache-control": "no-store"})
    assert bypass.status_code == 200 and bypass.headers["x-mmrouter-cache"] == "bypass"
    if stream:
        assert bypass.headers["content-type"].startswith("text/event-stream")
    other = f"{text} twice"
    assert post(stack, kind, payload(kind, other, stream=stream),
                {"cache-control": "no-store"}).headers["x-mmrouter-cache"] == "bypass"
    time.sleep(0.3)
    assert stored(stack) == before
    assert post(stack, kind, payload(kind, other)).headers["x-mmrouter-cache"] == "miss"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stream", STREAMS)
def test_entries_never_cross_scopes(stack, kind, stream):
    """The default scope is both APIs' credential: authorization and x-api-key."""
    text = f"Tell me a fun fact about otters (scopes {kind} {stream})"
    credential = "x-api-key" if kind == "anthropic" else "authorization"
    before = stored(stack)
    first = post(stack, kind, payload(kind, text, stream=stream), {credential: "alice"})
    assert first.headers["x-mmrouter-cache"] == "miss"
    wait_stored(stack, before)
    for who in ("bob", None):
        headers = {credential: who} if who else {}  # Anthropic's helper sends x-api-key: test
        assert post(stack, kind, payload(kind, text, stream=stream),
                    headers).headers["x-mmrouter-cache"] == "miss", who
    again = post(stack, kind, payload(kind, text, stream=stream), {credential: "alice"})
    assert again.headers["x-mmrouter-cache"] == "hit"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stream", [False, True])
def test_truncated_answers_are_not_stored(stack, kind, stream):
    text = f"Tell me a fun fact about otters (truncated {kind} {stream})"
    limit = {"chat": "max_tokens", "responses": "max_output_tokens", "anthropic": "max_tokens"}
    body = payload(kind, text, stream=stream, **{limit[kind]: 2})
    before = metric(stack, "mmrouter_cache_stores_total", result="not_complete",
                    backend="memory")
    assert post(stack, kind, body).headers["x-mmrouter-cache"] == "miss"
    deadline = time.monotonic() + 10
    while metric(stack, "mmrouter_cache_stores_total", result="not_complete",
                 backend="memory") <= before:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert post(stack, kind, body).headers["x-mmrouter-cache"] == "miss"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stream", STREAMS)
def test_errors_are_not_stored(stack, kind, stream):
    text = f"Tell me a fun fact about otters (error {kind} {stream})"
    probe = post(stack, kind, payload(kind, f"Tell me a fun fact about otters (probe {kind})"))
    cluster = backend_of(probe)
    stack.fault(cluster, 500, count=1)
    failed = post(stack, kind, payload(kind, text, stream=stream))
    assert failed.status_code == 500
    assert post(stack, kind, payload(kind, text)).headers["x-mmrouter-cache"] == "miss"


def test_concurrent_identical_requests_lose_nothing(stack):
    text = "Tell me a fun fact about otters (64 at once)"

    def one(_):
        r = post(stack, "chat", payload("chat", text))
        return r.status_code, r.headers.get("x-mmrouter-cache"), r.json()
    with concurrent.futures.ThreadPoolExecutor(64) as pool:
        results = list(pool.map(one, range(64)))
    assert all(status == 200 for status, _, _ in results)
    texts = {body["choices"][0]["message"]["content"] for _, _, body in results}
    assert len(texts) == 1
    time.sleep(0.5)
    hit = post(stack, "chat", payload("chat", text))
    assert hit.headers["x-mmrouter-cache"] == "hit"
    assert hit.json()["choices"][0]["message"]["content"] in texts


def test_a_route_with_cache_false_bypasses_after_a_reload(stack):
    text = "Tell me a fun fact about otters (route off)"
    first = fill(stack, "chat", text)
    route = first.headers["x-mmrouter-route"]
    data = yaml.safe_load(stack.config_path.read_text())
    for r in data["routes"]:
        if r["name"] == route:
            r["cache"] = False
    stack.config_path.write_text(yaml.safe_dump(data, sort_keys=False))
    deadline = time.monotonic() + 60
    while True:
        r = post(stack, "chat", payload("chat", text))
        if r.headers["x-mmrouter-cache"] == "bypass":
            break
        assert r.headers["x-mmrouter-cache"] == "hit" and time.monotonic() < deadline
        time.sleep(0.2)
    for r in data["routes"]:
        r.pop("cache", None)
    stack.config_path.write_text(yaml.safe_dump(data, sort_keys=False))
    deadline = time.monotonic() + 60
    while post(stack, "chat", payload("chat", text)).headers["x-mmrouter-cache"] != "hit":
        assert time.monotonic() < deadline  # entries outlive a reload that keeps `cache`
        time.sleep(0.2)


def test_unrouted_requests_carry_no_cache_header(stack):
    r = httpx.get(stack.base_url + "/v1/models", timeout=30)
    assert r.status_code == 200 and "x-mmrouter-cache" not in r.headers
    bad = post(stack, "chat", {"model": "MoM", "messages": []})
    assert bad.status_code == 400 and "x-mmrouter-cache" not in bad.headers
    assert json.loads(bad.content)["error"]


def observer_streams(stack) -> int:
    """Streams Envoy opened to the cache's observer (its ext_proc stat prefix)."""
    stats = stack.envoy.admin_get("/stats?filter=ext_proc.cache_store.streams_started")
    return int(stats.strip().rsplit(" ", 1)[1])


def test_only_a_miss_that_may_be_stored_opens_an_observer_stream(stack):
    text = "Tell me a fun fact about otters (observer)"
    before = observer_streams(stack)
    fill(stack, "chat", text)
    assert observer_streams(stack) == before + 1
    assert post(stack, "chat", payload("chat", text)).headers["x-mmrouter-cache"] == "hit"
    no_store = post(stack, "chat", payload("chat", text + " (no-store)"),
                    {"cache-control": "no-store"})
    assert no_store.headers["x-mmrouter-cache"] == "bypass"
    assert httpx.get(stack.base_url + "/v1/models", timeout=30).status_code == 200
    assert post(stack, "chat", {"model": "MoM", "messages": []}).status_code == 400
    assert observer_streams(stack) == before + 1  # hits, bypasses and errors open none


def test_the_store_token_never_reaches_a_backend_and_a_client_cannot_send_one(stack):
    text = "Tell me a fun fact about otters (token)"
    port = stack.router_ports["grpc_port"]
    before, streams = stored(stack), observer_streams(stack)
    forged = post(stack, "chat", payload("chat", text), {"cache-control": "no-store",
                                                         "x-mmrouter-cache-store": f"{port}:x"})
    assert forged.headers["x-mmrouter-cache"] == "bypass"
    miss = fill(stack, "chat", text + " (miss)")
    for response in (forged, miss):
        seen = stack.received(backend_of(response))
        assert seen and not any(name.lower() == "x-mmrouter-cache-store"
                                for request in seen for name in request["headers"])
    assert observer_streams(stack) == streams + 1 and stored(stack) == before + 1
