"""Failure modes for the demo backends, switched at run time over HTTP (for fault tests).

On every demo backend:

- ``POST /__demo/fault`` ``{"status": 503}`` makes its chat completions (and ``GET /health``)
  answer that status with an OpenAI-shaped error until ``DELETE /__demo/fault``; ``"count": n``
  limits it to the next n requests. ``429`` answers carry ``Retry-After: 1``.
- ``POST /__demo/backends/{cluster}/stop`` and ``.../start`` close or reopen the listening port
  of any backend of the same process (its open connections are closed too), so Envoy sees a
  connection refused, as with a stopped server. Ask a backend that stays up.
- ``GET /health`` answers 200 (or the fault's status): the path Envoy's health checks use.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Awaitable, Callable, Protocol

from aiohttp import web

logger = logging.getLogger(__name__)


@dataclass
class Fault:
    status: int | None = None
    remaining: int | None = None  # None: until cleared

    def set(self, status: int | None, remaining: int | None) -> None:
        self.status, self.remaining = status, remaining

    def take(self) -> int | None:
        """The status to answer with now (None: behave), counting one use."""
        if self.status is None:
            return None
        status = self.status
        if self.remaining is not None:
            self.remaining -= 1
            if self.remaining <= 0:
                self.status = self.remaining = None
        return status


class BackendControl(Protocol):
    async def stop_backend(self, cluster: str) -> None: ...

    async def start_backend(self, cluster: str) -> None: ...


FAULT_KEY = web.AppKey("fault", Fault)
CONTROL_KEY = web.AppKey("control", object)


def install_faults(app: web.Application, control: BackendControl | None) -> None:
    app[FAULT_KEY] = Fault()
    if control is not None:
        app[CONTROL_KEY] = control
    app.router.add_post("/__demo/fault", _set_fault)
    app.router.add_delete("/__demo/fault", _clear_fault)
    app.router.add_post("/__demo/backends/{cluster}/{action}", _control)
    app.router.add_get("/health", _health)


def fault_response(app: web.Application, name: str) -> web.Response | None:
    """The error a faulty backend answers with, or None when it should behave."""
    status = app[FAULT_KEY].take()
    if status is None:
        return None
    headers = {"x-demo-backend": name}
    if status == 429:
        headers["retry-after"] = "1"
    kind = "rate_limit_error" if status == 429 else "server_error"
    body = {"error": {"message": f"demo backend {name} answers {status} (fault injected)",
                      "type": kind, "param": None, "code": f"demo_{status}"}}
    return web.json_response(body, status=status, headers=headers)


async def _set_fault(request: web.Request) -> web.Response:
    try:
        data = json.loads(await request.read())
        status = int(data["status"])
        count = data.get("count")
        count = None if count is None else int(count)
    except (ValueError, KeyError, TypeError):
        return web.json_response({"error": "expected {\"status\": int, \"count\": int?}"},
                                 status=400)
    if not 400 <= status <= 599:
        return web.json_response({"error": "status must be 400..599"}, status=400)
    request.app[FAULT_KEY].set(status, count)
    return web.json_response({"status": status, "count": count})


async def _clear_fault(request: web.Request) -> web.Response:
    request.app[FAULT_KEY].set(None, None)
    return web.json_response({"status": None})


async def _health(request: web.Request) -> web.Response:
    status = request.app[FAULT_KEY].status
    return web.json_response({"healthy": status is None}, status=status or 200)


async def _control(request: web.Request) -> web.Response:
    control = request.app.get(CONTROL_KEY)
    action = request.match_info["action"]
    if control is None or action not in ("stop", "start"):
        return web.json_response({"error": "unknown action"}, status=404)
    cluster = request.match_info["cluster"]
    method: Callable[[str], Awaitable[None]] = getattr(control, f"{action}_backend")
    try:
        await method(cluster)
    except KeyError:
        return web.json_response({"error": f"unknown backend {cluster}"}, status=404)
    return web.json_response({"cluster": cluster, "action": action})
