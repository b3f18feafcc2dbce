"""Hot reload and GET /v1/models through a real Envoy, a real `mmrouter serve` process (real MiniLM)
and the demo backends, on loopback."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

import pytest
import yaml

from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import chat, http

pytestmark = pytest.mark.e2e
HELLO = {"model": "MoM", "messages": [{"role": "user", "content": "Hey! How's it going?"}]}


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(default_config_data()).start()
    yield s
    s.stop()


def rewrite(stack: LocalStack, change) -> None:
    """Change the config file the running mmrouter was started with (whole-file rename)."""
    data = yaml.safe_load(stack.config_path.read_text())
    change(data)
    tmp = stack.config_path.with_suffix(".tmp")
    tmp.write_text(yaml.safe_dump(data, sort_keys=False))
    tmp.replace(stack.config_path)


def chit_chat_to(model: str):
    def change(data: dict[str, Any]) -> None:
        for route in data["routes"]:
            if route["name"] == "chit_chat":
                route["model_scores"] = [{"model": model, "score": 1.0}]
    return change


def config_generation(stack: LocalStack) -> int:
    return int(http("GET", stack.api_url + "/ready").json()["components"]["config"]["generation"])


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise TimeoutError(what)


def test_models_are_listed_through_envoy_in_openai_format(stack):
    r = http("GET", stack.base_url + "/v1/models")
    assert r.status == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    config = yaml.safe_load(stack.config_path.read_text())
    assert body["object"] == "list"
    assert [m["id"] for m in body["data"]] == [*config["routing"]["aliases"],
                                              *(m["name"] for m in config["models"])]
    assert all(m["object"] == "model" and isinstance(m["created"], int) and m["owned_by"]
               for m in body["data"])
    one = http("GET", stack.base_url + "/v1/models/nvidia/nemotron-nano-12b-v2-vl")
    assert one.status == 200 and one.json()["id"] == "nvidia/nemotron-nano-12b-v2-vl"
    missing = http("GET", stack.base_url + "/v1/models/no-such-model")
    assert missing.status == 404 and missing.json()["error"]["code"] == "model_not_found"
    # mmrouter answered, not the default backend (whose own /v1/models lists its cluster name).
    assert "nemotron_nano_9b" not in [m["id"] for m in body["data"]]


def test_an_alias_added_by_a_reload_is_listed(stack):
    rewrite(stack, lambda d: d["routing"].update(aliases=["MoM", "auto", "router"]))
    wait_until(lambda: "router" in [m["id"] for m in
                                    http("GET", stack.base_url + "/v1/models").json()["data"]],
               20, "the reloaded alias")
    r = chat(stack.base_url, {**HELLO, "model": "router"})
    assert r.status == 200 and r.headers["x-mmrouter-route"] == "chit_chat"


def test_reloads_under_load_fail_no_request(stack):
    results: Counter[tuple[int, str]] = Counter()
    stop = threading.Event()
    errors: list[BaseException] = []

    def client() -> None:
        while not stop.is_set():
            try:
                r = chat(stack.base_url, HELLO)
                results[(r.status, r.headers.get("x-demo-backend", ""))] += 1
            except BaseException as exc:  # noqa: BLE001 - a dropped connection is a failure too
                errors.append(exc)

    threads = [threading.Thread(target=client) for _ in range(4)]
    for t in threads:
        t.start()
    try:
        for model, backend in [("gpt-5-chat", "gpt5_chat"),
                               ("nvidia/nvidia-nemotron-nano-9b-v2", "nemotron_nano_9b"),
                               ("gpt-5-chat", "gpt5_chat")]:
            before = sum(results.values())
            generation = config_generation(stack)
            rewrite(stack, chit_chat_to(model))
            # each rewrite is its own reload (a backend check alone can pass early: under load
            # a request may go to another route's model, and two rewrites then make one reload)
            wait_until(lambda g=generation: config_generation(stack) == g + 1, 30,
                       f"reload to {model}")
            wait_until(lambda backend=backend: chat(stack.base_url, HELLO).headers.get(
                "x-demo-backend") == backend, 30, f"routed to {model}")
            wait_until(lambda before=before: sum(results.values()) > before + 20, 60,
                       "traffic after reload")
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert errors == []
    statuses = Counter(status for status, _ in results.elements())
    assert set(statuses) == {200}, results
    assert results[(200, "gpt5_chat")] > 0 and results[(200, "nemotron_nano_9b")] > 0
    ready = http("GET", stack.api_url + "/ready").json()["components"]["config"]
    assert ready["generation"] == 5 and ready["last_reload"]["outcome"] == "applied"
    metrics = http("GET", stack.api_url + "/metrics").body.decode()
    assert 'mmrouter_config_reload_total{outcome="applied"} 4.0' in metrics
    print(f"\nreload under load: {sum(results.values())} requests, 0 failed, 4 reloads")
