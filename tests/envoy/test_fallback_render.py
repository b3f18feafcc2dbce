"""The rendered Envoy bootstrap for routing.fallback: structure, Envoy's own validation, and
max_attempts 1 rendering byte for byte what was rendered before fallback existed."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from mmrouter.config.schema import parse_config
from mmrouter.devstack.stack import default_config_data
from mmrouter.envoy.bootstrap import EnvoyPorts, envoy_bootstrap, render_envoy_config, EnvoyLimits
from mmrouter.envoy.process import validate_envoy_config

DATA = Path(__file__).parent / "data"
NANO, GPT, VL = "nvidia/nvidia-nemotron-nano-9b-v2", "gpt-5-chat", "nvidia/nemotron-nano-12b-v2-vl"


def config(fallback=None, share=False):
    data = copy.deepcopy(default_config_data())
    for route in data["routes"]:
        route["model_scores"] = [{"model": NANO, "score": 1.0}, {"model": GPT, "score": 0.9},
                                 {"model": VL, "score": 0.8}]
    data["routes"][0]["fallback"] = {"retry_on": ["connect-failure", 503], "max_attempts": 3,
                                     "per_try_timeout_ms": 2500}
    if fallback is not None:
        data["routing"]["fallback"] = fallback
    if share:
        next(m for m in data["models"] if m["name"] == VL)["cluster"] = "gpt5_chat"
    return parse_config(data)


def test_max_attempts_one_renders_the_bootstrap_from_before_fallback_byte_for_byte():
    data = default_config_data()
    data["routing"]["fallback"] = {"max_attempts": 1, "health_check": {"enabled": True}}
    rendered = render_envoy_config(parse_config(data))
    assert rendered == (DATA / "envoy_without_fallback.yaml").read_text()


def test_groups_render_aggregates_routes_and_upstream_filters():
    boot = envoy_bootstrap(config(), EnvoyPorts(), EnvoyLimits())
    clusters = {c["name"]: c for c in boot["static_resources"]["clusters"]}
    text = clusters["mmrouter_fallback_chit_chat_text"]
    assert text["cluster_type"]["typed_config"]["clusters"] == [
        "nemotron_nano_9b", "gpt5_chat", "nemotron_nano_12b_vl"]
    image = clusters["mmrouter_fallback_chit_chat_image"]
    assert image["cluster_type"]["typed_config"]["clusters"] == ["gpt5_chat", "nemotron_nano_12b_vl"]
    filters = text["typed_extension_protocol_options"][
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"]["http_filters"]
    assert [f["name"] for f in filters] == ["envoy.filters.http.header_mutation",
                                            "envoy.filters.http.lua",
                                            "envoy.filters.http.upstream_codec"]
    assert f'local FIRST_CHOICE = "{NANO}"' in filters[1]["typed_config"]["default_source_code"][
        "inline_string"]
    endpoint = clusters["gpt5_chat"]["load_assignment"]["endpoints"][0]["lb_endpoints"][0]
    assert endpoint["metadata"]["filter_metadata"]["mmrouter"]["model"] == GPT
    assert clusters["gpt5_chat"]["outlier_detection"]["consecutive_5xx"] == 5
    assert "health_checks" not in clusters["gpt5_chat"]  # off by default
    vhost = boot["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0][
        "typed_config"]["route_config"]["virtual_hosts"][0]
    routes = {r.get("name"): r for r in vhost["routes"]}
    chit = routes["mmrouter_fallback_chit_chat_text"]["route"]["retry_policy"]
    assert chit["retry_on"] == "connect-failure,retriable-status-codes"
    assert chit["retriable_status_codes"] == [503] and chit["num_retries"] == 2
    assert chit["per_try_timeout"] == "2.5s"
    other = routes["mmrouter_fallback_other_text"]["route"]["retry_policy"]
    assert other["num_retries"] == 1 and other["retriable_status_codes"] == [429]
    assert "per_try_timeout" not in other
    # Group routes come before the generic cluster-header route and the default route.
    assert all("name" in r for r in vhost["routes"][:-2])


def test_health_checks_and_shared_clusters_render_and_envoy_accepts_them(tmp_path):
    cfg = config({"health_check": {"enabled": True, "path": "/healthz", "interval_ms": 1500}},
                 share=True)
    boot = envoy_bootstrap(cfg, EnvoyPorts(), EnvoyLimits())
    clusters = {c["name"]: c for c in boot["static_resources"]["clusters"]}
    copy_name = next(n for n in clusters if n.startswith("gpt5_chat--"))
    assert clusters[copy_name]["health_checks"][0]["http_health_check"]["path"] == "/healthz"
    assert clusters[copy_name]["health_checks"][0]["interval"] == "1.5s"
    assert "mmrouter" not in str(clusters["gpt5_chat"]["load_assignment"])  # shared: no model
    path = tmp_path / "envoy.yaml"
    path.write_text(yaml.safe_dump(boot, sort_keys=False))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
