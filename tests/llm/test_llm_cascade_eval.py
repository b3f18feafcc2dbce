"""Cascade figures for eval/fit (pure) and the language guess behind the language trigger."""

from __future__ import annotations

import argparse

import numpy as np
import pytest

from mmrouter.config.schema import parse_config
from mmrouter.learning.cascade_eval import (CascadeRecord, cascade_record, cascade_stats,
                                            escalation_curve, suggest_escalate_below)
from mmrouter.learning.evaluation import with_llm_overrides
from mmrouter.llm.language import guess_language
from mmrouter.routing.classifier import Classification

RECORDS = [CascadeRecord(0.9, True, False), CascadeRecord(0.8, False, False),
           CascadeRecord(0.5, False, False), CascadeRecord(0.4, True, False),
           CascadeRecord(0.95, False, True)]


def test_escalation_rate_and_errors_escalated():
    stats = cascade_stats(RECORDS, 0.6)
    assert stats["escalation_rate"] == 0.6  # 0.5, 0.4 and the forced one
    assert stats["errors_escalated"] == round(2 / 3, 4)  # errors: 0.8 (kept), 0.5, forced
    assert stats["embedding_errors"] == 3
    assert cascade_stats([CascadeRecord(0.9, True, False)], 0.6)["errors_escalated"] is None
    curve = escalation_curve(RECORDS, (0.0, 0.85, 1.0))
    assert [row["escalation_rate"] for row in curve] == [0.2, 0.8, 1.0]
    assert [row["errors_escalated"] for row in curve] == [round(1 / 3, 4), 1.0, 1.0]


def test_suggested_threshold_is_the_confidence_quantile():
    confidences = np.linspace(0.0, 1.0, 101)
    assert suggest_escalate_below(confidences, 0.2) == pytest.approx(0.2)
    stats = cascade_stats([CascadeRecord(float(c), True, False) for c in confidences],
                          suggest_escalate_below(confidences, 0.25))
    assert stats["escalation_rate"] == pytest.approx(0.25, abs=0.01)
    with pytest.raises(ValueError):
        suggest_escalate_below(confidences, 1.5)


def _config(**llm):
    return parse_config({"routing": {"default_model": "m"}, "models": [{"name": "m"}],
                         "routes": [{"name": "a", "description": "A.", "llm": True,
                                     "model_scores": [{"model": "m"}]},
                                    {"name": "other", "description": "Else."}],
                         "llm_router": llm})


def test_records_use_the_cascade_triggers_whatever_the_mode():
    config = _config(mode="off", encoder_scripts=["latin"])
    flagged = Classification(route="a", confidence=0.99, scores=(), method="head")
    plain = Classification(route="other", confidence=0.99, scores=(), method="head")
    assert cascade_record(config, flagged, "hi", "a").forced  # route marked llm: true
    assert cascade_record(config, plain, "Привет, как дела?", "other").forced  # script
    record = cascade_record(config, plain, "hello there", "a")
    assert not record.forced and not record.embedding_correct and record.confidence == 0.99


def test_eval_overrides_are_validated():
    config = _config()
    args = argparse.Namespace(llm_mode="cascade", escalate_below=0.7)
    changed = with_llm_overrides(config, args).llm_router
    assert (changed.mode, changed.escalate_below) == ("cascade", 0.7)
    from mmrouter.config.schema import ConfigError

    with pytest.raises(ConfigError, match="escalate_below"):
        with_llm_overrides(config, argparse.Namespace(llm_mode=None, escalate_below=2.0))


@pytest.mark.parametrize("text, language", [
    ("Haz una versión estilo Pixar de esta foto.", "es"),
    ("Est-ce que ma tenue convient pour un mariage ?", "fr"),
    ("Erstelle ein Bild von einem Fuchs, der im Herbstwald Pilze sammelt.", "de"),
    ("Sitzt meine Krawatte gerade?", "de"),
    ("Escreva um pequeno poema sobre o mar.", "pt"),
    ("Puoi spiegarmi questo grafico?", "it"),
    ("Colorize this old black and white photo.", "en"),
    ("Can you look at la dolce vita poster in this image?", "en"),
    ("lol", None),
    ("Prove Fermat's little theorem", None),
])
def test_language_guess(text, language):
    assert guess_language(text) == language


def test_language_trigger_in_the_policy():
    from mmrouter.llm.policy import escalation_reason

    config = _config(mode="cascade", escalate_below=0.1, encoder_languages=["en"],
                     foreign_escalate_below=0.9)
    sure = Classification(route="other", confidence=0.95, scores=(), method="head")
    unsure = Classification(route="other", confidence=0.85, scores=(), method="head")
    text = "Haz una versión estilo Pixar de esta foto."
    assert escalation_reason(config, sure, text) is None  # above foreign_escalate_below
    assert escalation_reason(config, unsure, text) == "language"
    assert escalation_reason(config, unsure, "Colorize this old photo.") is None


def test_fit_suggests_escalate_below_from_out_of_fold_confidences():
    from mmrouter.learning.fitting import escalation_suggestion, fit_head
    from mmrouter.routing.head import FeatureSpec

    rng = np.random.default_rng(0)
    y = np.repeat([0, 1, 2], 40)
    x = rng.normal(size=(120, 6)) + np.eye(3, 6)[y] * 1.5  # overlapping classes: some errors
    result = fit_head(x, y, ("a", "b", "other"), "other", l2=1e-2, folds=4,
                      spec=FeatureSpec(ngram_dim=0), encoder_name="synthetic")
    assert result.oof_confidence.shape == (120,) and result.oof_correct.dtype == bool
    suggestion = escalation_suggestion(result, 0.2)
    assert suggestion["escalation_rate"] == pytest.approx(0.2, abs=0.01)
    assert suggestion["escalate_below"] == pytest.approx(
        float(np.quantile(result.oof_confidence, 0.2)), abs=1e-4)
    assert suggestion["embedding_errors"] == int((~result.oof_correct).sum()) > 0


def test_eval_report_carries_the_cascade_figures():
    from mmrouter.learning.evaluation import EvalReport

    report = EvalReport(routes=("a", "other"), expected=["a", "a", "other"],
                        predicted=["a", "other", "other"], latencies_s=[0.01] * 3,
                        llm_mode="cascade", escalate_below=0.6,
                        embedding_predicted=["a", "a", "a"],
                        cascade=[CascadeRecord(0.9, True, False), CascadeRecord(0.9, True, False),
                                 CascadeRecord(0.3, False, False)],
                        llm_outcomes={"ok": 1})
    summary = report.as_dict()
    assert (summary["escalation_rate"], summary["errors_escalated"]) == (0.3333, 1.0)
    assert summary["embedding_accuracy"] == 0.6667 and summary["accuracy"] == 0.6667
    assert summary["llm_mode"] == "cascade" and summary["llm_outcomes"] == {"ok": 1}
    assert len(summary["escalation_curve"]) >= 5


def test_bench_cascade_summary_splits_escalated_and_kept_requests():
    from mmrouter.bench.llm_cascade import summarise

    off = [0.010, 0.012, 0.011, 0.010]
    cascade = [0.010, 0.070, 0.011, 0.064]
    summary = summarise(off, cascade, [False, True, False, True], 50.0, failed=0)
    assert summary["escalation_rate"] == 0.5
    assert summary["p50_not_escalated_off_ms"] == summary["p50_not_escalated_cascade_ms"] == 10.5
    assert summary["added_p50_not_escalated_ms"] == 0.0
    assert summary["p50_escalated_cascade_ms"] == 67.0 and summary["added_p50_escalated_ms"] == 56.0
    assert summary["added_p50_ms"] == round(summary["p50_cascade_ms"] - summary["p50_off_ms"], 3)
