"""routing.apis and models' apis: defaults, the older routing.chat_paths, and bad values."""

from __future__ import annotations

import copy

import pytest

from mmrouter.config.schema import (ANTHROPIC_MESSAGES, DEFAULT_APIS, OPENAI_CHAT,
                                    OPENAI_RESPONSES, ApiPath, ConfigError, load_config,
                                    parse_config)
from mmrouter.devstack.stack import default_config_data
from mmrouter.routing.decision import choose_model, default_model_for, serves_api


def _data() -> dict:
    return copy.deepcopy(default_config_data())


def test_all_three_apis_on_by_default_and_demo_models_serve_them(default_config):
    assert {a.api: a.path for a in default_config.routing.apis} == {
        OPENAI_CHAT: "/v1/chat/completions", OPENAI_RESPONSES: "/v1/responses",
        ANTHROPIC_MESSAGES: "/v1/messages"}
    assert all(m.serves(ANTHROPIC_MESSAGES) for m in default_config.models)
    data = _data()
    data["routing"].pop("apis")
    for model in data["models"]:
        model.pop("apis")
    config = parse_config(data)
    assert config.routing.apis == DEFAULT_APIS
    assert all(m.apis == (OPENAI_CHAT,) for m in config.models)  # chat completions only


def test_example_config_is_valid():
    config = load_config("deploy/config.example.yaml")
    assert [a.api for a in config.routing.apis] == [OPENAI_CHAT, OPENAI_RESPONSES,
                                                    ANTHROPIC_MESSAGES]


def test_older_chat_paths_name_the_chat_completions_paths():
    data = _data()
    data["routing"].pop("apis")
    data["routing"]["chat_paths"] = ["/v1/chat/completions", "/openai/chat"]
    apis = parse_config(data).routing.apis
    assert apis[:2] == (ApiPath(path="/v1/chat/completions", api=OPENAI_CHAT),
                        ApiPath(path="/openai/chat", api=OPENAI_CHAT))
    assert {a.api for a in apis[2:]} == {OPENAI_RESPONSES, ANTHROPIC_MESSAGES}
    data["routing"]["apis"] = [{"path": "/v1/messages", "api": ANTHROPIC_MESSAGES}]
    with pytest.raises(ConfigError, match="routing.chat_paths: the older form"):
        parse_config(data)


@pytest.mark.parametrize("apis, message", [
    ([{"path": "/v1/x", "api": "gemini"}], r"routing.apis\[0\].api: 'gemini' is not one of"),
    ([{"path": "v1/x", "api": OPENAI_CHAT}], r"routing.apis\[0\].path: must match"),
    ([{"path": "/a", "api": OPENAI_CHAT}, {"path": "/a", "api": ANTHROPIC_MESSAGES}],
     "routing.apis: duplicate path '/a'"),
    ([{"path": "/a"}], r"routing.apis\[0\].api: required"),
    ([{"path": "/a", "api": OPENAI_CHAT, "x": 1}], r"routing.apis\[0\]: unknown field"),
    ([], "routing.apis: at least 1 required"),
    ("/v1/chat/completions", "routing.apis: expected a list"),
])
def test_bad_routing_apis(apis, message):
    data = _data()
    data["routing"]["apis"] = apis
    with pytest.raises(ConfigError, match=message):
        parse_config(data)


def test_bad_model_apis():
    data = _data()
    data["models"][1]["apis"] = ["openai_chat", "anthropic"]
    with pytest.raises(ConfigError, match=r"models\[1\].apis\[1\]: 'anthropic' is not one of"):
        parse_config(data)
    data["models"][1]["apis"] = "openai_chat"
    with pytest.raises(ConfigError, match=r"models\[1\].apis: expected a list"):
        parse_config(data)


def test_models_chosen_only_among_those_serving_the_api():
    data = _data()
    for model in data["models"]:  # only gpt-5-chat and the image generator speak Anthropic
        speaks_anthropic = model["name"] in ("gpt-5-chat", "image-generator")
        model["apis"] = [OPENAI_CHAT, *([ANTHROPIC_MESSAGES] if speaks_anthropic else [])]
    config = parse_config(data)
    # chit_chat's nemotron-9b does not serve Messages: the first model that does, instead.
    assert choose_model(config, "chit_chat", False, OPENAI_CHAT).name == \
        "nvidia/nvidia-nemotron-nano-9b-v2"
    assert choose_model(config, "chit_chat", False, ANTHROPIC_MESSAGES).name == "gpt-5-chat"
    assert choose_model(config, "image_understanding", True, ANTHROPIC_MESSAGES).name == \
        "gpt-5-chat"
    assert default_model_for(config, True, ANTHROPIC_MESSAGES).name == "gpt-5-chat"
    assert serves_api(config, ANTHROPIC_MESSAGES)
    assert not serves_api(config, OPENAI_RESPONSES)
