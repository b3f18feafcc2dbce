"""End to end through a real Envoy with llm_router on: mmrouter (real MiniLM and head) calls
the Arch-Router STAND-IN (keyword rules or an oracle file, not a model: no LLM weights can be
had here) served by `mmrouter demo-backends`."""

from __future__ import annotations

import base64
import json

import pytest

from mmrouter.devstack.stack import LocalStack, default_config_data

from conftest import chat, http
from images_support import png

pytestmark = pytest.mark.e2e

PANDA = "帮我画一只在竹林里吃竹子的熊猫，水墨画风格。"  # "draw me a panda …", Chinese
IMAGE = "data:image/png;base64," + base64.b64encode(png(2)).decode()  # a real PNG: checked


def _stack(**llm) -> LocalStack:
    data = default_config_data()
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    data["llm_router"] = llm
    return LocalStack(data).start()


def _settings(stack: LocalStack, **changes) -> None:
    r = http("POST", stack.stand_in_url + "/__stand_in/settings", json.dumps(changes).encode())
    assert r.status == 200, r.body


def _calls(stack: LocalStack) -> list[dict]:
    return http("GET", stack.stand_in_url + "/__stand_in/calls").json()


def _user(text, image=False):
    content = text if not image else [{"type": "text", "text": text},
                                      {"type": "image_url", "image_url": {"url": IMAGE}}]
    return {"model": "MoM", "messages": [{"role": "user", "content": content}]}


@pytest.fixture(scope="module")
def cascade_stack():
    stack = _stack(mode="cascade", escalate_below=0.0, encoder_scripts=["latin"])
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def always_stack():
    stack = _stack(mode="always")
    yield stack
    stack.stop()


def test_cascade_sends_only_the_unsure_request_to_the_stand_in(cascade_stack, tmp_path):
    oracle = tmp_path / "oracle.json"
    oracle.write_text(json.dumps({PANDA: "image_generation",
                                  "Hey! How's it going?": "hard_question"}))
    _settings(cascade_stack, oracle=str(oracle), mode="ok", latency_ms=20)
    before = len(_calls(cascade_stack))
    sure = chat(cascade_stack.base_url, _user("Hey! How's it going?"))
    assert sure.status == 200 and sure.headers["x-mmrouter-route"] == "chit_chat"
    assert len(_calls(cascade_stack)) == before  # confident English: the LLM was not asked
    unsure = chat(cascade_stack.base_url, _user(PANDA))
    assert unsure.status == 200
    assert unsure.headers["x-mmrouter-route"] == "image_generation"
    assert unsure.headers["x-demo-backend"] == "image_generator"
    assert json.loads(cascade_stack.received("image_generator")[-1]["body"]) == {
        **_user(PANDA), "model": "image-generator"}
    assert _calls(cascade_stack)[-1]["latest"] == PANDA
    metrics = http("GET", cascade_stack.api_url + "/metrics").body.decode()
    assert 'mmrouter_llm_escalations_total{reason="script"} 1.0' in metrics
    assert 'mmrouter_decisions_total{method="llm"} 1.0' in metrics


def test_cascade_failing_stand_in_keeps_the_embedding_decision(cascade_stack):
    _settings(cascade_stack, mode="fail", oracle=None)
    r = chat(cascade_stack.base_url, _user(PANDA))
    assert r.status == 200 and r.headers["x-mmrouter-route"] != ""
    api = http("POST", cascade_stack.api_url + "/api/v1/classify",
               json.dumps({"messages": _user(PANDA)["messages"]}).encode()).json()
    assert api["escalated"] is True and api["llm"]["outcome"] == "error"
    assert api["method"] == "head" and api["llm"]["reason"] == "script"
    assert r.headers["x-mmrouter-route"] == api["classification"]["category"]
    _settings(cascade_stack, mode="ok")


def test_always_routes_exactly_as_the_stand_in_says(always_stack, tmp_path):
    answers = {"Generate an image of a cat": "chit_chat",
               "Hey! How's it going?": "hard_question",
               "Prove that there are infinitely many primes.": "try_again",
               "What's the weather like on Mars?": "other"}
    oracle = tmp_path / "oracle.json"
    oracle.write_text(json.dumps(answers))
    _settings(always_stack, oracle=str(oracle))
    for text, route in answers.items():
        r = chat(always_stack.base_url, _user(text))
        assert r.status == 200 and r.headers["x-mmrouter-route"] == route, text
    assert [c["latest"] for c in _calls(always_stack)[-len(answers):]] == list(answers)


def test_always_capabilities_hold_through_envoy_stand_in(always_stack, tmp_path):
    oracle = tmp_path / "oracle.json"
    oracle.write_text(json.dumps({"so what do you think [image]": "chit_chat"}))
    _settings(always_stack, oracle=str(oracle))
    r = chat(always_stack.base_url, _user("so what do you think", image=True))
    assert r.status == 200 and r.headers["x-mmrouter-route"] == "chit_chat"
    assert r.headers["x-mmrouter-model"] in ("nvidia/nemotron-nano-12b-v2-vl", "gpt-5-chat")
