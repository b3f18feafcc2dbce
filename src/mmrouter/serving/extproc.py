"""Envoy ext_proc transport: protobuf in, protobuf out; all decisions come from RouterCore.

Per stream (one HTTP request): request headers → request body (BUFFERED) → response headers.
Exactly one response per message received. The response cache's observer streams (gRPC metadata
``x-mmrouter-stream: cache-store``) are observe-only: they get no response at all.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import AsyncIterator, Iterable

import grpc

from mmrouter._pb.envoy.extensions.filters.http.ext_proc.v3 import processing_mode_pb2 as mode_pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter._pb.envoy.type.v3 import http_status_pb2 as status_pb
from mmrouter.cache import extproc as cache_steps
from mmrouter.cache.keys import CACHE_HEADER
from mmrouter.cache.pending import STORE_HEADER
from mmrouter.cache.service import cache_for
from mmrouter.config.schema import OPENAI_CHAT
from mmrouter.core.router import RoutedRequest, RouterCore
from mmrouter.routing.apis import API_TITLES, may_carry_images
from mmrouter.routing.decision import default_model_for
from mmrouter.errors import InvalidRequest, RouterError, error_headers, error_json
from mmrouter.routing.mutations import rewrite_model, response_headers
from mmrouter.serving.headers import header_dict, set_options
from mmrouter.serving.paths import normalise_path
from mmrouter.tracing import request_span, trace_carrier

logger = logging.getLogger(__name__)


@dataclass
class StreamState:
    is_chat: bool = False
    api: str | None = None  # the API of a routed path
    routed: RoutedRequest | None = None
    body_seen: bool = False
    trace: dict[str, str] | None = None  # W3C trace headers (tracing on): Envoy's span, or the client's
    cache: cache_steps.CacheStream | None = None  # while the response cache is on


class ExtProcService(pb_grpc.ExternalProcessorServicer):
    def __init__(self, core: RouterCore, store_tag: str = "") -> None:
        self.core = core
        # This process's name in Envoy's cache observer (its gRPC port): see envoy/cache_store.py.
        self.store_tag = store_tag
        self.metrics = core.metrics
        routing = core.config.routing
        self._apis = {normalise_path(entry.path): entry.api for entry in routing.apis}
        names = routing.headers
        self._client_routing_headers = (names.model, names.cluster, names.route, names.confidence,
                                        names.reason, CACHE_HEADER, STORE_HEADER)
        self.cache = cache_for(core.config.cache, core.metrics,
                               getattr(core.text_encoder, "dim", None))
        self.active = 0  # streams in their handler (read by the server's drain)

    async def Process(self, request_iterator: AsyncIterator[pb.ProcessingRequest],
                      context: grpc.aio.ServicerContext) -> AsyncIterator[pb.ProcessingResponse]:
        metadata = context.invocation_metadata() or ()
        if cache_steps.is_observer(metadata):
            if self.cache is not None:
                # Inside Envoy's trace (its observer call's span), so the store span is too.
                with request_span("mmrouter.cache.observe", trace_carrier(metadata)):
                    await cache_steps.observe(self.cache, request_iterator)
            return
        self.metrics.streams_in_flight.inc()
        self.active += 1
        state = StreamState()
        # Envoy's ext_proc call span (gRPC metadata); None while tracing is off.
        state.trace = trace_carrier(metadata)
        try:
            async for request in request_iterator:
                yield await self.handle(request, state)
        finally:
            self.active -= 1
            self.metrics.streams_in_flight.dec()

    async def handle(self, request: pb.ProcessingRequest, state: StreamState) -> pb.ProcessingResponse:
        kind = request.WhichOneof("request")
        if kind == "request_headers":
            return self._on_request_headers(request.request_headers, state)
        if kind == "request_body":
            return await self._on_request_body(request.request_body, state)
        if kind == "response_headers":
            return self._on_response_headers(request.response_headers, state)
        if kind == "response_body":
            return pb.ProcessingResponse(response_body=pb.BodyResponse())
        if kind == "request_trailers":
            return pb.ProcessingResponse(request_trailers=pb.TrailersResponse())
        return pb.ProcessingResponse(response_trailers=pb.TrailersResponse())

    def _on_request_headers(self, message: pb.HttpHeaders, state: StreamState) -> pb.ProcessingResponse:
        headers = header_dict(message.headers)
        # Matched as a backend would read the path: /v1/chat/%63ompletions, //v1/chat/completions/
        # and dot segments are chat requests too.
        path = normalise_path(headers.get(":path", ""))
        state.api = self._apis.get(path) if headers.get(":method") == "POST" else None
        state.is_chat = state.api is not None
        if state.trace is None and state.is_chat:
            state.trace = trace_carrier(headers.items())  # the client's (None: tracing off)
        # Routing headers sent by the client never steer routing.
        common = pb.CommonResponse(
            header_mutation=pb.HeaderMutation(remove_headers=self._client_routing_headers),
            clear_route_cache=True)
        if not state.is_chat:
            self.metrics.requests.labels("passthrough", "", "passthrough").inc()
            return pb.ProcessingResponse(request_headers=pb.HeadersResponse(response=common),
                                         mode_override=PASSTHROUGH_MODE)
        if message.end_of_stream:
            return self._error(InvalidRequest(f"request body is empty; expected a JSON "
                                              f"{API_TITLES[state.api]} request"), state.api)
        if self.cache is not None:
            state.cache = cache_steps.begin(self.cache, headers)
        return pb.ProcessingResponse(request_headers=pb.HeadersResponse(response=common))

    async def _on_request_body(self, message: pb.HttpBody, state: StreamState) -> pb.ProcessingResponse:
        # BUFFERED mode sends the whole body in one message; its end_of_stream is false when
        # trailers follow, so route on the first body message whatever that flag says.
        if not state.is_chat or state.body_seen:
            return pb.ProcessingResponse(request_body=pb.BodyResponse())
        state.body_seen = True
        body = message.body
        api = state.api or OPENAI_CHAT  # set with is_chat
        try:
            with request_span("mmrouter.request", state.trace, {"mmrouter.api": api}) as span:
                state.routed = await self.core.route_chat(body, api)
                decision = state.routed.decision
                span.set_attributes({"mmrouter.route": decision.route,
                                     "mmrouter.model": decision.model.name,
                                     "mmrouter.reason": decision.reason})
        except RouterError as exc:
            return self._error(exc, state.api)
        except Exception:  # noqa: BLE001 - never lose the request: fall back to the default model
            logger.exception("routing failed; sending the request to the default model")
            self.metrics.errors.labels("internal").inc()
            return await asyncio.to_thread(self._default_route, body, api)
        mutation = state.routed.mutation
        if self.cache is not None and state.cache is not None:
            hit = await cache_steps.on_routed(self.cache, self.core.config, state.cache,
                                              state.routed, api,
                                              self.core.config.text_encoder.model, self.store_tag)
            if hit is not None:
                return hit
        return body_response((*mutation.set_headers, *cache_steps.status_header(state.cache)),
                             mutation.remove_headers, mutation.body)

    def _on_response_headers(self, message: pb.HttpHeaders,
                             state: StreamState) -> pb.ProcessingResponse:
        if state.routed is None:
            return pb.ProcessingResponse(response_headers=pb.HeadersResponse())
        names = self.core.config.routing.headers
        decision = state.routed.decision
        values = response_headers(decision.route, decision.model.name, decision.confidence,
                                  route_header=names.route, model_header=names.response_model,
                                  confidence_header=names.confidence)
        values = (*values, (names.reason, decision.reason_header))
        common = pb.CommonResponse(header_mutation=pb.HeaderMutation(set_headers=set_options(values)))
        return pb.ProcessingResponse(response_headers=pb.HeadersResponse(response=common))

    def _default_route(self, body: bytes, api: str) -> pb.ProcessingResponse:
        """After an internal error: the default model (an image-capable one if images show)."""
        config = self.core.config
        model = default_model_for(config, may_carry_images(body, api), api)
        try:
            new_body: bytes | None = rewrite_model(body, model.name)
        except ValueError:
            new_body = None
        size = len(new_body if new_body is not None else body)
        headers = ((config.routing.headers.model, model.name),
                   (config.routing.headers.cluster, model.cluster),
                   ("content-length", str(size)))
        self.metrics.requests.labels("default", model.name, "internal_error_default").inc()
        return body_response(headers, (), new_body)

    def _error(self, exc: RouterError, api: str | None) -> pb.ProcessingResponse:
        """The error as the client's API shapes it (OpenAI's, or Anthropic's)."""
        self.metrics.errors.labels(exc.kind).inc()
        self.metrics.requests.labels("error", "", exc.kind).inc()
        return immediate_response(exc.status, error_json(exc, api), details=f"mmrouter_{exc.kind}",
                                  headers=tuple(error_headers(exc).items()))


PASSTHROUGH_MODE = mode_pb.ProcessingMode(
    request_header_mode=mode_pb.ProcessingMode.SEND,
    request_body_mode=mode_pb.ProcessingMode.NONE,
    response_header_mode=mode_pb.ProcessingMode.SKIP,
)


def body_response(set_headers: Iterable[tuple[str, str]], remove: Iterable[str],
                  body: bytes | None) -> pb.ProcessingResponse:
    common = pb.CommonResponse(
        header_mutation=pb.HeaderMutation(set_headers=set_options(set_headers),
                                          remove_headers=list(remove)),
        clear_route_cache=True)
    if body is not None:
        common.body_mutation.body = body
    return pb.ProcessingResponse(request_body=pb.BodyResponse(response=common))


def immediate_response(status: int, body: bytes, details: str,
                       headers: tuple[tuple[str, str], ...] = ()) -> pb.ProcessingResponse:
    mutation = pb.HeaderMutation(set_headers=set_options([("content-type", "application/json"),
                                                          *headers]))
    return pb.ProcessingResponse(immediate_response=pb.ImmediateResponse(
        status=status_pb.HttpStatus(code=status),  # type: ignore[arg-type]  # the enum's number
        headers=mutation, body=body, details=details))
