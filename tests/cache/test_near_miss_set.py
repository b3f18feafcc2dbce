"""The near-miss set (data/cache/pairs.jsonl) with the shipped text encoder and the default
threshold: no near miss is ever served, and paraphrases still are. The figures the cache's
default was chosen by (docs/cache.md), held for every later encoder."""

from __future__ import annotations

from mmrouter.cache.evaluate import DEFAULT_PAIRS, load_pairs, score
from mmrouter.config.schema import load_config
from mmrouter.encoders.model_encoder import load_model_encoder


def test_the_default_threshold_serves_no_near_miss_and_most_paraphrases() -> None:
    config = load_config(None)
    encoder = load_model_encoder(config.text_encoder.model)  # the shipped encoder, as served
    pairs = load_pairs(DEFAULT_PAIRS)
    scored = score(pairs, encoder.encode)
    threshold = config.cache.similarity
    near = [s for s in scored if s.kind == "near_miss"]
    paraphrases = [s for s in scored if s.kind == "paraphrase"]
    assert len(near) >= 300 and len({s.variant for s in near}) >= 6
    served = [(p["a"], p["b"], round(s.cosine, 3)) for p, s in zip(pairs, scored)
              if s.kind == "near_miss" and s.cosine >= threshold and s.guard]
    assert served == []
    hits = sum(s.cosine >= threshold and s.guard for s in paraphrases)
    assert hits >= len(paraphrases) // 2, hits  # 26 of 40 when measured
