"""Fallback across a route's models, inside Envoy (rendered from the config; pure).

For each fallback group (route, needs image; see :mod:`mmrouter.routing.fallback`):

- an aggregate cluster lists the group's model clusters in ``model_scores`` order, so its
  priorities are the models' ranks;
- a route entry, matched on the cluster header mmrouter set to that aggregate, retries on the
  group's ``retry_on`` conditions with the ``previous_priorities`` retry priority: each retry goes
  to the next model not yet tried (and a model whose backend is unhealthy or ejected is skipped
  before it is tried, by the aggregate's priority load);
- the aggregate's upstream filters give each attempt the body of its own model: a header
  mutation copies the picked endpoint's model (its metadata) into a header, and a Lua filter
  splices that name at the byte spans mmrouter reported when it is not the first choice. On the
  happy path the Lua filter reads three headers and leaves the body alone.

The response's ``x-mmrouter-model`` names the model whose endpoint answered (endpoint metadata),
``x-mmrouter-fallback`` the first choice it replaced, ``x-envoy-attempt-count`` the attempts.
With no group (``max_attempts: 1``, or one eligible model per route) nothing here is rendered.
"""

from __future__ import annotations

import copy
from typing import Any

from mmrouter.config.schema import Config
from mmrouter.envoy.local_reply import local_reply_config
from mmrouter.envoy.lua import UPSTREAM_MODEL_HEADER, fallback_upstream_script
from mmrouter.routing.fallback import FallbackGroup, fallback_groups, member_clusters

METADATA_NAMESPACE = "mmrouter"
_PREFIX = "type.googleapis.com/envoy.extensions."


def apply_fallback(bootstrap: dict[str, Any], config: Config, route_timeout: str,
                   buffer_limit_bytes: int) -> None:
    """Add the fallback groups of ``config`` to a rendered bootstrap (no change without any)."""
    groups = list(fallback_groups(config).values())
    if not groups:
        return
    names = config.routing.headers
    hcm = bootstrap["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0][
        "typed_config"]
    hcm["local_reply_config"] = local_reply_config(config, buffer_limit_bytes, lua_replies=True)
    route_config = hcm["route_config"]
    route_config["internal_only_headers"] += [names.model_span, UPSTREAM_MODEL_HEADER]
    vhost = route_config["virtual_hosts"][0]
    vhost["include_attempt_count_in_response"] = True
    vhost["response_headers_to_add"] = [
        entry for h in vhost["response_headers_to_add"]
        for entry in _answering_model(h, names.response_model, names.model)]
    vhost["routes"][:0] = [_group_route(g, names.cluster, route_timeout) for g in groups]
    clusters = bootstrap["static_resources"]["clusters"]
    _add_member_clusters(config, clusters)
    members = member_clusters(config)
    clusters += [_aggregate(g, members, fallback_upstream_script(config, g.models[0].name))
                 for g in groups]


def _answering_model(entry: dict[str, Any], response_model: str,
                     model: str) -> list[dict[str, Any]]:
    """The response's model header: the answering endpoint's model, else (a cluster shared by
    several models, an unrouted request) the model mmrouter chose."""
    if entry["header"]["key"] != response_model:
        return [entry]
    # Both overwrite: a value that formats empty (no metadata) is not added, so the endpoint's
    # model wins when it has one. (ADD_IF_ABSENT is checked before either is added.)
    return [{"header": {"key": response_model, "value": f"%REQ({model})%"},
             "append_action": "OVERWRITE_IF_EXISTS_OR_ADD"},
            {"header": {"key": response_model,
                        "value": f"%UPSTREAM_METADATA({METADATA_NAMESPACE}:model)%"},
             "append_action": "OVERWRITE_IF_EXISTS_OR_ADD"}]


def _group_route(group: FallbackGroup, cluster_header: str, timeout: str) -> dict[str, Any]:
    retry_on, codes = group.policy.envoy_retry_on()
    policy: dict[str, Any] = {
        "retry_on": retry_on,
        "num_retries": group.attempts - 1,
        "retry_priority": {"name": "envoy.retry_priorities.previous_priorities", "typed_config": {
            "@type": _PREFIX + "retry.priority.previous_priorities.v3.PreviousPrioritiesConfig",
            "update_frequency": 1}},
        # The next model is another backend: no reason to wait long before trying it.
        "retry_back_off": {"base_interval": "0.005s", "max_interval": "0.05s"},
    }
    if codes:
        policy["retriable_status_codes"] = list(codes)
    if group.policy.per_try_timeout_ms > 0:
        policy["per_try_timeout"] = f"{group.policy.per_try_timeout_ms / 1000:g}s"
    return {"name": group.cluster,
            "match": {"prefix": "/", "headers": [
                {"name": cluster_header, "string_match": {"exact": group.cluster}}]},
            "route": {"cluster": group.cluster, "timeout": timeout, "retry_policy": policy}}


def _add_member_clusters(config: Config, clusters: list[dict[str, Any]]) -> None:
    """Endpoint metadata naming each model, health checks and outlier detection on the model
    clusters; a copy per model of a cluster several models share."""
    by_name = {c["name"]: c for c in clusters}
    fallback = config.routing.fallback
    members = member_clusters(config)
    for model in config.models:
        name = members[model.name]
        cluster = by_name.get(name)
        if cluster is None:  # a shared cluster: this model's own copy of it
            cluster = copy.deepcopy(by_name[model.cluster])
            cluster["name"] = cluster["load_assignment"]["cluster_name"] = name
            cluster.pop("health_checks", None)
            cluster.pop("outlier_detection", None)
            clusters.append(cluster)
            by_name[name] = cluster
        for endpoint in cluster["load_assignment"]["endpoints"][0]["lb_endpoints"]:
            endpoint["metadata"] = {"filter_metadata": {METADATA_NAMESPACE: {"model": model.name}}}
        if fallback.health_check.enabled:
            cluster["health_checks"] = [_health_check(config)]
        if fallback.outlier_detection.enabled:
            cluster["outlier_detection"] = _outlier(config)


def _health_check(config: Config) -> dict[str, Any]:
    health = config.routing.fallback.health_check
    interval = f"{health.interval_ms / 1000:g}s"
    return {"timeout": f"{health.timeout_ms / 1000:g}s",
            "interval": interval,
            "no_traffic_interval": interval,  # Envoy's default: 60 s while a model is idle
            "unhealthy_threshold": health.unhealthy_threshold,
            "healthy_threshold": health.healthy_threshold,
            "http_health_check": {"path": health.path}}


def _outlier(config: Config) -> dict[str, Any]:
    outlier = config.routing.fallback.outlier_detection
    return {"consecutive_5xx": outlier.consecutive_5xx,
            "interval": f"{outlier.interval_ms / 1000:g}s",
            "base_ejection_time": f"{outlier.base_ejection_time_ms / 1000:g}s",
            "max_ejection_percent": 100}


def _aggregate(group: FallbackGroup, members: dict[str, str], script: str) -> dict[str, Any]:
    return {
        "name": group.cluster,
        "connect_timeout": "1s",
        "lb_policy": "CLUSTER_PROVIDED",
        "cluster_type": {"name": "envoy.clusters.aggregate", "typed_config": {
            "@type": _PREFIX + "clusters.aggregate.v3.ClusterConfig",
            "clusters": [members[m.name] for m in group.models]}},
        "typed_extension_protocol_options": {
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions": {
                "@type": _PREFIX + "upstreams.http.v3.HttpProtocolOptions",
                "explicit_http_config": {"http_protocol_options": {}},
                "http_filters": [
                    {"name": "envoy.filters.http.header_mutation", "typed_config": {
                        "@type": _PREFIX + "filters.http.header_mutation.v3.HeaderMutation",
                        "mutations": {"request_mutations": [{"append": {
                            "header": {"key": UPSTREAM_MODEL_HEADER, "value":
                                       f"%UPSTREAM_METADATA({METADATA_NAMESPACE}:model)%"},
                            "append_action": "OVERWRITE_IF_EXISTS_OR_ADD"}}]}}},
                    {"name": "envoy.filters.http.lua", "typed_config": {
                        "@type": _PREFIX + "filters.http.lua.v3.Lua",
                        "stat_prefix": "fallback",
                        "default_source_code": {"inline_string": script}}},
                    {"name": "envoy.filters.http.upstream_codec", "typed_config": {
                        "@type": _PREFIX + "filters.http.upstream_codec.v3.UpstreamCodec"}},
                ]}},
    }
