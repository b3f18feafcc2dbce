"""`mmrouter bench --budget`: the budget controller on simulated traffic whose mix changes.

Simulated decisions (no models, no network): a share ``hard_before`` of requests go to a route
whose first choice is the strong model (then the cheap one), the rest to a cheap-only route;
halfway through the run the hard share becomes ``hard_after``. Each hard request has a latent
difficulty ``d`` (uniform); it truly needs the strong model when ``d`` is above ``need_above``,
and the classifier's confidence is ``d`` plus gaussian noise. The real
:class:`~mmrouter.routing.budget.BudgetController` decides each request on a simulated clock.

Reported: the strong model's share over the rolling window, sampled after warm-up (one window),
as the largest distance from the target; and of the requests that needed the strong model, how
many kept it, against the same controller fed random scores (demoting at random, at the same
rate).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass
from typing import Any

from mmrouter.config.schema import BudgetConfig, BudgetLimit, ModelConfig
from mmrouter.routing.budget import BudgetController

STRONG = ModelConfig(name="strong")
CHEAP = ModelConfig(name="cheap")


@dataclass(frozen=True)
class BudgetScenario:
    requests: int = 40_000
    rate_per_s: float = 20.0
    window_s: float = 60.0
    max_share: float = 0.25
    hard_before: float = 0.3
    hard_after: float = 0.6
    need_above: float = 0.5
    noise: float = 0.15
    sample_every: int = 50
    seed: int = 7


def simulate(scenario: BudgetScenario, random_scores: bool = False) -> dict[str, Any]:
    """One run; the same seed gives the same traffic whatever ``random_scores``."""
    traffic, scores = random.Random(scenario.seed), random.Random(scenario.seed + 1)
    controller = BudgetController(BudgetConfig(
        window_s=scenario.window_s,
        limits=(BudgetLimit(model=STRONG.name, max_share=scenario.max_share),)))
    warm_up = int(scenario.window_s * scenario.rate_per_s)
    needed, kept_needed = [0, 0], [0, 0]  # per half: before and after the mix changes
    deviations: list[float] = []
    for i in range(scenario.requests):
        now = i / scenario.rate_per_s
        half = 0 if i < scenario.requests // 2 else 1
        hard_share = scenario.hard_after if half else scenario.hard_before
        if traffic.random() < hard_share:
            difficulty = traffic.random()
            confidence = difficulty + traffic.gauss(0.0, scenario.noise)
            verdict = controller.decide(STRONG, (CHEAP,),
                                        scores.random() if random_scores else confidence, now)
            if difficulty > scenario.need_above:
                needed[half] += 1
                kept_needed[half] += verdict.model is STRONG
        else:
            controller.decide(CHEAP, (), traffic.random(), now)
        if i >= warm_up and i % scenario.sample_every == 0:
            deviations.append(controller.share(STRONG.name) - scenario.max_share)
    return {"needed_strong": sum(needed), "kept_strong": sum(kept_needed),
            "kept_fraction": sum(kept_needed) / sum(needed) if sum(needed) else 0.0,
            "kept_by_half": [f"{k}/{n}" for k, n in zip(kept_needed, needed)],
            "max_deviation_points": 100 * max(abs(d) for d in deviations),
            "max_over_points": 100 * max(deviations), "samples": len(deviations),
            "final_share": controller.share(STRONG.name)}


def budget_report(scenario: BudgetScenario) -> dict[str, Any]:
    controller, baseline = simulate(scenario), simulate(scenario, random_scores=True)
    return {"scenario": asdict(scenario), "controller": controller, "random": baseline,
            "within_3_points": controller["max_deviation_points"] <= 3.0}


def run_budget_cli(args: argparse.Namespace) -> int:
    scenario = BudgetScenario(**({"requests": args.budget_requests}
                                 if getattr(args, "budget_requests", None) else {}))
    report = budget_report(scenario)
    if getattr(args, "report", None):
        with open(args.report, "w", encoding="utf-8") as out:
            json.dump({"budget": report}, out, indent=2)
    lines = [f"budget scenario: {scenario.requests} requests, strong max_share "
             f"{scenario.max_share}, hard share {scenario.hard_before} -> {scenario.hard_after} "
             f"halfway, window {scenario.window_s:g} s at {scenario.rate_per_s:g} req/s"]
    for name in ("controller", "random"):
        r = report[name]
        lines.append(f"  {name:10s} share max deviation after warm-up "
                     f"{r['max_deviation_points']:.2f} points (over target at most "
                     f"{r['max_over_points']:.2f}); needed-strong kept {r['kept_strong']}/"
                     f"{r['needed_strong']} ({100 * r['kept_fraction']:.1f}%; before/after "
                     f"the change {' and '.join(r['kept_by_half'])})")
    lines.append(f"  within ±3 points: {report['within_3_points']}")
    print("\n".join(lines))  # noqa: T201 - a command's report
    if getattr(args, "json", False):
        print(json.dumps(report, sort_keys=True))  # noqa: T201
    return 0
