"""Helpers for the response cache's end-to-end tests (real Envoy, mmrouter, demo backends)."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from typing import Any

import httpx

from mmrouter.config.schema import load_config

ANTHROPIC_HEADERS = {"anthropic-version": "2023-06-01", "x-api-key": "test"}
PATHS = {"chat": "/v1/chat/completions", "responses": "/v1/responses",
         "anthropic": "/v1/messages"}


def metric(stack, name: str, **labels: str) -> float:
    """One sample of mmrouter's /metrics (0 when absent)."""
    with urllib.request.urlopen(stack.api_url + "/metrics", timeout=10) as r:
        text = r.read().decode()
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        match = re.match(r"^(\w+)\{(.*)\} (\S+)$", line)
        if match and match.group(1) == name:
            have = ",".join(sorted(match.group(2).split(",")))
            if have == want:
                return float(match.group(3))
    return 0.0


def stored(stack, backend: str = "memory") -> float:
    return metric(stack, "mmrouter_cache_stores_total", result="stored", backend=backend)


def wait_stored(stack, before: float, backend: str = "memory", timeout: float = 10.0) -> None:
    """Until the store that follows a miss's response is done (stores run after it)."""
    deadline = time.monotonic() + timeout
    while stored(stack, backend) <= before:
        if time.monotonic() > deadline:
            raise AssertionError("the answer was not stored in time")
        time.sleep(0.05)


def payload(kind: str, text: str, **extra: Any) -> dict[str, Any]:
    if kind == "responses":
        return {"model": "MoM", "input": text, **extra}
    body = {"model": "MoM", "messages": [{"role": "user", "content": text}], **extra}
    if kind == "anthropic":
        body.setdefault("max_tokens", 256)
    return body


def post(stack, kind: str, body: dict[str, Any], headers: dict[str, str] | None = None,
         ) -> httpx.Response:
    extra = ANTHROPIC_HEADERS if kind == "anthropic" else {}
    return httpx.post(stack.base_url + PATHS[kind], content=json.dumps(body),
                      headers={"content-type": "application/json", **extra, **(headers or {})},
                      timeout=60)


def fill(stack, kind: str, text: str, headers: dict[str, str] | None = None,
         stream: bool = False, **extra: Any) -> httpx.Response:
    """A miss that is stored (``extra``: more body fields); its response."""
    before = stored(stack)
    first = post(stack, kind, payload(kind, text, stream=stream, **extra), headers)
    assert first.status_code == 200 and first.headers["x-mmrouter-cache"] == "miss"
    wait_stored(stack, before)
    return first


def backend_of(response: httpx.Response) -> str:
    model = load_config().model(response.headers["x-mmrouter-model"])
    assert model is not None
    return model.cluster


def sse_data(body: bytes) -> list[Any]:
    out = []
    for block in body.decode().split("\n\n"):
        for line in block.splitlines():
            if line.startswith("data: "):
                data = line[6:]
                out.append(data if data == "[DONE]" else json.loads(data))
    return out
