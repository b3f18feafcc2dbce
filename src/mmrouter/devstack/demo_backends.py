"""OpenAI- and Anthropic-compatible stand-in backends, one HTTP server per configured model.

Each answers ``POST /v1/chat/completions``, ``POST /v1/responses`` (OpenAI Responses API) and
``POST /v1/messages`` (Anthropic Messages API) with an answer whose ``model`` is the model it
was asked for (each API's SSE events when ``stream`` is true) and says which backend answered
in the ``x-demo-backend`` header and the sha256 of the body it received in
``x-demo-body-sha256``. ``GET /__demo/received`` returns what it received (headers and exact
body), so tests can check the request that crossed Envoy. Failure modes (an error status, a
stopped port) are switched over HTTP: see :mod:`mmrouter.devstack.demo_faults`.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from mmrouter.config.schema import Config
from mmrouter.devstack import demo_apis
from mmrouter.devstack.demo_faults import BackendControl, fault_response, install_faults

if TYPE_CHECKING:
    from mmrouter.devstack.arch_router_stand_in import StandInSettings

logger = logging.getLogger(__name__)

RECEIVED_KEY = web.AppKey("received", deque)
NAME_KEY = web.AppKey("name", str)


def create_backend_app(name: str, keep: int = 64,
                       control: BackendControl | None = None) -> web.Application:
    app = web.Application(client_max_size=256 * 1024 * 1024, middlewares=[_answer_faults])
    install_faults(app, control)
    app[NAME_KEY] = name
    app[RECEIVED_KEY] = deque(maxlen=keep)
    app.router.add_post("/v1/chat/completions", _chat)
    app.router.add_post("/v1/responses", _responses)
    app.router.add_post("/v1/messages", _messages)
    app.router.add_get("/v1/models", _models)
    app.router.add_get("/__demo/received", _received)
    app.router.add_delete("/__demo/received", _clear)
    return app


class InjectedFault(Exception):
    """A fault switched on over HTTP: the handler answers with its response."""

    def __init__(self, response: web.StreamResponse) -> None:
        super().__init__("injected fault")
        self.response = response


@web.middleware
async def _answer_faults(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        response: web.StreamResponse = await handler(request)
    except InjectedFault as fault:
        return fault.response
    return response


async def _received_request(request: web.Request) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """Record the request; (its JSON object with a string model, or None; answer headers)."""
    body = await request.read()
    name = request.app[NAME_KEY]
    request.app[RECEIVED_KEY].append({
        "backend": name, "path": request.path_qs, "headers": dict(request.headers),
        "body": body.decode("utf-8", "replace"), "body_length": len(body)})
    fault = fault_response(request.app, name)
    if fault is not None:
        raise InjectedFault(fault)
    headers = {"x-demo-backend": name, "x-demo-body-sha256": hashlib.sha256(body).hexdigest()}
    try:
        payload = json.loads(body)
    except ValueError:
        return None, headers
    ok = isinstance(payload, dict) and isinstance(payload.get("model"), str)
    return (payload if ok else None), headers


def _invalid_request() -> web.Response:
    return web.json_response({"error": {"message": "invalid request", "type":
                                        "invalid_request_error", "code": None}}, status=400)


def _text(request: web.Request, model: str) -> str:
    return f"Hello from {request.app[NAME_KEY]} (model {model})."


def _cut(text: str, payload: dict[str, Any], *budget_keys: str) -> tuple[str, bool]:
    """(the answer within the request's output-token budget (a word a token), whether it was
    cut), as a real model stops at ``max_tokens``."""
    budget = next((payload[k] for k in budget_keys if isinstance(payload.get(k), int)), None)
    words = text.split(" ")
    if budget is None or budget >= len(words):
        return text, False
    return " ".join(words[:max(budget, 0)]), True


async def _chat(request: web.Request) -> web.StreamResponse:
    payload, headers = await _received_request(request)
    if payload is None:
        return _invalid_request()
    model = payload["model"]
    text, cut = _cut(_text(request, model), payload, "max_completion_tokens", "max_tokens")
    finish = "length" if cut else "stop"
    if payload.get("stream"):
        return await _stream(request, model, text, headers, finish)
    return web.json_response(_completion(model, text, finish), headers=headers)


async def _responses(request: web.Request) -> web.StreamResponse:
    payload, headers = await _received_request(request)
    if payload is None:
        return _invalid_request()
    model = payload["model"]
    text, cut = _cut(_text(request, model), payload, "max_output_tokens")
    if payload.get("stream"):
        return await demo_apis.stream_events(
            request, demo_apis.responses_events(model, text, incomplete=cut), headers,
            numbered=True)
    return web.json_response(demo_apis.response_object(model, text, incomplete=cut),
                             headers=headers)


async def _messages(request: web.Request) -> web.StreamResponse:
    payload, headers = await _received_request(request)
    if payload is None:
        return demo_apis.anthropic_error_response("invalid request")
    model = payload["model"]
    text, cut = _cut(_text(request, model), payload, "max_tokens")
    stop = "max_tokens" if cut else "end_turn"
    if payload.get("stream"):
        return await demo_apis.stream_events(
            request, demo_apis.anthropic_events(model, text, stop_reason=stop), headers,
            numbered=False)
    return web.json_response(demo_apis.anthropic_message(model, text, stop_reason=stop),
                             headers=headers)


def _completion(model: str, text: str, finish: str = "stop") -> dict[str, Any]:
    return {"id": f"chatcmpl-{uuid.uuid4().hex[:12]}", "object": "chat.completion",
            "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "finish_reason": finish,
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(text.split()),
                      "total_tokens": 1 + len(text.split())}}


async def _stream(request: web.Request, model: str, text: str,
                  headers: dict[str, str], finish: str = "stop") -> web.StreamResponse:
    response = web.StreamResponse(headers={**headers, "content-type": "text/event-stream"})
    await response.prepare(request)
    chunk_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
    for word in text.split(" "):
        chunk = {"id": chunk_id, "object": "chat.completion.chunk", "created": int(time.time()),
                 "model": model, "choices": [{"index": 0, "delta": {"content": word + " "},
                                              "finish_reason": None}]}
        await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
        await asyncio.sleep(0.01)
    last = {"id": chunk_id, "object": "chat.completion.chunk", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]}
    await response.write(f"data: {json.dumps(last)}\n\n".encode())
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


async def _models(request: web.Request) -> web.Response:
    name = request.app[NAME_KEY]
    return web.json_response({"object": "list", "data": [{"id": name, "object": "model"}]})


async def _received(request: web.Request) -> web.Response:
    return web.json_response([*request.app[RECEIVED_KEY]])


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
    _runners: dict[str, web.AppRunner] = field(default_factory=dict)
    _hosts: dict[str, str] = field(default_factory=dict)

    async def start(self) -> None:
        for model in self.config.models:
            if model.cluster in self._hosts:
                continue
            host, port = self.host, 0
            if not self.ephemeral and model.endpoint:
                host, _, p = model.endpoint.rpartition(":")
                port = int(p)
            self._hosts[model.cluster] = host
            await self._serve(model.cluster, port)
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
        self._runners["__stand_in__"] = runner
        self.ports[STAND_IN_KEY] = runner.addresses[0][1]
        logger.info("Arch-Router STAND-IN (keyword rules, not a model) on %s:%d, %s",
                    host or self.host, self.ports[STAND_IN_KEY], self.stand_in.public())

    async def _serve(self, cluster: str, port: int) -> None:
        runner = web.AppRunner(create_backend_app(cluster, control=self), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, self._hosts[cluster], port).start()
        self._runners[cluster] = runner
        self.ports[cluster] = runner.addresses[0][1]

    async def stop_backend(self, cluster: str) -> None:
        """Close the backend's port and its connections (a stopped server: connection refused)."""
        runner = self._runners.pop(cluster, None)
        if runner is None and cluster not in self._hosts:
            raise KeyError(cluster)
        if runner is not None:
            await runner.cleanup()

    async def start_backend(self, cluster: str) -> None:
        """Listen again on the backend's port (a fresh app: nothing received, no fault)."""
        if cluster not in self._hosts:
            raise KeyError(cluster)
        if cluster not in self._runners:
            await self._serve(cluster, self.ports[cluster])

    async def stop(self) -> None:
        for runner in self._runners.values():
            await runner.cleanup()
        self._runners.clear()
