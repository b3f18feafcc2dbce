"""Envoy's side of tracing (``tracing.enabled`` and ``tracing.envoy``): the HTTP connection
manager traces every request with the OpenTelemetry tracer and exports OTLP/HTTP to the same
collector as mmrouter. Envoy starts (or continues, from the client's ``traceparent``) the trace,
and its ext_proc filter sends the trace context to mmrouter in the gRPC stream's metadata, so
mmrouter's spans sit inside Envoy's trace."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mmrouter.config.schema import Config

OTLP_CLUSTER = "mmrouter_otlp"
EXPORT_TIMEOUT = "2s"


def apply_tracing(bootstrap: dict[str, Any], config: Config) -> None:
    """Add the tracer to every HTTP connection manager and the collector's cluster (nothing
    when tracing, or its Envoy part, is off: the bootstrap stays byte for byte the same)."""
    tracing = config.tracing
    if not (tracing.enabled and tracing.envoy):
        return
    url = urlsplit(tracing.otlp_endpoint)
    provider = {"name": "envoy.tracers.opentelemetry", "typed_config": {
        "@type": "type.googleapis.com/envoy.config.trace.v3.OpenTelemetryConfig",
        "service_name": f"{tracing.service_name}-envoy",
        "http_service": {"http_uri": {"uri": tracing.otlp_endpoint, "cluster": OTLP_CLUSTER,
                                      "timeout": EXPORT_TIMEOUT}},
    }}
    for listener in bootstrap["static_resources"]["listeners"]:
        for chain in listener["filter_chains"]:
            for network_filter in chain["filters"]:
                if network_filter["name"] == "envoy.filters.network.http_connection_manager":
                    network_filter["typed_config"]["tracing"] = {
                        "random_sampling": {"value": tracing.sampling_ratio * 100.0},
                        "provider": provider}
    bootstrap["static_resources"]["clusters"].append(_collector_cluster(url.scheme, url.hostname or "",
                                                                        url.port))


def _collector_cluster(scheme: str, host: str, port: int | None) -> dict[str, Any]:
    from mmrouter.envoy.bootstrap import _cluster

    cluster = _cluster(OTLP_CLUSTER, host, port or (443 if scheme == "https" else 80))
    if scheme == "https":
        cluster["transport_socket"] = {"name": "envoy.transport_sockets.tls", "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3"
                     ".UpstreamTlsContext", "sni": host}}
    return cluster
