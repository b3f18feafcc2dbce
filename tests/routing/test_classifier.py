"""Scoring, fusion and the routing decision."""

from __future__ import annotations

import numpy as np
import pytest

from mmrouter.config.schema import RouteConfig
from mmrouter.routing.classifier import (Classifier, RouteIndex, RouteScore, decide,
                                        description_topics, fuse)
from mmrouter.routing.conversation import Conversation, ImageRef


def test_route_index_takes_best_anchor_per_route(default_config, fake_encoder):
    index = RouteIndex.build(default_config.routes, fake_encoder)
    assert index.anchors.shape[0] == sum(1 + len(r.utterances) for r in default_config.routes)
    # An utterance verbatim scores ~1.0 for its own route.
    query = fake_encoder.encode(["Generate an image of a cat"])[0]
    scores = index.scores(query)
    assert index.routes[int(np.argmax(scores))] == "image_generation"
    assert scores.max() == pytest.approx(1.0, abs=1e-5)


def test_fuse_weights_only_multimodal_routes(default_config):
    routes = default_config.routes
    text = np.linspace(0.1, 0.7, len(routes)).astype(np.float32)
    flat = np.full(len(routes), 0.3, dtype=np.float32)  # CLIP prefers no route
    scores = {s.route: s for s in fuse(routes, text, flat, "clip", influence=0.2)}
    presence = {s.route: s for s in fuse(routes, text, None, "presence")}
    for i, route in enumerate(routes):
        s = scores[route.name]
        if route.multimodal_enabled:
            assert s.image_cosine == pytest.approx(0.3)
            assert s.fused == pytest.approx(0.5 * text[i] + 0.5 * 1.0)
            assert s.fused == pytest.approx(presence[route.name].fused)
        else:
            assert s.image is None and s.image_cosine is None and s.fused == pytest.approx(text[i])
    # CLIP preferring one multimodal route lowers the others by at most weight * influence.
    skewed = flat.copy()
    best = next(i for i, r in enumerate(routes) if r.name == "image_question")
    skewed[best] = 0.35
    out = {s.route: s for s in fuse(routes, text, skewed, "clip", influence=0.2)}
    for i, route in enumerate(routes):
        if route.multimodal_enabled and i != best:
            assert presence[route.name].fused - 0.1 - 1e-6 <= out[route.name].fused \
                < presence[route.name].fused
    assert out["image_question"].fused == pytest.approx(presence["image_question"].fused)


def test_presence_mode_without_clip(default_config):
    routes = default_config.routes
    text = np.zeros(len(routes), dtype=np.float32)
    scores = fuse(routes, text, None, "presence")
    assert {s.route for s in scores if s.image == 1.0} == \
        {r.name for r in routes if r.multimodal_enabled}
    assert all(s.image is None for s in fuse(routes, text, None, "presence", presence_bonus=False))


def test_decide_abstains_below_threshold(default_config):
    scores = (RouteScore("chit_chat", 0.3, None, 0.3), RouteScore("other", 0.1, None, 0.1))
    assert decide(default_config.routes, scores, {"chit_chat": 0.5}, "other") == \
        ("other", pytest.approx(0.3), True)
    assert decide(default_config.routes, scores, {"chit_chat": 0.2}, "other")[0] == "chit_chat"
    assert decide(default_config.routes, scores, {}, "other")[2] is False


def test_real_minilm_anchors_route_the_seed_examples(default_config, minilm):
    classifier = Classifier(default_config.replace(), RouteIndex.build(default_config.routes, minilm))
    cases = {
        "Hey! How's it going? Nice weather today, isn't it?": "chit_chat",
        "Generate an image of a cat": "image_generation",
        "Can you analyze this image and tell me what objects are in it?": "image_understanding",
    }
    for text, expected in cases.items():
        result = classifier.classify(Conversation(latest_text=text), minilm.encode([text])[0])
        assert result.route == expected, (text, result)
        assert result.method == "anchors" and result.image_mode == "none"


def test_image_presence_reported(default_config, fake_encoder):
    classifier = Classifier(default_config, RouteIndex.build(default_config.routes, fake_encoder))
    ref = ImageRef(url="data:image/png;base64,AAAA", message_index=0)
    conv = Conversation(latest_text="what is this", latest_images=(ref,), images=(ref,))
    result = classifier.classify(conv, fake_encoder.encode([conv.latest_text])[0])
    assert result.image_mode == "presence" and result.image_count == 1
    assert result.route in {r.name for r in default_config.routes if r.multimodal_enabled}


def test_centroid_scoring_centres_anchors_and_scores_route_centroids(default_config, fake_encoder):
    index = RouteIndex.build(default_config.routes, fake_encoder, scoring="centroid")
    n_anchors = sum(2 + len(r.utterances) + len(description_topics(r.description))
                    for r in default_config.routes)  # + the name phrase and the topics
    assert index.anchors.shape[0] == n_anchors and index.centroids is not None
    assert index.centre is not None
    def route_weights(route):
        topics = description_topics(route.description)
        return [1.0] * (2 + len(route.utterances)) + ([1 / len(topics)] * len(topics) if topics else [])

    weights = np.concatenate([route_weights(r) for r in default_config.routes])
    assert np.allclose(index.centre, (index.anchors * weights[:, None]).sum(0) / weights.sum(),
                       atol=1e-6)  # a description's topics weigh one anchor there too
    assert np.allclose(np.linalg.norm(index.centroids, axis=1), 1.0, atol=1e-5)
    query = fake_encoder.encode(["Generate an image of a cat"])[0]
    centred = query - index.centre
    expected = index.centroids @ (centred / np.linalg.norm(centred))
    assert np.allclose(index.scores(query), expected, atol=1e-5)


@pytest.mark.parametrize("description, topics", [
    ("Questions about living organisms, cells, genetics, evolution and ecology.",
     ["living organisms", "cells", "genetics", "evolution", "ecology"]),
    ("Any social chit chat, small talk, or casual conversation.",
     ["Any social chit chat", "small talk", "casual conversation"]),
    ("A question that requires understanding an image.", []),  # one topic: the description
    ("Help with HR, Go, AI, payroll, etc.", ["HR", "Go", "AI", "payroll"]),
    ("关于合同、责任和隐私的问题", ["关于合同", "责任和隐私的问题"]),
])
def test_description_topics(description, topics):
    assert description_topics(description) == topics


def test_a_descriptions_topics_weigh_one_anchor_in_the_centroid(fake_encoder):
    """Route a lists five topics: its centroid is the mean of its description, name phrase
    and utterance, plus the five topic phrases at a fifth each."""
    routes = [RouteConfig(name="a", description="Questions about cells, genes, fungi, moss and ferns.",
                          utterances=("What does a ribosome do?",)),
              RouteConfig(name="b", description="Questions about contracts.")]
    index = RouteIndex.build(routes, fake_encoder, scoring="centroid")
    assert index.anchors.shape[0] == 3 + 5 + 2
    centred = index.anchors - index.centre
    unit = centred / np.linalg.norm(centred, axis=1, keepdims=True)
    own = unit[:3].sum(axis=0) + unit[3:8].sum(axis=0) / 5
    assert np.allclose(index.centroids[0], own / np.linalg.norm(own), atol=1e-5)
