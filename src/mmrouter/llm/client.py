"""Calling the router model over an OpenAI-compatible endpoint (aiohttp).

Every call is bounded: by ``llm_router.timeout_ms`` and by the time left before the request's
classification deadline, whichever comes first. At most ``max_concurrency`` calls are in flight;
one more is answered ``busy`` at once (waiting would only spend the request's deadline). After
``breaker_failures`` consecutive timeouts or errors the circuit breaker opens: calls are
answered ``breaker_open`` without touching the network for ``breaker_cooldown_ms``, then one
trial call is let through, and its success closes the breaker (its failure reopens it).
Answers the parser cannot read are the model's problem, not the endpoint's: they do not count
as failures here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import Any, Callable

import aiohttp

from mmrouter.config.schema import LLMRouterConfig
from mmrouter.llm.prompt import chat_request

logger = logging.getLogger(__name__)

MAX_NEW_TOKENS = 32


@dataclass(frozen=True)
class LLMAnswer:
    outcome: str  # "ok" | "timeout" | "error" | "breaker_open" | "busy"
    text: str | None = None
    latency_s: float | None = None  # None when no call was made
    detail: str = ""


class EndpointError(Exception):
    """The endpoint answered, but not with a usable completion."""


class CircuitBreaker:
    """Closed → (``failures`` in a row) open → (``cooldown_s`` later) one trial → closed/open."""

    def __init__(self, failures: int, cooldown_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = failures
        self.cooldown_s = cooldown_s
        self.clock = clock
        self.failures = 0
        self.open_until: float | None = None
        self.trial = False  # a half-open trial call is in flight

    @property
    def state(self) -> str:
        if self.open_until is None:
            return "closed"
        return "half_open" if self.trial or self.clock() >= self.open_until else "open"

    def allow(self) -> bool:
        """Whether a call may go out now (claims the one trial call when half-open)."""
        if self.open_until is None:
            return True
        if self.trial or self.clock() < self.open_until:
            return False
        self.trial = True
        return True

    def success(self) -> None:
        self.failures, self.open_until, self.trial = 0, None, False

    def failure(self) -> None:
        self.failures += 1
        if self.trial or self.failures >= self.threshold:
            if self.open_until is None or self.trial:
                logger.warning("LLM router circuit breaker open for %.1f s after %d failures",
                               self.cooldown_s, self.failures)
            self.open_until = self.clock() + self.cooldown_s
            self.trial = False

    def abandon(self) -> None:
        """A call given up by its caller (cancelled): a trial may be tried again."""
        self.trial = False


class LLMClient:
    """One endpoint's client; its aiohttp session lives on the loop that first uses it."""

    def __init__(self, config: LLMRouterConfig, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self.config = config
        self.url = config.endpoint.rstrip("/") + "/chat/completions"
        self.breaker = CircuitBreaker(config.breaker_failures,
                                      config.breaker_cooldown_ms / 1000.0, clock)
        self.in_flight = 0
        self._headers = _auth_headers(config.api_key_env)
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def complete(self, prompt: str, budget_s: float) -> LLMAnswer:
        """The model's answer to ``prompt`` within ``budget_s`` seconds (capped by timeout_ms)."""
        budget_s = min(budget_s, self.config.timeout_ms / 1000.0)
        if budget_s <= 0:
            return LLMAnswer("timeout", detail="no time left before the deadline")
        if self.in_flight >= self.config.max_concurrency:
            return LLMAnswer("busy", detail=f"{self.in_flight} calls in flight")
        if not self.breaker.allow():
            return LLMAnswer("breaker_open")
        self.in_flight += 1
        started = time.perf_counter()
        try:
            text = await asyncio.wait_for(self._post(prompt), budget_s)
        except TimeoutError:
            self.breaker.failure()
            return LLMAnswer("timeout", latency_s=time.perf_counter() - started,
                             detail=f"no answer within {budget_s * 1000:.0f} ms")
        except (aiohttp.ClientError, OSError, EndpointError, ValueError) as exc:
            self.breaker.failure()
            return LLMAnswer("error", latency_s=time.perf_counter() - started,
                             detail=f"{type(exc).__name__}: {exc}"[:300])
        except asyncio.CancelledError:
            self.breaker.abandon()
            raise
        finally:
            self.in_flight -= 1
        self.breaker.success()
        return LLMAnswer("ok", text=text, latency_s=time.perf_counter() - started)

    async def _post(self, prompt: str) -> str:
        body = chat_request(self.config.model, prompt, MAX_NEW_TOKENS)
        async with self._session_here().post(self.url, json=body, headers=self._headers) as resp:
            raw = await resp.read()
            if resp.status >= 400:
                raise EndpointError(f"HTTP {resp.status}: {raw[:200].decode('utf-8', 'replace')}")
        return completion_text(raw)

    def _session_here(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            connector = aiohttp.TCPConnector(limit=self.config.max_concurrency)
            self._session = aiohttp.ClientSession(connector=connector)
            self._loop = loop
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


def completion_text(raw: bytes) -> str:
    """``choices[0].message.content`` of a chat completion; EndpointError if there is none."""
    try:
        payload: Any = json.loads(raw)
        content = payload["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise EndpointError(f"not a chat completion: {raw[:200]!r}") from None
    if not isinstance(content, str):
        raise EndpointError("the completion has no text content")
    return content


def _auth_headers(env_name: str | None) -> dict[str, str]:
    if not env_name:
        return {}
    token = os.environ.get(env_name)
    if not token:
        logger.warning("llm_router.api_key_env names %s, which is not set: calls go out "
                       "without a bearer token", env_name)
        return {}
    return {"Authorization": f"Bearer {token}"}
