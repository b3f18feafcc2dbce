"""The container image, run with podman or docker: `mmrouter serve` as PID 1 and non-root, on a
read-only root filesystem (as the pod's securityContext), behind a host Envoy on loopback.

Opt-in, since the image takes a long build (see README, "Deploying"): set MMROUTER_IMAGE to a
built image (e.g. localhost/mmrouter:cpu) and MMROUTER_CONTAINER to the runtime command if not
plain ``podman`` (e.g. ``podman --runtime=runc``). Without MMROUTER_IMAGE the test is skipped
with that reason in the summary.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time

import pytest
import yaml

from mmrouter.config.schema import load_config
from mmrouter.devstack.stack import default_config_data
from mmrouter.envoy.bootstrap import EnvoyPorts, render_envoy_config
from mmrouter.envoy.process import EnvoyProcess

from conftest import chat, http
from test_pod_local import configmap_volume, free_port, wait_until

pytestmark = pytest.mark.e2e
IMAGE = os.environ.get("MMROUTER_IMAGE", "")
RUNTIME = shlex.split(os.environ.get("MMROUTER_CONTAINER", "podman"))
HELLO = {"model": "MoM", "messages": [{"role": "user", "content": "Hey! How's it going?"}]}


def runtime(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*RUNTIME, *args], capture_output=True, text=True, timeout=timeout,
                          check=False)


@pytest.mark.skipif(not IMAGE, reason="set MMROUTER_IMAGE to a built mmrouter image to run it")
def test_the_image_serves_reloads_and_stops_cleanly(tmp_path):
    data = default_config_data()
    data["routing"]["head"] = "/opt/mmrouter/defaults/head.npz"  # the image's link to it
    grpc_port, http_port = free_port(), free_port()
    data["server"] = {**data["server"], "grpc_port": grpc_port, "http_port": http_port}
    data["image_encoder"]["checkpoint"] = "/models/clip.bin"  # not mounted: unavailable
    config_dir = tmp_path / "etc-mmrouter"
    configmap_volume(config_dir, {"config.yaml": yaml.safe_dump(data)})
    backends_file = tmp_path / "backends.json"
    local = tmp_path / "local.yaml"
    local.write_text(yaml.safe_dump({**data, "routing": {**data["routing"], "head": None}}))
    backends = subprocess.Popen([sys.executable, "-m", "mmrouter", "--log-level", "warning",
                                 "demo-backends", "--config", str(local), "--ephemeral",
                                 "--ports-file", str(backends_file)])
    name = f"mmrouter-test-{os.getpid()}"
    envoy = None
    try:
        ports = wait_until(lambda: backends_file.exists() and json.loads(backends_file.read_text()),
                           60, "demo backends")
        started = time.monotonic()
        run = runtime("run", "-d", "--name", name, "--network=host", "--read-only",
                      "--tmpfs", "/tmp", "-v", f"{config_dir}:/etc/mmrouter:ro", IMAGE)
        assert run.returncode == 0, run.stderr
        api = f"http://127.0.0.1:{http_port}"

        def ready() -> bool:
            try:
                return http("GET", api + "/ready", timeout=2).status == 200
            except OSError:
                return False

        wait_until(lambda: ready() or runtime("inspect", "-f", "{{.State.Running}}", name)
                   .stdout.strip() == "false", 300, "container /ready")
        assert ready(), runtime("logs", name).stderr[-3000:]
        print(f"\nimage: /ready {time.monotonic() - started:.1f} s after `run`")
        config = load_config(local)
        envoy = EnvoyProcess(render_envoy_config(config, EnvoyPorts(
            listener_host="127.0.0.1", listener_port=0, admin_port=0, ext_proc_port=grpc_port,
            api_port=http_port, endpoints={c: f"127.0.0.1:{p}" for c, p in ports.items()})),
            tmp_path / "envoy").start()
        base = f"http://127.0.0.1:{envoy.listener_port}"
        r = chat(base, HELLO)
        assert r.status == 200 and r.headers["x-mmrouter-route"] == "chit_chat", r.body
        assert r.headers["x-demo-backend"] == "nemotron_nano_9b"
        assert http("GET", base + "/v1/models").json()["data"][0]["id"] == "MoM"

        # Non-root, and mmrouter itself is PID 1 (exec form: signals reach it).
        assert runtime("exec", name, "id", "-u").stdout.strip() == "10001"
        cmdline = runtime("exec", name, "cat", "/proc/1/cmdline").stdout.split("\0")
        assert any(part.endswith("/mmrouter") for part in cmdline[:2]) and "serve" in cmdline

        # A ConfigMap-style update of the mounted directory, then SIGHUP through the runtime.
        changed = json.loads(json.dumps(data))
        for route in changed["routes"]:
            if route["name"] == "chit_chat":
                route["model_scores"] = [{"model": "gpt-5-chat", "score": 1.0}]
        configmap_volume(config_dir, {"config.yaml": yaml.safe_dump(changed)}, 2)
        assert runtime("kill", "--signal", "HUP", name).returncode == 0
        wait_until(lambda: chat(base, HELLO).headers.get("x-demo-backend") == "gpt5_chat", 30,
                   "reload in the container")

        stopped = time.monotonic()
        assert runtime("stop", "-t", "30", name, timeout=60).returncode == 0
        took = time.monotonic() - stopped
        code = runtime("inspect", "-f", "{{.State.ExitCode}}", name).stdout.strip()
        logs = runtime("logs", name)
        assert code == "0", logs.stdout[-2000:] + logs.stderr[-2000:]
        assert took < 20  # SIGTERM handled (drain grace 5 s), not the 30 s kill
        assert "mmrouter stopped" in logs.stdout + logs.stderr
    finally:
        if envoy is not None:
            envoy.stop()
        runtime("rm", "-f", name)
        backends.terminate()
        backends.wait(10)
