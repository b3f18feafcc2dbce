"""The CLIP scorer with a tiny real open_clip model, fusion maths with a fake encoder, start-up."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import logging
from typing import Sequence

import numpy as np
import pytest
from PIL import Image

from mmrouter.routing.classifier import RouteScore, clip_evidence, fuse
from mmrouter.config.schema import ConfigError, load_config
from mmrouter.routing.conversation import Conversation, ImageRef, build_conversation
from mmrouter.errors import InvalidImage
from mmrouter.images.scorer import AnchorIndex, ClipImageScorer, LRUCache, build_image_scorer
from mmrouter.core.metrics import Metrics
from images_support import (data_uri, encode, gradient_image, png, sample,  # noqa: F401
                                 tiny_clip, tiny_config)


def conversation(*datas: bytes, text: str = "What is in this image?") -> Conversation:
    refs = tuple(ImageRef(url=data_uri(d), message_index=0) for d in datas)
    return Conversation(latest_text=text, latest_images=refs, images=refs)


class FakeEmbedder:
    """Deterministic fake CLIP: an image embeds as its mean colour, a text by its hash."""

    name = "fake-clip"

    def __init__(self) -> None:
        self.batches: list[int] = []

    def preprocess(self, image: Image.Image) -> np.ndarray:
        return np.asarray(image.resize((4, 4)), dtype=np.float32).transpose(2, 0, 1) / 255.0

    def encode_images(self, pixels: Sequence[np.ndarray]) -> list[np.ndarray]:
        self.batches.append(len(pixels))
        out = []
        for p in pixels:
            v = np.asarray(p.mean(axis=(1, 2)), dtype=np.float32) + 1e-3
            out.append(v / np.linalg.norm(v))
        return out

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
            v = np.random.default_rng(seed).random(3).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


# --- the real open_clip code path, tiny architecture ------------------------------------------

@pytest.fixture(scope="module")
def tiny_scorer(tiny_clip):  # noqa: F811
    metrics = Metrics()
    statuses: dict[str, dict] = {}
    config = tiny_config(*tiny_clip)
    scorer = build_image_scorer(config, metrics,
                                lambda n, s, **d: statuses.__setitem__(n, {"status": s, **d}))
    yield scorer, metrics, statuses, config
    scorer.close()


def test_tiny_clip_loads_and_reports_ready(tiny_scorer) -> None:
    scorer, metrics, statuses, _ = tiny_scorer
    assert isinstance(scorer, ClipImageScorer)
    assert statuses["image_encoder"]["status"] == "ready"
    assert statuses["image_encoder"]["weights"] == "checkpoint"
    assert statuses["image_encoder"]["device"] == "cpu"
    assert sample(metrics, "mmrouter_encoder_info", {"encoder": "image", "model": "mmr-tiny-clip",
                                                     "status": "ready", "reason": ""}) == 1


def test_scores_are_cosines_for_multimodal_routes_only(tiny_scorer) -> None:
    scorer, _, _, config = tiny_scorer
    scores = asyncio.run(scorer.scores(conversation(png(1))))
    assert scores.shape == (len(config.routes),)
    for route, value in zip(config.routes, scores):
        if route.multimodal_enabled:
            assert -1.0 <= value <= 1.0
        else:
            assert np.isnan(value)


def test_embedding_matches_a_direct_forward(tiny_scorer) -> None:
    scorer, _, _, _ = tiny_scorer
    image = gradient_image(seed=9)
    data = encode(image, "PNG")
    asyncio.run(scorer.scores(conversation(data)))
    cached = scorer.cache.get(hashlib.sha256(data).hexdigest())
    direct = scorer.embedder.encode_images([scorer.embedder.preprocess(image)])[0]
    np.testing.assert_allclose(cached, direct, atol=1e-5)


def test_cache_hits_when_the_same_image_is_resent(tiny_scorer) -> None:
    scorer, metrics, _, _ = tiny_scorer
    first, second = png(21), png(22)
    hits = sample(metrics, "mmrouter_image_embedding_cache_total", {"result": "hit"})
    misses = sample(metrics, "mmrouter_image_embedding_cache_total", {"result": "miss"})
    turn1 = asyncio.run(scorer.scores(conversation(first)))
    asyncio.run(scorer.scores(conversation(first, second)))  # the client resends the first image
    turn1_again = asyncio.run(scorer.scores(conversation(first)))
    assert sample(metrics, "mmrouter_image_embedding_cache_total", {"result": "miss"}) == misses + 2
    assert sample(metrics, "mmrouter_image_embedding_cache_total", {"result": "hit"}) == hits + 2
    np.testing.assert_array_equal(turn1, turn1_again)


def test_several_images_are_batched(tiny_scorer) -> None:
    scorer, metrics, _, _ = tiny_scorer
    before = sample(metrics, "mmrouter_batch_size_count", {"encoder": "image:mmr-tiny-clip"})
    total = sample(metrics, "mmrouter_batch_size_sum", {"encoder": "image:mmr-tiny-clip"})
    asyncio.run(scorer.scores(conversation(*(png(100 + i) for i in range(4)))))
    batches = sample(metrics, "mmrouter_batch_size_count", {"encoder": "image:mmr-tiny-clip"}) - before
    images = sample(metrics, "mmrouter_batch_size_sum", {"encoder": "image:mmr-tiny-clip"}) - total
    assert images == 4 and 1 <= batches <= 4


def test_invalid_image_raises_and_is_counted(tiny_scorer) -> None:
    scorer, metrics, _, _ = tiny_scorer
    corrupt = png(3)[:150]
    with pytest.raises(InvalidImage) as info:
        asyncio.run(scorer.scores(conversation(png(4), corrupt)))
    assert info.value.status == 400 and info.value.code == "invalid_image"
    assert sample(metrics, "mmrouter_invalid_images_total", {"reason": "corrupt", "policy": "error"}) == 1


def test_images_only_in_earlier_turns_give_no_image_signal(tiny_scorer) -> None:
    scorer, _, _, _ = tiny_scorer
    ref = ImageRef(url=data_uri(png(5)), message_index=0)
    later = Conversation(latest_text="thanks!", images=(ref,))
    assert asyncio.run(scorer.scores(later)) is None


def test_url_images_without_fetching_fall_back_to_presence(tiny_scorer) -> None:
    scorer, metrics, _, _ = tiny_scorer
    ref = ImageRef(url="https://images.example.com/cat.png", message_index=0)
    convo = Conversation(latest_text="what is this?", latest_images=(ref,), images=(ref,))
    assert asyncio.run(scorer.scores(convo)) is None
    assert sample(metrics, "mmrouter_image_fetches_total", {"result": "disabled"}) >= 1


# --- start-up without weights ----------------------------------------------------------------

def test_default_config_has_no_weights_here_and_says_why(caplog) -> None:
    metrics = Metrics()
    statuses: dict[str, dict] = {}
    with caplog.at_level(logging.WARNING, logger="mmrouter.images.scorer"):
        scorer = build_image_scorer(load_config(), metrics,
                                    lambda n, s, **d: statuses.__setitem__(n, {"status": s, **d}))
    assert scorer is None
    status = statuses["image_encoder"]
    assert status["status"] == "unavailable" and status["fallback"] == "image_presence"
    assert "laion2b_s34b_b79k" in status["reason"] and "nothing is downloaded" in status["reason"]
    assert "IMAGE ENCODER UNAVAILABLE" in caplog.text
    assert sample(metrics, "mmrouter_encoder_info", {"encoder": "image", "model": "ViT-B-32",
                                                     "status": "unavailable",
                                                     "reason": status["reason"]}) == 1


def test_require_makes_start_up_fail() -> None:
    config = load_config()
    config = config.replace(image_encoder=dataclasses.replace(config.image_encoder, require=True))
    with pytest.raises(ConfigError, match="image_encoder.require"):
        build_image_scorer(config, Metrics(), lambda *a, **k: None)


def test_missing_checkpoint_and_bad_config_fields(tmp_path) -> None:
    config = load_config()
    missing = config.replace(image_encoder=dataclasses.replace(
        config.image_encoder, checkpoint=str(tmp_path / "nope.pt")))
    statuses: dict[str, dict] = {}
    assert build_image_scorer(missing, Metrics(), lambda n, s, **d: statuses.__setitem__(n, d)) is None
    assert "image_encoder.checkpoint: file not found" in statuses["image_encoder"]["reason"]
    from mmrouter.config.schema import parse_config
    from mmrouter.devstack.stack import default_config_data

    for field, value, message in [("precision", "fp8", "image_encoder.precision"),
                                  ("influence", 2.0, "image_encoder.influence"),
                                  ("model_config", "/x/other.json", "image_encoder.model_config")]:
        data = default_config_data()
        data["image_encoder"][field] = value
        with pytest.raises(ConfigError, match=message):
            parse_config(data)


# --- fusion maths, deterministic fake encoder ------------------------------------------------

def test_fake_encoder_scores_follow_the_anchor_geometry() -> None:
    config = load_config()
    embedder = FakeEmbedder()
    metrics = Metrics()
    scorer = ClipImageScorer(config, embedder, metrics)
    try:
        red = encode(Image.new("RGB", (8, 8), (255, 0, 0)), "PNG")
        blue = encode(Image.new("RGB", (8, 8), (0, 0, 255)), "PNG")
        index = AnchorIndex.build(config, embedder)
        got_mean = asyncio.run(scorer.scores(conversation(red, blue)))
        pooled = np.asarray([1.0, 1e-3, 1.0]) + 1e-3
        pooled = embedder.encode_images([np.ones((3, 1, 1)) * pooled[:, None, None]])[0]
        np.testing.assert_allclose(got_mean, index.scores(pooled[None, :], "mean"), atol=1e-3)
        pixels = [embedder.preprocess(Image.new("RGB", (8, 8), c)) for c in ((255, 0, 0), (0, 0, 255))]
        embs = np.stack(embedder.encode_images(pixels))
        np.testing.assert_allclose(index.scores(embs, "max"),
                                   np.fmax(index.scores(embs[:1], "max"), index.scores(embs[1:], "max")))
    finally:
        scorer.close()


def test_fake_encoder_clip_evidence_is_bounded_and_relative() -> None:
    routes = load_config().routes
    names = [r.name for r in routes]
    cos = np.full(len(routes), np.nan)
    for name, value in [("image_understanding", 0.30), ("image_question", 0.25), ("image_generation", 0.20)]:
        cos[names.index(name)] = value
    evidence = clip_evidence(routes, cos, influence=0.1)
    assert evidence[names.index("image_understanding")] == pytest.approx(1.0)
    assert 0.9 <= evidence[names.index("image_generation")] < evidence[names.index("image_question")] < 1.0
    assert np.isnan(evidence[names.index("chit_chat")])


def test_fake_encoder_fusion_anchors_mode_is_presence_refined() -> None:
    routes = load_config().routes
    names = [r.name for r in routes]
    text = np.linspace(0.1, 0.7, len(routes)).astype(np.float32)
    uniform = np.where([r.multimodal_enabled for r in routes], 0.2, np.nan)
    clip_uniform = fuse(routes, text, uniform, "clip", influence=0.05)
    presence = fuse(routes, text, None, "presence")
    assert [s.fused for s in clip_uniform] == pytest.approx([s.fused for s in presence])
    skewed = uniform.copy()
    skewed[names.index("image_question")] = 0.35
    scores = {s.route: s for s in fuse(routes, text, skewed, "clip", influence=0.05)}
    assert scores["image_question"].image == pytest.approx(1.0)
    assert scores["image_generation"].image == pytest.approx(0.95, abs=1e-4)
    assert scores["image_generation"].fused == pytest.approx(
        0.5 * text[names.index("image_generation")] + 0.5 * 0.95, abs=1e-4)
    assert scores["image_generation"].image_cosine == pytest.approx(0.2)
    assert scores["chit_chat"] == RouteScore("chit_chat", float(text[0]), None, float(text[0]))


def test_fake_encoder_fusion_head_mode_keeps_text_only_probabilities() -> None:
    routes = load_config().routes
    names = [r.name for r in routes]
    probs = np.full(len(routes), 0.05, dtype=np.float32)
    probs[names.index("hard_question")] = 0.40
    probs[names.index("image_generation")] = 0.20
    probs /= probs.sum()
    cos = np.where([r.multimodal_enabled for r in routes], 0.1, np.nan)
    cos[names.index("image_understanding")] = 0.4
    scores = {s.route: s for s in fuse(routes, probs, cos, "clip", presence_bonus=False, influence=0.2)}
    mm = [n for n, r in zip(names, routes) if r.multimodal_enabled]
    assert sum(scores[n].fused for n in mm) == pytest.approx(sum(probs[names.index(n)] for n in mm))
    assert scores["hard_question"].fused == pytest.approx(probs[names.index("hard_question")])
    assert scores["image_understanding"].fused > probs[names.index("image_understanding")]
    assert scores["image_generation"].fused < probs[names.index("image_generation")]
    no_clip = fuse(routes, probs, None, "presence", presence_bonus=False)
    assert [s.fused for s in no_clip] == pytest.approx(list(probs))  # CLIP unavailable: the head's values


def test_lru_cache_is_bounded() -> None:
    cache = LRUCache(2)
    for key in "abc":
        cache.put(key, np.zeros(1))
    assert cache.get("a") is None and len(cache) == 2
    cache.get("b")
    cache.put("d", np.zeros(1))
    assert cache.get("c") is None and cache.get("b") is not None


def test_build_conversation_collects_images_across_turns() -> None:
    payload = {"messages": [
        {"role": "user", "content": [{"type": "text", "text": "look"},
                                     {"type": "image_url", "image_url": {"url": data_uri(png(1))}}]},
        {"role": "assistant", "content": "A gradient."},
        {"role": "user", "content": [{"type": "text", "text": "and this one?"},
                                     {"type": "image_url", "image_url": {"url": data_uri(png(2))}}]}]}
    convo = build_conversation(payload)
    assert convo.image_count == 2 and len(convo.latest_images) == 1



def test_scorer_reports_busy_from_the_request_until_its_images_are_decoded() -> None:
    import threading

    scorer = ClipImageScorer(load_config(), FakeEmbedder(), Metrics())
    gate, entered = threading.Event(), threading.Event()
    prepare = scorer._prepare

    def slow_prepare(source):
        entered.set()
        gate.wait(5)
        return prepare(source)

    scorer._prepare = slow_prepare  # type: ignore[method-assign]

    async def scenario() -> tuple[bool, bool, bool, bool]:
        before = scorer.busy()
        task = asyncio.ensure_future(scorer.scores(conversation(png(seed=3))))
        await asyncio.sleep(0)  # scores() has started; nothing is in the decode pool yet
        at_entry = scorer.busy()
        await asyncio.to_thread(entered.wait, 5)
        decoding = scorer.busy()
        gate.set()
        await task
        return before, at_entry, decoding, scorer.busy()

    try:
        assert asyncio.run(scenario()) == (False, True, True, False)
    finally:
        scorer.close()


def test_cpu_busy_counts_other_requests_and_image_work() -> None:
    from types import SimpleNamespace

    from mmrouter.core.runtime import cpu_busy

    scorer = ClipImageScorer(load_config(), FakeEmbedder(), Metrics())
    try:
        # A stand-in for RouterCore: cpu_busy reads only these two attributes.
        assert not cpu_busy(SimpleNamespace(classifying=1, image_scorer=scorer))
        assert cpu_busy(SimpleNamespace(classifying=2, image_scorer=None))
        assert not cpu_busy(SimpleNamespace(classifying=0, image_scorer=None))
        scorer._reading = 1
        assert cpu_busy(SimpleNamespace(classifying=1, image_scorer=scorer))
    finally:
        scorer.close()


def test_bf16_clip_on_cpu_is_checked_against_fp32(tiny_clip, caplog) -> None:  # noqa: F811
    from mmrouter.images.clip import ClipEncoder

    base = tiny_config(*tiny_clip)

    def encoder(precision: str) -> ClipEncoder:
        return ClipEncoder(base.replace(image_encoder=dataclasses.replace(
            base.image_encoder, device="cpu", precision=precision)))

    with caplog.at_level(logging.INFO, logger="mmrouter"):  # the check logs from encoders.fused
        bf16, fp32 = encoder("bf16"), encoder("fp32")
    assert "verified against fp32" in caplog.text
    assert str(bf16.dtype) == "torch.bfloat16" and str(fp32.dtype) == "torch.float32"
    pixels = [fp32.preprocess(gradient_image(seed=s)) for s in range(3)]
    got, want = np.stack(bf16.encode_images(pixels)), np.stack(fp32.encode_images(pixels))
    assert np.sum(got * want, axis=1).min() > 0.999
