"""A deterministic STAND-IN for an Arch-Router endpoint: no model, no weights, keyword rules.

It speaks the part of the OpenAI API that mmrouter's LLM router uses (``POST
/v1/chat/completions``), reads the routes and the conversation back out of the Arch-Router
prompt, and answers ``{"route": "<name>"}``, chosen by:

1. the oracle file, when one is set: a JSON object mapping the latest user turn's text to a
   route (tests decide the answer this way);
2. else keyword rules on the latest user turn (:data:`KEYWORDS`, for the default routes; any
   other route is chosen when its name's words appear in the text);
3. else ``other``.

Settings: ``latency_ms`` (added before answering), ``mode`` (``ok``; ``fail``: HTTP 500;
``garbage``: an answer no parser can read; ``hang``: no answer for a minute). They can be
changed while it runs with ``POST /__stand_in/settings``; ``GET /__stand_in/calls`` lists what
it was asked and what it answered. It says what it is in every answer's ``model`` field
(``... (mmrouter stand-in, not a model)``) and in the ``x-stand-in`` header.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

logger = logging.getLogger(__name__)

STAND_IN_KEY = "llm_router_stand_in"  # its entry in demo-backends' ports
MODES = ("ok", "fail", "garbage", "hang")
HANG_S = 60.0
GARBAGE = "Well, it depends on what the user really wants, I would say the route is probably"
# The blocks as the prompt lays them out (the instructions also mention the empty tags).
ROUTES_RE = re.compile(r"<routes>\n\n(.*?)\n\n</routes>", re.DOTALL)
CONVERSATION_RE = re.compile(r"<conversation>\n\n(.*?)\n\n</conversation>", re.DOTALL)

# Ordered: the first route whose keyword appears (lower-cased) wins.
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("try_again", ("wrong", "incorrect", "try again", "not right", "that's not", "mistake",
                   "falsch", "incorrecto", "faux")),
    ("image_generation", ("generate an image", "generate a picture", "draw", "create an image",
                          "make an image", "make a picture", "paint", "illustration", "render",
                          "logo", "turn this photo into", "winter version")),
    ("image_question", ("my room", "surroundings", "around me", "how do i look", "my outfit",
                        "what do you see", "can you see", "camera", "in front of me")),
    ("image_understanding", ("[image]", "this image", "this photo", "this picture", "screenshot",
                             "in the picture", "this chart")),
    ("hard_question", ("prove", "step by step", "carefully", "derive", "calculate", "theorem",
                       "complexity", "algorithm", "think through", "why does")),
    ("chit_chat", ("hello", "hey", "how are you", "how's it going", "thanks", "thank you",
                   "good morning", "good night", "lol", "weather", "bored")),
)


@dataclass
class StandInSettings:
    latency_ms: float = 0.0
    mode: str = "ok"
    oracle: str | None = None  # path of a JSON {latest user text: route} file
    calls: deque = field(default_factory=lambda: deque(maxlen=256), repr=False)

    def public(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "calls"}


SETTINGS_KEY = web.AppKey("stand_in_settings", StandInSettings)


def create_stand_in_app(settings: StandInSettings | None = None) -> web.Application:
    app = web.Application(client_max_size=16 * 1024 * 1024)
    app[SETTINGS_KEY] = settings or StandInSettings()
    app.router.add_post("/v1/chat/completions", _chat)
    app.router.add_get("/v1/models", _models)
    app.router.add_get("/health", _health)
    app.router.add_get("/__stand_in/settings", _get_settings)
    app.router.add_post("/__stand_in/settings", _set_settings)
    app.router.add_get("/__stand_in/calls", _calls)
    app.router.add_delete("/__stand_in/calls", _clear_calls)
    return app


def stand_in_address(endpoint: str, ephemeral: bool) -> tuple[str | None, int]:
    """(host, port) to serve on: the endpoint's loopback host and port, or an ephemeral port
    (also when the endpoint is not on this machine)."""
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    if ephemeral or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        return None, 0
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def read_prompt(prompt: str) -> tuple[list[str], list[dict[str, Any]]]:
    """(route names, conversation turns) from an Arch-Router prompt; ValueError if malformed."""
    routes, conversation = ROUTES_RE.search(prompt), CONVERSATION_RE.search(prompt)
    if routes is None or conversation is None:
        raise ValueError("not an Arch-Router prompt (no <routes> or <conversation>)")
    names = [str(r["name"]) for r in json.loads(routes.group(1))]
    turns = json.loads(conversation.group(1))
    if not isinstance(turns, list):
        raise ValueError("the conversation is not a JSON list")
    return names, turns


def latest_user_text(turns: list[dict[str, Any]]) -> str:
    for turn in reversed(turns):
        if isinstance(turn, dict) and turn.get("role") == "user":
            return str(turn.get("content") or "")
    return ""


def keyword_route(text: str, routes: list[str]) -> str:
    """The stand-in's rule-based answer (see the module doc)."""
    lowered = text.lower()
    for route, words in KEYWORDS:
        if route in routes and any(w in lowered for w in words):
            return route
    for route in routes:
        words = tuple(w for w in route.lower().split("_") if len(w) > 2)
        if words and all(w in lowered for w in words):
            return route
    return "other"


def oracle_route(path: str | None, text: str) -> str | None:
    if not path:
        return None
    try:
        table = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        logger.warning("stand-in oracle %s unreadable: %s", path, exc)
        return None
    route = table.get(text) if isinstance(table, dict) else None
    return route if isinstance(route, str) else None


async def _chat(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    try:
        payload = json.loads(await request.read())
        prompt = payload["messages"][-1]["content"]
        routes, turns = read_prompt(prompt)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        return web.json_response({"error": {"message": f"stand-in: {exc}", "type":
                                            "invalid_request_error", "code": None}}, status=400)
    text = latest_user_text(turns)
    route = oracle_route(settings.oracle, text) or keyword_route(text, routes)
    answer = GARBAGE if settings.mode == "garbage" else json.dumps({"route": route})
    settings.calls.append({"latest": text, "routes": routes, "turns": len(turns),
                           "answer": answer, "mode": settings.mode,
                           "max_tokens": payload.get("max_tokens"),
                           "temperature": payload.get("temperature"),
                           "authorization": request.headers.get("Authorization")})
    await asyncio.sleep(settings.latency_ms / 1000.0 + (HANG_S if settings.mode == "hang" else 0))
    headers = {"x-stand-in": "arch-router"}
    if settings.mode == "fail":
        return web.json_response({"error": {"message": "stand-in failure mode", "type":
                                            "server_error", "code": None}}, status=500,
                                 headers=headers)
    return web.json_response(_completion(str(payload.get("model")), answer), headers=headers)


def _completion(model: str, text: str) -> dict[str, Any]:
    return {"id": f"chatcmpl-stand-in-{time.monotonic_ns()}", "object": "chat.completion",
            "created": int(time.time()), "model": f"{model} (mmrouter stand-in, not a model)",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}]}


async def _models(request: web.Request) -> web.Response:
    return web.json_response({"object": "list", "data": [
        {"id": "arch-router-stand-in", "object": "model"}]})


async def _health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "stand_in": True})


async def _get_settings(request: web.Request) -> web.Response:
    return web.json_response(request.app[SETTINGS_KEY].public())


async def _set_settings(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    try:
        changes = json.loads(await request.read())
        apply_settings(settings, changes)
    except (ValueError, TypeError) as exc:
        return web.json_response({"error": {"message": str(exc)}}, status=400)
    return web.json_response(settings.public())


def apply_settings(settings: StandInSettings, changes: Any) -> None:
    """Change latency_ms / mode / oracle; ValueError naming a bad value."""
    if not isinstance(changes, dict) or set(changes) - {"latency_ms", "mode", "oracle"}:
        raise ValueError("expected an object with latency_ms, mode and/or oracle")
    if "mode" in changes and changes["mode"] not in MODES:
        raise ValueError(f"mode: one of {list(MODES)}")
    if "latency_ms" in changes:
        latency = float(changes["latency_ms"])
        if latency < 0:
            raise ValueError("latency_ms: must be >= 0")
        settings.latency_ms = latency
    settings.mode = changes.get("mode", settings.mode)
    settings.oracle = changes.get("oracle", settings.oracle)


async def _calls(request: web.Request) -> web.Response:
    return web.json_response(list(request.app[SETTINGS_KEY].calls))


async def _clear_calls(request: web.Request) -> web.Response:
    request.app[SETTINGS_KEY].calls.clear()
    return web.json_response({"cleared": True})
