"""The cache's near-miss and paraphrase evaluation: ``python -m mmrouter.cache.evaluate``.

For each pair of data/cache/pairs.jsonl it embeds both texts with the configured text encoder
(the routing embedding the cache reuses) and reports, per cosine threshold, the near misses that
would be served (false hits) by cosine alone and with the guard (mmrouter.cache.guard), and the
paraphrases that would be served. A hit needs cosine >= threshold and the guard.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from mmrouter.cache.guard import same_question

DEFAULT_PAIRS = Path(__file__).resolve().parents[3] / "data" / "cache" / "pairs.jsonl"
THRESHOLDS = (0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.96, 0.98)


@dataclass(frozen=True)
class Scored:
    kind: str  # near_miss | paraphrase
    variant: str
    cosine: float
    guard: bool


def load_pairs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score(pairs: Sequence[dict[str, Any]], encode: Any) -> list[Scored]:
    a = encode([p["a"] for p in pairs])
    b = encode([p["b"] for p in pairs])
    cosines = np.sum(np.asarray(a) * np.asarray(b), axis=1)
    return [Scored(p["kind"], p["variant"], float(c), same_question(p["a"], p["b"]))
            for p, c in zip(pairs, cosines)]


def table(scored: Sequence[Scored], thresholds: Sequence[float] = THRESHOLDS) -> list[str]:
    near = [s for s in scored if s.kind == "near_miss"]
    para = [s for s in scored if s.kind == "paraphrase"]
    lines = [f"pairs: {len(near)} near misses, {len(para)} paraphrases",
             "threshold | near-miss hits, cosine alone | near-miss hits, with guard | "
             "paraphrase hits, with guard",
             "---|---|---|---"]
    for t in thresholds:
        alone = sum(s.cosine >= t for s in near)
        guarded = sum(s.cosine >= t and s.guard for s in near)
        served = sum(s.cosine >= t and s.guard for s in para)
        lines.append(f"{t:.2f} | {alone} ({alone / len(near):.1%}) | {guarded} | "
                     f"{served}/{len(para)} ({served / len(para):.1%})")
    accepted = [s.cosine for s in para if s.guard]
    if accepted:
        lines.append(f"paraphrases the guard accepts: {len(accepted)}/{len(para)}, cosine "
                     f"{min(accepted):.3f} to {max(accepted):.3f}")
    return lines


def by_variant(scored: Sequence[Scored], threshold: float) -> list[str]:
    total = Counter(s.variant for s in scored if s.kind == "near_miss")
    alone = Counter(s.variant for s in scored if s.kind == "near_miss" and s.cosine >= threshold)
    guarded = Counter(s.variant for s in scored
                      if s.kind == "near_miss" and s.cosine >= threshold and s.guard)
    return [f"  {v}: {total[v]} pairs, {alone[v]} over {threshold:.2f} by cosine, "
            f"{guarded[v]} served with the guard" for v in sorted(total)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mmrouter.cache.evaluate")
    parser.add_argument("--config", help="mmrouter config (its text_encoder); default: built-in")
    parser.add_argument("--pairs", default=str(DEFAULT_PAIRS))
    args = parser.parse_args(argv)
    from mmrouter.config.schema import load_config
    from mmrouter.core.runtime import load_text_encoder

    config = load_config(args.config)
    encoder = load_text_encoder(config)
    pairs = load_pairs(Path(args.pairs))
    started = time.perf_counter()
    scored = score(pairs, encoder.encode)
    out = [f"encoder: {encoder.name} ({len(pairs) * 2} texts in "
           f"{time.perf_counter() - started:.1f} s)", *table(scored),
           f"near misses by kind at cache.similarity {config.cache.similarity:.2f}:",
           *by_variant(scored, config.cache.similarity)]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
