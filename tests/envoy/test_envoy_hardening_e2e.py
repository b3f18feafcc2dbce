"""Issue 11 through a real Envoy: unnormalised paths never skip routing, Envoy's own local
replies are OpenAI-shaped JSON, and with the processor killed under load no alias reaches a
backend (the Lua filter after ext_proc). Real Envoy, real mmrouter, demo backends, loopback."""

from __future__ import annotations

import http.client as httpclient
import json
import signal
import threading
import time
from typing import Any

import pytest

from mmrouter.config.schema import load_config
from mmrouter.devstack.stack import LocalStack, default_config_data
from mmrouter.envoy.bootstrap import MIB, EnvoyLimits

from images_support import image_part, png

pytestmark = pytest.mark.e2e
CONFIG = load_config()
MODELS = {m.name: m for m in CONFIG.models}
ALIASES = set(CONFIG.routing.aliases)


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(default_config_data(), envoy_limits=EnvoyLimits(buffer_limit_bytes=2 * MIB))
    s.start()
    yield s
    s.stop()


def raw_request(port: int, method: str, path: str, body: bytes = b"",
                timeout: float = 60.0) -> tuple[int, dict[str, str], bytes]:
    """One request with the path sent exactly as given (http.client does not normalise it)."""
    conn = httpclient.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body, {"content-type": "application/json"})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def assert_openai_error(status: int, headers: dict[str, str], body: bytes, expected: int,
                        kind: str) -> dict[str, Any]:
    assert status == expected, body[:300]
    assert headers["content-type"] == "application/json"
    error = json.loads(body)["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["type"] == kind
    assert error["message"] and error["code"]
    return error


CHAT_BODY = json.dumps({"model": "MoM", "messages": [
    {"role": "user", "content": "Hey! How's it going? Nice weather today, isn't it?"}]}).encode()


@pytest.mark.parametrize("path", [
    "/v1/chat/%63ompletions", "//v1/chat/completions", "/v1//chat/completions",
    "/v1/chat/completions/", "/v1/x/../chat/completions", "/v1/./chat/completions",
    "/v1/%2e%2e/v1/chat/completions", "/v1/chat/completions;x=1", "/v1/chat/compl%65tions?a=1",
])
def test_unnormalised_chat_paths_are_routed(stack, path):
    status, headers, body = raw_request(stack.envoy.listener_port, "POST", path, CHAT_BODY)
    # mmrouter classified it: the decision headers are on the response, the model is served.
    assert headers.get("x-mmrouter-route") == "chit_chat", (status, body[:300])
    model = headers["x-mmrouter-model"]
    assert model in MODELS
    if status == 200:  # the demo backend serves only the exact path; others it answers 404
        received = stack.received(headers["x-demo-backend"])[-1]
        assert json.loads(received["body"])["model"] == model == json.loads(body)["model"]


@pytest.mark.parametrize("path", ["/v1/chat%2Fcompletions", "/v1/chat%2fcompletions",
                                  "/v1%2Fchat%2Fcompletions", "/v1/chat%5Ccompletions"])
def test_escaped_slashes_are_rejected_with_json(stack, path):
    before = {c: len(stack.received(c)) for c in stack.backend_ports}
    status, headers, body = raw_request(stack.envoy.listener_port, "POST", path, CHAT_BODY)
    error = assert_openai_error(status, headers, body, 400, "invalid_request_error")
    assert "path" in error["message"]
    assert {c: len(stack.received(c)) for c in stack.backend_ports} == before


def test_envoy_413_is_openai_json(stack):
    big = json.dumps({"model": "MoM", "messages": [
        {"role": "user", "content": "x" * (3 * MIB)}]}).encode()
    status, headers, body = raw_request(stack.envoy.listener_port, "POST",
                                        "/v1/chat/completions", big)
    error = assert_openai_error(status, headers, body, 413, "invalid_request_error")
    assert error["code"] == "payload_too_large" and str(2 * MIB) in error["message"]


def test_envoy_503_is_openai_json_naming_the_route(stack):
    stack.stop_backend("gpt5_chat")
    try:
        body = json.dumps({"model": "gpt-5-chat", "messages": [
            {"role": "user", "content": "hi"}]}).encode()
        status, headers, raw = raw_request(stack.envoy.listener_port, "POST",
                                           "/v1/chat/completions", body)
        error = assert_openai_error(status, headers, raw, 503, "server_error")
        assert error["code"] == "upstream_unavailable" and "'explicit'" in error["message"]
    finally:
        stack.start_backend("gpt5_chat")
    stack.stop_backend("nemotron_nano_9b")  # the default cluster: unrouted paths go there
    try:
        status, headers, raw = raw_request(stack.envoy.listener_port, "GET", "/__demo/received")
        error = assert_openai_error(status, headers, raw, 503, "server_error")
        assert error["code"] == "upstream_unavailable" and "route" not in error["message"]
    finally:
        stack.start_backend("nemotron_nano_9b")
    status, _, _ = raw_request(stack.envoy.listener_port, "GET", "/__demo/received")
    assert status == 200


def test_mmrouter_errors_keep_their_own_json(stack):
    status, headers, body = raw_request(stack.envoy.listener_port, "POST",
                                        "/v1/chat/completions", b'{"model": "MoM", "messages": [')
    error = assert_openai_error(status, headers, body, 400, "invalid_request_error")
    assert error["code"] == "invalid_json"


REQUESTS = [
    ("text", {"model": "MoM", "messages": [{"role": "user", "content": "Prove sqrt(2) is irrational"}]}),
    ("image", {"model": "auto", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this image?"}, image_part(png(seed=3))]}]}),
    ("explicit", {"model": "gpt-5-chat", "messages": [{"role": "user", "content": "hello"}]}),
    ("duplicate", b'{"model":"MoM","messages":[{"role":"user","content":"hi"}],"model":"auto"}'),
]


def test_processor_killed_under_load_no_alias_reaches_a_backend():
    s = LocalStack(default_config_data()).start()
    results: list[tuple[str, int, dict[str, str], bytes, bool]] = []
    killed = threading.Event()
    stop = threading.Event()

    def worker(offset: int) -> None:
        for i in range(400):  # bounded; stops early once enough ran after the kill
            if stop.is_set():
                return
            kind, payload = REQUESTS[(i + offset) % len(REQUESTS)]
            body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            sent_after = killed.is_set()
            status, headers, raw = raw_request(s.envoy.listener_port, "POST",
                                               "/v1/chat/completions", body, timeout=30)
            # and whether the kill had happened by the time the answer came back: a request in
            # flight at the kill was answered by mmrouter or lost its processor mid-stream
            results.append((kind, status, headers, raw, sent_after, killed.is_set()))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    try:
        for t in threads:
            t.start()
        time.sleep(2.0)
        s._procs[1].send_signal(signal.SIGKILL)  # the router process, mid-stream
        killed.set()
        deadline = time.monotonic() + 30
        while sum(r[4] for r in results) < 40 and time.monotonic() < deadline:
            time.sleep(0.1)
        stop.set()
        for t in threads:
            t.join(60)
    finally:
        stop.set()
        s.stop()
    assert sum(not r[4] for r in results) >= 4 and sum(r[4] for r in results) >= 40
    for kind, status, headers, raw, after, done_after in results:
        # mmrouter answers a duplicated model key with a 400: always before the kill; in flight
        # at the kill, unless the kill cut its stream first
        if kind == "duplicate" and not after and (status == 400 or not done_after):
            assert status == 400 and json.loads(raw)["error"]["param"] == "model", raw[:300]
            continue
        assert status == 200, (kind, status, raw[:300])
        model = json.loads(raw)["model"]  # what the backend received, echoed back
        assert model in MODELS and model not in ALIASES, (kind, model)
        assert headers.get("x-mmrouter-model") == model, (kind, after, dict(headers), raw)
        if kind == "image":
            assert "image" in MODELS[model].capabilities
        if kind == "explicit":
            assert model == "gpt-5-chat" and headers["x-demo-backend"] == "gpt5_chat"
