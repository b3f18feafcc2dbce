"""The cache's steps in the ext_proc streams (the transport calls these; see serving/extproc.py).

The request's own stream (the routing filter):
- request headers: the scope and ``cache-control``;
- request body, once routed: bypass, or a lookup: a hit is an immediate response in the
  request's own shape; a miss sets ``x-mmrouter-cache: miss`` on the request (Envoy copies it
  onto the response: see envoy/bootstrap.py) and, when it may be stored, leaves its plan in
  ``cache.pending`` under the token it sends as ``x-mmrouter-cache-store``.

The observer's stream (a second ext_proc filter in observability mode, which Envoy opens only
for requests carrying that header and never waits on; see envoy/cache_store.py):
- request headers: the token claims the plan (an unknown token: nothing to observe);
- response headers: a 200 that is not compressed goes on, anything else ends the stream;
- response body: each chunk kept (bounded); at its end the answer is stored, and the stream
  ends.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Mapping

from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.type.v3 import http_status_pb2 as status_pb
from mmrouter.cache import keys
from mmrouter.cache.keys import BYPASS, CACHE_HEADER, HIT, MISS, CacheRequest
from mmrouter.cache.pending import OBSERVER_METADATA, STORE_HEADER
from mmrouter.cache.render import render_hit
from mmrouter.cache.service import Plan, ResponseCache
from mmrouter.config.schema import Config
from mmrouter.core.router import RoutedRequest
from mmrouter.routing.conversation import cut_text
from mmrouter.routing.mutations import response_headers
from mmrouter.serving.headers import header_dict, set_options



@dataclass
class CacheStream:
    """One request's cache state, in its routing stream."""

    request: CacheRequest
    status: str = ""
    store_token: str = ""  # the miss's plan waits in cache.pending under this


@dataclass
class ObservedResponse:
    """One stored-to-be response, in the observer's stream."""

    plan: Plan
    streamed: bool = False
    size: int = 0
    chunks: list[bytes] = field(default_factory=list)


def begin(cache: ResponseCache, headers: Mapping[str, str]) -> CacheStream:
    """The request's cache state, from its headers."""
    return CacheStream(keys.cache_request(headers, cache.config.scope_headers))


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
            and embedded_from(latest.text, classification.embedded_text):
        vector = classification.embedding
    threshold = route.cache_similarity if route is not None and route.cache_similarity \
        else cache.config.similarity
    return Plan(api=api, key=key, digest=keys.text_digest(latest.text), text=latest.text,
                vector=vector, threshold=threshold, stream=request.stream,
                include_usage=keys.wants_usage(request.payload, api))


async def on_routed(cache: ResponseCache, config: Config, stream: CacheStream,
                    routed: RoutedRequest, api: str, encoder: str,
                    tag: str) -> pb.ProcessingResponse | None:
    """A hit's immediate response, or None (then ``stream.status`` says miss or bypass, and a
    miss's plan waits in ``cache.pending`` for its response, claimed as ``tag:token``)."""
    plan = plan_for(cache, config, stream, routed, api, encoder)
    if plan is None:
        stream.status = BYPASS
        cache.count(BYPASS)
        return None
    found = await cache.lookup(plan)
    if found is None:
        stream.status = MISS
        stream.store_token = cache.pending.put(plan, tag, len(plan.text.encode("utf-8", "replace")))
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
        headers=pb.HeaderMutation(set_headers=set_options(headers)), body=body,
        details="mmrouter_cache_hit"))


def status_header(stream: CacheStream | None) -> tuple[tuple[str, str], ...]:
    """The request headers the routing stream sets: the status (Envoy copies it onto the
    response) and a miss's store token (Envoy strips it before the backend); none while the
    cache is off."""
    if stream is None or not stream.status:
        return ()
    if stream.store_token:
        return (CACHE_HEADER, stream.status), (STORE_HEADER, stream.store_token)
    return ((CACHE_HEADER, stream.status),)


def is_observer(metadata: Any) -> bool:
    """Whether a stream's gRPC metadata marks it as the cache observer's."""
    return any(tuple(item) == OBSERVER_METADATA for item in metadata or ())


async def observe(cache: ResponseCache, messages: AsyncIterator[pb.ProcessingRequest]) -> None:
    """Follow one response to its end and store it; return (ending the stream, which tells
    Envoy to send no more) as soon as there is nothing left to store. Envoy ignores any
    answer on this stream, so none is sent."""
    observed: ObservedResponse | None = None
    async for message in messages:
        kind = message.WhichOneof("request")
        if kind == "request_headers":
            plan = cache.pending.claim(
                header_dict(message.request_headers.headers).get(STORE_HEADER, ""))
            if plan is None:
                return
            observed = ObservedResponse(plan)
        elif observed is None:
            return
        elif kind == "response_headers":
            if not _may_store(observed, message.response_headers):
                return
        elif kind == "response_body":
            if _keep_chunk(cache, observed, message.response_body):
                return
    if observed is not None:  # Envoy closed the stream before the response's end
        cache.metrics.stores.labels("incomplete", cache.backend).inc()


def _may_store(observed: ObservedResponse, message: pb.HttpHeaders) -> bool:
    """A 200 with a body, not compressed (the assembly reads plain JSON or SSE)."""
    headers = header_dict(message.headers)
    if message.end_of_stream or headers.get(":status") != "200" \
            or headers.get("content-encoding", "") not in ("", "identity"):
        return False
    observed.streamed = headers.get("content-type", "").startswith("text/event-stream")
    return True


def _keep_chunk(cache: ResponseCache, observed: ObservedResponse, message: pb.HttpBody) -> bool:
    """Keep one chunk; True when the response is over (stored, or too large to store)."""
    observed.size += len(message.body)
    if observed.size > cache.max_response_bytes:
        cache.metrics.stores.labels("too_large", cache.backend).inc()
        return True
    observed.chunks.append(message.body)
    if message.end_of_stream:
        cache.store_later(observed.plan, b"".join(observed.chunks), observed.streamed)
        return True
    return False


def embedded_from(text: str, embedded: str) -> bool:
    """Whether the routing embedding is of ``text``: the whole of it, or the start and end
    the router kept of a long one (routing/conversation.py: cut_text)."""
    if not embedded.strip():
        return False
    return text.startswith(embedded) or embedded == cut_text(text, len(embedded))


def _load(answer: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(answer)
    return loaded
