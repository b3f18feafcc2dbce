"""The rendered cache observer: a composite filter that runs an observe-only ext_proc filter
for requests carrying a store token, aimed at the router process the token names."""

from __future__ import annotations

from pathlib import Path

import yaml

from mmrouter.config.schema import load_config
from mmrouter.envoy.bootstrap import EnvoyLimits, EnvoyPorts, envoy_bootstrap, render_envoy_config
from mmrouter.envoy.process import validate_envoy_config


def hcm(bootstrap):
    return bootstrap["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0][
        "typed_config"]


def observers(bootstrap):
    """{token prefix, or ("safe_regex", regex): (cluster, ext_proc config)} of its matches."""
    composite = next(f for f in hcm(bootstrap)["http_filters"] if f["name"] == "mmrouter.cache_store")
    out = {}
    for m in composite["typed_config"]["xds_matcher"]["matcher_list"]["matchers"]:
        predicate = m["predicate"]["single_predicate"]
        assert predicate["input"]["typed_config"]["header_name"] == "x-mmrouter-cache-store"
        ext_proc = m["on_match"]["action"]["typed_config"]["typed_config"]["typed_config"]
        value = predicate["value_match"]
        key = value["prefix"] if "prefix" in value else ("safe_regex", value["safe_regex"]["regex"])
        out[key] = (ext_proc["grpc_service"]["envoy_grpc"]["cluster_name"], ext_proc)
    return out


def test_one_process_observes_through_the_ext_proc_cluster(tmp_path: Path):
    bootstrap = envoy_bootstrap(load_config(), EnvoyPorts(), EnvoyLimits())
    path = tmp_path / "envoy.yaml"
    path.write_text(render_envoy_config(load_config()))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout + result.stderr
    names = [f["name"] for f in hcm(bootstrap)["http_filters"]]
    assert names == ["envoy.filters.http.ext_proc", "envoy.filters.http.lua",
                     "mmrouter.cache_store", "envoy.filters.http.router"]
    (match, (cluster, ext_proc)), = observers(bootstrap).items()
    assert match == ("safe_regex", ".+") and cluster == "mmrouter_ext_proc"  # any token
    assert ext_proc["observability_mode"] is True and ext_proc["failure_mode_allow"] is True
    assert ext_proc["grpc_service"]["initial_metadata"] == [
        {"key": "x-mmrouter-stream", "value": "cache-store"}]
    assert ext_proc["processing_mode"]["request_body_mode"] == "NONE"
    assert ext_proc["processing_mode"]["response_body_mode"] == "STREAMED"
    routes = hcm(bootstrap)["route_config"]
    assert "x-mmrouter-cache-store" in routes["internal_only_headers"]
    assert all("x-mmrouter-cache-store" in v["request_headers_to_remove"]
               for v in routes["virtual_hosts"])


def test_each_process_is_its_own_cluster_and_envoy_accepts_it(tmp_path: Path):
    ports = EnvoyPorts(ext_proc_ports=(41001, 41002, 41003))
    bootstrap = envoy_bootstrap(load_config(), ports, EnvoyLimits())
    found = {prefix: cluster for prefix, (cluster, _) in observers(bootstrap).items()}
    assert found == {f"{p}:": f"mmrouter_ext_proc_{p}" for p in (41001, 41002, 41003)}
    clusters = {c["name"]: c for c in bootstrap["static_resources"]["clusters"]}
    for port in (41001, 41002, 41003):
        endpoints = clusters[f"mmrouter_ext_proc_{port}"]["load_assignment"]["endpoints"]
        assert [e["endpoint"]["address"]["socket_address"]["port_value"]
                for e in endpoints[0]["lb_endpoints"]] == [port]
    shared = clusters["mmrouter_ext_proc"]["load_assignment"]["endpoints"][0]["lb_endpoints"]
    assert len(shared) == 3  # routing streams still spread over every process
    path = tmp_path / "envoy.yaml"
    path.write_text(render_envoy_config(load_config(), ports))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_observer_without_the_processor():
    bootstrap = envoy_bootstrap(load_config(), EnvoyPorts(), EnvoyLimits(ext_proc_enabled=False))
    assert [f["name"] for f in hcm(bootstrap)["http_filters"]] == ["envoy.filters.http.router"]
    assert "x-mmrouter-cache-store" not in yaml.safe_dump(bootstrap)
