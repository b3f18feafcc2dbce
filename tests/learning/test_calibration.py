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
    # an older head (no confidence model): the top probability, abstained or not, as before
    assert plain.decision_confidence(conversation, probs, 2, True) == pytest.approx(0.6)


@pytest.mark.parametrize("bad", [{"version": 1, "weights": [None] * 3, "bias": 0.0},
                                 {"version": 1, "weights": ["x", 1, 2], "bias": 0.0},
                                 {"version": 1, "weights": [1, 2, 3], "bias": "nan"},
                                 {"version": 1, "weights": [1, 2, 3], "bias": None}])
def test_a_damaged_confidence_model_is_not_used(bad) -> None:
    assert ConfidenceModel.from_dict(bad, 3) is None


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


def test_the_fits_extras_are_the_features_the_head_serves_with() -> None:
    """fit_head reads the extras as the last columns of the feature matrix; serving computes
    them from the conversation: the same numbers."""
    from mmrouter.routing.conversation import Turn
    from mmrouter.routing.head import FeatureSpec, build_features, extra_features

    conversation = Conversation(latest_text="and now a harder one, please",
                                context=(Turn("user", "hi"), Turn("assistant", "Hello!")))
    assert conversation.follows_assistant
    row = build_features(conversation, np.ones(8, np.float32), None, FeatureSpec(ngram_dim=16))
    assert np.array_equal(row[-len(EXTRA_FEATURES):], extra_features(conversation))


def _classifier_with_confidence(default_config, fake_encoder, thresholds):
    from mmrouter.routing.classifier import Classifier, RouteIndex
    from mmrouter.routing.head import FeatureSpec

    routes = default_config.route_names
    spec = FeatureSpec(ngram_dim=32)
    rng = np.random.default_rng(3)
    n_features = feature_count(len(routes), len(EXTRA_FEATURES))
    weights = rng.normal(0, 1, (len(routes), spec.size(64))).astype(np.float32)
    head = RoutingHead(routes=routes, weights=weights,
                       bias=np.zeros(len(routes), np.float32), thresholds=thresholds, spec=spec,
                       confidence=ConfidenceModel(weights=rng.normal(0, 0.5, n_features), bias=1.0))
    index = RouteIndex.build(default_config.routes, fake_encoder)
    return Classifier(default_config, index, head), head


def test_a_classification_carries_the_confidence_models_probability(default_config, fake_encoder):
    classifier, head = _classifier_with_confidence(default_config, fake_encoder, {})
    conversation = Conversation(latest_text="What is the capital of France?")
    latest = fake_encoder.encode([conversation.latest_text])[0]
    result = classifier.classify(conversation, latest)
    probs = head.predict(head.features(conversation, latest, None)).astype(np.float64)
    decided = default_config.route_names.index(result.route)
    assert not result.abstained and decided == int(probs.argmax())
    assert head.confidence is not None
    expected = head.confidence.probability(confidence_features(
        probs, decided, False, np.asarray([0, 0, 0, np.log1p(6) / 4]), english=True))
    assert result.confidence == pytest.approx(expected, rel=1e-5)
    assert result.confidence != pytest.approx(float(probs.max()), rel=1e-3)


def test_an_abstained_decision_is_scored_as_the_fallback(default_config, fake_encoder):
    """Every route but the fallback demands certainty: the request abstains to the fallback,
    and the confidence is that of deciding the fallback with abstained set."""
    names = default_config.route_names
    fallback = default_config.routing.fallback_route
    thresholds = {name: 1.01 for name in names if name != fallback}
    classifier, head = _classifier_with_confidence(default_config, fake_encoder, thresholds)
    conversation = Conversation(latest_text="Draw me a lighthouse at dawn")
    latest = fake_encoder.encode([conversation.latest_text])[0]
    result = classifier.classify(conversation, latest)
    probs = head.predict(head.features(conversation, latest, None)).astype(np.float64)
    if names[int(probs.argmax())] == fallback:
        pytest.fail("the random head chose the fallback outright; pick another text")
    assert result.abstained and result.route == fallback
    assert head.confidence is not None
    expected = head.confidence.probability(confidence_features(
        probs, names.index(fallback), True, head.features(conversation, latest, None)[-4:],
        english=True))
    assert result.confidence == pytest.approx(expected, rel=1e-5)


def test_equal_count_bins_resolve_the_crowded_top_and_bad_values_are_clipped() -> None:
    from mmrouter.learning.calibration import reliability_equal_mass

    confidence = [0.91, 0.93, 0.95, 0.97, 0.99, 0.995] * 10
    correct = [True] * 54 + [False] * 6
    width = reliability(confidence, correct)
    mass = reliability_equal_mass(confidence, correct, bins=6)
    assert len(width) == 1 and len(mass) == 6  # one equal-width bin, six equal-count ones
    assert [row["n"] for row in mass] == [10] * 6
    assert mass[0]["high"] <= mass[-1]["low"]  # ordered by confidence
    assert expected_calibration_error(confidence, correct, equal_mass=True) >= \
        expected_calibration_error(confidence, correct)  # a refinement of the one wide bin
    odd = reliability([-0.2, 0.5, float("nan"), 1.7], [False, True, False, True])
    assert sum(row["n"] for row in odd) == 4  # clipped to [0, 1], NaN counted as 0
    assert odd[0]["low"] == 0.0 and odd[-1]["high"] == 1.0
