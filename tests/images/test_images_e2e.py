"""End to end through a real Envoy: multi-image, multi-turn chats with CLIP active and unavailable."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from mmrouter.routing.mutations import rewrite_model
from mmrouter.devstack.stack import LocalStack, default_config_data
from images_support import TINY_ARCH, image_part, png, write_tiny_clip

pytestmark = pytest.mark.e2e


def start_stack(tmp_path_factory: pytest.TempPathFactory, clip: bool) -> LocalStack:
    data = default_config_data()
    if clip:
        cfg_path, checkpoint = write_tiny_clip(tmp_path_factory.mktemp("tiny-clip"))
        data["image_encoder"] = {**data["image_encoder"], "architecture": TINY_ARCH,
                                 "model_config": str(cfg_path), "checkpoint": str(checkpoint),
                                 "pretrained": None, "require": True}
    return LocalStack(data, workdir=tmp_path_factory.mktemp("stack")).start()


@pytest.fixture(scope="module", params=["clip", "unavailable"])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    running = start_stack(tmp_path_factory, clip=request.param == "clip")
    try:
        yield request.param, running
    finally:
        running.stop()


def post(url: str, body: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def get_json(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def multi_turn(text: str) -> bytes:
    payload = {"model": "MoM", "temperature": 0.2, "messages": [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": [{"type": "text", "text": "Here is my first picture."},
                                     image_part(png(1))]},
        {"role": "assistant", "content": "It shows a colourful gradient."},
        {"role": "user", "content": [{"type": "text", "text": text}, image_part(png(2)),
                                     image_part(png(3))]}]}
    return json.dumps(payload, indent=1).encode()


def send_and_check(stack: LocalStack, body: bytes, route: str, model: str, cluster: str) -> None:
    status, headers, _ = post(stack.base_url + "/v1/chat/completions", body)
    assert status == 200
    assert headers["x-mmrouter-route"] == route
    received = stack.received(cluster)[-1]
    assert received["body"] == rewrite_model(body, model).decode()  # only `model` changed


def test_ready_reports_the_image_encoder(stack) -> None:
    mode, running = stack
    component = get_json(running.api_url + "/ready")["components"]["image_encoder"]
    metrics = urllib.request.urlopen(running.api_url + "/metrics", timeout=10).read().decode()
    if mode == "clip":
        assert component["status"] == "ready" and component["model"] == TINY_ARCH
        assert (f'mmrouter_encoder_info{{encoder="image",model="{TINY_ARCH}",reason="",'
                'status="ready"} 1.0') in metrics
    else:
        assert component["status"] == "unavailable" and component["fallback"] == "image_presence"
        assert "laion2b_s34b_b79k" in component["reason"]
        assert 'encoder="image",model="ViT-B-32"' in metrics and 'status="unavailable"' in metrics
        assert "IMAGE ENCODER UNAVAILABLE" in running.log("serve")


def test_multi_image_multi_turn_understanding(stack) -> None:
    _, running = stack
    send_and_check(running, multi_turn("What is in these images?"), "image_understanding",
                   "nvidia/nemotron-nano-12b-v2-vl", "nemotron_nano_12b_vl")


def test_generation_with_an_input_image(stack) -> None:
    _, running = stack
    send_and_check(running, multi_turn("Turn this photo into an anime drawing"),
                   "image_generation", "image-generator", "image_generator")


def test_resent_images_hit_the_cache(stack) -> None:
    mode, running = stack
    send_and_check(running, multi_turn("Describe these pictures."), "image_understanding",
                   "nvidia/nemotron-nano-12b-v2-vl", "nemotron_nano_12b_vl")
    metrics = urllib.request.urlopen(running.api_url + "/metrics", timeout=10).read().decode()
    hits = [line for line in metrics.splitlines()
            if line.startswith('mmrouter_image_embedding_cache_total{result="hit"}')]
    if mode == "clip":  # the three images were embedded by the earlier requests
        assert hits and float(hits[0].split()[-1]) >= 3
    else:  # no encoder, no embeddings, no cache lookups
        assert not hits


def test_corrupt_image(stack) -> None:
    mode, running = stack
    payload = {"model": "MoM", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "What is in this image?"}, image_part(png(5)[:100])]}]}
    body = json.dumps(payload).encode()
    status, _, answer = post(running.base_url + "/v1/chat/completions", body)
    # on_invalid: error (the default) → OpenAI-style 400 from the router, in both modes: the
    # error contract does not depend on whether CLIP weights are mounted.
    assert status == 400 and answer["error"]["code"] == "invalid_image", (mode, answer)
    assert answer["error"]["type"] == "invalid_request_error"
