"""Operator tools on the command line: eval, fit and bench (imported lazily)."""

from __future__ import annotations

import argparse
from typing import Callable


def register_tools(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("eval", _eval, "Evaluate routing accuracy on labelled conversations (JSONL).")
    p.add_argument("--data", required=True, help="JSONL: {messages: [...], route: ...} per line")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    p.add_argument("--plot", help="write the confusion matrix as a PNG here")

    p = command("fit", _fit, "Fit the routing head on labelled conversations (JSONL).")
    p.add_argument("--data", help="JSONL of labelled conversations (default: learn from the "
                   "config's route descriptions and utterances, at least 5 per route)")
    p.add_argument("--out", required=True, help="where to write the head (.npz)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--l2", type=float, default=3e-4)
    p.add_argument("--json", action="store_true")

    p = command("bench", _bench, "Benchmark the real stack against its baselines.")
    p.add_argument("--quick", action="store_true", help="short run (under a minute)")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    p.add_argument("--report", default="bench-report.json")
    p.add_argument("--chart", default="bench-report.png")
    p.add_argument("--scenarios", help="comma list: text,one_image,four_images,image_4mb")
    p.add_argument("--concurrency", help="comma list of concurrency levels (1,8,32)")
    p.add_argument("--scale", type=int, help="multiply the full run's request counts")
    p.add_argument("--router-threads", type=int,
                   help="torch intra-op threads of the router (OMP_NUM_THREADS); default: torch's")


def _eval(args: argparse.Namespace) -> int:
    from mmrouter.learning.evaluation import run_eval_cli

    return run_eval_cli(args)


def _fit(args: argparse.Namespace) -> int:
    from mmrouter.learning.fitting import run_fit_cli

    return run_fit_cli(args)


def _bench(args: argparse.Namespace) -> int:
    from mmrouter.bench.run import run_bench_cli

    return run_bench_cli(args)
