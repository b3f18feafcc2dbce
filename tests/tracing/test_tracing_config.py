"""The tracing: section and Envoy's tracer in `mmrouter envoy-config`."""

from __future__ import annotations

import pytest
import yaml

from mmrouter.config.schema import ConfigError, parse_config
from mmrouter.devstack.stack import default_config_data
from mmrouter.envoy.bootstrap import EnvoyLimits, EnvoyPorts, envoy_bootstrap, render_envoy_config
from mmrouter.envoy.process import validate_envoy_config
from mmrouter.envoy.tracing import OTLP_CLUSTER


def config(**tracing):
    data = default_config_data()
    if tracing:
        data["tracing"] = tracing
    return parse_config(data)


def hcm(bootstrap):
    return bootstrap["static_resources"]["listeners"][0]["filter_chains"][0]["filters"][0][
        "typed_config"]


def bootstrap(cfg):
    return envoy_bootstrap(cfg, EnvoyPorts(), EnvoyLimits())


def test_off_by_default_and_the_bootstrap_is_unchanged():
    default = config()
    assert default.tracing.enabled is False
    assert render_envoy_config(default) == render_envoy_config(config(enabled=False))
    assert "tracing" not in hcm(bootstrap(default))
    # On for mmrouter only: Envoy's bootstrap as with tracing off.
    assert render_envoy_config(config(enabled=True, envoy=False)) == render_envoy_config(default)


def test_on_envoy_traces_into_the_same_collector(tmp_path):
    cfg = config(enabled=True, otlp_endpoint="http://collector.observability:4318/v1/traces",
                 service_name="edge", sampling_ratio=0.25)
    rendered = bootstrap(cfg)
    tracing = hcm(rendered)["tracing"]
    assert tracing["random_sampling"] == {"value": 25.0}
    provider = tracing["provider"]["typed_config"]
    assert provider["service_name"] == "edge-envoy"
    assert provider["http_service"]["http_uri"] == {
        "uri": "http://collector.observability:4318/v1/traces", "cluster": OTLP_CLUSTER,
        "timeout": "2s"}
    (cluster,) = [c for c in rendered["static_resources"]["clusters"] if c["name"] == OTLP_CLUSTER]
    address = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"][0]["endpoint"]["address"]
    assert address["socket_address"] == {"address": "collector.observability", "port_value": 4318}
    assert cluster["type"] == "STRICT_DNS" and "transport_socket" not in cluster
    path = tmp_path / "envoy.yaml"
    path.write_text(render_envoy_config(cfg))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_https_collector_gets_tls_and_the_default_port(tmp_path):
    cfg = config(enabled=True, otlp_endpoint="https://otlp.example.com/v1/traces")
    (cluster,) = [c for c in bootstrap(cfg)["static_resources"]["clusters"]
                  if c["name"] == OTLP_CLUSTER]
    address = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"][0]["endpoint"]["address"]
    assert address["socket_address"]["port_value"] == 443
    assert cluster["transport_socket"]["typed_config"]["sni"] == "otlp.example.com"
    path = tmp_path / "envoy.yaml"
    path.write_text(render_envoy_config(cfg))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("tracing, field", [
    ({"otlp_endpoint": "collector:4318"}, "tracing.otlp_endpoint"),
    ({"otlp_endpoint": "ftp://x/v1/traces"}, "tracing.otlp_endpoint"),
    ({"sampling_ratio": 1.5}, "tracing.sampling_ratio"),
    ({"service_name": " "}, "tracing.service_name"),
    ({"enable": True}, "tracing"),
])
def test_bad_tracing_values_are_named(tracing, field):
    with pytest.raises(ConfigError, match=field.replace(".", r"\.")):
        config(**tracing)


def test_the_example_config_lists_the_tracing_defaults():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    example = yaml.safe_load((root / "deploy" / "config.example.yaml").read_text())
    assert parse_config(example).tracing == config().tracing
    assert set(example["tracing"]) == {"enabled", "otlp_endpoint", "service_name",
                                       "sampling_ratio", "envoy"}
