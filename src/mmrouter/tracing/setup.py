"""Turn ``tracing:`` from the config into an OpenTelemetry tracer provider with an OTLP/HTTP
exporter, and install it for :mod:`mmrouter.tracing.spans`. Nothing is imported while off."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mmrouter.config.schema import TracingConfig
from mmrouter.tracing import spans

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter

logger = logging.getLogger(__name__)

INSTRUMENTATION = "mmrouter"
EXPORT_TIMEOUT_S = 5.0


def provider_for(config: TracingConfig, exporter: "SpanExporter | None" = None,
                 batch: bool = True) -> "TracerProvider":
    """A provider sampling ``sampling_ratio`` of new traces (a parent's choice wins), exporting
    to ``otlp_endpoint`` (or ``exporter``) from a background batch (``batch=False``: at once)."""
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
    from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter(endpoint=config.otlp_endpoint, timeout=EXPORT_TIMEOUT_S)
    provider = TracerProvider(resource=Resource.create({"service.name": config.service_name}),
                              sampler=ParentBased(TraceIdRatioBased(config.sampling_ratio)))
    processor = BatchSpanProcessor(exporter) if batch else SimpleSpanProcessor(exporter)
    provider.add_span_processor(processor)
    return provider


def start_tracing(config: TracingConfig) -> "TracerProvider | None":
    """Install the tracer ``config`` asks for (None and nothing installed when it is off)."""
    if not config.enabled:
        return None
    provider = provider_for(config)
    spans.install(provider.get_tracer(INSTRUMENTATION))
    logger.info("tracing on: OTLP/HTTP to %s as %s, sampling %.3g", config.otlp_endpoint,
                config.service_name, config.sampling_ratio)
    return provider


def stop_tracing(provider: "TracerProvider | None") -> None:
    """Uninstall, then flush and close ``provider`` (spans still queued are exported)."""
    if provider is None:
        return
    spans.install(None)
    provider.shutdown()
