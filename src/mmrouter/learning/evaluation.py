"""`mmrouter eval`: routing accuracy, per-route precision/recall/F1, confusion, latency.

The classification core is built from the config exactly as the server builds it (real text
encoder, micro-batcher, image scorer factory); each conversation goes through
``RouterCore.classify`` one at a time, and each call's latency is measured on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import dataclasses
import json
import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from mmrouter.config.schema import Config, load_config
from mmrouter.core.router import RouterCore
from mmrouter.routing.classifier import Classification
from mmrouter.learning.calibration import calibration_summary
from mmrouter.learning.cascade_eval import (CascadeRecord, cascade_record, cascade_stats,
                                            escalation_curve)
from mmrouter.learning.dataset import DatasetError, LabelledConversation, load_labelled
from mmrouter.learning.languages import detect_language

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RouteMetrics:
    precision: float
    recall: float
    f1: float
    support: int

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support}


@dataclass
class EvalReport:
    routes: tuple[str, ...]
    expected: list[str]
    predicted: list[str]
    latencies_s: list[float]
    method: str = ""
    image_modes: dict[str, int] = field(default_factory=dict)
    with_images: int = 0
    abstained: int = 0
    llm_mode: str = "off"
    escalate_below: float = 0.0
    embedding_predicted: list[str] = field(default_factory=list)  # the embedding path's own
    cascade: list[CascadeRecord] = field(default_factory=list)
    llm_outcomes: dict[str, int] = field(default_factory=dict)  # escalations' call outcomes
    languages: list[str] = field(default_factory=list)  # detected, per conversation

    @property
    def confusion(self) -> np.ndarray:
        return confusion_matrix(self.expected, self.predicted, self.routes)

    def as_dict(self) -> dict[str, Any]:
        per_route = per_route_metrics(self.confusion, self.routes)
        return {
            "n": len(self.expected), "accuracy": round(accuracy(self.expected, self.predicted), 4),
            "macro_f1": round(float(np.mean([m.f1 for m in per_route.values()])), 4),
            "per_route": {r: m.as_dict() for r, m in per_route.items()},
            "confusion": {"labels": list(self.routes), "matrix": self.confusion.tolist()},
            "latency_p50_ms": round(percentile(self.latencies_s, 50) * 1000, 3),
            "latency_p95_ms": round(percentile(self.latencies_s, 95) * 1000, 3),
            "method": self.method, "with_images": self.with_images,
            "image_modes": dict(self.image_modes), "abstained": self.abstained,
            **self.cascade_summary(),
            "per_language": per_language_accuracy(self.expected, self.predicted, self.languages),
            "per_language_route": per_language_route_recall(self.expected, self.predicted,
                                                            self.languages),
            "calibration": self.calibration(),
        }

    def calibration(self) -> dict[str, Any]:
        """How well the embedding path's confidence predicts that its decision is right."""
        confidence = [r.confidence for r in self.cascade]
        correct = [r.embedding_correct for r in self.cascade]
        return {"probability": self.method == "head",  # anchors: a cosine, not a probability
                **calibration_summary(confidence, correct)}

    def cascade_summary(self) -> dict[str, Any]:
        """The cascade's figures: escalation_rate and errors_escalated at escalate_below
        (the config's triggers on the embedding decisions, in every mode: no LLM needed)."""
        stats = cascade_stats(self.cascade, self.escalate_below)
        return {"llm_mode": self.llm_mode, "escalate_below": stats["escalate_below"],
                "escalation_rate": stats["escalation_rate"],
                "errors_escalated": stats["errors_escalated"],
                "embedding_accuracy": round(accuracy(self.expected, self.embedding_predicted), 4),
                "llm_outcomes": dict(self.llm_outcomes),
                "escalation_curve": escalation_curve(self.cascade)}


def accuracy(expected: Sequence[str], predicted: Sequence[str]) -> float:
    if not expected:
        return 0.0
    return sum(e == p for e, p in zip(expected, predicted)) / len(expected)


def confusion_matrix(expected: Sequence[str], predicted: Sequence[str],
                     labels: Sequence[str]) -> np.ndarray:
    """Rows: expected route; columns: predicted route."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for e, p in zip(expected, predicted):
        matrix[index[e], index[p]] += 1
    return matrix


def per_route_metrics(confusion: np.ndarray, labels: Sequence[str]) -> dict[str, RouteMetrics]:
    """Precision, recall and F1 per route from a confusion matrix (0 where undefined)."""
    out: dict[str, RouteMetrics] = {}
    for i, label in enumerate(labels):
        tp = float(confusion[i, i])
        predicted, actual = float(confusion[:, i].sum()), float(confusion[i, :].sum())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = RouteMetrics(precision, recall, f1, int(actual))
    return out


def per_language_accuracy(expected: Sequence[str], predicted: Sequence[str],
                          languages: Sequence[str]) -> dict[str, dict[str, float | int]]:
    """Accuracy and count per detected language, most frequent language first."""
    groups: dict[str, list[bool]] = collections.defaultdict(list)
    for e, p, lang in zip(expected, predicted, languages):
        groups[lang].append(e == p)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return {lang: {"n": len(hits), "accuracy": round(sum(hits) / len(hits), 4)}
            for lang, hits in ordered}


def per_language_route_recall(expected: Sequence[str], predicted: Sequence[str],
                              languages: Sequence[str]) -> dict[str, dict[str, list[int]]]:
    """Per language, per expected route: [right, total]."""
    table: dict[str, dict[str, list[int]]] = collections.defaultdict(dict)
    for e, p, lang in zip(expected, predicted, languages):
        cell = table[lang].setdefault(e, [0, 0])
        cell[0] += int(e == p)
        cell[1] += 1
    return {lang: dict(sorted(routes.items())) for lang, routes in sorted(table.items())}


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else 0.0


async def classify_all(core: RouterCore, items: Sequence[LabelledConversation],
                       routes: Sequence[str]) -> EvalReport:
    """Classify sequentially, timing each ``RouterCore.classify`` call on its own."""
    llm = core.config.llm_router
    report = EvalReport(routes=tuple(routes), expected=[], predicted=[], latencies_s=[],
                        llm_mode=llm.mode, escalate_below=llm.escalate_below)
    modes: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    for item in items:
        started = time.perf_counter()
        result = await core.classify(item.conversation, item.payload.get("messages"))
        report.latencies_s.append(time.perf_counter() - started)
        embedding = _embedding_view(result)
        report.embedding_predicted.append(embedding.route)
        report.cascade.append(cascade_record(core.config, embedding,
                                             item.conversation.latest_text, item.route))
        if result.llm is not None and result.llm.outcome is not None:
            outcomes[result.llm.outcome] += 1
        report.expected.append(item.route)
        report.languages.append(detect_language(item.conversation.latest_text))
        report.predicted.append(result.route)
        report.method = result.method
        report.abstained += int(result.abstained)
        report.with_images += int(item.conversation.has_images)
        modes[result.image_mode] += 1
    report.image_modes = dict(modes)
    report.llm_outcomes = dict(outcomes)
    return report


def _embedding_view(result: Classification) -> Classification:
    """The embedding path's own decision (the result itself unless the LLM router ran)."""
    if result.llm is None:
        return result
    return dataclasses.replace(result, route=result.llm.embedding_route,
                               confidence=result.llm.embedding_confidence,
                               method=result.llm.embedding_method)


def build_eval_core(config: Config) -> RouterCore:
    """The server's core (real encoders, batcher, image scorer), with no servers around it."""
    from mmrouter.images.scorer import build_image_scorer
    from mmrouter.core.metrics import Metrics
    from mmrouter.core.runtime import build_core

    return build_core(config, Metrics(), image_scorer_factory=build_image_scorer)


def evaluate(config: Config, items: Sequence[LabelledConversation]) -> EvalReport:
    core = build_eval_core(config)

    async def run() -> EvalReport:
        try:
            return await classify_all(core, items, config.route_names)
        finally:
            await core.aclose()

    try:
        return asyncio.run(run())
    finally:
        core.close()


def plot_confusion(report: EvalReport, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matrix = report.confusion
    fig, ax = plt.subplots(figsize=(8, 7))
    ax.imshow(matrix, cmap="Blues")
    ticks = range(len(report.routes))
    ax.set_xticks(ticks, report.routes, rotation=45, ha="right")
    ax.set_yticks(ticks, report.routes)
    for (i, j), value in np.ndenumerate(matrix):
        ax.text(j, i, str(value), ha="center", va="center",
                color="white" if value > matrix.max() / 2 else "black")
    ax.set_xlabel("predicted route")
    ax.set_ylabel("expected route")
    ax.set_title(f"mmrouter eval: accuracy {accuracy(report.expected, report.predicted):.3f} "
                 f"(n={len(report.expected)})")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def print_report(summary: dict[str, Any], routes: Sequence[str], as_json: bool) -> None:
    """The CLI's output (the only printing in this module)."""
    print(f"n = {summary['n']}   accuracy = {summary['accuracy']:.4f}   "
          f"macro F1 = {summary['macro_f1']:.4f}   method = {summary['method']}")
    print(f"with images: {summary['with_images']}   image modes: {summary['image_modes']}   "
          f"abstained: {summary['abstained']}")
    print(f"classification latency: p50 {summary['latency_p50_ms']:.2f} ms, "
          f"p95 {summary['latency_p95_ms']:.2f} ms")
    print_cascade(summary)
    width = max(len(r) for r in routes)
    print(f"\n{'route':<{width}}  precision  recall     f1  support")
    for route, m in summary["per_route"].items():
        print(f"{route:<{width}}  {m['precision']:9.3f}  {m['recall']:6.3f}  {m['f1']:5.3f}  "
              f"{m['support']:7d}")
    short = [r[:6] for r in routes]
    print(f"\nconfusion (rows: expected, columns: predicted)\n{'':<{width}}  "
          + " ".join(f"{s:>6}" for s in short))
    for route, row in zip(routes, summary["confusion"]["matrix"]):
        print(f"{route:<{width}}  " + " ".join(f"{v:>6d}" for v in row))
    print("\nper language (detected): " + ", ".join(
        f"{lang} {m['accuracy']:.3f} ({m['n']})" for lang, m in summary["per_language"].items()))
    print_language_routes(summary["per_language_route"], routes)
    print_calibration(summary["calibration"])
    if as_json:
        print(json.dumps(summary, sort_keys=True))


def print_language_routes(table: dict[str, dict[str, list[int]]], routes: Sequence[str]) -> None:
    """Right/total per language (rows) and expected route (columns)."""
    print("\nper language and route (right/total)\n" + "lang  "
          + " ".join(f"{r[:7]:>7}" for r in routes))
    for lang, cells in table.items():
        print(f"{lang:<5} " + " ".join(
            f"{'' if r not in cells else f'{cells[r][0]}/{cells[r][1]}':>7}" for r in routes))


def print_calibration(calibration: dict[str, Any]) -> None:
    what = "" if calibration["probability"] else " (a score, not a probability: no head)"
    print(f"\ncalibration of the embedding path's confidence{what}: ECE "
          f"{calibration['ece']:.4f} (equal-width bins), {calibration['ece_equal_mass']:.4f} "
          "(equal-count bins)")
    print("  equal width       n   mean confidence   accuracy   |  equal count          n"
          "   mean confidence   accuracy")
    width, mass = calibration["reliability"], calibration["reliability_equal_mass"]
    for i in range(max(len(width), len(mass))):
        left = _bin_cells(width[i], 2) if i < len(width) else " " * 44
        right = _bin_cells(mass[i], 3) if i < len(mass) else ""
        print(f"  {left}   |  {right}")


def _bin_cells(row: dict[str, Any], digits: int) -> str:
    span = f"{row['low']:.{digits}f}-{row['high']:.{digits}f}"
    return f"{span:<13} {row['n']:5d}   {row['confidence']:15.3f}   {row['accuracy']:8.3f}"


def print_cascade(summary: dict[str, Any]) -> None:
    errors = summary["errors_escalated"]
    print(f"llm_router mode {summary['llm_mode']}: embedding accuracy "
          f"{summary['embedding_accuracy']:.4f}; cascade at escalate_below "
          f"{summary['escalate_below']:g}: escalation rate {summary['escalation_rate']:.3f}, "
          f"errors escalated {'n/a' if errors is None else f'{errors:.3f}'}"
          + (f"; LLM outcomes {summary['llm_outcomes']}" if summary["llm_outcomes"] else ""))
    print("  escalate_below: " + "  ".join(
        f"{row['escalate_below']:g}→{row['escalation_rate']:.2f}/"
        f"{'-' if row['errors_escalated'] is None else format(row['errors_escalated'], '.2f')}"
        for row in summary["escalation_curve"]) + "   (escalation rate / errors escalated)")


def with_llm_overrides(config: Config, args: argparse.Namespace) -> Config:
    """``--llm-mode`` and ``--escalate-below`` replace the config's values."""
    changes = {k: v for k, v in (("mode", getattr(args, "llm_mode", None)),
                                 ("escalate_below", getattr(args, "escalate_below", None)))
               if v is not None}
    if not changes:
        return config
    from mmrouter.config.checks import validate

    config = config.replace(llm_router=dataclasses.replace(config.llm_router, **changes))
    validate(config)
    return config


def run_eval_cli(args: argparse.Namespace) -> int:
    config = with_llm_overrides(load_config(args.config), args)
    try:
        items = load_labelled(args.data, config)
    except DatasetError as exc:
        sys.stderr.write(f"mmrouter eval: {exc}\n")
        return 2
    report = evaluate(config, items)
    if args.plot:
        plot_confusion(report, args.plot)
        logger.info("wrote confusion matrix plot %s", args.plot)
    print_report(report.as_dict(), config.route_names, args.json)
    return 0
