"""The budget controller (routing/budget.py) on simulated decisions and a simulated clock."""

from __future__ import annotations

import random

from mmrouter.bench.budget import BudgetScenario, simulate
from mmrouter.config.schema import BudgetConfig, BudgetLimit, ModelConfig
from mmrouter.routing.budget import BudgetController, merge_states

STRONG, CHEAP, MID = ModelConfig(name="strong"), ModelConfig(name="cheap"), ModelConfig(name="mid")


def controller(share: float = 0.25, window_s: float = 60.0, **limits: float) -> BudgetController:
    extra = tuple(BudgetLimit(model=m, max_share=s) for m, s in limits.items())
    return BudgetController(BudgetConfig(
        window_s=window_s, limits=(BudgetLimit(model="strong", max_share=share), *extra)))


def test_share_holds_within_3_points_while_the_mix_changes():
    for seed, share, before, after in ((1, 0.25, 0.3, 0.6), (2, 0.15, 0.5, 0.25),
                                       (3, 0.4, 0.45, 0.9)):
        result = simulate(BudgetScenario(requests=24_000, seed=seed, max_share=share,
                                         hard_before=before, hard_after=after))
        assert result["max_deviation_points"] <= 3.0, (seed, result)


def test_least_sure_decisions_are_demoted_first():
    scenario = BudgetScenario(requests=24_000, seed=5)
    chosen, random_pick = simulate(scenario), simulate(scenario, random_scores=True)
    assert chosen["needed_strong"] == random_pick["needed_strong"]
    assert chosen["kept_fraction"] > random_pick["kept_fraction"] + 0.15


def test_demoted_decisions_have_lower_confidence_than_kept_ones():
    budget, rng = controller(share=0.3), random.Random(0)
    kept, demoted = [], []
    for i in range(6000):
        confidence = rng.random()
        verdict = budget.decide(STRONG, (CHEAP,), confidence, now=i * 0.01)
        if i > 3000:
            (demoted if verdict.demoted else kept).append(confidence)
    assert demoted and kept
    assert max(demoted) < min(kept) + 0.15  # a threshold, give or take its adaptation
    assert sum(kept) / len(kept) > sum(demoted) / len(demoted) + 0.4


def test_without_an_alternative_the_model_is_kept():
    budget = controller(share=0.1)
    verdicts = [budget.decide(STRONG, (), 0.0, now=i * 0.1) for i in range(500)]
    assert not any(v.demoted for v in verdicts)
    assert budget.share("strong") == 1.0


def test_under_budget_nothing_is_demoted():
    budget, rng = controller(share=0.5), random.Random(1)
    for i in range(2000):
        first = STRONG if rng.random() < 0.3 else CHEAP
        assert not budget.decide(first, (CHEAP,), rng.random(), now=i * 0.1).demoted


def test_demotion_skips_an_alternative_that_is_itself_over_budget():
    budget = controller(share=0.2, mid=0.0)
    for i in range(400):
        budget.decide(MID, (), 0.9, now=i * 0.01)  # mid over its budget (no alternative)
    demoted = [budget.decide(STRONG, (MID, CHEAP), 0.0, now=5 + i * 0.01) for i in range(400)]
    assert {v.model.name for v in demoted if v.demoted} == {"cheap"}


def test_the_window_forgets_old_decisions():
    budget = controller(share=1.0, window_s=10.0)
    for i in range(100):
        budget.decide(STRONG, (CHEAP,), 0.5, now=float(i) / 10)
    assert budget.state(now=9.0)["classified"] == 100
    assert budget.state(now=14.95)["classified"] == 50  # decided at 4.95 s .. 9.9 s
    assert budget.state(now=100.0)["classified"] == 0


def test_state_counts_and_merge_across_processes():
    budget = controller(share=1.0)
    for i in range(3):
        budget.decide(STRONG, (CHEAP,), 0.9, now=float(i))
    budget.decide(CHEAP, (), 0.9, now=3.0)
    state = budget.state(now=4.0)
    assert state["classified"] == 4 and state["enabled"] is True
    assert state["models"]["strong"] == {"max_share": 1.0, "share": 0.75, "requests": 3,
                                         "wanted": 3, "demoted_total": 0, "threshold": None,
                                         "keep_fraction": 1.0}
    other = {**state, "classified": 6,
             "models": {"strong": {**state["models"]["strong"], "requests": 1, "wanted": 2,
                                   "demoted_total": 1, "threshold": 0.4}}}
    merged = merge_states([state, other])
    assert merged["classified"] == 10 and merged["processes"] == 2
    assert merged["models"]["strong"] == {"max_share": 1.0, "requests": 4, "wanted": 5,
                                          "demoted_total": 1, "thresholds": [None, 0.4],
                                          "share": 0.4}


def test_no_limits_is_off():
    budget = BudgetController(BudgetConfig())
    assert not budget.active and budget.state()["models"] == {}


def test_a_classifier_that_repeats_one_confidence_is_still_held():
    budget = controller(share=0.3)
    for i in range(6000):
        budget.decide(STRONG, (CHEAP,), 0.5, now=i * 0.01)
    assert abs(budget.share("strong") - 0.3) <= 0.03
