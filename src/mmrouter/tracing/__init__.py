"""OpenTelemetry tracing, off by default (``tracing:`` in the config): span helpers that cost
nothing while off (:mod:`.spans`), and the OTLP/HTTP exporter set-up (:mod:`.setup`)."""

from mmrouter.tracing.spans import (NOOP_SPAN, current_span, enabled, request_span, span,
                                    trace_carrier, traced)

__all__ = ["NOOP_SPAN", "current_span", "enabled", "request_span", "span", "trace_carrier", "traced"]
