"""Span helpers that cost nothing while tracing is off.

Every helper looks at one module-level tracer: ``None`` (tracing off, the default) returns a
shared no-op context manager without importing OpenTelemetry. :mod:`mmrouter.tracing.setup`
installs a tracer when ``tracing.enabled`` is set. Spans nest through contextvars, so a span
opened around an ``await`` parents every span opened below it, in tasks created meanwhile too.

For other parts of mmrouter (a cache, a new step)::

    from mmrouter.tracing import span

    with span("mmrouter.cache.lookup", {"mmrouter.cache.hit": False}) as s:
        ...
        s.set_attribute("mmrouter.cache.hit", True)
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, Awaitable, Iterable, Mapping, TypeVar, Union

if TYPE_CHECKING:
    from opentelemetry.trace import Span, Tracer

AttributeValue = Union[str, bool, int, float]
Attributes = Mapping[str, AttributeValue]
T = TypeVar("T")
TRACE_HEADERS = ("traceparent", "tracestate")  # W3C Trace Context


class NoopSpan:
    """What a span helper yields while tracing is off: takes attributes and drops them."""

    def set_attribute(self, key: str, value: AttributeValue) -> None:
        return None

    def set_attributes(self, attributes: Attributes) -> None:
        return None

    def is_recording(self) -> bool:
        return False


NOOP_SPAN = NoopSpan()
_NOOP: AbstractContextManager[Any] = nullcontext(NOOP_SPAN)
_tracer: "Tracer | None" = None


def install(tracer: "Tracer | None") -> None:
    """Make the helpers record through ``tracer`` (None: back to no-ops)."""
    global _tracer
    _tracer = tracer


def enabled() -> bool:
    return _tracer is not None


def span(name: str, attributes: Attributes | None = None) -> AbstractContextManager[Any]:
    """A child span of the current one (a :class:`NoopSpan` while tracing is off). An exception
    leaving the block is recorded on the span and marks it as an error."""
    tracer = _tracer
    if tracer is None:
        return _NOOP
    return tracer.start_as_current_span(name, attributes=attributes)


def traced(name: str, awaitable: Awaitable[T], attributes: Attributes | None = None) -> Awaitable[T]:
    """``awaitable`` inside a span (itself, unwrapped, while tracing is off)."""
    if _tracer is None:
        return awaitable
    return _traced(name, awaitable, attributes)


async def _traced(name: str, awaitable: Awaitable[T], attributes: Attributes | None) -> T:
    with span(name, attributes):
        return await awaitable


def trace_carrier(pairs: Iterable[tuple[str, Any]]) -> dict[str, str] | None:
    """The W3C trace headers among ``pairs`` (gRPC metadata or HTTP headers; values str or
    bytes), or None; nothing is read while tracing is off."""
    if _tracer is None:
        return None
    found: dict[str, str] = {}
    for key, value in pairs:
        key = key.lower()
        if key in TRACE_HEADERS and key not in found:
            found[key] = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return found or None


def request_span(name: str, carrier: Mapping[str, str] | None,
                 attributes: Attributes | None = None) -> AbstractContextManager[Any]:
    """A server span for one request, the child of the span ``carrier``'s ``traceparent`` names
    (Envoy's), else the root of a new trace."""
    tracer = _tracer
    if tracer is None:
        return _NOOP
    from opentelemetry.trace import SpanKind
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    context = TraceContextTextMapPropagator().extract(dict(carrier)) if carrier else None
    return tracer.start_as_current_span(name, context=context, kind=SpanKind.SERVER,
                                        attributes=attributes)


def current_span() -> "Span | NoopSpan":
    """The span in effect (a :class:`NoopSpan` while tracing is off or outside any span)."""
    if _tracer is None:
        return NOOP_SPAN
    from opentelemetry import trace

    return trace.get_current_span()
