"""mmrouter fit / eval: metric maths, the head file, fitting, thresholds, the CLI, held-out floor."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mmrouter.routing.classifier import Classifier, RouteIndex
from mmrouter.config.schema import load_config
from mmrouter.routing.conversation import Conversation
from mmrouter.learning.dataset import DatasetError, load_labelled
from mmrouter.learning.evaluation import accuracy, confusion_matrix, per_route_metrics, percentile
from mmrouter.routing.head import FeatureSpec, HeadError, RoutingHead, char_ngrams
from mmrouter.learning.linear import apply_thresholds, cross_val_proba, fit_linear, fit_thresholds

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "data" / "devset" / "heldout.jsonl"
BLIND = ROOT / "data" / "blindset" / "blind.jsonl"
BLIND2 = ROOT / "data" / "blindset2" / "blind2.jsonl"
DOMAINS = ROOT / "data" / "domains"
DOMAINS2 = ROOT / "data" / "domains2"
# Floors a little under what the default head measured (held-out 0.966, blind 0.961, second
# blind set 0.949; ECE 0.016 / 0.011 / 0.023): a regression in data, features, calibration or
# encoder fails the suite.
HELDOUT_FLOOR = 0.94
BLIND_FLOOR = 0.93
LANGUAGE_FLOOR = 0.80  # every language with >= 15 blind items (measured: lowest 0.870, ja)
ECE_CEILING = 0.05
MAX_ESCALATION = 0.25  # at the shipped escalate_below
SPEC = FeatureSpec(ngram_dim=64)


def _mmrouter(*args: str, timeout: float = 280) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mmrouter", "--log-level", "warning", *args],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def test_metrics_on_a_hand_made_example() -> None:
    labels = ["a", "b", "c"]
    expected = ["a", "a", "a", "b", "b", "c"]
    predicted = ["a", "a", "b", "b", "c", "c"]
    cm = confusion_matrix(expected, predicted, labels)
    assert cm.tolist() == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]
    assert accuracy(expected, predicted) == pytest.approx(4 / 6)
    m = per_route_metrics(cm, labels)
    assert (m["a"].precision, m["a"].recall) == (1.0, pytest.approx(2 / 3))
    assert m["a"].f1 == pytest.approx(0.8)
    assert (m["b"].precision, m["b"].recall, m["b"].f1) == (0.5, 0.5, 0.5)
    assert (m["c"].precision, m["c"].recall) == (0.5, 1.0)
    assert m["c"].f1 == pytest.approx(2 / 3)
    assert per_route_metrics(np.zeros((1, 1), int), ["x"])["x"].f1 == 0.0  # no 0/0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0


def test_cross_validation_scores_every_sample_out_of_fold_deterministically() -> None:
    rng = np.random.default_rng(2)
    y = np.array([0] * 10 + [1] * 5 + [2] * 5)
    x = np.eye(3)[y] * 3 + rng.normal(size=(20, 3))
    proba = cross_val_proba(x, y, 3, l2=1e-2, k=5)
    assert proba.shape == (20, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert np.array_equal(proba, cross_val_proba(x, y, 3, l2=1e-2, k=5))  # deterministic
    assert (proba.argmax(axis=1) == y).mean() >= 0.8


def test_fit_handles_classes_absent_from_the_training_set() -> None:
    x = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.1, 0.9]])
    two = fit_linear(x, np.array([0, 0, 2, 2]), 3, l2=1e-2)  # class 1 never seen
    proba = two.proba(x)
    assert proba.argmax(axis=1).tolist() == [0, 0, 2, 2] and proba[:, 1].max() < 1e-6
    one = fit_linear(x, np.array([1, 1, 1, 1]), 3, l2=1e-2)
    assert one.proba(x).argmax(axis=1).tolist() == [1, 1, 1, 1]


def _head(routes: tuple[str, ...], dim: int = 4) -> RoutingHead:
    rng = np.random.default_rng(0)
    n = SPEC.size(dim)
    return RoutingHead(routes=routes, weights=rng.normal(size=(len(routes), n)).astype(np.float32),
                       bias=np.zeros(len(routes), np.float32), thresholds={routes[0]: 0.5},
                       text_encoder="enc", spec=SPEC)


def test_head_round_trip_and_mismatch_errors(tmp_path: Path) -> None:
    head = _head(("x", "y", "other"))
    path = tmp_path / "head.npz"
    head.save(path)
    loaded = RoutingHead.load(path)
    assert loaded.routes == head.routes and loaded.thresholds == {"x": 0.5}
    assert loaded.spec == SPEC and np.array_equal(loaded.weights, head.weights)
    loaded.check_encoder("enc", 4)
    with pytest.raises(HeadError, match="fitted for routes"):
        loaded.check_routes(["x", "z", "other"])
    with pytest.raises(HeadError, match="text encoder"):
        loaded.check_encoder("other-encoder", 4)
    with pytest.raises(HeadError, match="features"):
        loaded.check_encoder("enc", 8)
    (tmp_path / "bad.npz").write_bytes(b"not a head")
    with pytest.raises(HeadError, match="cannot read"):
        RoutingHead.load(tmp_path / "bad.npz")


def test_char_ngrams_are_deterministic_and_normalised() -> None:
    a = char_ngrams("Draw me a cat", SPEC)
    assert np.array_equal(a, char_ngrams("draw  ME a cat", SPEC))
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-5)
    short = char_ngrams("", FeatureSpec(ngram_min=4, ngram_max=5, ngram_dim=8))
    assert short.shape == (8,) and not short.any()  # shorter than any n-gram: all zero


def test_fit_learns_a_small_synthetic_set() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 5)) * 3
    y = np.repeat(np.arange(3), 20)
    x = centres[y] + rng.normal(size=(60, 5))
    model = fit_linear(x, y, 3, l2=1e-3)
    assert accuracy(list(y), list(model.proba(x).argmax(axis=1))) >= 0.95
    again = fit_linear(x, y, 3, l2=1e-3)
    assert np.array_equal(model.weights, again.weights)  # deterministic


def test_thresholds_abstain_to_fallback() -> None:
    proba = np.array([[0.9, 0.1, 0.0], [0.4, 0.3, 0.3], [0.45, 0.1, 0.45], [0.1, 0.8, 0.1]])
    y = np.array([0, 2, 2, 1])  # the two unsure "0" predictions are really the fallback (2)
    thresholds = fit_thresholds(proba, y, fallback=2)
    assert set(thresholds) == {0} and 0.45 < thresholds[0] <= 0.9
    assert apply_thresholds(proba, thresholds, 2).tolist() == [0, 2, 2, 1]


def test_classifier_abstains_below_a_head_threshold() -> None:
    config = load_config(None)
    routes = config.route_names
    dim = 4
    weights = np.zeros((len(routes), SPEC.size(dim)), np.float32)
    bias = np.zeros(len(routes), np.float32)
    bias[0] = 1.0  # chit_chat wins with p ≈ 0.31
    head = RoutingHead(routes=routes, weights=weights, bias=bias, spec=SPEC,
                       thresholds={"chit_chat": 0.5})
    index = RouteIndex(routes=routes, anchors=np.zeros((1, dim), np.float32),
                       owner=np.zeros(1, np.int64))
    result = Classifier(config, index, head).classify(Conversation(latest_text="hi"),
                                                      np.zeros(dim, np.float32))
    assert (result.route, result.abstained, result.method) == ("other", True, "head")
    head.thresholds = {"chit_chat": 0.2}
    result = Classifier(config, index, head).classify(Conversation(latest_text="hi"),
                                                      np.zeros(dim, np.float32))
    assert (result.route, result.abstained) == ("chit_chat", False)


def test_bad_data_lines_name_the_line(tmp_path: Path) -> None:
    config = load_config(None)
    good = json.dumps({"messages": [{"role": "user", "content": "hi"}], "route": "chit_chat"})
    cases = {"{not json": "not valid JSON", json.dumps({"messages": [], "route": "other"}):
             "non-empty", json.dumps({"messages": [{"role": "user", "content": "x"}],
                                      "route": "nope"}): "unknown route"}
    for bad, message in cases.items():
        path = tmp_path / "data.jsonl"
        path.write_text(f"{good}\n\n{bad}\n")
        with pytest.raises(DatasetError, match=f"data.jsonl:3: .*{message}"):
            load_labelled(path, config)


def test_eval_cli_on_heldout_meets_the_floor(tmp_path: Path) -> None:
    plot = tmp_path / "confusion.png"
    proc = _mmrouter("eval", "--data", str(HELDOUT), "--json", "--plot", str(plot))
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["n"] == len(HELDOUT.read_text().splitlines()) and summary["method"] == "head"
    assert set(summary["per_route"]) == set(load_config(None).route_names)
    assert summary["with_images"] > 0 and "clip" not in summary["image_modes"]
    assert summary["latency_p50_ms"] > 0
    assert summary["accuracy"] >= HELDOUT_FLOOR, summary
    assert summary["calibration"]["ece"] <= ECE_CEILING, summary["calibration"]
    assert plot.stat().st_size > 1000


@pytest.mark.parametrize("path", [BLIND, BLIND2], ids=["blind", "blind2"])
def test_eval_cli_on_the_blind_sets_meets_the_floors(path: Path) -> None:
    """Two blind sets by two other authors (never fitted on, never tuned on): accuracy, every
    language, calibration (confidence is the probability of being right) and the cascade's
    share of traffic at the shipped escalate_below."""
    proc = _mmrouter("eval", "--data", str(path), "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["n"] == len(path.read_text().splitlines())
    assert summary["accuracy"] >= BLIND_FLOOR, summary["accuracy"]
    big = {lang: m for lang, m in summary["per_language"].items() if m["n"] >= 15}
    assert len(big) >= 15, big  # the blind sets' languages are detected as such
    assert all(m["accuracy"] >= LANGUAGE_FLOOR for m in big.values()), big
    calibration = summary["calibration"]
    assert calibration["probability"] and calibration["ece"] <= ECE_CEILING, calibration
    assert calibration["ece_equal_mass"] <= ECE_CEILING, calibration  # the crowded top too
    assert sum(row["n"] for row in calibration["reliability"]) == summary["n"]
    assert sum(row["n"] for row in calibration["reliability_equal_mass"]) == summary["n"]
    assert summary["escalation_rate"] <= MAX_ESCALATION, summary["escalation_curve"]
    # measured 0.57 (blind) and 0.83 (blind2): the first blind set's target is not met
    assert summary["errors_escalated"] >= 0.45, summary["escalation_curve"]


def _anchor_accuracy(folder: Path) -> dict[str, float]:
    """Routes from a user's config, nothing fitted: descriptions alone, then with utterances."""
    from mmrouter.learning.evaluation import evaluate

    few_shot = load_config(folder / "config.yaml")
    zero_shot = dataclasses.replace(
        few_shot, routes=tuple(dataclasses.replace(r, utterances=()) for r in few_shot.routes))
    items = load_labelled(folder / "questions.jsonl", few_shot)
    accuracy = {}
    for name, config in (("zero_shot", zero_shot), ("few_shot", few_shot)):
        report = evaluate(config, items)
        assert report.method == "anchors"
        accuracy[name] = report.as_dict()["accuracy"]
    return accuracy


@pytest.mark.timeout(900)
def test_user_defined_routes_zero_shot_and_few_shot(tmp_path: Path) -> None:
    """14 academic routes with one-line descriptions and five utterances each (no labelled
    data): anchors alone (zero-shot and few-shot through centroid scoring), then a head fitted
    from the utterances, as `mmrouter fit` does without --data. Measured 0.728 / 0.857 / 0.84."""
    from mmrouter.core.runtime import load_text_encoder
    from mmrouter.learning.evaluation import evaluate
    from mmrouter.learning.fitting import fit_from_file

    accuracy = _anchor_accuracy(DOMAINS)
    assert accuracy["zero_shot"] >= 0.65 and accuracy["few_shot"] >= 0.80, accuracy
    assert accuracy["few_shot"] >= accuracy["zero_shot"], accuracy  # examples never hurt
    few_shot = load_config(DOMAINS / "config.yaml")
    items = load_labelled(DOMAINS / "questions.jsonl", few_shot)
    result = fit_from_file(few_shot, None, l2=3e-4, folds=3, encoder=load_text_encoder(few_shot))
    head = tmp_path / "head.npz"
    result.head.save(head)
    fitted = dataclasses.replace(few_shot, routing=dataclasses.replace(few_shot.routing, head=str(head)))
    report = evaluate(fitted, items)
    assert report.method == "head" and report.as_dict()["accuracy"] >= 0.75, report.as_dict()


@pytest.mark.timeout(600)
def test_user_defined_routes_written_by_another_author() -> None:
    """13 routes of a company assistant (data/domains2, written apart from everything else):
    measured zero-shot 0.515, five utterances 0.700. Its one-line descriptions are terse, so
    zero-shot is under the academic set's; the utterances must still only help."""
    accuracy = _anchor_accuracy(DOMAINS2)
    assert accuracy["zero_shot"] >= 0.45 and accuracy["few_shot"] >= 0.65, accuracy
    assert accuracy["few_shot"] >= accuracy["zero_shot"] + 0.1, accuracy


def test_fit_without_data_needs_five_utterances_per_route(tmp_path: Path) -> None:
    text = (DOMAINS / "config.yaml").read_text()
    short = tmp_path / "short.yaml"  # biology keeps three of its five utterances
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "utterances:")
    short.write_text("\n".join(lines[:first + 4] + lines[first + 6:]) + "\n")
    proc = _mmrouter("fit", "--config", str(short), "--out", str(tmp_path / "head.npz"))
    assert proc.returncode == 2 and "at least 5 per route" in proc.stderr, proc.stderr[-500:]
    assert "biology (3)" in proc.stderr


def test_eval_cli_reports_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"messages": [{"role": "user", "content": "hi"}], "route": "chit_chat"}\n'
                    '{"route": 3}\n')
    proc = _mmrouter("eval", "--data", str(path))
    assert proc.returncode == 2 and "bad.jsonl:2:" in proc.stderr


def test_fit_cli_writes_a_loadable_head(tmp_path: Path) -> None:
    lines = (ROOT / "data" / "devset" / "train.jsonl").read_text().splitlines()
    data = tmp_path / "small.jsonl"
    data.write_text("\n".join(lines[::4]) + "\n")  # a quarter of train: quick
    out = tmp_path / "head.npz"
    proc = _mmrouter("fit", "--data", str(data), "--out", str(out), "--folds", "3", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["n"] == len(lines[::4]) and 0.0 < summary["cv_accuracy"] <= 1.0
    assert isinstance(summary["thresholds"], dict)
    head = RoutingHead.load(out)
    head.check_routes(load_config(None).route_names)


@pytest.mark.timeout(600)
def test_the_shipped_head_is_rebuilt_from_the_repos_files(tmp_path: Path) -> None:
    """`make fit` (mmrouter fit on data/devset/train.jsonl with the defaults) gives the head
    the package ships: weights, thresholds, temperature and confidence model. Bit for bit on
    the machine that fitted it; within tolerances elsewhere, since int8 kernels of other CPUs
    may round the embeddings differently."""
    shipped = ROOT / "src" / "mmrouter" / "defaults" / "head.npz"
    out = tmp_path / "head.npz"
    proc = _mmrouter("fit", "--data", str(ROOT / "data" / "devset" / "train.jsonl"),
                     "--out", str(out), "--json", timeout=540)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["confidence_model"] and summary["oof_ece"] <= 0.05, summary
    rebuilt, head = RoutingHead.load(out), RoutingHead.load(shipped)
    assert rebuilt.routes == head.routes and rebuilt.text_encoder == head.text_encoder
    assert rebuilt.meta["n"] == head.meta["n"]  # the same data
    assert _relative(rebuilt.weights, head.weights) < 0.02
    assert np.allclose(rebuilt.bias, head.bias, atol=0.05)
    assert rebuilt.meta["temperature"] == pytest.approx(head.meta["temperature"], rel=0.02)
    assert rebuilt.thresholds.keys() == head.thresholds.keys()
    assert all(abs(rebuilt.thresholds[k] - v) < 0.05 for k, v in head.thresholds.items())
    assert rebuilt.confidence is not None and head.confidence is not None
    assert _relative(rebuilt.confidence.weights, head.confidence.weights) < 0.05


def _relative(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(np.asarray(a, np.float64) - b) / np.linalg.norm(b))
