"""Model choice: capability filtering and scores."""

from __future__ import annotations

import copy

from mmrouter.config.schema import parse_config
from mmrouter.routing.decision import choose_model, default_image_model
from mmrouter.devstack.stack import default_config_data


def test_highest_score_wins(default_config):
    assert choose_model(default_config, "image_understanding", False).name == \
        "nvidia/nemotron-nano-12b-v2-vl"
    assert choose_model(default_config, "hard_question", False).name == "gpt-5-chat"


def test_images_only_go_to_image_capable_models(default_config):
    # chit_chat's only model is text-only: an image request must not go there.
    model = choose_model(default_config, "chit_chat", needs_image=True)
    assert "image" in model.capabilities
    assert model.name == default_config.routing.default_image_model
    # hard_question's gpt-5-chat takes images: it stays.
    assert choose_model(default_config, "hard_question", True).name == "gpt-5-chat"


def test_eligible_lower_score_beats_ineligible_higher_score():
    data = copy.deepcopy(default_config_data())
    route = next(r for r in data["routes"] if r["name"] == "hard_question")
    route["model_scores"] = [
        {"model": "nvidia/nvidia-nemotron-nano-9b-v2", "score": 0.9},
        {"model": "gpt-5-chat", "score": 0.2},
    ]
    config = parse_config(data)
    assert choose_model(config, "hard_question", False).name == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert choose_model(config, "hard_question", True).name == "gpt-5-chat"


def test_default_image_model_derived_when_unset():
    data = copy.deepcopy(default_config_data())
    data["routing"].pop("default_image_model")
    config = parse_config(data)
    assert default_image_model(config).name == "gpt-5-chat"  # first image-capable model
