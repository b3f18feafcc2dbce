"""Request bodies for the benchmark: varied text prompts and distinct random-noise JPEGs.

Every image body carries images never sent before in the run (fresh noise per image), so the
router's image-embedding cache cannot flatter the figures; prompts vary too.
"""

from __future__ import annotations

import base64
import io
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterator

import numpy as np

logger = logging.getLogger(__name__)

MODEL_ALIAS = "MoM"
MIB = 1024 * 1024

_OPENERS = ("Can you explain", "Quickly tell me", "I'd like to know", "Help me understand",
            "Summarise", "Give me a short answer about")
_TOPICS = ("how rainbows form", "the history of the printing press", "why the sky is blue",
           "how to bake sourdough bread", "the rules of chess", "how vaccines work",
           "the capital of Australia", "a good name for a cat", "how compound interest works",
           "what a black hole is", "how to tie a bowline knot", "the plot of Hamlet")
_IMAGE_ASKS = ("What is in this image?", "Describe this picture.", "What can you see here?",
               "Tell me about this photo.", "What objects are in this image?")


@dataclass(frozen=True)
class Scenario:
    """One request shape: ``images`` JPEGs of ``side``×``side`` pixels (or ~``target_bytes``)."""

    name: str
    images: int = 0
    side: int = 512
    target_bytes: int | None = None
    label: str = ""


SCENARIOS: dict[str, Scenario] = {
    "text": Scenario("text", label="short text-only prompt"),
    "one_image": Scenario("one_image", images=1, side=512, label="one 512x512 JPEG"),
    "four_images": Scenario("four_images", images=4, side=512, label="four 512x512 JPEGs"),
    "image_4mb": Scenario("image_4mb", images=1, target_bytes=4 * MIB, label="one 4 MB JPEG"),
}


def prompt(index: int) -> str:
    opener = _OPENERS[index % len(_OPENERS)]
    topic = _TOPICS[(index // len(_OPENERS)) % len(_TOPICS)]
    return f"{opener} {topic}? (request {index})"


def noise_jpeg(rng: np.random.Generator, width: int, height: int, quality: int = 90) -> bytes:
    from PIL import Image

    pixels = rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="JPEG", quality=quality)
    return out.getvalue()


def side_for_bytes(target_bytes: int, quality: int = 95) -> int:
    """Square side whose noise JPEG is about ``target_bytes`` (calibrated on a small sample)."""
    probe = 256
    size = len(noise_jpeg(np.random.default_rng(0), probe, probe, quality))
    return max(probe, int(round(probe * (target_bytes / size) ** 0.5)))


def chat_body(text: str, jpegs: list[bytes]) -> bytes:
    if not jpegs:
        content: object = text
    else:
        parts: list[dict] = [{"type": "text", "text": text}]
        for jpeg in jpegs:
            uri = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
            parts.append({"type": "image_url", "image_url": {"url": uri}})
        content = parts
    payload = {"model": MODEL_ALIAS, "messages": [{"role": "user", "content": content}]}
    return json.dumps(payload, separators=(",", ":")).encode()


class BodyFactory:
    """Makes bodies with fresh content: a new prompt index and new noise images every call."""

    def __init__(self, seed: int = 1234, workers: int = 2) -> None:
        self._rng = np.random.default_rng(seed)
        self._next = 0
        self._workers = max(1, workers)
        self._sides: dict[int, int] = {}

    def _side(self, scenario: Scenario) -> int:
        if scenario.target_bytes is None:
            return scenario.side
        if scenario.target_bytes not in self._sides:
            self._sides[scenario.target_bytes] = side_for_bytes(scenario.target_bytes)
        return self._sides[scenario.target_bytes]

    def _indices(self, count: int) -> Iterator[int]:
        start, self._next = self._next, self._next + count
        return iter(range(start, start + count))

    def bodies(self, scenario: Scenario, count: int) -> list[bytes]:
        """``count`` bodies for ``scenario``; images are generated in parallel threads."""
        indices = list(self._indices(count))
        if scenario.images == 0:
            return [chat_body(prompt(i), []) for i in indices]
        side = self._side(scenario)
        quality = 95 if scenario.target_bytes else 90
        seeds = self._rng.integers(0, 2**63 - 1, size=count * scenario.images)
        rngs = [np.random.default_rng(int(s)) for s in seeds]

        def make(k: int) -> bytes:
            jpegs = [noise_jpeg(rngs[k * scenario.images + j], side, side, quality)
                     for j in range(scenario.images)]
            text = _IMAGE_ASKS[indices[k] % len(_IMAGE_ASKS)] + f" (request {indices[k]})"
            return chat_body(text, jpegs)

        with ThreadPoolExecutor(self._workers) as pool:
            return list(pool.map(make, range(count)))
