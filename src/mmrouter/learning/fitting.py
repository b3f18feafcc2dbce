"""`mmrouter fit`: learn the routing head from labelled conversations.

Features come from the configured text encoder (see :mod:`mmrouter.routing.head`); the head is
multinomial logistic regression with L2 (:mod:`mmrouter.learning.linear`, scikit-learn). Stratified k-fold
cross-validation reports accuracy and yields the out-of-fold probabilities on which per-route
abstention thresholds are fitted: below its threshold a route abstains to the fallback route.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from mmrouter.config.schema import Config, load_config
from mmrouter.routing.conversation import Conversation
from mmrouter.learning.dataset import DatasetError, LabelledConversation, load_labelled, route_indices
from mmrouter.encoders import TextEncoder
from mmrouter.routing.head import (EXTRA_FEATURES, FeatureSpec, RoutingHead, build_features,
                                   is_english)
from mmrouter.learning.calibration import (decision_features, expected_calibration_error,
                                           fit_confidence_model, fit_temperature,
                                           with_temperature)
from mmrouter.learning.linear import (LinearModel, accuracy, apply_thresholds, cross_val_proba,
                                      fit_linear, fit_thresholds, join)

logger = logging.getLogger(__name__)

ENCODE_BATCH = 32
MIN_FEW_SHOT = 5


@dataclass(frozen=True)
class FitResult:
    head: RoutingHead
    n: int
    cv_accuracy: float  # plain argmax, out of fold
    cv_accuracy_thresholded: float  # with the fitted thresholds applied, out of fold
    train_accuracy: float
    folds: int
    l2: float
    counts: dict[str, int] = field(default_factory=dict)
    oof_confidence: np.ndarray | None = None  # out-of-fold calibrated confidence per conversation
    oof_correct: np.ndarray | None = None  # out-of-fold decision (thresholds applied) right
    temperature: float = 1.0
    oof_ece: float = 0.0  # of the out-of-fold confidences (in-sample for the confidence model)

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, "cv_accuracy": round(self.cv_accuracy, 4),
                "cv_accuracy_thresholded": round(self.cv_accuracy_thresholded, 4),
                "train_accuracy": round(self.train_accuracy, 4), "folds": self.folds,
                "l2": self.l2, "thresholds": self.head.thresholds, "counts": self.counts,
                "temperature": round(self.temperature, 4), "oof_ece": round(self.oof_ece, 4),
                "confidence_model": self.head.confidence is not None}


def encode_in_batches(encoder: TextEncoder, texts: Sequence[str]) -> np.ndarray:
    rows = [encoder.encode(list(texts[i:i + ENCODE_BATCH]))
            for i in range(0, len(texts), ENCODE_BATCH)]
    return np.concatenate(rows) if rows else np.zeros((0, encoder.dim), dtype=np.float32)


def conversation_features(encoder: TextEncoder, conversations: Sequence[Conversation],
                          spec: FeatureSpec) -> np.ndarray:
    """Feature matrix, one row per conversation, exactly as the head computes it at serve time."""
    latest = encode_in_batches(encoder, [c.latest_text for c in conversations])
    contexts: list[np.ndarray | None] = [None] * len(conversations)
    if spec.use_context:
        with_ctx = [i for i, c in enumerate(conversations) if c.context_text()]
        vectors = encode_in_batches(encoder, [conversations[i].context_text() for i in with_ctx])
        for row, i in enumerate(with_ctx):
            contexts[i] = vectors[row]
    return np.stack([build_features(c, latest[i], contexts[i], spec)
                     for i, c in enumerate(conversations)])


def anchor_examples(config: Config) -> tuple[list[Conversation], list[int]]:
    """Each route's description and utterances as single-turn, text-only training examples."""
    conversations: list[Conversation] = []
    labels: list[int] = []
    for index, route in enumerate(config.routes):
        for text in (route.description, *route.utterances):
            conversations.append(Conversation(latest_text=text))
            labels.append(index)
    return conversations, labels


def fit_head(x: np.ndarray, y: np.ndarray, routes: Sequence[str], fallback: str, *,
             l2: float, folds: int, spec: FeatureSpec, encoder_name: str,
             extra: tuple[np.ndarray, np.ndarray] | None = None,
             english: Sequence[bool] | None = None) -> FitResult:
    """Cross-validate; on the out-of-fold probabilities fit the temperature, the abstention
    thresholds and the confidence model (:mod:`mmrouter.learning.calibration`); then fit the
    head on everything and divide it by the temperature.

    ``extra`` (e.g. the route anchors) joins every training set but is never scored.
    ``english``: per conversation, whether its latest turn is English (a confidence feature).
    """
    n_routes = len(routes)
    fallback_index = list(routes).index(fallback)
    folds = max(2, min(folds, int(np.bincount(y, minlength=n_routes).max())))
    raw_oof = cross_val_proba(x, y, n_routes, l2, folds, extra=extra)
    temperature = fit_temperature(raw_oof, y)
    oof = with_temperature(raw_oof, temperature)
    thresholds = fit_thresholds(oof, y, fallback_index)
    decided = apply_thresholds(oof, thresholds, fallback_index)
    abstained = decided != oof.argmax(axis=1)
    features = decision_features(oof, decided, abstained, x[:, -len(EXTRA_FEATURES):],
                                 english if english is not None else [False] * len(y))
    confidence = fit_confidence_model(features, decided == y)
    model = _tempered(fit_linear(*join(x, y, extra), n_routes, l2), temperature)
    head = RoutingHead(routes=tuple(routes), weights=model.weights, bias=model.bias,
                       thresholds={routes[i]: round(t, 6) for i, t in thresholds.items()},
                       text_encoder=encoder_name, spec=spec, confidence=confidence,
                       meta={"l2": l2, "folds": folds, "n": int(len(y)),
                             "temperature": round(temperature, 6),
                             "n_anchor_examples": 0 if extra is None else int(len(extra[1]))})
    oof_confidence = (confidence.batch(features) if confidence is not None
                      else oof[np.arange(len(y)), decided])
    result = FitResult(
        head=head, n=int(len(y)), folds=folds, l2=l2,
        cv_accuracy=accuracy(y, oof.argmax(axis=1)),
        cv_accuracy_thresholded=accuracy(y, decided),
        train_accuracy=accuracy(y, model.proba(x.astype(np.float64)).argmax(axis=1)),
        counts={r: int(c) for r, c in zip(routes, np.bincount(y, minlength=n_routes))},
        oof_confidence=oof_confidence, oof_correct=decided == y, temperature=temperature,
        oof_ece=expected_calibration_error(list(oof_confidence), list(decided == y)))
    head.meta.update(cv_accuracy=round(result.cv_accuracy_thresholded, 4))
    return result


def _tempered(model: LinearModel, temperature: float) -> LinearModel:
    """The same classifier with its logits divided by ``temperature``."""
    return LinearModel(weights=(model.weights / temperature).astype(np.float32),
                       bias=(model.bias / temperature).astype(np.float32))


def fit_from_file(config: Config, data: str | Path | None, *, l2: float, folds: int,
                  encoder: TextEncoder | None = None, spec: FeatureSpec = FeatureSpec(),
                  use_anchors: bool = True) -> FitResult:
    """Fit the head on labelled data, with the config's route anchors (description and
    utterances) joining every training set; with no data, on the anchors alone (few-shot from
    the config: five utterances per route are enough to start)."""
    from mmrouter.core.runtime import load_text_encoder

    encoder = encoder if encoder is not None else load_text_encoder(config)
    anchors, anchor_labels = anchor_examples(config)
    if data is None:
        check_few_shot(config)
        x = conversation_features(encoder, anchors, spec)
        return fit_head(x, np.asarray(anchor_labels), config.route_names,
                        config.routing.fallback_route, l2=l2, folds=folds, spec=spec,
                        encoder_name=encoder.name,
                        english=[is_english(c.latest_text) for c in anchors])
    items: list[LabelledConversation] = load_labelled(data, config)
    x = conversation_features(encoder, [item.conversation for item in items], spec)
    y = np.asarray(route_indices(items, config.route_names))
    extra = None
    if use_anchors:
        extra = (conversation_features(encoder, anchors, spec), np.asarray(anchor_labels))
    english = [is_english(item.conversation.latest_text) for item in items]
    return fit_head(x, y, config.route_names, config.routing.fallback_route, l2=l2, folds=folds,
                    spec=spec, encoder_name=encoder.name, extra=extra, english=english)


def check_few_shot(config: Config, minimum: int = MIN_FEW_SHOT) -> None:
    """Fitting from the config alone needs ``minimum`` utterances on every route."""
    short = [f"{r.name} ({len(r.utterances)})" for r in config.routes if len(r.utterances) < minimum]
    if short:
        raise DatasetError(f"fitting from the config's utterances needs at least {minimum} per "
                           f"route; too few on: {', '.join(short)} (or pass --data)")


def print_fit_summary(result: FitResult, out: str, as_json: bool,
                      suggestion: dict[str, Any] | None = None) -> None:
    """The CLI's output (the only printing in this module)."""
    print(f"fitted routing head on {result.n} conversations -> {out}")
    print(f"  cross-validated accuracy ({result.folds}-fold, stratified): "
          f"{result.cv_accuracy:.4f}; with thresholds: {result.cv_accuracy_thresholded:.4f}")
    print(f"  training accuracy: {result.train_accuracy:.4f}; l2 = {result.l2:g}")
    print(f"  calibration: temperature {result.temperature:.3f}; confidence model "
          f"{'fitted' if result.head.confidence is not None else 'none (no errors to learn from)'}"
          f"; out-of-fold ECE {result.oof_ece:.4f}")
    print("  thresholds (abstain to fallback below): "
          + (", ".join(f"{k}={v:.3f}" for k, v in result.head.thresholds.items()) or "none"))
    if suggestion:
        print(f"  suggested llm_router.escalate_below: {suggestion['escalate_below']:.4f} "
              f"(out of fold: escalation rate {suggestion['escalation_rate']:.3f}, errors "
              f"escalated {suggestion['errors_escalated']} of {suggestion['embedding_errors']})")
    if as_json:
        extra = {"escalation_suggestion": suggestion} if suggestion else {}
        print(json.dumps({**result.as_dict(), **extra, "out": out}, sort_keys=True))


def run_fit_cli(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.folds < 2:
        raise SystemExit("mmrouter fit: --folds must be at least 2")
    try:
        result = fit_from_file(config, args.data, l2=args.l2, folds=args.folds)
    except DatasetError as exc:
        sys.stderr.write(f"mmrouter fit: {exc}\n")
        return 2
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    result.head.save(args.out)
    logger.info("wrote routing head %s", args.out)
    suggestion = None
    if getattr(args, "target_escalation", None) is not None:
        suggestion = escalation_suggestion(result, args.target_escalation)
    print_fit_summary(result, str(args.out), args.json, suggestion)
    return 0


def escalation_suggestion(result: FitResult, target: float) -> dict[str, Any]:
    """escalate_below as the ``target`` quantile of the out-of-fold confidences, with what
    it does out of fold (confidence alone: the script and llm: true triggers add to it)."""
    from mmrouter.learning.cascade_eval import (CascadeRecord, cascade_stats,
                                                suggest_escalate_below)

    assert result.oof_confidence is not None and result.oof_correct is not None
    if not 0.0 < target < 1.0:
        raise SystemExit("mmrouter fit: --target-escalation must be between 0 and 1")
    threshold = suggest_escalate_below(list(result.oof_confidence), target)
    records = [CascadeRecord(float(c), bool(ok), False)
               for c, ok in zip(result.oof_confidence, result.oof_correct)]
    return cascade_stats(records, threshold)
