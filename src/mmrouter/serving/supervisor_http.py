"""The supervisor's HTTP API on ``http_port``: one place to scrape and probe N router processes.

- ``GET /metrics``: every process's exposition merged, each sample labelled ``process="i"``
  (families kept whole, as the text format requires), plus ``mmrouter_process_up{process}``;
  sum over ``process`` for service totals.
- ``GET /ready``: 200 when every process answers its own /ready with 200, else 503 with each
  process's answer; ``GET /health``: the supervisor is up.
- ``POST /api/...``: the classification API, passed to the processes in turn.

So a scrape config, a readiness probe and API clients stay the same with 1 or N processes.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
from typing import Callable, Sequence

import aiohttp
from aiohttp import web

from mmrouter.errors import NotReady, error_body
from mmrouter.routing.budget import merge_states
from mmrouter.serving.classify_request import API_HEADER

logger = logging.getLogger(__name__)

SCRAPE_TIMEOUT_S = 5.0
API_TIMEOUT_S = 30.0
_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*)?(\s.*)$")
SESSION_KEY = web.AppKey("session", aiohttp.ClientSession)


def merge_expositions(expositions: Sequence[str | None], label: str = "process") -> str:
    """Prometheus text expositions of processes 0..N-1 (None: did not answer) as one: each
    family's HELP/TYPE once, then its samples from every process, labelled ``label="i"``."""
    families: dict[str, tuple[list[str], list[str]]] = {}
    for index, text in enumerate(expositions):
        current: tuple[list[str], list[str]] | None = None
        for line in (text or "").splitlines():
            if line.startswith("# HELP ") or line.startswith("# TYPE "):
                name = line.split(" ", 3)[2]
                current = families.setdefault(name, ([], []))
                if line not in current[0]:
                    current[0].append(line)
            elif line and not line.startswith("#") and current is not None:
                current[1].append(_labelled(line, label, index))
    up = ['# HELP mmrouter_process_up 1 when the router process answered this scrape',
          '# TYPE mmrouter_process_up gauge']
    up += [f'mmrouter_process_up{{{label}="{i}"}} {0 if text is None else 1}'
           for i, text in enumerate(expositions)]
    body = [line for header, samples in families.values() for line in (*header, *samples)]
    return "\n".join([*body, *up]) + "\n"


def _labelled(sample: str, label: str, index: int) -> str:
    match = _SAMPLE.match(sample)
    if match is None:
        return sample
    name, labels, rest = match.groups()
    if labels and labels != "{}":
        return f'{name}{{{label}="{index}",{labels[1:]}{rest}'
    return f'{name}{{{label}="{index}"}}{rest}'


def _config_of(answer: tuple[int, bytes] | None) -> dict | None:
    """The ``config`` component (hash, generation, last reload) of a process's /ready body."""
    import json

    try:
        return json.loads(answer[1])["components"]["config"] if answer else None
    except (ValueError, KeyError, TypeError):
        return None


def create_supervisor_app(process_urls: Sequence[str],
                          client_max_size: int = 80 * 1024 * 1024,
                          draining: Callable[[], bool] = lambda: False) -> web.Application:
    """``process_urls`` stays empty until every process is ready (the supervisor fills it in):
    meanwhile /health answers, /ready and the API say 503, as one process does while loading.
    ``client_max_size``: the processes' own API body limit (``server.grpc_max_message_bytes``);
    ``draining``: true once the supervisor is stopping (/ready then says 503 at once)."""
    app = web.Application(client_max_size=client_max_size)
    turns = itertools.count()

    async def session_context(app: web.Application):  # type: ignore[no-untyped-def]
        # No pool limit: the processes bound their own work (aiohttp's default 100 would cap
        # the API at 100 requests in flight across all processes).
        app[SESSION_KEY] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        yield
        await app[SESSION_KEY].close()

    async def get(request: web.Request, url: str, timeout: float) -> tuple[int, bytes] | None:
        try:
            async with request.app[SESSION_KEY].get(
                    url, timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                return resp.status, await resp.read()
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            logger.warning("router process at %s did not answer: %s", url, exc)
            return None

    async def metrics(request: web.Request) -> web.Response:
        answers = await asyncio.gather(*(get(request, url + "/metrics", SCRAPE_TIMEOUT_S)
                                         for url in process_urls))
        texts = [a[1].decode("utf-8", "replace") if a and a[0] == 200 else None
                 for a in answers]
        return web.Response(text=merge_expositions(texts), content_type="text/plain")

    async def ready(request: web.Request) -> web.Response:
        answers = await asyncio.gather(*(get(request, url + "/ready", SCRAPE_TIMEOUT_S)
                                         for url in process_urls))
        statuses = [a[0] if a else None for a in answers]
        ok = bool(statuses) and all(status == 200 for status in statuses) and not draining()
        return web.json_response({"ready": ok, "draining": draining(), "processes": [
            {"process": i, "url": url, "status": status, "config": _config_of(answer)}
            for i, (url, status, answer) in enumerate(zip(process_urls, statuses, answers))]},
            status=200 if ok else 503)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "processes": len(process_urls)})

    async def api(request: web.Request) -> web.Response:
        if not process_urls:
            return web.json_response(error_body(NotReady("the router processes are still "
                                                         "loading; retry")), status=503)
        url = process_urls[next(turns) % len(process_urls)] + request.path_qs
        body = await request.read()
        try:
            async with request.app[SESSION_KEY].request(
                    request.method, url, data=body or None,
                    headers=_forwarded_headers(request),
                    timeout=aiohttp.ClientTimeout(total=API_TIMEOUT_S)) as resp:
                return web.Response(body=await resp.read(), status=resp.status,
                                    content_type=resp.content_type)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            logger.warning("classification API call to %s failed: %s", url, exc)
            return web.json_response(error_body(NotReady(
                "the router process did not answer; retry")), status=503)

    async def budget(request: web.Request) -> web.Response:
        """Every process's /api/v1/budget merged (routing/budget.merge_states)."""
        if not process_urls:
            return web.json_response(error_body(NotReady("the router processes are still "
                                                         "loading; retry")), status=503)
        answers = await asyncio.gather(*(get(request, url + "/api/v1/budget", SCRAPE_TIMEOUT_S)
                                         for url in process_urls))
        states = [json.loads(a[1]) for a in answers if a is not None and a[0] == 200]
        if len(states) < len(process_urls):
            return web.json_response(error_body(NotReady(
                "a router process did not answer; retry")), status=503)
        return web.json_response(merge_states(states))

    app.cleanup_ctx.append(session_context)
    app.router.add_get("/api/v1/budget", budget)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/ready", ready)
    app.router.add_get("/health", health)
    app.router.add_post("/api/{tail:.*}", api)
    app.router.add_get("/v1/models", api)  # the processes serve the same config's list
    app.router.add_get("/v1/models/{tail:.*}", api)
    return app


def _forwarded_headers(request: web.Request) -> dict[str, str]:
    """What a process needs of the client's headers: the content type and the named API."""
    headers = {"content-type": request.content_type}
    if API_HEADER in request.headers:
        headers[API_HEADER] = request.headers[API_HEADER]
    return headers
