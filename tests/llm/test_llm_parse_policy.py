"""The answer parser and the cascade's triggers (pure)."""

from __future__ import annotations

import dataclasses

import pytest

from mmrouter.config.schema import ConfigError, parse_config
from mmrouter.llm.parse import parse_route
from mmrouter.llm.policy import escalation_reason, foreign_script, letter_scripts
from mmrouter.routing.classifier import Classification

ROUTES = ("chit_chat", "hard_question", "image_generation", "other")


@pytest.mark.parametrize("answer, route, status", [
    ('{"route": "chit_chat"}', "chit_chat", "route"),
    ("{'route': 'hard_question'}", "hard_question", "route"),
    ('```json\n{"route": "image_generation"}\n```', "image_generation", "route"),
    ("```\n{'route': 'chit_chat'}\n```", "chit_chat", "route"),
    ('  \n\t{"route":"chit_chat"}  \n', "chit_chat", "route"),
    ('Sure! {"route": "hard_question"} is best.', "hard_question", "route"),
    ('{"route": " Hard_Question "}', "hard_question", "route"),
    ("chit_chat", "chit_chat", "route"),
    ('"hard_question"', "hard_question", "route"),
    ('{"route": "other"}', "other", "other"),
    ("other", "other", "other"),
    ('{"route": "weather_report"}', "other", "unknown_route"),
])
def test_answers_that_name_a_route(answer, route, status):
    parsed = parse_route(answer, ROUTES, "other")
    assert (parsed.route, parsed.status) == (route, status)


@pytest.mark.parametrize("answer", [
    "", "   ", "I think the best route might be", '{"route": "chit_ch', '{"route": 3}',
    '{"name": "chit_chat"}', "[1, 2]", "weather_report", "{'route': None}", "x" * 5000,
])
def test_unparseable_answers(answer):
    assert parse_route(answer, ROUTES, "other").route is None


def test_fallback_route_with_another_name():
    parsed = parse_route('{"route": "other"}', ("a", "general"), "general")
    assert (parsed.route, parsed.status) == ("general", "other")


def _config(**llm):
    return parse_config({
        "routing": {"default_model": "m"},
        "models": [{"name": "m"}],
        "routes": [{"name": "a", "description": "A.", "model_scores": [{"model": "m"}]},
                   {"name": "b", "description": "B.", "model_scores": [{"model": "m"}],
                    "llm": True},
                   {"name": "other", "description": "Else."}],
        "llm_router": llm,
    })


def _embedding(route="a", confidence=0.9):
    return Classification(route=route, confidence=confidence, scores=(), method="head")


def test_cascade_triggers_in_order():
    config = _config(mode="cascade", escalate_below=0.6, encoder_scripts=["latin"])
    assert escalation_reason(config, _embedding(confidence=0.9), "hello") is None
    assert escalation_reason(config, _embedding(confidence=0.59), "hello") == "low_confidence"
    assert escalation_reason(config, _embedding(confidence=0.6), "hello") is None
    assert escalation_reason(config, _embedding(confidence=0.9), "你好，最近怎么样") == "script"
    assert escalation_reason(config, _embedding("b", 0.99), "hello") == "route_llm"
    assert escalation_reason(config, _embedding("b", 0.1), "你好") == "route_llm"


def test_modes_off_and_always():
    assert escalation_reason(_config(mode="off"), _embedding(confidence=0.0), "x") is None
    assert escalation_reason(_config(mode="always"), _embedding(confidence=1.0), "x") == "always"


def test_no_script_trigger_unless_configured():
    config = _config(mode="cascade", escalate_below=0.0)
    assert escalation_reason(config, _embedding(confidence=0.9), "こんにちは") is None


def test_scripts_of_letters():
    assert letter_scripts("Héllo, мир! 123 你好 かな") == {"latin": 5, "cyrillic": 3, "cjk": 2,
                                                            "hiragana": 2}
    assert foreign_script("Привет, как дела?", ("latin",))
    assert not foreign_script("Hola, ¿qué tal? Café con leche", ("latin",))
    assert not foreign_script("1234 !!! :)", ("latin",))
    assert not foreign_script("Привет", ("latin", "cyrillic"))
    assert foreign_script("ok 你好世界朋友", ("latin",))


def test_yaml_off_is_the_mode_off_and_bad_values_are_named():
    import yaml

    data = yaml.safe_load("mode: off")
    assert _config(**data).llm_router.mode == "off"
    assert _config().llm_router.mode == "off"  # the default: nothing changes
    for bad, message in [({"mode": "sometimes"}, "llm_router.mode"),
                         ({"escalate_below": 1.5}, "llm_router.escalate_below"),
                         ({"timeout_ms": 0}, "llm_router.timeout_ms"),
                         ({"max_concurrency": 0}, "llm_router.max_concurrency"),
                         ({"endpoint": "127.0.0.1:8011"}, "llm_router.endpoint"),
                         ({"api_key_env": 5}, "llm_router.api_key_env"),
                         ({"encoder_scripts": ["Latin"]}, r"llm_router.encoder_scripts\[0\]"),
                         ({"temperature": 0.3}, "llm_router: unknown field")]:
        with pytest.raises(ConfigError, match=message):
            _config(**bad)


def test_route_llm_flag_must_be_a_boolean():
    with pytest.raises(ConfigError, match=r"routes\[0\].llm"):
        parse_config({"routing": {"default_model": "m"}, "models": [{"name": "m"}],
                      "routes": [{"name": "other", "description": "x", "llm": "yes"}]})
    assert dataclasses.asdict(_config().route("b"))["llm"] is True
