"""The cache's steps in an ext_proc stream (the transport calls these; see serving/extproc.py).

- request headers: the scope and ``cache-control``; a request that may be stored asks Envoy,
  by ``mode_override``, to send this request's response headers (the others never are);
- request body, once routed: bypass, or a lookup: a hit is an immediate response in the
  request's own shape, a miss sets ``x-mmrouter-cache: miss`` on the request (Envoy copies it
  onto the response: see envoy/bootstrap.py);
- response headers: a 200 of a miss asks, by ``mode_override``, for this response's body,
  streamed through unchanged while it is assembled; other responses pass;
- response body: each chunk kept (bounded); at its end the answer is stored off the path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from typing import Mapping

from mmrouter._pb.envoy.config.core.v3 import base_pb2 as core_pb
from mmrouter._pb.envoy.extensions.filters.http.ext_proc.v3 import processing_mode_pb2 as mode_pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.type.v3 import http_status_pb2 as status_pb
from mmrouter.cache import keys
from mmrouter.cache.keys import BYPASS, CACHE_HEADER, HIT, MISS, CacheRequest
from mmrouter.cache.render import render_hit
from mmrouter.cache.service import Plan, ResponseCache
from mmrouter.config.schema import Config
from mmrouter.core.router import RoutedRequest
from mmrouter.routing.mutations import response_headers

Mode = mode_pb.ProcessingMode
OVERWRITE = core_pb.HeaderValueOption.OVERWRITE_IF_EXISTS_OR_ADD
# While a request may be stored: its response headers come to mmrouter (bodies still do not).
LOOKUP_MODE = Mode(request_header_mode=Mode.SEND, request_body_mode=Mode.BUFFERED,
                   response_header_mode=Mode.SEND, response_body_mode=Mode.NONE,
                   request_trailer_mode=Mode.SKIP, response_trailer_mode=Mode.SKIP)
# A 200 to a miss: its body streams through mmrouter, chunk by chunk, unchanged.
STORE_MODE = Mode(request_header_mode=Mode.SEND, request_body_mode=Mode.BUFFERED,
                  response_header_mode=Mode.SEND, response_body_mode=Mode.STREAMED,
                  request_trailer_mode=Mode.SKIP, response_trailer_mode=Mode.SKIP)


@dataclass
class CacheStream:
    """One request's cache state."""

    request: CacheRequest
    plan: Plan | None = None
    status: str = ""
    streamed: bool = False
    storing: bool = False
    size: int = 0
    chunks: list[bytes] = field(default_factory=list)


def begin(cache: ResponseCache, headers: Mapping[str, str]) -> tuple[CacheStream, Mode | None]:
    """The request's cache state and the mode override its headers response carries."""
    request = keys.cache_request(headers, cache.config.scope_headers)
    return CacheStream(request), (None if request.no_store else LOOKUP_MODE)


def plan_for(cache: ResponseCache, config: Config, stream: CacheStream, routed: RoutedRequest,
             api: str, encoder: str) -> Plan | None:
    """The lookup to make, or None: bypass (no-store, a route with ``cache: false``, no text
    of its own in the latest user turn)."""
    request, decision = routed.request, routed.decision
    route = config.route(decision.route)
    if stream.request.no_store or request is None or (route is not None and not route.cache):
        return None
    latest = keys.latest_turn(request.payload, api)
    if latest is None:
        return None
    key = keys.match_key(stream.request.scope, api, decision.model.name, encoder, latest.rest)
    classification = decision.classification
    vector = None
    if classification is not None and classification.embedding is not None \
            and classification.embedded_text.strip() \
            and latest.text.startswith(classification.embedded_text):
        vector = classification.embedding
    threshold = route.cache_similarity if route is not None and route.cache_similarity \
        else cache.config.similarity
    return Plan(api=api, key=key, digest=keys.text_digest(latest.text), text=latest.text,
                vector=vector, threshold=threshold, stream=request.stream,
                include_usage=keys.wants_usage(request.payload, api))


async def on_routed(cache: ResponseCache, config: Config, stream: CacheStream,
                    routed: RoutedRequest, api: str,
                    encoder: str) -> pb.ProcessingResponse | None:
    """A hit's immediate response, or None (then ``stream.status`` says miss or bypass)."""
    plan = plan_for(cache, config, stream, routed, api, encoder)
    if plan is None:
        stream.status = BYPASS
        cache.count(BYPASS)
        return None
    found = await cache.lookup(plan)
    if found is None:
        stream.status, stream.plan = MISS, plan
        cache.count(MISS)
        return None
    stream.status = HIT
    cache.count(HIT)
    content_type, body = render_hit(api, _load(found.answer), stream=plan.stream,
                                    include_usage=plan.include_usage)
    names = config.routing.headers
    decision = routed.decision
    headers = [("content-type", content_type), (CACHE_HEADER, HIT),
               *response_headers(decision.route, decision.model.name, decision.confidence,
                                 route_header=names.route, model_header=names.response_model,
                                 confidence_header=names.confidence)]
    if plan.stream:
        headers.append(("cache-control", "no-cache"))
    return pb.ProcessingResponse(immediate_response=pb.ImmediateResponse(
        status=status_pb.HttpStatus(code=200),  # type: ignore[arg-type]  # the enum's number
        headers=pb.HeaderMutation(set_headers=_options(headers)), body=body,
        details="mmrouter_cache_hit"))


def on_response_headers(stream: CacheStream, headers: Mapping[str, str]) -> Mode | None:
    """STORE_MODE when this response may be stored (a 200 of a miss, not compressed)."""
    if stream.plan is None or headers.get(":status") != "200" \
            or headers.get("content-encoding", "identity") != "identity":
        stream.plan = None
        return None
    stream.streamed = headers.get("content-type", "").startswith("text/event-stream")
    stream.storing = True
    return STORE_MODE


def on_response_body(cache: ResponseCache, stream: CacheStream, message: pb.HttpBody) -> None:
    if not stream.storing or stream.plan is None:
        return
    stream.size += len(message.body)
    if stream.size > cache.max_response_bytes:
        stream.storing, stream.chunks = False, []
        cache.metrics.stores.labels("too_large", cache.backend).inc()
        return
    stream.chunks.append(message.body)
    if message.end_of_stream:
        stream.storing = False
        cache.store_later(stream.plan, b"".join(stream.chunks), stream.streamed)
        stream.chunks = []


def status_header(stream: CacheStream | None) -> tuple[tuple[str, str], ...]:
    """The request header Envoy copies onto the response (none while the cache is off)."""
    if stream is None or not stream.status:
        return ()
    return ((CACHE_HEADER, stream.status),)


def _load(answer: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(answer)
    return loaded


def _options(headers: list[tuple[str, str]]) -> list[core_pb.HeaderValueOption]:
    return [core_pb.HeaderValueOption(header=core_pb.HeaderValue(key=k, raw_value=v.encode()),
                                      append_action=OVERWRITE) for k, v in headers]

