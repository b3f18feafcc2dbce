"""OpenAI-compatible stand-in backends, one HTTP server per configured model.

Each answers ``POST /v1/chat/completions`` with a completion whose ``model`` is the model it
was asked for (SSE chunks when ``stream`` is true) and says which backend answered in the
``x-demo-backend`` header. ``GET /__demo/received`` returns what it received (headers and
exact body), so tests can check the request that crossed Envoy.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from mmrouter.config.schema import Config

if TYPE_CHECKING:
    from mmrouter.devstack.arch_router_stand_in import StandInSettings

logger = logging.getLogger(__name__)

RECEIVED_KEY = web.AppKey("received", deque)
NAME_KEY = web.AppKey("name", str)


def create_backend_app(name: str, keep: int = 64) -> web.Application:
    app = web.Application(client_max_size=256 * 1024 * 1024)
    app[NAME_KEY] = name
    app[RECEIVED_KEY] = deque(maxlen=keep)
    app.router.add_post("/v1/chat/completions", _chat)
    app.router.add_get("/v1/models", _models)
    app.router.add_get("/__demo/received", _received)
    app.router.add_delete("/__demo/received", _clear)
    return app


async def _chat(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    name = request.app[NAME_KEY]
    request.app[RECEIVED_KEY].append({
        "backend": name, "path": request.path_qs, "headers": dict(request.headers),
        "body": body.decode("utf-8", "replace"), "body_length": len(body)})
    try:
        payload = json.loads(body)
        model = payload["model"]
    except (ValueError, KeyError, TypeError):
        return web.json_response({"error": {"message": "invalid request", "type":
                                            "invalid_request_error", "code": None}}, status=400)
    text = f"Hello from {name} (model {model})."
    headers = {"x-demo-backend": name}
    if payload.get("stream"):
        return await _stream(request, model, text, headers)
    return web.json_response(_completion(model, text), headers=headers)


def _completion(model: str, text: str) -> dict[str, Any]:
    return {"id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion",
            "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(text.split()),
                      "total_tokens": 1 + len(text.split())}}


async def _stream(request: web.Request, model: str, text: str,
                  headers: dict[str, str]) -> web.StreamResponse:
    response = web.StreamResponse(headers={**headers, "content-type": "text/event-stream"})
    await response.prepare(request)
    chunk_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
    for word in text.split(" "):
        chunk = {"id": chunk_id, "object": "chat.completion.chunk", "created": int(time.time()),
                 "model": model, "choices": [{"index": 0, "delta": {"content": word + " "},
                                              "finish_reason": None}]}
        await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
        await asyncio.sleep(0.01)
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


async def _models(request: web.Request) -> web.Response:
    name = request.app[NAME_KEY]
    return web.json_response({"object": "list", "data": [{"id": name, "object": "model"}]})


async def _received(request: web.Request) -> web.Response:
    return web.json_response(list(request.app[RECEIVED_KEY]))


async def _clear(request: web.Request) -> web.Response:
    request.app[RECEIVED_KEY].clear()
    return web.json_response({"cleared": True})


@dataclass
class DemoBackends:
    """All demo backends of a config, each on its endpoint (or an ephemeral port)."""

    config: Config
    host: str = "127.0.0.1"
    ephemeral: bool = False
    ports: dict[str, int] = field(default_factory=dict)  # cluster -> bound port
    stand_in: "StandInSettings | None" = None  # Arch-Router stand-in (also with llm_router on)
    _runners: list[web.AppRunner] = field(default_factory=list)

    async def start(self) -> None:
        seen: set[str] = set()
        for model in self.config.models:
            if model.cluster in seen:
                continue
            seen.add(model.cluster)
            host, port = self.host, 0
            if not self.ephemeral and model.endpoint:
                host, _, p = model.endpoint.rpartition(":")
                port = int(p)
            runner = web.AppRunner(create_backend_app(model.cluster), access_log=None)
            await runner.setup()
            await web.TCPSite(runner, host, port).start()
            self._runners.append(runner)
            self.ports[model.cluster] = runner.addresses[0][1]
            logger.info("demo backend %s on %s:%d", model.cluster, host, self.ports[model.cluster])
        if self.stand_in is not None or self.config.llm_router.mode != "off":
            await self._start_stand_in()

    async def _start_stand_in(self) -> None:
        from mmrouter.devstack.arch_router_stand_in import (STAND_IN_KEY, StandInSettings,
                                                            create_stand_in_app, stand_in_address)

        self.stand_in = self.stand_in or StandInSettings()
        host, port = stand_in_address(self.config.llm_router.endpoint, self.ephemeral)
        runner = web.AppRunner(create_stand_in_app(self.stand_in), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host or self.host, port).start()
        self._runners.append(runner)
        self.ports[STAND_IN_KEY] = runner.addresses[0][1]
        logger.info("Arch-Router STAND-IN (keyword rules, not a model) on %s:%d, %s",
                    host or self.host, self.ports[STAND_IN_KEY], self.stand_in.public())

    async def stop(self) -> None:
        for runner in self._runners:
            await runner.cleanup()
        self._runners.clear()
