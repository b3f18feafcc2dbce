"""Reading the router model's answer (pure).

Accepted: ``{"route": "name"}`` as JSON or as a Python dict literal (single quotes), inside
code fences or not, with stray whitespace or text around it, or a bare route name. ``other`` or a
route the config does not have maps to the fallback route; anything else is unparseable (the
caller keeps the embedding decision).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any, Sequence

FENCE = re.compile(r"```[a-zA-Z0-9_-]*\s*(.*?)\s*```", re.DOTALL)
OBJECT = re.compile(r"\{[^{}]*\}", re.DOTALL)
OTHER = "other"
MAX_ANSWER_CHARS = 4096  # longer answers are not parsed (32 new tokens never get there)


@dataclass(frozen=True)
class ParsedRoute:
    route: str | None  # a configured route (the fallback for other/unknown); None: unparseable
    status: str  # "route" | "other" | "unknown_route" | "unparseable"
    raw_route: str | None = None  # what the model named


def parse_route(text: str, routes: Sequence[str], fallback: str) -> ParsedRoute:
    """The route named by the model's answer ``text`` (see the module doc)."""
    if not isinstance(text, str) or len(text) > MAX_ANSWER_CHARS:
        return ParsedRoute(None, "unparseable")
    structured = _structured_name(text)
    if structured is not None:
        return resolve(structured, routes, fallback) if structured else ParsedRoute(
            None, "unparseable")
    bare = _bare_name(text)
    if bare is None:
        return ParsedRoute(None, "unparseable")
    parsed = resolve(bare, routes, fallback)  # a bare word counts only if it names a route
    return parsed if parsed.status != "unknown_route" else ParsedRoute(None, "unparseable")


def resolve(name: str, routes: Sequence[str], fallback: str) -> ParsedRoute:
    """A named route → a configured one: exact, then case-insensitive; else the fallback."""
    cleaned = name.strip()
    if cleaned in routes:
        return ParsedRoute(cleaned, "route" if cleaned != fallback else OTHER, cleaned)
    folded = {r.lower(): r for r in routes}
    if cleaned.lower() in folded:
        route = folded[cleaned.lower()]
        return ParsedRoute(route, "route" if route != fallback else OTHER, cleaned)
    if cleaned.lower() == OTHER:
        return ParsedRoute(fallback, OTHER, cleaned)
    return ParsedRoute(fallback, "unknown_route", cleaned)


def _unfenced(text: str) -> str:
    stripped = text.strip()
    fenced = FENCE.search(stripped)
    return fenced.group(1).strip() if fenced else stripped


def _structured_name(text: str) -> str | None:
    """The "route" of the first dict in the answer; "" when that dict has no usable route;
    None when the answer holds no dict."""
    stripped = _unfenced(text)
    for candidate in [stripped, *OBJECT.findall(stripped)]:
        value = _load(candidate)
        if isinstance(value, dict):
            route = value.get("route")
            return route.strip() if isinstance(route, str) else ""
    return None


def _bare_name(text: str) -> str | None:
    bare = _unfenced(text).strip("`'\" \t\r\n.")
    return bare if re.fullmatch(r"[A-Za-z0-9_.:/-]{1,128}", bare) else None


def _load(candidate: str) -> Any:
    candidate = candidate.strip()
    if not candidate.startswith("{"):
        return None
    try:
        return json.loads(candidate)
    except ValueError:
        pass
    try:
        return ast.literal_eval(candidate)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
