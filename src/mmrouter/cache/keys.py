"""Which requests may use the cache, their scope and their match key (pure functions).

An entry matches a request only when the scope (the values of ``cache.scope_headers``), the
API, the chosen model, the text encoder and a canonical hash of the whole body are equal; the
body hash leaves out what does not change the answer (``model``, ``stream``, ``stream_options``,
``user`` and other metadata) and the latest user turn's text, which the similarity decides.
The latest turn's non-text parts (images) stay in the hash: they must be equal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Mapping

from mmrouter.config.schema import ANTHROPIC_MESSAGES, OPENAI_CHAT, OPENAI_RESPONSES

CACHE_HEADER = "x-mmrouter-cache"
HIT, MISS, BYPASS = "hit", "miss", "bypass"
LATEST = "\u0000latest-user-turn"  # stands in for the latest turn's text inside the body hash
# Top-level members that do not change the answer (transport, accounting, tracing).
IGNORED_MEMBERS = frozenset({"model", "stream", "stream_options", "user", "metadata", "store",
                             "safety_identifier", "prompt_cache_key", "service_tier"})
TEXT_PARTS = frozenset({"text", "input_text"})


@dataclass(frozen=True)
class CacheRequest:
    """What the request headers tell the cache."""

    scope: str  # digest of the scope headers' values
    no_store: bool  # cache-control: no-store


@dataclass(frozen=True)
class LatestTurn:
    text: str  # the latest user turn's text, whole
    rest: dict[str, Any]  # the body without it and without the ignored members


def cache_request(headers: Mapping[str, str], scope_headers: tuple[str, ...]) -> CacheRequest:
    values = [(name.lower(), headers.get(name.lower())) for name in scope_headers]
    scope = hashlib.sha256(json.dumps(values).encode()).hexdigest()
    directives = {d.strip().split("=")[0].lower()
                  for d in headers.get("cache-control", "").split(",")}
    return CacheRequest(scope=scope, no_store="no-store" in directives)


def latest_turn(payload: Mapping[str, Any], api: str) -> LatestTurn | None:
    """The latest user turn's text and the rest of the body, or None when the request has no
    text of its own in its last user message (tool results only, …): then it is not cached."""
    rest = {k: v for k, v in payload.items() if k not in IGNORED_MEMBERS}
    if api == OPENAI_RESPONSES and isinstance(rest.get("input"), str):
        text, rest["input"] = rest["input"], LATEST
        return LatestTurn(text, rest) if text.strip() else None
    member = "input" if api == OPENAI_RESPONSES else "messages"
    items = rest.get(member)
    if not isinstance(items, list):
        return None
    index = _last_user(items, api)
    if index is None:
        return None
    text, replaced = _strip_text(items[index])
    if not text.strip():
        return None
    rest[member] = [*items[:index], replaced, *items[index + 1:]]
    return LatestTurn(text, rest)


def _last_user(items: list[Any], api: str) -> int | None:
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if not isinstance(item, dict) or item.get("role") != "user":
            continue
        if api == OPENAI_RESPONSES and item.get("type", "message") != "message":
            continue
        return index
    return None


def _strip_text(message: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """(the message's text, the message with its text parts replaced by the placeholder)."""
    content = message.get("content")
    if isinstance(content, str):
        return content, {**message, "content": LATEST}
    if not isinstance(content, list):
        return "", dict(message)
    texts, parts = [], []
    for part in content:
        if isinstance(part, dict) and part.get("type") in TEXT_PARTS \
                and isinstance(part.get("text"), str):
            texts.append(part["text"])
            parts.append({**part, "text": LATEST})
        else:
            parts.append(part)
    return "\n".join(texts), {**message, "content": parts}


def match_key(scope: str, api: str, model: str, encoder: str, rest: Mapping[str, Any]) -> str:
    """The digest every matching entry shares (canonical JSON: sorted keys, no spaces)."""
    canonical = json.dumps([scope, api, model, encoder, rest], sort_keys=True,
                           separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).hexdigest()


def wants_usage(payload: Mapping[str, Any], api: str) -> bool:
    """Chat completions streams end with a usage chunk only when the client asked for it."""
    options = payload.get("stream_options")
    return api == OPENAI_CHAT and isinstance(options, dict) and bool(options.get("include_usage"))


API_SHAPES = (OPENAI_CHAT, OPENAI_RESPONSES, ANTHROPIC_MESSAGES)
