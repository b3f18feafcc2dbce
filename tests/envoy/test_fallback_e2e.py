"""Issue 15 through a real Envoy: fallback across a route's models (aggregate cluster, retries,
per-attempt model splice). Real Envoy, real mmrouter (MiniLM), demo backends with injected
faults, loopback only."""

from __future__ import annotations

import copy
import http.client as httpclient
import json
from typing import Any

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import chat
from images_support import image_part, png

pytestmark = pytest.mark.e2e
NANO, GPT, VL = "nvidia/nvidia-nemotron-nano-9b-v2", "gpt-5-chat", "nvidia/nemotron-nano-12b-v2-vl"
CLUSTER = {NANO: "nemotron_nano_9b", GPT: "gpt5_chat", VL: "nemotron_nano_12b_vl"}
HARD = "Prove that there are infinitely many prime numbers."  # hard_question: default retry_on
CHIT = "Hey! How's it going? Nice weather today, isn't it?"  # chit_chat: retry_on without 429


def fallback_config(**fallback: Any) -> dict[str, Any]:
    """Every route ranks the same three models: a text-only one first, then two image models."""
    data = copy.deepcopy(default_config_data())
    for route in data["routes"]:
        route["model_scores"] = [{"model": NANO, "score": 1.0}, {"model": GPT, "score": 0.9},
                                 {"model": VL, "score": 0.8}]
        if route["name"] == "chit_chat":
            route["fallback"] = {"retry_on": ["connect-failure", "reset", 503]}
    data["routing"]["fallback"] = {"max_attempts": 3, "outlier_detection": {"enabled": False},
                                   **fallback}
    return data


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(fallback_config()).start()
    yield s
    s.stop()


def text_body(text: str, **extra: Any) -> bytes:
    return json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}],
                       "temperature": 0.25, **extra}).encode()


def last_body(stack: LocalStack, cluster: str) -> bytes:
    return stack.received(cluster)[-1]["body"].encode()


def test_happy_path_first_choice_no_fallback_headers(stack):
    body = text_body(HARD)
    r = chat(stack.base_url, body)
    conn = httpclient.HTTPConnection("127.0.0.1", stack.envoy.listener_port, timeout=30)
    conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    assert [v for k, v in resp.getheaders() if k.lower() == "x-mmrouter-model"] == [NANO]
    assert r.status == 200 and r.headers["x-mmrouter-route"] == "hard_question"
    assert r.headers["x-mmrouter-model"] == NANO and r.headers["x-demo-backend"] == CLUSTER[NANO]
    assert "x-mmrouter-fallback" not in r.headers and r.headers["x-envoy-attempt-count"] == "1"
    received = stack.received(CLUSTER[NANO])[-1]
    assert received["body"].encode() == body.replace(b'"MoM"', json.dumps(NANO).encode())
    assert received["headers"]["x-selected-model"] == NANO
    assert "x-mmrouter-upstream-model" not in received["headers"]
    start, end = map(int, received["headers"]["x-mmrouter-model-span"].split("-"))
    assert received["body"].encode()[start:end] == json.dumps(NANO).encode()


def test_first_choice_stopped_served_by_second_with_its_name(stack):
    stack.stop_backend(CLUSTER[NANO])
    try:
        body = text_body(HARD)
        r = chat(stack.base_url, body)
    finally:
        stack.start_backend(CLUSTER[NANO])
    assert r.status == 200, r.body
    assert r.headers["x-demo-backend"] == CLUSTER[GPT] and r.headers["x-mmrouter-model"] == GPT
    assert r.headers["x-mmrouter-fallback"] == NANO and r.headers["x-envoy-attempt-count"] == "2"
    assert r.json()["model"] == GPT
    received = stack.received(CLUSTER[GPT])[-1]
    # Byte for byte the client's body, with the backend's own model name in it.
    assert received["body"].encode() == body.replace(b'"MoM"', json.dumps(GPT).encode())
    assert int(received["headers"]["Content-Length"]) == len(received["body"].encode())
    assert received["headers"]["x-selected-model"] == GPT
    assert "x-mmrouter-upstream-model" not in received["headers"]


def test_two_down_third_model_gets_the_original_body_with_its_name(stack):
    body = text_body(HARD, max_tokens=7)
    stack.stop_backend(CLUSTER[NANO])
    stack.fault(CLUSTER[GPT], 503)
    try:
        r = chat(stack.base_url, body)
    finally:
        stack.start_backend(CLUSTER[NANO])
        stack.fault(CLUSTER[GPT], None)
    assert r.status == 200 and r.headers["x-mmrouter-model"] == VL, r.body
    assert r.headers["x-envoy-attempt-count"] == "3" and r.headers["x-mmrouter-fallback"] == NANO
    assert last_body(stack, CLUSTER[GPT]) == body.replace(b'"MoM"', json.dumps(GPT).encode())
    received = stack.received(CLUSTER[VL])[-1]
    assert received["body"].encode() == body.replace(b'"MoM"', json.dumps(VL).encode())
    assert int(received["headers"]["Content-Length"]) == len(received["body"].encode())


def test_image_fallback_skips_text_only_models(stack):
    nano_before = len(stack.received(CLUSTER[NANO]))
    payload = {"model": "auto", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this image?"}, image_part(png(seed=5))]}]}
    stack.stop_backend(CLUSTER[GPT])
    try:
        r = chat(stack.base_url, payload)
    finally:
        stack.start_backend(CLUSTER[GPT])
    assert r.status == 200, r.body
    assert r.headers["x-mmrouter-model"] == VL and r.headers["x-mmrouter-fallback"] == GPT
    assert json.loads(last_body(stack, CLUSTER[VL])) == {**payload, "model": VL}
    assert len(stack.received(CLUSTER[NANO])) == nano_before


def test_503_then_429_fall_back_only_on_configured_codes(stack):
    try:
        stack.fault(CLUSTER[NANO], 503)
        r = chat(stack.base_url, text_body(CHIT))
        assert r.status == 200 and r.headers["x-mmrouter-route"] == "chit_chat"
        assert r.headers["x-mmrouter-model"] == GPT and r.headers["x-mmrouter-fallback"] == NANO
        # The failed attempt reached the first choice with the first choice's name.
        assert json.loads(last_body(stack, CLUSTER[NANO]))["model"] == NANO
        stack.fault(CLUSTER[NANO], 429)
        r = chat(stack.base_url, text_body(CHIT))  # chit_chat: retry_on has no 429
        assert r.status == 429 and r.headers["x-demo-backend"] == CLUSTER[NANO], r.body
        assert r.json()["error"]["type"] == "rate_limit_error"
        assert "x-mmrouter-fallback" not in r.headers
        r = chat(stack.base_url, text_body(HARD))  # hard_question: default retry_on has 429
        assert r.status == 200 and r.headers["x-mmrouter-model"] == GPT
        assert r.headers["x-mmrouter-fallback"] == NANO
    finally:
        stack.fault(CLUSTER[NANO], None)


def test_everything_down_is_a_json_503_naming_the_route(stack):
    for model in (NANO, GPT, VL):
        stack.stop_backend(CLUSTER[model])
    try:
        r = chat(stack.base_url, text_body(HARD))
    finally:
        for model in (NANO, GPT, VL):
            stack.start_backend(CLUSTER[model])
    assert r.status == 503 and r.headers["content-type"] == "application/json"
    error = r.json()["error"]
    assert error["type"] == "server_error" and error["code"] == "upstream_unavailable"
    assert "'hard_question'" in error["message"]
    assert chat(stack.base_url, text_body(HARD)).status == 200


def test_streaming_with_first_backend_down(stack):
    stack.stop_backend(CLUSTER[NANO])
    try:
        conn = httpclient.HTTPConnection("127.0.0.1", stack.envoy.listener_port, timeout=30)
        conn.request("POST", "/v1/chat/completions", text_body(HARD, stream=True),
                     {"content-type": "application/json"})
        resp = conn.getresponse()
        events = [line for line in resp.read().decode().splitlines() if line.startswith("data: ")]
        conn.close()
    finally:
        stack.start_backend(CLUSTER[NANO])
    assert resp.status == 200 and resp.getheader("content-type").startswith("text/event-stream")
    assert resp.getheader("x-mmrouter-model") == GPT and resp.getheader("x-mmrouter-fallback") == NANO
    assert events[-1] == "data: [DONE]" and len(events) > 3
    assert all(json.loads(e[6:])["model"] == GPT for e in events[:-1])


def test_envoy_counts_retries_per_aggregate_and_attempts_per_model(stack):
    stats = stack.envoy.admin_get("/stats?filter=mmrouter_fallback_hard_question_text")
    assert "cluster.mmrouter_fallback_hard_question_text.upstream_rq_retry:" in stats
    retries = stack.envoy.counter("cluster.mmrouter_fallback_hard_question_text.upstream_rq_retry")
    assert retries >= 1
    assert stack.envoy.counter(
        "cluster.mmrouter_fallback_hard_question_text.upstream_rq_retry_success") >= 1
    assert stack.envoy.counter(f"cluster.{CLUSTER[GPT]}.upstream_rq_total") >= 1


# What backends received before fallback existed, plus the reason for the choice (issue 24).
ROUTER_HEADERS = {"x-selected-model", "x-mmrouter-cluster", "x-mmrouter-route",
                  "x-mmrouter-confidence", "x-mmrouter-reason"}


def test_max_attempts_one_behaves_as_before_fallback():
    s = LocalStack(fallback_config(max_attempts=1) | {"routes": [
        {k: v for k, v in r.items() if k != "fallback"}
        for r in fallback_config()["routes"]]}).start()
    try:
        body = text_body(HARD)
        conn = httpclient.HTTPConnection("127.0.0.1", s.envoy.listener_port, timeout=30)
        conn.request("POST", "/v1/chat/completions", body, {"content-type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        conn.close()
        headers = [(k.lower(), v) for k, v in resp.getheaders()]
        assert resp.status == 200 and ("x-mmrouter-model", NANO) in headers
        assert not {"x-envoy-attempt-count", "x-mmrouter-fallback"} & {k for k, _ in headers}
        assert [k for k, _ in headers].count("x-mmrouter-model") == 1
        received = s.received(CLUSTER[NANO])[-1]
        assert received["body"].encode() == body.replace(b'"MoM"', json.dumps(NANO).encode())
        sent = {k.lower() for k in received["headers"]}
        assert {k for k in sent if k.startswith(("x-mmrouter", "x-selected"))} == ROUTER_HEADERS
        gpt_before = len(s.received(CLUSTER[GPT]))
        s.stop_backend(CLUSTER[NANO])
        r = chat(s.base_url, text_body(HARD))
        assert r.status == 503 and r.json()["error"]["code"] == "upstream_unavailable"
        assert len(s.received(CLUSTER[GPT])) == gpt_before  # no second model tried
    finally:
        s.stop()


def test_health_checks_skip_a_dead_backend_before_it_is_tried():
    import time

    s = LocalStack(fallback_config(health_check={
        "enabled": True, "interval_ms": 300, "timeout_ms": 200, "unhealthy_threshold": 1})).start()
    try:
        s.stop_backend(CLUSTER[NANO])
        deadline = time.monotonic() + 20
        while "failed_active_hc" not in _health_flags(s, CLUSTER[NANO]):
            assert time.monotonic() < deadline, _health_flags(s, CLUSTER[NANO])
            time.sleep(0.1)
        r = chat(s.base_url, text_body(HARD))
        assert r.status == 200 and r.headers["x-mmrouter-model"] == GPT
        assert r.headers["x-mmrouter-fallback"] == NANO
        assert r.headers["x-envoy-attempt-count"] == "1"  # not tried, so not retried
        assert json.loads(s.received(CLUSTER[GPT])[-1]["body"])["model"] == GPT
    finally:
        s.stop()


def _health_flags(stack: LocalStack, cluster: str) -> str:
    return "\n".join(line for line in stack.envoy.admin_get("/clusters").splitlines()
                     if line.startswith(f"{cluster}::") and "health_flags" in line)


def test_models_sharing_a_cluster_each_get_their_own_name():
    data = fallback_config()
    next(m for m in data["models"] if m["name"] == VL)["cluster"] = CLUSTER[GPT]
    s = LocalStack(data).start()
    try:
        explicit = json.dumps({"model": VL, "messages": [{"role": "user", "content": "hi"}]})
        conn = httpclient.HTTPConnection("127.0.0.1", s.envoy.listener_port, timeout=30)
        conn.request("POST", "/v1/chat/completions", explicit, {"content-type": "application/json"})
        resp = conn.getresponse()
        answer = json.loads(resp.read())
        conn.close()
        assert resp.status == 200 and answer["model"] == VL
        # The shared cluster has no one model in its metadata: the header is mmrouter's choice.
        assert [v for k, v in resp.getheaders() if k.lower() == "x-mmrouter-model"] == [VL]
        s.stop_backend(CLUSTER[NANO])
        r = chat(s.base_url, text_body(HARD))
        assert r.status == 200 and r.headers["x-mmrouter-model"] == GPT, r.body
        assert json.loads(s.received(CLUSTER[GPT])[-1]["body"])["model"] == GPT
    finally:
        s.stop()
