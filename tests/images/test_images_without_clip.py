"""Images are checked the same way with or without CLIP weights (issue 11): the error contract
(400 invalid_image, or images.on_invalid: text_only) must not depend on what is mounted."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
from typing import Any

import pytest

from mmrouter.config.schema import load_config
from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.errors import InvalidImage
from mmrouter.images.scorer import build_image_scorer
from mmrouter.routing.conversation import build_conversation
from conftest import FakeHashingTextEncoder
from images_support import gradient_image, encode, png, sample, tiny_clip, tiny_config  # noqa: F401

MAX_BYTES = 1_000_000
MAX_PIXELS = 200 * 200


def _part(data: bytes, mime: str = "image/png") -> dict[str, Any]:
    return {"type": "image_url",
            "image_url": {"url": f"data:{mime};base64,{base64.b64encode(data).decode()}"}}


def _bad_cases() -> dict[str, list[dict[str, Any]]]:
    big = encode(gradient_image(300, 300), "PNG")  # > MAX_PIXELS, < MAX_BYTES
    return {
        "too_many": [_part(png(i)) for i in range(3)],
        "corrupt": [_part(png(3)[:120])],
        "unsupported_type": [_part(b"just some text, not an image")],
        "too_many_pixels": [_part(big)],
        "too_large": [_part(b"\x89PNG" + bytes(MAX_BYTES + 10))],
        "bad_base64": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,%%%%"}}],
    }


def _chat(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {"model": "MoM", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this image?"}, *parts]}]}


def _no_clip_core(on_invalid: str, enabled: bool = False):
    base = load_config()
    config = base.replace(
        routing=dataclasses.replace(base.routing, head=None),
        image_encoder=dataclasses.replace(base.image_encoder, enabled=enabled),
        images=dataclasses.replace(base.images, on_invalid=on_invalid, max_images=2,
                                   max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS),
        server=dataclasses.replace(base.server, inference_workers=1))
    return build_core(config, Metrics(), text_encoder=FakeHashingTextEncoder(),
                      image_scorer_factory=build_image_scorer)


def _classify(core, payload):
    return asyncio.run(core.classify(build_conversation(payload)))


@pytest.fixture(scope="module")
def strict_core():
    core = _no_clip_core("error")
    assert core.image_scorer is None  # image presence: no encoder at all
    yield core
    core.close()


@pytest.mark.parametrize("reason", sorted(_bad_cases()))
def test_invalid_images_are_refused_without_clip(strict_core, reason) -> None:
    with pytest.raises(InvalidImage):
        _classify(strict_core, _chat(_bad_cases()[reason]))
    assert sample(strict_core.metrics, "mmrouter_invalid_images_total",
                  {"reason": reason, "policy": "error"}) >= 1


def test_valid_images_pass_without_clip(strict_core) -> None:
    result = _classify(strict_core, _chat([_part(png(1)), _part(encode(gradient_image(), "JPEG"),
                                                                "image/jpeg")]))
    assert result.image_mode == "presence"


def test_text_only_policy_without_clip() -> None:
    core = _no_clip_core("text_only")
    try:
        result = _classify(core, _chat(_bad_cases()["corrupt"]))
        assert result.image_mode == "text_only"
        assert sample(core.metrics, "mmrouter_invalid_images_total",
                      {"reason": "corrupt", "policy": "text_only"}) == 1
    finally:
        core.close()


def test_missing_weights_is_checked_like_disabled() -> None:
    """image_encoder enabled but no weights in the cache: the encoder is unavailable, and an
    undecodable image still gets the 400 through the ext_proc path's error (InvalidImage)."""
    core = _no_clip_core("error", enabled=True)
    try:
        assert core.image_scorer is None
        with pytest.raises(InvalidImage, match="invalid image"):
            asyncio.run(core.route_chat(json.dumps(_chat(_bad_cases()["corrupt"])).encode()))
    finally:
        core.close()


def test_same_verdicts_with_clip(tiny_clip) -> None:  # noqa: F811
    """The CLIP scorer and the checks without it refuse the same images for the same reason."""
    base = load_config()
    config = tiny_config(*tiny_clip, base=base.replace(
        routing=dataclasses.replace(base.routing, head=None)), on_invalid="error", max_images=2,
        max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS)
    with_clip = build_core(config, Metrics(), text_encoder=FakeHashingTextEncoder(),
                           image_scorer_factory=build_image_scorer)
    without = _no_clip_core("error")
    try:
        assert with_clip.image_scorer is not None and without.image_scorer is None
        for reason, parts in _bad_cases().items():
            for core in (with_clip, without):
                with pytest.raises(InvalidImage):
                    _classify(core, _chat(parts))
                assert sample(core.metrics, "mmrouter_invalid_images_total",
                              {"reason": reason, "policy": "error"}) == 1, (reason, core)
    finally:
        with_clip.close()
        without.close()
