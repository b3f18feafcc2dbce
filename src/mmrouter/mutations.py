"""Build the request mutations (pure): the exact body rewrite and the routing headers.

The body rewrite splices a new JSON string into the byte span of the top-level ``model``
value. Every other byte of the client's body — whitespace, key order, escapes, number
formatting, multi-MB base64 images — reaches the backend unchanged, and no re-serialisation
of a large body is paid for.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# Structural characters and string openings; string bodies are skipped with bytes.find (memchr),
# so a multi-MB base64 image costs a few hundred microseconds, not a regex step per byte.
_NEXT = re.compile(rb'["{}\[\]:,]')
_WS = b" \t\r\n"
_QUOTE, _BACKSLASH = 0x22, 0x5C


class RewriteError(ValueError):
    """The body is not a JSON object with a top-level string ``model`` (callers validate first)."""


def _string_end(body: bytes, start: int) -> int:
    """Index just past the string opening at ``start`` (escaped quotes skipped)."""
    i = start + 1
    while True:
        j = body.find(b'"', i)
        if j < 0:
            raise RewriteError("unterminated string in the body")
        k = j - 1
        while body[k] == _BACKSLASH:
            k -= 1
        if (j - 1 - k) % 2 == 0:
            return j + 1
        i = j + 1


def _tokens(body: bytes):
    """Yield (start, end, first byte) of each string and structural character."""
    pos = 0
    while (match := _NEXT.search(body, pos)) is not None:
        start = match.start()
        end = _string_end(body, start) if body[start] == _QUOTE else start + 1
        yield start, end, body[start:start + 1]
        pos = end


def top_level_value_spans(body: bytes, key: str) -> list[tuple[int, int]]:
    """Byte spans of every top-level string value whose member name decodes to ``key``."""
    spans: list[tuple[int, int]] = []
    depth = 0
    expect_key = False
    pending_key: str | None = None
    after_colon = False
    for start, end, first in _tokens(body):
        if first in (b"{", b"["):
            after_colon = after_colon and depth != 1
            depth += 1
            expect_key = first == b"{" and depth == 1
        elif first in (b"}", b"]"):
            depth -= 1
        elif depth != 1:
            continue
        elif first == b",":
            expect_key, pending_key, after_colon = True, None, False
        elif first == b":":
            after_colon = True
        elif expect_key:
            pending_key = json.loads(body[start:end])
            expect_key = False
        elif after_colon:
            if pending_key == key and _follows_colon(body, start):
                spans.append((start, end))
            after_colon = False
    return spans


def _follows_colon(body: bytes, start: int) -> bool:
    """The string token is the member's value: only whitespace between it and the ':'."""
    i = start - 1
    while i >= 0 and body[i] in _WS:
        i -= 1
    return i >= 0 and body[i:i + 1] == b":"


def rewrite_model(body: bytes, new_model: str) -> bytes:
    """Return ``body`` with every top-level ``model`` string value replaced by ``new_model``."""
    spans = top_level_value_spans(body, "model")
    if not spans:
        raise RewriteError("no top-level string 'model' in the body")
    encoded = json.dumps(new_model, ensure_ascii=False).encode()
    out = bytearray()
    last = 0
    for start, end in spans:
        out += body[last:start]
        out += encoded
        last = end
    out += body[last:]
    return bytes(out)


@dataclass(frozen=True)
class RequestMutation:
    """What to do to the request: headers to set/remove and the new body (None: unchanged)."""

    set_headers: tuple[tuple[str, str], ...] = ()
    remove_headers: tuple[str, ...] = ()
    body: bytes | None = None
    clear_route_cache: bool = True


def routing_mutation(body: bytes, *, current_model: str | None, model: str, cluster: str,
                     model_header: str, cluster_header: str) -> RequestMutation:
    """Mutation that sends the request to ``model`` on ``cluster``."""
    new_body = body if current_model == model else rewrite_model(body, model)
    return RequestMutation(
        set_headers=((model_header, model), (cluster_header, cluster),
                     ("content-length", str(len(new_body)))),
        body=None if new_body is body else new_body,
    )


def response_headers(route: str, model: str, confidence: float | None, *, route_header: str,
                     model_header: str, confidence_header: str) -> tuple[tuple[str, str], ...]:
    headers = [(route_header, route), (model_header, model)]
    if confidence is not None:
        headers.append((confidence_header, f"{confidence:.4f}"))
    return tuple(headers)
