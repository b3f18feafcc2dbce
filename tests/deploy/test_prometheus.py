"""Prometheus config, rules and the Grafana dashboard: checked by promtool, and run for real.

The end-to-end test starts Debian's ``prometheus`` on loopback against a running stack (real
Envoy, real mmrouter with the MiniLM model), with the repository's rule files, a 1 s scrape and
evaluation interval, and reads everything back through Prometheus' HTTP API.
"""

from __future__ import annotations

import json
import math
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from typing import Any

import pytest
import yaml

from mmrouter.core.metrics import Metrics
from mmrouter.devstack.stack import LocalStack, default_config_data
from mmrouter.serving.reload import ReloadMetrics

from conftest import chat, http
from kube import ROOT

PROM = ROOT / "deploy" / "prometheus"
RULES = sorted((PROM / "rules").glob("*.yml"))
DASHBOARD = ROOT / "deploy" / "grafana" / "mmrouter-dashboard.json"
INSTALL_HINT = ("{} is missing: .ci/run installs it (apt-get install prometheus); locally: "
                "sudo apt-get install prometheus")


def tool(name: str) -> str:
    """A Prometheus binary; a missing one fails the test (it never skips silently)."""
    path = shutil.which(name)
    assert path is not None, INSTALL_HINT.format(name)
    return path


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def test_promtool_checks_the_scrape_config_and_the_rules():
    result = run(tool("promtool"), "check", "config", str(PROM / "prometheus.yml"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 2 rule files found" in result.stdout + result.stderr
    result = run(tool("promtool"), "check", "rules", *map(str, RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests_of_the_alerts_pass():
    result = run(tool("promtool"), "test", "rules", str(PROM / "tests" / "alerts_test.yml"))
    assert result.returncode == 0 and "SUCCESS" in result.stdout + result.stderr, \
        result.stdout + result.stderr


def test_the_alerts_cover_what_an_operator_needs():
    alerts = {r["alert"] for g in yaml.safe_load((PROM / "rules" / "alerts.yml").read_text())["groups"]
              for r in g["rules"] if "alert" in r}
    assert {"MMRouterProcessorDown", "MMRouterHighErrorRate", "MMRouterSlowClassification",
            "MMRouterHighFallbackRate", "MMRouterOverloaded"} <= alerts


def dashboard_queries() -> list[str]:
    data = json.loads(DASHBOARD.read_text())
    return [t["expr"] for p in data["panels"] for t in p["targets"]]


def test_every_mmrouter_metric_in_rules_and_dashboard_is_one_mmrouter_exposes():
    metrics = Metrics()
    ReloadMetrics(metrics)
    families = {m.name for m in metrics.registry.collect()}
    exposed = set(families) | {"mmrouter_process_up"}  # the supervisor's, with processes > 1
    samples = {s.name for m in metrics.registry.collect() for s in m.samples}
    texts = [p.read_text() for p in RULES] + dashboard_queries()
    used = {name for text in texts for name in re.findall(r"(?<![:\w])mmrouter_[a-z_]+\b(?!:)", text)}
    assert used, "no mmrouter metric found in the rules"
    histograms = {m.name for m in metrics.registry.collect() if m.type == "histogram"}
    unknown = sorted(n for n in used if n not in exposed and n not in samples
                     and not (n.endswith("_total") and n[:-6] in exposed)
                     and not (n.endswith("_bucket") and n[:-7] in histograms))
    assert unknown == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def query(base: str, expr: str) -> list[dict[str, Any]]:
    url = f"{base}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as resp:
        body = json.loads(resp.read())
    assert body["status"] == "success", body
    return body["data"]["result"]


def wait_for(base: str, expr: str, check, timeout: float = 90.0) -> list[dict[str, Any]]:
    """Poll a query until ``check(result)`` holds (bounded)."""
    deadline = time.monotonic() + timeout
    result: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        result = query(base, expr)
        if check(result):
            return result
        time.sleep(0.5)
    raise AssertionError(f"{expr}: {result}")


@pytest.fixture(scope="module")
def stack():
    s = LocalStack(default_config_data()).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def prometheus(stack, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("prometheus")
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(p) for p in RULES],
        "scrape_configs": [{"job_name": "mmrouter", "metrics_path": "/metrics",
                            # The labels the PodMonitor gives each series, which the
                            # prometheus-adapter rule keys on.
                            "static_configs": [{"targets": [
                                f"127.0.0.1:{stack.router_ports['http_port']}"],
                                "labels": {"namespace": "default", "pod": POD}}]}],
    }
    (workdir / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    log = open(workdir / "prometheus.log", "ab")
    proc = subprocess.Popen([tool("prometheus"), f"--config.file={workdir / 'prometheus.yml'}",
                             f"--storage.tsdb.path={workdir / 'data'}",
                             f"--web.listen-address=127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, (workdir / "prometheus.log").read_text()[-3000:]
            try:
                if http("GET", base + "/-/ready", timeout=2).status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(20)


POD = "mmrouter-0"
ADAPTER = ROOT / "deploy" / "kubernetes" / "prometheus-adapter" / "config.yaml"
TRAFFIC = [("Generate an image of a cat", "image_generation"),
           ("Hey! How's it going? Nice weather today, isn't it?", "chit_chat")]


@pytest.mark.e2e
def test_prometheus_scrapes_the_running_stack(stack, prometheus):
    # Traffic after the first scrape, so that rate() sees it happen.
    wait_for(prometheus, 'up{job="mmrouter"}', lambda r: r and r[0]["value"][1] == "1")
    for text, route in TRAFFIC * 3:
        r = chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": text}]})
        assert r.status == 200 and r.headers["x-mmrouter-route"] == route
    assert chat(stack.base_url, b"{not json").status == 400  # an error kind to see
    by_route = wait_for(prometheus, 'sum by (route) (mmrouter_requests_total{job="mmrouter"})',
                        lambda r: {"image_generation", "chit_chat"} <= {s["metric"].get("route")
                                                                        for s in r})
    counts = {s["metric"]["route"]: float(s["value"][1]) for s in by_route}
    assert counts["image_generation"] == 3 and counts["chit_chat"] == 3
    p99 = wait_for(prometheus, 'histogram_quantile(0.99, sum by (le) '
                   '(rate(mmrouter_classification_seconds_bucket{job="mmrouter"}[1m])))',
                   lambda r: r and math.isfinite(float(r[0]["value"][1])))
    assert 0 < float(p99[0]["value"][1]) <= 5.0
    # The recording rules evaluate on real data.
    recorded = wait_for(prometheus, "route:mmrouter_requests:rate5m", lambda r: len(r) >= 2)
    assert {s["metric"]["route"] for s in recorded} >= {"image_generation", "chit_chat"}
    wait_for(prometheus, "job:mmrouter_fallback:ratio_5m", lambda r: len(r) == 1)
    with urllib.request.urlopen(prometheus + "/api/v1/rules", timeout=10) as resp:
        groups = json.loads(resp.read())["data"]["groups"]
    health = {rule["name"]: rule["health"] for g in groups for rule in g["rules"]}
    assert "MMRouterProcessorDown" in health
    assert set(health.values()) == {"ok"}, health


@pytest.mark.e2e
def test_every_dashboard_query_returns_data_from_that_prometheus(stack, prometheus):
    chat(stack.base_url, {"model": "MoM", "messages": [{"role": "user", "content": "hello"}]})
    wait_for(prometheus, "job:mmrouter_queue_wait_seconds:p99_5m", lambda r: len(r) == 1)
    for expr in dashboard_queries():
        concrete = expr.replace("$__rate_interval", "1m")
        wait_for(prometheus, concrete, lambda r: len(r) > 0, timeout=30)


def adapter_query(rule: dict[str, Any], namespace: str, pods: list[str]) -> str:
    """The rule's metricsQuery as prometheus-adapter fills it in for a per-pod metric of
    ``pods`` in ``namespace`` (its template: Series, LabelMatchers, GroupBy)."""
    series = rule["seriesQuery"].split("{")[0]
    matchers = f'namespace="{namespace}",pod=~"{"|".join(pods)}"'
    return (rule["metricsQuery"].replace("<<.Series>>", series)
            .replace("<<.LabelMatchers>>", matchers).replace("<<.GroupBy>>", "pod"))


def hold_streams(base_url: str, count: int) -> list[tuple[socket.socket, bytes]]:
    """``count`` requests whose body is only begun: Envoy has opened their ext_proc streams
    (request headers) and buffers the body, so each stream stays in flight until the rest comes."""
    host, port = base_url.removeprefix("http://").split(":")
    held = []
    for i in range(count):
        body = json.dumps({"model": "MoM", "messages": [
            {"role": "user", "content": f"Generate an image of a cat, number {i}"}]}).encode()
        sock = socket.create_connection((host, int(port)), timeout=30)
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                     b"content-type: application/json\r\n"
                     + f"content-length: {len(body)}\r\n\r\n".encode() + body[:10])
        held.append((sock, body[10:]))
    return held


@pytest.mark.e2e
def test_prometheus_evaluates_the_adapter_query_for_the_autoscaler(stack, prometheus):
    (rule,) = yaml.safe_load(ADAPTER.read_text())["rules"]
    # The adapter discovers the series with seriesQuery: it must find the scraped one.
    with urllib.request.urlopen(prometheus + "/api/v1/series?" + urllib.parse.urlencode(
            {"match[]": rule["seriesQuery"]}), timeout=10) as resp:
        found = json.loads(resp.read())["data"]
    assert {(s["namespace"], s["pod"]) for s in found} == {("default", POD)}, found
    expr = adapter_query(rule, "default", [POD])
    idle = wait_for(prometheus, expr, lambda r: len(r) == 1)
    assert idle[0]["metric"] == {"pod": POD}
    before = float(idle[0]["value"][1])  # earlier tests' requests may still be in the 1 min
    assert 0 <= before < 1
    held = hold_streams(stack.base_url, 3)
    try:
        wait_for(prometheus, f'mmrouter_streams_in_flight{{pod="{POD}"}}',
                 lambda r: r and float(r[0]["value"][1]) == 3, timeout=30)
        # Averaged over 1 min: 3 streams held for ~10 s of it add at least 0.5.
        busy = wait_for(prometheus, expr, lambda r: r and float(r[0]["value"][1]) >= before + 0.5,
                        timeout=30)
        assert float(busy[0]["value"][1]) <= before + 3
    finally:
        for sock, rest in held:
            sock.sendall(rest)
            reply = sock.recv(65536)
            sock.close()
            assert reply.startswith(b"HTTP/1.1 200"), reply[:300]
    wait_for(prometheus, f'mmrouter_streams_in_flight{{pod="{POD}"}}',
             lambda r: r and float(r[0]["value"][1]) == 0, timeout=30)
