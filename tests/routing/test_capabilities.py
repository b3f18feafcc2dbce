"""Capability-aware choice (routing/capabilities.py) and check-config's capability rules."""

from __future__ import annotations

import copy

import pytest

from mmrouter.config.schema import ConfigError, parse_config
from mmrouter.errors import NoCapableModel, error_body
from mmrouter.routing.capabilities import choose_capable, lacks
from mmrouter.routing.needs import Needs, request_needs

DATA = {
    "models": [
        {"name": "cheap", "capabilities": ["text"], "context_window": 1000},
        {"name": "strong", "capabilities": ["text", "tools", "image"], "context_window": 8000},
        {"name": "structured", "capabilities": ["text", "json_schema", "tools"],
         "context_window": 100_000},
        {"name": "plain", "context_window": 4000},
        {"name": "unbounded"},
    ],
    "routes": [
        {"name": "chat", "description": "chit chat",
         "model_scores": [{"model": "cheap", "score": 1.0}, {"model": "strong", "score": 0.5}]},
        {"name": "other", "description": "anything else",
         "model_scores": [{"model": "plain", "score": 1.0},
                          {"model": "structured", "score": 0.2}]},
    ],
    "routing": {"default_model": "plain", "fallback_route": "other"},
}


@pytest.fixture
def config():
    return parse_config(copy.deepcopy(DATA))


def needs(*caps, tokens=0, out=None):
    return Needs(capabilities=frozenset(caps), input_tokens=tokens, max_output_tokens=out)


def test_the_first_choice_when_it_can_take_the_request(config):
    choice = choose_capable(config, "chat", needs())
    assert (choice.model.name, choice.reason) == ("cheap", "route")
    assert [m.name for m in choice.alternatives] == ["strong"]


def test_the_next_capable_model_of_the_route_wins(config):
    for need in ("tools", "image"):
        choice = choose_capable(config, "chat", needs(need))
        assert (choice.model.name, choice.reason) == ("strong", f"capability:{need}")
        assert choice.alternatives == ()


def test_context_window_counts_input_and_max_output(config):
    assert choose_capable(config, "chat", needs(tokens=900, out=100)).model.name == "cheap"
    choice = choose_capable(config, "chat", needs(tokens=900, out=101))
    assert (choice.model.name, choice.reason) == ("strong", "context_window")


def test_the_fallback_route_when_no_model_of_the_route_can(config):
    choice = choose_capable(config, "chat", needs("json_schema"))
    assert (choice.model.name, choice.reason) == ("structured", "capability:json_schema")
    choice = choose_capable(config, "chat", needs(tokens=50_000))
    assert (choice.model.name, choice.reason) == ("structured", "context_window")


def test_an_undeclared_capability_is_one_the_model_lacks(config):
    unbounded = config.model("unbounded")
    assert unbounded.capabilities == frozenset({"text"}) and unbounded.context_window is None
    assert lacks(unbounded, needs("tools")) == "capability:tools"
    assert lacks(unbounded, needs(tokens=10**9)) is None  # no context_window: not checked


def test_no_capable_model_is_a_400_naming_the_need(config):
    with pytest.raises(NoCapableModel) as caught:
        choose_capable(config, "chat", needs("audio"))
    exc = caught.value
    assert exc.status == 400 and exc.code == "no_capable_model"
    assert "'audio' capability" in exc.message and "route 'chat'" in exc.message
    body = error_body(exc)["error"]
    assert body["code"] == "no_capable_model" and body["type"] == "invalid_request_error"
    anthropic = error_body(exc, "anthropic_messages")
    assert anthropic["type"] == "error"
    assert anthropic["error"]["type"] == "invalid_request_error"
    assert "no_capable_model" in anthropic["error"]["message"]
    with pytest.raises(NoCapableModel, match="context window of 200005 tokens"):
        choose_capable(config, "chat", needs(tokens=200_000, out=5))


def test_a_model_that_does_not_serve_the_api_is_no_candidate(config):
    data = copy.deepcopy(DATA)
    data["models"][1]["apis"] = ["anthropic_messages"]
    config = parse_config(data)
    choice = choose_capable(config, "chat", needs("tools"), "openai_chat")
    assert choice.model.name == "structured"  # strong serves only Anthropic's API


def test_from_a_real_body(config):
    body = {"model": "MoM", "messages": [{"role": "user", "content": "hi"}],
            "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}]}
    assert choose_capable(config, "chat", request_needs(body)).reason == "capability:tools"


def test_check_config_rejects_a_route_claim_no_model_declares():
    data = copy.deepcopy(DATA)
    data["routes"][0]["capabilities"] = ["tools", "json_schema"]
    with pytest.raises(ConfigError, match=r"routes\[0\]\.capabilities: route 'chat' claims "
                                          r"'json_schema'"):
        parse_config(data)
    data["routes"][0]["capabilities"] = ["tools", "image"]
    assert parse_config(data).route("chat").capabilities == frozenset({"tools", "image"})


def test_check_config_rejects_a_score_claim_its_model_lacks():
    data = copy.deepcopy(DATA)
    data["routes"][0]["model_scores"][0]["capabilities"] = ["text", "tools"]
    with pytest.raises(ConfigError, match=r"model_scores\[0\]\.capabilities: model 'cheap' "
                                          r"does not declare \['tools'\]"):
        parse_config(data)


def test_price_context_window_and_budget_are_validated():
    data = copy.deepcopy(DATA)
    data["models"][0]["price"] = {"input_per_mtok": -1}
    data["models"][1]["context_window"] = 0
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    assert "models[0].price.input_per_mtok" in str(caught.value)
    assert "models[1].context_window" in str(caught.value)
    data = copy.deepcopy(DATA)
    data["routing"]["budget"] = {"window_s": 60, "limits": [{"model": "nope", "max_share": 0.2}]}
    with pytest.raises(ConfigError, match=r"routing\.budget\.limits\[0\]\.model: unknown model"):
        parse_config(data)
    data["routing"]["budget"]["limits"] = [{"model": "strong", "max_share": 1.5}]
    with pytest.raises(ConfigError, match="max_share"):
        parse_config(data)


def test_the_documented_example_config_routes_as_documented():
    import re
    from pathlib import Path

    import yaml

    text = (Path(__file__).parents[2] / "docs" / "capabilities.md").read_text("utf-8")
    config = parse_config(yaml.safe_load(re.search(r"```yaml\n(.*?)```", text, re.S).group(1)))
    assert choose_capable(config, "chit_chat", needs()).model.name == "small-chat"
    assert choose_capable(config, "chit_chat", needs("tools")).reason == "capability:tools"
    assert choose_capable(config, "chit_chat", needs(tokens=40_000)).model.name == "big-reasoner"
    assert choose_capable(config, "other", needs("json_schema")).model.name == "json-worker"
    assert config.routing.budget.limits[0].max_share == 0.2
