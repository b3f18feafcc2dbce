"""Build the request mutations (pure): the exact body rewrite and the routing headers.

The body rewrite walks the top-level JSON object member by member and splices the new model
name into the span of every top-level ``model`` value. Values are skipped cheaply: strings with
``str.find`` (a multi-MB base64 image costs well under a millisecond), containers by their
brackets, and a container with more than ``TOKEN_BUDGET`` brackets/strings by the C JSON
decoder, so no body costs a Python step per token. Every other byte of the client's body
(whitespace, key order, escapes, number formatting) reaches the backend unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_WS = re.compile(rb"[ \t\r\n]*")
_STRUCT = re.compile(rb'["{}\[\]]')
_LITERAL = re.compile(rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null")
_DECODER = json.JSONDecoder()
_QUOTE, _BACKSLASH = 0x22, 0x5C
TOKEN_BUDGET = 20_000


class RewriteError(ValueError):
    """The body is not a JSON object (callers validate it first)."""


def top_level_value_spans(body: bytes, key: str) -> list[tuple[int, int]]:
    """Byte spans of every top-level member value whose name decodes to ``key``.

    Works on the UTF-8 bytes directly: multi-byte sequences never contain a quote, backslash or
    bracket, so byte offsets stay exact and nothing is decoded but member names.
    """
    pos = _skip(body, 0)
    if not body.startswith(b"{", pos):
        raise RewriteError("the body is not a JSON object")
    pos = _skip(body, pos + 1)
    spans: list[tuple[int, int]] = []
    if body.startswith(b"}", pos):
        return spans
    while True:
        if not body.startswith(b'"', pos):
            raise RewriteError(f"expected a member name at offset {pos}")
        name_end = _string_end(body, pos)
        name = json.loads(body[pos:name_end])
        pos = _expect(body, _skip(body, name_end), b":")
        start = _skip(body, pos)
        end = _value_end(body, start)
        if name == key:
            spans.append((start, end))
        pos = _skip(body, end)
        if body.startswith(b"}", pos):
            return spans
        pos = _skip(body, _expect(body, pos, b","))


def _skip(body: bytes, pos: int) -> int:
    match = _WS.match(body, pos)  # always matches: the pattern may be empty
    return match.end() if match else pos


def _expect(body: bytes, pos: int, char: bytes) -> int:
    if not body.startswith(char, pos):
        raise RewriteError(f"expected {char.decode()!r} at offset {pos}")
    return pos + 1


def _value_end(body: bytes, pos: int) -> int:
    first = body[pos:pos + 1]
    if first == b'"':
        return _string_end(body, pos)
    if first in (b"{", b"["):
        end = _container_end(body, pos)
        return end if end is not None else _decoded_end(body, pos)
    literal = _LITERAL.match(body, pos)
    if literal is None:
        raise RewriteError(f"invalid JSON value at offset {pos}")
    return literal.end()


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


def _container_end(body: bytes, pos: int) -> int | None:
    """End of the (already validated) container at ``pos``; None past the token budget."""
    depth = 0
    for _ in range(TOKEN_BUDGET):
        match = _STRUCT.search(body, pos)
        if match is None:
            raise RewriteError("unterminated value in the body")
        i = match.start()
        if body[i] == _QUOTE:
            pos = _string_end(body, i)
            continue
        depth += 1 if body[i:i + 1] in (b"{", b"[") else -1
        pos = i + 1
        if depth == 0:
            return pos
    return None


def _decoded_end(body: bytes, pos: int) -> int:
    """End of a structure-heavy value, found by the C decoder (rare: > TOKEN_BUDGET tokens)."""
    try:
        text = body[pos:].decode("utf-8")
        _, end = _DECODER.raw_decode(text, 0)
    except (ValueError, RecursionError) as exc:
        raise RewriteError(f"invalid JSON value at offset {pos}") from exc
    return pos + len(text[:end].encode("utf-8"))


def rewrite_model(body: bytes, new_model: str) -> bytes:
    """``body`` with every top-level ``model`` value replaced by ``new_model`` (added if absent)."""
    return rewrite_model_spans(body, new_model)[0]


Spans = tuple[tuple[int, int], ...]
_MODEL_KEY = b'"model": '


def rewrite_model_spans(body: bytes, new_model: str) -> tuple[bytes, Spans]:
    """:func:`rewrite_model`, and the byte spans of the values it wrote in the new body
    (end exclusive, quotes included): where Envoy splices a fallback model's name."""
    spans = top_level_value_spans(body, "model")
    encoded = json.dumps(new_model, ensure_ascii=False).encode("utf-8")
    if not spans:
        brace = _skip(body, 0) + 1
        closing = body.startswith(b"}", _skip(body, brace))
        new = body[:brace] + _MODEL_KEY + encoded + (b"" if closing else b", ") + body[brace:]
        start = brace + len(_MODEL_KEY)
        return new, ((start, start + len(encoded)),)
    view = memoryview(body)  # one copy of the body in all: slices of a view copy nothing
    parts: list[bytes | memoryview] = []
    written: list[tuple[int, int]] = []
    last = shift = 0
    for start, end in spans:
        parts += [view[last:start], encoded]
        written.append((start + shift, start + shift + len(encoded)))
        shift += len(encoded) - (end - start)
        last = end
    parts.append(view[last:])
    return b"".join(parts), tuple(written)


def format_spans(spans: Spans) -> str:
    """Byte spans as the model-span header carries them: ``start-end`` (end exclusive), comma
    separated."""
    return ",".join(f"{start}-{end}" for start, end in spans)


@dataclass(frozen=True)
class RequestMutation:
    """What to do to the request: headers to set/remove and the new body (None: unchanged)."""

    set_headers: tuple[tuple[str, str], ...] = ()
    remove_headers: tuple[str, ...] = ()
    body: bytes | None = None
    clear_route_cache: bool = True


def routing_mutation(body: bytes, *, current_model: str | None, model: str, cluster: str,
                     model_header: str, cluster_header: str,
                     annotations: tuple[tuple[str, str], ...] = (),
                     span_header: str | None = None) -> RequestMutation:
    """Mutation that sends the request to ``model`` on ``cluster``; ``annotations`` are further
    request headers (the decision, which Envoy copies onto the response). With ``span_header``
    (a fallback group), that header carries the byte spans of the ``model`` value(s) in the
    body the backend receives."""
    spans: Spans = ()
    if span_header is None:
        new_body = body if current_model == model else rewrite_model(body, model)
    elif current_model == model:
        new_body, spans = body, tuple(top_level_value_spans(body, "model"))
    else:
        new_body, spans = rewrite_model_spans(body, model)
    extra = ((span_header, format_spans(spans)),) if span_header else ()
    return RequestMutation(
        set_headers=((model_header, model), (cluster_header, cluster), *annotations, *extra,
                     ("content-length", str(len(new_body)))),
        body=None if new_body is body else new_body,
    )


def decision_headers(route: str, confidence: float | None, *, route_header: str,
                     confidence_header: str) -> tuple[tuple[str, str], ...]:
    """The decision as request headers: Envoy's ``response_headers_to_add`` copies them (and the
    model header) onto the response, so no response-headers round trip to the processor."""
    headers = [(route_header, route)]
    if confidence is not None:
        headers.append((confidence_header, f"{confidence:.4f}"))
    return tuple(headers)


def response_headers(route: str, model: str, confidence: float | None, *, route_header: str,
                     model_header: str, confidence_header: str) -> tuple[tuple[str, str], ...]:
    """The decision as response headers, for an Envoy that still sends response headers."""
    decision = decision_headers(route, confidence, route_header=route_header,
                                confidence_header=confidence_header)
    return (decision[0], (model_header, model), *decision[1:])
