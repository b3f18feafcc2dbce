"""Calibration (issue 22): temperature, the confidence model, reliability and ECE, on
synthetic data whose answers are known; the head file keeps the confidence model."""

from __future__ import annotations

import numpy as np
import pytest

from mmrouter.learning.calibration import (decision_features, expected_calibration_error,
                                           fit_confidence_model, fit_temperature, reliability,
                                           with_temperature)
from mmrouter.learning.languages import is_english
from mmrouter.routing.confidence import ConfidenceModel, confidence_features, feature_count
from mmrouter.routing.conversation import Conversation
from mmrouter.routing.head import EXTRA_FEATURES, RoutingHead


def _softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def _sampled(n: int = 4000, k: int = 5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Logits and labels drawn from softmax(logits): those probabilities are calibrated."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(0, 2.0, (n, k))
    probs = _softmax(logits)
    y = np.asarray([rng.choice(k, p=row) for row in probs])
    return logits, y


def test_temperature_recovers_an_overconfident_classifier() -> None:
    logits, y = _sampled()
    overconfident = _softmax(2.5 * logits)  # the true temperature is 2.5
    t = fit_temperature(overconfident, y)
    assert t == pytest.approx(2.5, rel=0.1)
    fixed = with_temperature(overconfident, t)
    before = expected_calibration_error(overconfident.max(axis=1), overconfident.argmax(1) == y)
    after = expected_calibration_error(fixed.max(axis=1), fixed.argmax(1) == y)
    assert before > 0.1 and after < 0.03, (before, after)
    assert (fixed.argmax(1) == overconfident.argmax(1)).all()  # the decisions do not move


def test_temperature_with_one_class_is_one() -> None:
    assert fit_temperature(np.full((4, 3), 1 / 3), np.zeros(4, dtype=int)) == 1.0


def test_reliability_and_ece_on_a_hand_made_example() -> None:
    confidence = [0.95] * 10 + [0.55] * 4
    correct = [True] * 9 + [False] + [True, True, False, False]
    rows = reliability(confidence, correct)
    assert rows == [{"low": 0.5, "high": 0.6, "n": 4, "confidence": 0.55, "accuracy": 0.5},
                    {"low": 0.9, "high": 1.0, "n": 10, "confidence": 0.95, "accuracy": 0.9}]
    assert expected_calibration_error(confidence, correct) == pytest.approx(
        10 / 14 * 0.05 + 4 / 14 * 0.05)
    assert reliability([1.0], [True])[0]["high"] == 1.0  # 1.0 sits in the last bin
    assert expected_calibration_error([], []) == 0.0


def test_the_confidence_model_learns_when_a_route_is_less_sure() -> None:
    """Route 1's decisions are right half as often as route 0's at the same probability: the
    model gives them a lower confidence, and its probabilities match the rates."""
    rng = np.random.default_rng(1)
    n = 3000
    decided = rng.integers(0, 2, n)
    top = rng.uniform(0.5, 1.0, n)
    proba = np.stack([np.where(decided == 0, top, 1 - top), np.where(decided == 1, top, 1 - top)], 1)
    rate = np.where(decided == 0, 0.95, 0.6)
    correct = rng.uniform(size=n) < rate
    extras = np.zeros((n, len(EXTRA_FEATURES)))
    features = decision_features(proba, decided, np.zeros(n, bool), extras, [False] * n)
    assert features.shape == (n, feature_count(2, len(EXTRA_FEATURES)))
    model = fit_confidence_model(features, correct)
    assert model is not None
    predicted = model.batch(features)
    assert predicted[decided == 0].mean() == pytest.approx(0.95, abs=0.02)
    assert predicted[decided == 1].mean() == pytest.approx(0.6, abs=0.03)
    assert expected_calibration_error(predicted, correct) < 0.03
    assert fit_confidence_model(features, np.ones(n, bool)) is None  # nothing to learn from


def test_confidence_features_layout() -> None:
    f = confidence_features(np.asarray([0.7, 0.2, 0.1]), 0, False, np.asarray([1, 0, 0, 0.5]),
                            english=True)
    assert f.shape == (feature_count(3, 4),)
    assert f[0] == pytest.approx(np.log(0.7)) and f[1] == pytest.approx(0.5) and f[2] == 0.0
    assert f[3:6].tolist() == [1, 0, 0] and f[6] == pytest.approx(np.log(0.7))
    assert f[-1] == 1.0


def test_confidence_model_round_trips_through_the_head_file(tmp_path) -> None:
    routes = ("a", "b", "other")
    n_features = feature_count(len(routes), len(EXTRA_FEATURES))
    model = ConfidenceModel(weights=np.linspace(-1, 1, n_features), bias=0.25)
    dim = 8
    head = RoutingHead(routes=routes, weights=np.zeros((3, dim + 4096 + 4), np.float32),
                       bias=np.zeros(3, np.float32), confidence=model)
    head.save(tmp_path / "head.npz")
    loaded = RoutingHead.load(tmp_path / "head.npz")
    assert loaded.confidence is not None
    assert np.allclose(loaded.confidence.weights, model.weights) and loaded.confidence.bias == 0.25
    conversation = Conversation(latest_text="What is the capital of France?")
    probs = np.asarray([0.6, 0.3, 0.1])
    expected = model.probability(confidence_features(
        probs, 0, False, np.asarray([0, 0, 0, np.log1p(6) / 4]), english=True))
    assert loaded.decision_confidence(conversation, probs, 0, False) == pytest.approx(expected)
    assert ConfidenceModel.from_dict(model.as_dict(), n_features + 1) is None  # other features
    assert ConfidenceModel.from_dict({"version": 99}, n_features) is None
    plain = RoutingHead(routes=routes, weights=head.weights, bias=head.bias)
    assert plain.decision_confidence(conversation, probs, 1, False) == pytest.approx(0.3)


@pytest.mark.parametrize("text, english", [
    ("What is the capital of France?", True),
    ("Am I sitting too close to the screen?", True),  # a tie with Polish goes to English
    ("¿Cuál es la capital de Francia?", False),
    ("Quelle est la capitale de la France ?", False),
    ("Wie spät ist es in Tokio?", False),
    ("法国的首都是哪里？", False),
    ("Столица Франции?", False),
    ("", False),
    ("12345 !!!", False),
])
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english
