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
from mmrouter.routing.head import FeatureSpec, RoutingHead, build_features
from mmrouter.learning.linear import (accuracy, apply_thresholds, cross_val_proba, fit_linear,
                             fit_thresholds, join)

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
    oof_confidence: np.ndarray | None = None  # out-of-fold top probability per conversation
    oof_correct: np.ndarray | None = None  # out-of-fold decision (thresholds applied) right

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, "cv_accuracy": round(self.cv_accuracy, 4),
                "cv_accuracy_thresholded": round(self.cv_accuracy_thresholded, 4),
                "train_accuracy": round(self.train_accuracy, 4), "folds": self.folds,
                "l2": self.l2, "thresholds": self.head.thresholds, "counts": self.counts}


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
             extra: tuple[np.ndarray, np.ndarray] | None = None) -> FitResult:
    """Cross-validate, fit thresholds on out-of-fold probabilities, then fit on everything.

    ``extra`` (e.g. the route anchors) joins every training set but is never scored.
    """
    n_routes = len(routes)
    fallback_index = list(routes).index(fallback)
    folds = max(2, min(folds, int(np.bincount(y, minlength=n_routes).max())))
    oof = cross_val_proba(x, y, n_routes, l2, folds, extra=extra)
    thresholds = fit_thresholds(oof, y, fallback_index)
    model = fit_linear(*join(x, y, extra), n_routes, l2)
    head = RoutingHead(routes=tuple(routes), weights=model.weights, bias=model.bias,
                       thresholds={routes[i]: round(t, 6) for i, t in thresholds.items()},
                       text_encoder=encoder_name, spec=spec,
                       meta={"l2": l2, "folds": folds, "n": int(len(y)),
                             "n_anchor_examples": 0 if extra is None else int(len(extra[1]))})
    result = FitResult(
        head=head, n=int(len(y)), folds=folds, l2=l2,
        cv_accuracy=accuracy(y, oof.argmax(axis=1)),
        cv_accuracy_thresholded=accuracy(y, apply_thresholds(oof, thresholds, fallback_index)),
        train_accuracy=accuracy(y, model.proba(x.astype(np.float64)).argmax(axis=1)),
        counts={r: int(c) for r, c in zip(routes, np.bincount(y, minlength=n_routes))},
        oof_confidence=oof.max(axis=1),
        oof_correct=apply_thresholds(oof, thresholds, fallback_index) == y)
    head.meta.update(cv_accuracy=round(result.cv_accuracy_thresholded, 4))
    return result


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
                        encoder_name=encoder.name)
    items: list[LabelledConversation] = load_labelled(data, config)
    x = conversation_features(encoder, [item.conversation for item in items], spec)
    y = np.asarray(route_indices(items, config.route_names))
    extra = None
    if use_anchors:
        extra = (conversation_features(encoder, anchors, spec), np.asarray(anchor_labels))
    return fit_head(x, y, config.route_names, config.routing.fallback_route, l2=l2, folds=folds,
                    spec=spec, encoder_name=encoder.name, extra=extra)


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
