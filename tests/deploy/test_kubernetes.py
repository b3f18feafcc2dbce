"""The Kubernetes manifests: rendered by a real ``kubectl kustomize``, validated offline against the
Kubernetes schemas (kubernetes-validate), and checked against the router config they carry."""

from __future__ import annotations

import copy
import re

import kubernetes_validate
import pytest
import yaml

from mmrouter.config.schema import parse_config
from mmrouter.envoy.bootstrap import EnvoyPorts, render_envoy_config

from kube import (KUBE, OVERLAYS, configmap_data, container, deployment, find, image_entrypoint,
                  render)

SCHEMA_VERSIONS = ("1.28.0", "1.37.0")  # the oldest and newest Kubernetes we claim
CRD_KINDS = {"PodMonitor"}  # no schema in kubernetes-validate: checked by hand below


def router_config(overlay: str):
    return parse_config(yaml.safe_load(configmap_data(overlay, "router-config")["config.yaml"]))


@pytest.mark.parametrize("overlay", ("base", *OVERLAYS))
def test_every_kustomization_renders(overlay):
    kinds = sorted(o["kind"] for o in render(overlay))
    expected = ["Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "PodMonitor",
                "Service", "Service"]
    if overlay != "base":
        expected = sorted([*expected, "ConfigMap", "ConfigMap"])
    assert kinds == expected


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_objects_validate_against_the_kubernetes_schemas(overlay, version):
    for obj in render(overlay):
        if obj["kind"] not in CRD_KINDS:
            kubernetes_validate.validate(obj, version, strict=True)


def test_the_schema_check_catches_a_misspelt_field():
    broken = copy.deepcopy(deployment("cpu"))
    broken["spec"]["template"]["spec"]["containers"][1]["readinessProbes"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, SCHEMA_VERSIONS[-1], strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_podmonitor_and_annotations_point_at_the_metrics_port(overlay):
    objects = render(overlay)
    monitor = find(objects, "PodMonitor")
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    pod = deployment(overlay)["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= labels.items()
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    ports = {p["name"]: p["containerPort"] for p in container(overlay, "mmrouter")["ports"]}
    assert endpoint["path"] == "/metrics" and endpoint["port"] in ports
    notes = pod["metadata"]["annotations"]
    assert notes["prometheus.io/scrape"] == "true" and notes["prometheus.io/path"] == "/metrics"
    assert int(notes["prometheus.io/port"]) == ports[endpoint["port"]]
    assert router_config(overlay).server.http_port == ports["metrics"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_envoy_configmap_is_the_bootstrap_rendered_from_the_router_configmap(overlay):
    envoy = container(overlay, "envoy")
    listener = next(p["containerPort"] for p in envoy["ports"] if p["name"] == "http")
    config = router_config(overlay)
    expected = render_envoy_config(config, EnvoyPorts(
        listener_port=listener, admin_port=9901, ext_proc_host=config.server.grpc_host,
        ext_proc_port=config.server.grpc_port, ext_proc_processes=config.server.processes))
    committed = (KUBE / "overlays" / overlay / "envoy.yaml").read_text()
    assert committed == expected, "run `make k8s-envoy-config`"
    assert configmap_data(overlay, "envoy-config")["envoy.yaml"] == expected
    assert envoy["command"] == ["envoy"] and envoy["args"][:2] == ["-c", "/etc/envoy/envoy.yaml"]
    mount = next(m for m in envoy["volumeMounts"] if m["name"] == "envoy-config")
    assert mount["mountPath"] == "/etc/envoy"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_router_config_is_mounted_for_hot_reload(overlay):
    objects = render(overlay)
    # A fixed name (no content hash): an update changes the mounted file in place.
    assert find(objects, "ConfigMap", "mmrouter-config")["metadata"]["name"] == "mmrouter-config"
    router = container(overlay, "mmrouter")
    mount = next(m for m in router["volumeMounts"] if m["name"] == "router-config")
    assert "subPath" not in mount, "a subPath mount never sees ConfigMap updates"
    assert image_entrypoint() == ["mmrouter", "serve"] and "command" not in router
    assert router["args"] == ["--config", f"{mount['mountPath']}/config.yaml"]
    assert router_config(overlay).server.config_poll_s > 0
    # The Envoy ConfigMap carries a hash: a new bootstrap rolls the pods.
    assert re.fullmatch(r"mmrouter-envoy-[a-z0-9]{10}",
                        find(objects, "ConfigMap", "mmrouter-envoy")["metadata"]["name"])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_probes_and_the_drain_fit_the_router(overlay):
    spec = deployment(overlay)["spec"]["template"]["spec"]
    router = container(overlay, "mmrouter")
    config = router_config(overlay)
    assert router["startupProbe"]["httpGet"]["path"] == "/ready"
    assert router["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert router["livenessProbe"]["httpGet"]["path"] == "/health"
    startup = router["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 300  # model load headroom
    router_wait = int(router["lifecycle"]["preStop"]["exec"]["command"][-1])
    envoy_args = container(overlay, "envoy")["args"]
    envoy_drain = int(envoy_args[envoy_args.index("--drain-time-s") + 1])
    assert router_wait > envoy_drain  # the processor outlives Envoy's drain
    assert spec["terminationGracePeriodSeconds"] >= router_wait + config.server.shutdown_grace_s
    for c in spec["containers"]:
        assert c["resources"]["requests"] and c["resources"]["limits"]["memory"]
        assert c["securityContext"]["allowPrivilegeEscalation"] is False


def test_the_gpu_overlay_asks_for_a_gpu_and_runs_several_processes():
    router = container("gpu", "mmrouter")
    assert router["resources"]["limits"]["nvidia.com/gpu"] == 1
    assert router["image"].endswith(":cuda") and container("cpu", "mmrouter")["image"].endswith(":cpu")
    gpu, cpu = router_config("gpu"), router_config("cpu")
    assert gpu.server.processes == 2 and cpu.server.processes == 1
    # Otherwise the same config: only server.processes differs.
    assert gpu.replace(server=cpu.server, source="") == cpu.replace(source="")
    envoy = yaml.safe_load(configmap_data("gpu", "envoy-config")["envoy.yaml"])
    ext_proc = next(c for c in envoy["static_resources"]["clusters"]
                    if c["name"] == "mmrouter_ext_proc")
    endpoints = ext_proc["load_assignment"]["endpoints"][0]["lb_endpoints"]
    assert [e["endpoint"]["address"]["socket_address"]["port_value"] for e in endpoints] == \
        [50051, 50052]


def quantity(value: str) -> float:
    """A Kubernetes quantity (the suffixes used here) as a number of bytes or cores."""
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "m": 1e-3}
    for suffix, factor in units.items():
        if str(value).endswith(suffix):
            return float(str(value)[:-len(suffix)]) * factor
    return float(value)


def adapter_rule() -> dict:
    (rule,) = yaml.safe_load((KUBE / "prometheus-adapter" / "config.yaml").read_text())["rules"]
    return rule


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_autoscaler_and_the_disruption_budget_fit_the_deployment(overlay):
    objects = render(overlay)
    hpa, pdb, dep = (find(objects, "HorizontalPodAutoscaler"), find(objects, "PodDisruptionBudget"),
                     deployment(overlay))
    labels = dep["spec"]["template"]["metadata"]["labels"]
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment",
                                             "name": dep["metadata"]["name"]}
    assert "replicas" not in dep["spec"], "the HPA owns replicas: a re-apply must not reset them"
    assert 2 <= hpa["spec"]["minReplicas"] < hpa["spec"]["maxReplicas"]
    # One pod may be disrupted at a time, so one always serves.
    assert pdb["spec"]["maxUnavailable"] < hpa["spec"]["minReplicas"]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["spec"]["selector"]["matchLabels"] == dep["spec"]["selector"]["matchLabels"]
    spread = dep["spec"]["template"]["spec"]["topologySpreadConstraints"]
    assert {c["topologyKey"] for c in spread} == {"topology.kubernetes.io/zone",
                                                   "kubernetes.io/hostname"}
    for constraint in spread:
        assert constraint["labelSelector"]["matchLabels"].items() <= labels.items()
        assert constraint["maxSkew"] == 1


def test_the_cpu_overlay_scales_on_cpu_and_the_gpu_overlay_on_streams_in_flight():
    (cpu,) = find(render("cpu"), "HorizontalPodAutoscaler")["spec"]["metrics"]
    assert cpu["type"] == "Resource" and cpu["resource"]["name"] == "cpu"
    assert 0 < cpu["resource"]["target"]["averageUtilization"] < 100
    (gpu,) = find(render("gpu"), "HorizontalPodAutoscaler")["spec"]["metrics"]
    assert gpu["type"] == "Pods" and float(gpu["pods"]["target"]["averageValue"]) > 0
    # The metric is the one the prometheus-adapter rule serves, from a series mmrouter exposes.
    rule = adapter_rule()
    assert gpu["pods"]["metric"]["name"] == rule["name"]["as"]
    from mmrouter.core.metrics import Metrics

    series = rule["seriesQuery"].split("{")[0]
    assert series in {m.name for m in Metrics().registry.collect()}
    assert re.fullmatch(rule["name"]["matches"], series)
    assert set(rule["resources"]["overrides"]) == {"namespace", "pod"}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_resources_cover_the_measured_router(overlay):
    resources = container(overlay, "mmrouter")["resources"]
    # docs/kubernetes.md: RSS 1.66-1.86 GiB after warm-up (e5 int8 and CLIP, machine C), so the
    # 2560Mi request keeps about 40 % headroom; the inference workers are sized for 2 cores.
    assert quantity(resources["requests"]["memory"]) >= 2.5e9
    assert quantity(resources["limits"]["memory"]) >= 1.5 * quantity(resources["requests"]["memory"])
    assert quantity(resources["requests"]["cpu"]) >= 2


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_envoy_turns_unready_while_it_drains(overlay):
    envoy = container(overlay, "envoy")
    admin = yaml.safe_load(configmap_data(overlay, "envoy-config")["envoy.yaml"])["admin"]
    port = admin["address"]["socket_address"]["port_value"]
    probe = " ".join(envoy["readinessProbe"]["exec"]["command"])
    hook = " ".join(envoy["lifecycle"]["preStop"]["exec"]["command"])
    assert f"http://127.0.0.1:{port}/ready" in probe
    assert f"http://127.0.0.1:{port}" in hook
    # Health check failed first (admin /ready: DRAINING), then the listeners drain.
    assert hook.index("/healthcheck/fail") < hook.index("/drain_listeners?graceful")
