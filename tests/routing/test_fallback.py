"""Fallback groups, retry policies and model spans (pure functions; no fakes)."""

from __future__ import annotations

import copy
import json

import pytest

from mmrouter.config.schema import ConfigError, load_config, parse_config
from mmrouter.devstack.stack import default_config_data
from mmrouter.routing.decision import choose_model, ranked_models
from mmrouter.routing.fallback import (fallback_groups, group_cluster_name, member_clusters,
                                       route_policy)
from mmrouter.routing.mutations import (format_spans, rewrite_model, rewrite_model_spans,
                                        routing_mutation, top_level_value_spans)

NANO, GPT, VL = "nvidia/nvidia-nemotron-nano-9b-v2", "gpt-5-chat", "nvidia/nemotron-nano-12b-v2-vl"


def config_with(fallback=None, scores=None, route_fallback=None, models=None):
    data = copy.deepcopy(default_config_data())
    if fallback is not None:
        data["routing"]["fallback"] = fallback
    for route in data["routes"]:
        if scores is not None:
            route["model_scores"] = scores
        if route_fallback is not None and route["name"] == "hard_question":
            route["fallback"] = route_fallback
    if models is not None:
        data["models"] = models(data["models"])
    return parse_config(data)


THREE = [{"model": NANO, "score": 1.0}, {"model": VL, "score": 0.8}, {"model": GPT, "score": 0.9}]


def test_groups_rank_by_score_and_images_skip_text_only_models():
    config = config_with(scores=THREE)
    groups = fallback_groups(config)
    text, image = groups[("hard_question", False)], groups[("hard_question", True)]
    assert [m.name for m in text.models] == [NANO, GPT, VL]
    assert [m.name for m in image.models] == [GPT, VL]
    assert text.cluster == group_cluster_name("hard_question", False) != image.cluster
    assert text.attempts == 2  # default max_attempts
    for needs_image in (False, True):  # mmrouter's first choice is the group's first model
        assert choose_model(config, "hard_question", needs_image) == \
            groups[("hard_question", needs_image)].models[0]


def test_default_config_has_groups_only_where_a_route_has_two_eligible_models():
    groups = fallback_groups(load_config())
    assert set(groups) == {("image_understanding", False), ("image_understanding", True)}


def test_max_attempts_one_means_no_group_and_route_override_wins():
    assert fallback_groups(config_with(fallback={"max_attempts": 1}, scores=THREE)) == {}
    config = config_with(fallback={"max_attempts": 1}, scores=THREE,
                         route_fallback={"max_attempts": 3, "retry_on": ["503"],
                                         "per_try_timeout_ms": 1500})
    groups = fallback_groups(config)
    assert set(groups) == {("hard_question", False), ("hard_question", True)}
    policy = groups[("hard_question", False)].policy
    assert (policy.max_attempts, policy.retry_on, policy.per_try_timeout_ms) == (3, ("503",), 1500.0)
    assert groups[("hard_question", True)].attempts == 2  # two image models
    assert route_policy(config, config.route("other")).max_attempts == 1


def test_retry_on_maps_to_envoy_conditions_and_status_codes():
    config = config_with(fallback={"retry_on": ["connect-failure", 503, "reset", 429]},
                         scores=THREE)
    policy = fallback_groups(config)[("other", False)].policy
    assert policy.envoy_retry_on() == ("connect-failure,reset,retriable-status-codes", (503, 429))
    policy = fallback_groups(config_with(scores=THREE))[("other", False)].policy
    assert policy.envoy_retry_on() == ("connect-failure,reset,5xx,retriable-status-codes", (429,))


@pytest.mark.parametrize("fallback, message", [
    ({"max_attempts": 0}, "routing.fallback.max_attempts"),
    ({"retry_on": ["teapot"]}, "routing.fallback.retry_on[0]"),
    ({"retry_on": [200]}, "routing.fallback.retry_on[0]"),
    ({"retry_on": []}, "routing.fallback.retry_on"),
    ({"per_try_timeout_ms": -1}, "routing.fallback.per_try_timeout_ms"),
    ({"health_check": {"path": "health"}}, "routing.fallback.health_check.path"),
    ({"outlier_detection": {"consecutive_5xx": 0}}, "consecutive_5xx"),
    ({"unknown": 1}, "routing.fallback: unknown field"),
])
def test_invalid_fallback_config_names_the_field(fallback, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        config_with(fallback=fallback)


def test_invalid_route_override_names_the_route():
    with pytest.raises(ConfigError, match=r"routes\[1\]\.fallback\.max_attempts"):
        config_with(route_fallback={"max_attempts": 99})
    with pytest.raises(ConfigError, match=r"routes\[1\]\.fallback: unknown field"):
        config_with(route_fallback={"health_check": {}})


def test_shared_cluster_gets_one_member_cluster_per_model():
    def share(models):
        for m in models:
            if m["name"] == VL:
                m["cluster"] = "gpt5_chat"
        return models
    members = member_clusters(config_with(models=share))
    assert members[NANO] == "nemotron_nano_9b"
    assert members[GPT] != members[VL] and members[GPT].startswith("gpt5_chat--")


@pytest.mark.parametrize("body", [
    b'{"model":"MoM","messages":[]}',
    b'{ "messages": [], "model" :  "auto" , "x": {"model": "inner"}}',
    b'{"model":"MoM","messages":[],"model":"a-much-longer-alias-value"}',
    b'{"mod\\u0065l":"\\u00e9\\"q","model":null}',
    b'{"messages":[]}',
    b'{}',
    '{"model":"MoM","content":"caf\u00e9 \U0001F600"}'.encode(),
])
@pytest.mark.parametrize("model", [GPT, 'caf\u00e9 "q"', "x"])
def test_spans_point_at_every_model_value_written(body, model):
    new, spans = rewrite_model_spans(body, model)
    assert new == rewrite_model(body, model)
    assert spans and tuple(top_level_value_spans(new, "model")) == spans
    for start, end in spans:
        assert json.loads(new[start:end]) == model


def test_routing_mutation_reports_spans_only_for_a_group():
    body = b'{"model": "MoM", "messages": []}'
    plain = routing_mutation(body, current_model="MoM", model=GPT, cluster="gpt5_chat",
                             model_header="x-m", cluster_header="x-c")
    grouped = routing_mutation(body, current_model="MoM", model=GPT, cluster="agg",
                               model_header="x-m", cluster_header="x-c", span_header="x-s")
    assert plain.body == grouped.body == body.replace(b'"MoM"', b'"gpt-5-chat"')
    assert [h for h, _ in plain.set_headers] == ["x-m", "x-c", "content-length"]
    spans = dict(grouped.set_headers)["x-s"]
    assert spans == format_spans(((10, 22),)) and grouped.body[10:22] == b'"gpt-5-chat"'
    unchanged = routing_mutation(grouped.body, current_model=GPT, model=GPT, cluster="agg",
                                 model_header="x-m", cluster_header="x-c", span_header="x-s")
    assert unchanged.body is None and dict(unchanged.set_headers)["x-s"] == "10-22"


def test_ranked_models_lists_each_model_once():
    scores = [{"model": GPT, "score": 0.5}, {"model": NANO, "score": 0.9},
              {"model": GPT, "score": 0.7}]
    config = config_with(scores=scores)
    assert [m.name for m in ranked_models(config, "other", False)] == [NANO, GPT]
