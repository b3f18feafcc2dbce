"""Capabilities, cost and budget through the in-process service: real gRPC ext_proc streams and
real HTTP on loopback, with the FAKE hashing text encoder (the real one runs in tests/envoy)."""

from __future__ import annotations

import json
import math

import aiohttp
import pytest

from mmrouter.config.schema import parse_config
from mmrouter.core.choice import DEFAULT_OUTPUT_TOKENS
from mmrouter.devstack.stack import default_config_data
from mmrouter.routing.fallback import fallback_groups
from mmrouter.routing.needs import BYTES_PER_TOKEN

from test_server import RESPONSE_HEADERS, body_msg, headers_msg, run, set_headers, stream

PRICE = {"input_per_mtok": 1.25, "output_per_mtok": 10.0}


def choice_config():
    data = default_config_data()
    caps = {"nvidia/nvidia-nemotron-nano-9b-v2": ["text"],
            "gpt-5-chat": ["text", "image", "tools"],
            "nvidia/nemotron-nano-12b-v2-vl": ["text", "image"]}
    for model in data["models"]:
        if model["name"] in caps:
            model["capabilities"] = caps[model["name"]]
        model.pop("context_window", None)
    data["models"][1]["price"] = PRICE
    other = next(r for r in data["routes"] if r["name"] == "other")
    other["model_scores"] = [{"model": "gpt-5-chat", "score": 1.0},
                             {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "score": 0.5}]
    data["routing"]["budget"] = {"window_s": 600,
                                 "limits": [{"model": "image-generator", "max_share": 0.1}]}
    return parse_config(data)


CAT = [{"role": "user", "content": "Generate an image of a cat"}]
TOOLS = [{"type": "function", "function": {"name": "draw", "parameters": {"type": "object"}}}]


async def _route(server, payload, path="/v1/chat/completions"):
    body = json.dumps(payload).encode()
    _, bod, resp = await stream(server, [headers_msg("POST", path), body_msg(body),
                                         RESPONSE_HEADERS])
    return bod, set_headers(resp.response_headers.response)


def test_tools_request_goes_to_the_capable_model_with_its_reason():
    async def scenario(server):
        plain = await _route(server, {"model": "MoM", "messages": CAT})
        tools = await _route(server, {"model": "MoM", "messages": CAT, "tools": TOOLS})
        return plain, tools

    (plain_body, plain), (tools_body, tools) = run(choice_config(), scenario)
    request = set_headers(plain_body.request_body.response)
    assert request["x-selected-model"] == "image-generator"
    assert request["x-mmrouter-reason"] == plain["x-mmrouter-reason"] == "route"
    # image_generation's only model lacks tools: the fallback route's capable model takes it
    request = set_headers(tools_body.request_body.response)
    assert request["x-selected-model"] == "gpt-5-chat"
    assert request["x-mmrouter-reason"] == tools["x-mmrouter-reason"] == "capability:tools"
    assert tools["x-mmrouter-model"] == "gpt-5-chat"
    assert tools["x-mmrouter-route"] == "image_generation"
    # other's fallback group would retry on the 9b, which lacks tools: the model's own cluster
    group = fallback_groups(choice_config())[("other", False)]
    assert [m.name for m in group.models] == ["gpt-5-chat", "nvidia/nvidia-nemotron-nano-9b-v2"]
    assert request["x-mmrouter-cluster"] == "gpt5_chat"


def test_no_capable_model_is_a_400_in_the_clients_shape():
    audio = {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}}
    chat = {"model": "MoM", "messages": [{"role": "user", "content": [audio]}]}
    messages = {"model": "MoM", "max_tokens": 10, "output_format": {"type": "json_schema",
                                                                    "schema": {}},
                "messages": CAT}

    async def scenario(server):
        first = await _route(server, chat)
        second = await _route(server, messages, "/v1/messages")
        return first[0], second[0], server.metrics

    openai, anthropic, metrics = run(choice_config(), scenario)
    assert openai.immediate_response.status.code == 400
    error = json.loads(openai.immediate_response.body)["error"]
    assert error["code"] == "no_capable_model" and "'audio' capability" in error["message"]
    assert anthropic.immediate_response.status.code == 400
    error = json.loads(anthropic.immediate_response.body)
    assert error["type"] == "error" and error["error"]["type"] == "invalid_request_error"
    assert "'json_schema' capability" in error["error"]["message"]
    assert metrics.registry.get_sample_value("mmrouter_errors_total",
                                             {"kind": "no_capable_model"}) == 2.0


def test_explicit_model_passes_through_unchanged_and_is_costed():
    text = "x" * 400
    with_limit = {"model": "gpt-5-chat", "max_tokens": 100, "tools": TOOLS,
                  "messages": [{"role": "user", "content": text}]}
    without = {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "tools": TOOLS,
               "messages": [{"role": "user", "content": text}]}
    gpt_no_limit = {"model": "gpt-5-chat", "messages": [{"role": "user", "content": text}]}

    async def scenario(server):
        answers = [await _route(server, p) for p in (with_limit, without, gpt_no_limit)]
        return answers, server.metrics

    answers, metrics = run(choice_config(), scenario)
    for (bod, response), payload in zip(answers, (with_limit, without, gpt_no_limit)):
        request = set_headers(bod.request_body.response)
        assert request["x-selected-model"] == payload["model"]  # 9b lacks tools: still sent
        assert response["x-mmrouter-reason"] == "explicit"
        assert not bod.request_body.response.HasField("body_mutation")

    def tokens(payload):
        strings = len("messages") + len("role") + len("user") + len("content") + len(text)
        strings += len("model") + len(payload["model"])
        if "max_tokens" in payload:
            strings += len("max_tokens")
        if "tools" in payload:
            strings += len("tools") + len("type") + len("function") + len("function") + \
                len("name") + len("draw") + len("parameters") + len("type") + len("object")
        return math.ceil(strings / BYTES_PER_TOKEN)

    expected = (tokens(with_limit) * 1.25 + 100 * 10.0) / 1e6 + \
        (tokens(gpt_no_limit) * 1.25 + DEFAULT_OUTPUT_TOKENS * 10.0) / 1e6
    sample = metrics.registry.get_sample_value("mmrouter_estimated_cost_usd_total",
                                               {"model": "gpt-5-chat"})
    assert sample == pytest.approx(expected, rel=1e-12)
    assert metrics.registry.get_sample_value(  # unpriced: not costed
        "mmrouter_estimated_cost_usd_total", {"model": "nvidia/nvidia-nemotron-nano-9b-v2"}) is None


def test_budget_state_over_http_and_in_metrics():
    async def scenario(server):
        for _ in range(3):
            await _route(server, {"model": "MoM", "messages": CAT})
        await _route(server, {"model": "image-generator", "messages": CAT})  # explicit: uncounted
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{server.http_port}"
            async with session.post(base + "/api/v1/classify/request",  # a dry run: uncounted
                                    json={"model": "MoM", "messages": CAT, "tools": TOOLS}) as r:
                dry = await r.json()
            async with session.get(base + "/api/v1/budget") as r:
                return r.status, await r.json(), server.metrics, dry

    status, state, metrics, dry = run(choice_config(), scenario)
    assert (dry["model"], dry["choice"], dry["reason"]) == ("gpt-5-chat", "capability:tools",
                                                            "classified")
    assert status == 200
    assert state["enabled"] is True and state["window_s"] == 600.0 and state["classified"] == 3
    limit = state["models"]["image-generator"]
    # image_generation has no other capable model: over budget, yet never demoted
    assert (limit["max_share"], limit["share"], limit["requests"], limit["wanted"],
            limit["demoted_total"]) == (0.1, 1.0, 3, 3, 0)
    sample = metrics.registry.get_sample_value
    assert sample("mmrouter_budget_max_share", {"model": "image-generator"}) == 0.1
    assert sample("mmrouter_budget_share", {"model": "image-generator"}) == 1.0
    assert sample("mmrouter_budget_demotions_total", {"model": "image-generator"}) is None


def test_a_budget_demotion_says_budget_in_the_reason_header():
    """image_generation gets a second capable model and image-generator a zero share: decisions
    that wanted it go to the route's next model, and the headers say why."""
    data = json.loads(json.dumps(default_config_data()))
    data["models"] = [dict(m) for m in data["models"]]
    for model in data["models"]:
        if model["name"] == "gpt-5-chat":
            model["capabilities"] = ["text", "image", "tools"]
    route = next(r for r in data["routes"] if r["name"] == "image_generation")
    route["model_scores"] = [{"model": "image-generator", "score": 1.0},
                             {"model": "gpt-5-chat", "score": 0.5}]
    data["routing"]["budget"] = {"window_s": 600,
                                 "limits": [{"model": "image-generator", "max_share": 0.0}]}
    config = parse_config(data)

    async def scenario(server):
        return [await _route(server, {"model": "MoM", "messages": CAT}) for _ in range(6)]

    outcomes = []
    for body, response in run(config, scenario):
        request = set_headers(body.request_body.response)
        outcomes.append((request["x-selected-model"], request["x-mmrouter-reason"],
                         response["x-mmrouter-reason"], response["x-mmrouter-route"]))
    demoted = [o for o in outcomes if o[1] == "budget"]
    assert demoted, outcomes
    assert all(o == ("gpt-5-chat", "budget", "budget", "image_generation") for o in demoted)
    assert all(o[0] == "image-generator" and o[1] == "route" for o in outcomes if o[1] != "budget")
