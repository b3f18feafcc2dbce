"""Envoy's side of storing cache misses off the request's path.

A miss that may be stored carries ``x-mmrouter-cache-store: <port>:<token>`` once routed. A
composite filter after the routing filter matches that header and, only then, runs a second
ext_proc filter in observability mode: Envoy sends it the request headers, the response headers
and the response body as they pass, and never waits for an answer. Every other request skips it
(no stream is opened). With several router processes, the port in the value picks the cluster
of the process that holds the miss's plan (each process is its own cluster then; their ports
must be the ones Envoy connects to, as `mmrouter envoy-config` renders them). The header never
reaches a backend: the virtual host removes it, and a client cannot send one (internal-only).
"""

from __future__ import annotations

from typing import Any, Mapping

from mmrouter.cache.pending import OBSERVER_METADATA, STORE_HEADER

OBSERVER_FILTER = "mmrouter.cache_store"
OBSERVER_STAT_PREFIX = "cache_store"
OBSERVER_MODE = {
    "request_header_mode": "SEND",  # carries the token
    "request_body_mode": "NONE",
    "response_header_mode": "SEND",
    "response_body_mode": "STREAMED",  # the only body mode observability mode supports
    "request_trailer_mode": "SKIP",
    "response_trailer_mode": "SKIP",
}


def apply_cache_store(bootstrap: dict[str, Any], clusters: Mapping[int, str]) -> None:
    """Add the observer (before the router filter) for router processes ``{port: cluster}``."""
    hcm = bootstrap["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0][
        "typed_config"]
    filters = hcm["http_filters"]
    filters.insert(len(filters) - 1, observer_filter(clusters))
    route_config = hcm["route_config"]
    route_config["internal_only_headers"].append(STORE_HEADER)
    for vhost in route_config["virtual_hosts"]:
        vhost.setdefault("request_headers_to_remove", []).append(STORE_HEADER)


def observer_filter(clusters: Mapping[int, str]) -> dict[str, Any]:
    """The composite filter: one match per router process, on its port's prefix; with one
    process, any token (so a port mapped between Envoy and mmrouter does not matter)."""
    single = len(clusters) == 1
    matchers = [{
        "predicate": {"single_predicate": {
            "input": {"name": "store_token", "typed_config": {
                "@type": "type.googleapis.com/envoy.type.matcher.v3.HttpRequestHeaderMatchInput",
                "header_name": STORE_HEADER}},
            "value_match": {"safe_regex": {"google_re2": {}, "regex": ".+"}} if single
            else {"prefix": f"{port}:"}}},
        "on_match": {"action": {"name": f"observe_{port}", "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.filters.http.composite.v3"
                     ".ExecuteFilterAction",
            "typed_config": {"name": "envoy.filters.http.ext_proc",
                             "typed_config": _observer(cluster)}}}},
    } for port, cluster in clusters.items()]
    return {"name": OBSERVER_FILTER, "typed_config": {
        "@type": "type.googleapis.com/envoy.extensions.common.matching.v3.ExtensionWithMatcher",
        "extension_config": {"name": "envoy.filters.http.composite", "typed_config": {
            "@type": "type.googleapis.com/envoy.extensions.filters.http.composite.v3.Composite"}},
        "xds_matcher": {"matcher_list": {"matchers": matchers}},
    }}


def _observer(cluster: str) -> dict[str, Any]:
    key, value = OBSERVER_METADATA
    return {
        "@type": "type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor",
        "grpc_service": {"envoy_grpc": {"cluster_name": cluster},
                         "initial_metadata": [{"key": key, "value": value}]},
        "observability_mode": True,
        "failure_mode_allow": True,  # a processor that is down stores nothing, and that is all
        "stat_prefix": OBSERVER_STAT_PREFIX,
        "processing_mode": dict(OBSERVER_MODE),
    }
