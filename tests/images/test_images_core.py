"""The CLIP path inside RouterCore with the real MiniLM text encoder and the tiny open_clip model."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
from typing import Any

import numpy as np
import pytest
from aiohttp.test_utils import TestClient, TestServer

from mmrouter.config.schema import load_config
from mmrouter.routing.conversation import build_conversation
from mmrouter.errors import InvalidImage
from mmrouter.serving.http_api import ServiceStatus, create_app
from mmrouter.images.scorer import build_image_scorer
from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from images_support import TINY_ARCH, image_part, png, sample, tiny_clip, tiny_config  # noqa: F401

GENERATION = ["Turn this photo into an anime drawing", "Make this picture look like a watercolor painting",
              "Redraw my photo in the style of Van Gogh", "Create a cartoon version of this selfie"]
UNDERSTANDING = {"What is in this image?": "image_understanding",
                 "Read the text in this screenshot": "image_understanding",
                 "How do I look in this outfit?": "image_question"}


@pytest.fixture(scope="module")
def core(tiny_clip):  # noqa: F811
    config = tiny_config(*tiny_clip, on_invalid="text_only")
    metrics = Metrics()
    built = build_core(config, metrics, image_scorer_factory=build_image_scorer)
    yield built
    built.close()


def chat(text: str, *images: bytes) -> dict[str, Any]:
    content: Any = [{"type": "text", "text": text}, *(image_part(i) for i in images)] if images else text
    return {"model": "MoM", "messages": [{"role": "user", "content": content}]}


def classify(core, payload: dict[str, Any]):
    return asyncio.run(core.classify(build_conversation(payload)))


def test_clip_runs_and_reports_per_modality_scores(core) -> None:
    result = classify(core, chat("What is in this image?", png(1), png(2)))
    assert result.image_mode == "clip" and result.image_count == 2
    assert any(e.startswith("image:") for e in result.encoders)
    scores = {s.route: s for s in result.scores}
    assert scores["image_understanding"].image_cosine is not None
    assert scores["chit_chat"].image is None
    assert classify(core, chat("Hello there!")).encoders == ("text:multilingual-e5-small",)


@pytest.mark.parametrize("text", GENERATION)
def test_generation_intent_with_and_without_an_image(core, text) -> None:
    assert classify(core, chat(text, png(7))).route == "image_generation"
    assert classify(core, chat(text)).route == "image_generation"


@pytest.mark.parametrize("text,route", UNDERSTANDING.items())
def test_understanding_with_an_image_is_not_generation(core, text, route) -> None:
    assert classify(core, chat(text, png(8))).route == route


@pytest.mark.parametrize("text", GENERATION)
def test_generation_survives_clip_evidence_against_it(core, text) -> None:
    """Worst case: CLIP confidently says the photo is a photo/room, not a drawing."""
    convo = build_conversation(chat(text, png(9)))
    names = core.config.route_names
    latest = core.classifier.index.routes and asyncio.run(core.text_batcher.submit(convo.latest_text))
    cosines = np.full(len(names), np.nan, dtype=np.float32)
    cosines[names.index("image_understanding")] = 0.35
    cosines[names.index("image_question")] = 0.35
    cosines[names.index("image_generation")] = 0.05
    result = core.classifier.classify(convo, latest, None, cosines)
    assert result.image_mode == "clip" and result.route == "image_generation"


def test_invalid_image_policies(core) -> None:
    corrupt = png(3)[:120]
    result = classify(core, chat("What is in this image?", png(4), corrupt))
    assert result.image_mode == "text_only"
    assert all(s.image is None for s in result.scores)
    assert sample(core.metrics, "mmrouter_invalid_images_total",
                  {"reason": "corrupt", "policy": "text_only"}) == 1
    strict = dataclasses.replace(core.config.images, on_invalid="error")
    core_config = core.config
    core.config = core_config.replace(images=strict)
    try:
        with pytest.raises(InvalidImage):
            classify(core, chat("What is in this image?", corrupt))
    finally:
        core.config = core_config


def test_classify_api_shows_per_modality_scores_for_two_images(core) -> None:
    async def call() -> dict[str, Any]:
        status = ServiceStatus()
        app = create_app(lambda: core, status, core.metrics.exposition)
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            images = [{"data": base64.b64encode(png(i)).decode(), "mime_type": "image/png"}
                      for i in (11, 12)]
            response = await client.post("/api/v1/classify/multimodal",
                                         json={"text": "What is in this image?", "images": images})
            assert response.status == 200
            return await response.json()

    body = asyncio.run(call())
    assert body["image_mode"] == "clip" and body["image_count"] == 2
    assert body["content_type"] == "multimodal"
    assert any(e.startswith("image:mmr-tiny-clip") for e in body["encoders"])
    understanding = body["scores"]["image_understanding"]
    assert set(understanding) == {"text", "image", "fused", "image_cosine"}
    assert body["scores"]["chit_chat"]["image"] is None


def test_default_config_without_weights_uses_presence(tiny_clip) -> None:  # noqa: F811
    metrics = Metrics()
    statuses: dict[str, dict] = {}
    built = build_core(load_config(), metrics, image_scorer_factory=build_image_scorer,
                       status=lambda n, s, **d: statuses.__setitem__(n, {"status": s, **d}))
    try:
        result = classify(built, chat("What is in this image?", png(1)))
        assert result.image_mode == "presence" and result.route == "image_understanding"
        assert statuses["image_encoder"]["status"] == "unavailable"
        result = classify(built, chat("Turn this photo into an anime drawing", png(1)))
        assert result.route == "image_generation"
    finally:
        built.close()


def test_explicit_random_weights_build_the_real_architecture(tiny_clip, caplog) -> None:  # noqa: F811
    """`pretrained: random` runs the real open_clip architecture, loudly, with no file."""
    import dataclasses
    import logging

    from mmrouter.images.clip import ClipEncoder

    cfg_path, _ = tiny_clip
    base = load_config()
    config = base.replace(image_encoder=dataclasses.replace(
        base.image_encoder, architecture=TINY_ARCH, model_config=str(cfg_path),
        pretrained="random", checkpoint=None, device="cpu"))
    with caplog.at_level(logging.WARNING):
        encoder = ClipEncoder(config)
    assert encoder.weights.source == "random"
    assert "RANDOM weights" in caplog.text
    vectors = encoder.encode_texts(["a photo", "a drawing"])
    assert vectors.shape == (2, encoder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_too_many_images_follow_the_invalid_policy(tiny_clip) -> None:  # noqa: F811
    config = tiny_config(*tiny_clip, on_invalid="error", max_images=2)
    built = build_core(config, Metrics(), image_scorer_factory=build_image_scorer)
    try:
        assert classify(built, chat("What is in these?", png(1), png(2))).image_mode == "clip"
        with pytest.raises(InvalidImage, match="3 images in one request; at most 2"):
            classify(built, chat("What is in these?", png(1), png(2), png(3)))
        assert sample(built.metrics, "mmrouter_invalid_images_total",
                      {"reason": "too_many", "policy": "error"}) == 1
    finally:
        built.close()


def test_the_core_counts_requests_in_classification(core) -> None:
    async def scenario() -> tuple[int, int, int]:
        tasks = [asyncio.ensure_future(core.classify(build_conversation(chat(text, png(seed)))))
                 for seed, text in enumerate(GENERATION[:2])]
        await asyncio.sleep(0)  # both have entered classify()
        during = core.classifying
        await asyncio.gather(*tasks)
        return before, during, core.classifying

    before = core.classifying
    assert asyncio.run(scenario()) == (0, 2, 0)
