"""Fault drills (issue 11), bounded and on loopback: SIGKILL of `mmrouter run` leaves no Envoy,
a busy port is named with its holder, Envoy's log path is real, and SIGTERM with 16 requests in
flight through a real Envoy lets all 16 finish (`mmrouter serve`, its supervisor, `mmrouter run`).

Requests are held in flight by a SLOW text encoder (tests/slow_encoder_support.py: the real
e5 encoder plus a sleep for the drill's text, loaded through ``text_encoder.factory`` in the real
router process); CLIP is off to keep start-up short.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from mmrouter.devstack.stack import LocalStack, default_config_data
from mmrouter.envoy.process import EnvoyProcess
from mmrouter.processes import PortBusy, check_ports_free, port_holders, port_is_free

from conftest import chat, http
from slow_encoder_support import FACTORY, slow_encoder_env

IN_FLIGHT = 16
DELAY_MS = 1500  # per encoder batch of the drill's text: the first request's, then the other 15
TEXT = "Generate an image of a cat"
CHAT = {"model": "MoM", "messages": [{"role": "user", "content": TEXT}]}
SLOW = slow_encoder_env(DELAY_MS, TEXT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _data(processes: int = 1, slow: bool = False) -> dict:
    data = default_config_data()
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    # The eager fp32 forward: the bf16 graph's warm-up takes ~50 s on a busy 2-core machine.
    data["text_encoder"] = {**data.get("text_encoder", {}), "jit": False, "precision": "fp32"}
    if slow:
        data["text_encoder"]["factory"] = FACTORY
    data["server"] = {**data.get("server", {}), "processes": processes, "shutdown_grace_s": 10.0}
    # Room for two slow batches on a shared 2-core machine (Envoy's message_timeout is 5 s).
    data["routing"] = {**data.get("routing", {}), "classify_timeout_ms": 4000}
    return data


def _wait(predicate, timeout: float, what: str, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what}")


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _sigterm_with_requests_in_flight(base_url: str, in_flight, target_pid: int) -> list:
    """Send IN_FLIGHT chats, SIGTERM ``target_pid`` once they are all in flight, and return
    their results."""
    with ThreadPoolExecutor(IN_FLIGHT) as pool:
        futures = [pool.submit(chat, base_url, CHAT) for _ in range(IN_FLIGHT)]
        _wait(lambda: in_flight() >= IN_FLIGHT, 20, f"{IN_FLIGHT} requests in flight")
        os.kill(target_pid, signal.SIGTERM)
        return [f.result(timeout=60) for f in futures]


def _assert_all_routed(results: list) -> None:
    assert [r.status for r in results] == [200] * IN_FLIGHT, [r.body[:200] for r in results]
    for r in results:
        assert r.headers.get("x-mmrouter-route") == "image_generation", r.headers
        assert r.json()["model"] == "image-generator"  # the backend got the rewritten body


@pytest.mark.e2e
@pytest.mark.parametrize("processes", [1, 2])
def test_sigterm_serve_lets_requests_in_flight_finish(processes):
    stack = LocalStack(_data(processes, slow=True), env=SLOW).start(timeout=240)
    try:
        router = stack._procs[1]
        results = _sigterm_with_requests_in_flight(
            stack.base_url, lambda: stack.envoy.requests_active(), router.pid)
        assert router.wait(30) == 0
        _assert_all_routed(results)
        assert stack.envoy.counter("http.mmrouter.ext_proc.streams_failed") == 0
    finally:
        stack.stop()


class RunProcess:
    """`mmrouter run` as its own process, on free ports, with its log in ``workdir``."""

    def __init__(self, workdir: Path, env: dict[str, str] | None = None) -> None:
        data = _data(slow=env is not None)
        data["server"].update(grpc_port=0, http_port=0)
        for model in data["models"]:
            model["endpoint"] = f"127.0.0.1:{_free_port()}"
        self.config = workdir / "mmrouter.yaml"
        self.config.write_text(yaml.safe_dump(data, sort_keys=False))
        self.listener, self.admin = _free_port(), _free_port()
        self.log = workdir / "run.log"
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen | None = None

    def start(self) -> "RunProcess":
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mmrouter", "--log-level", "info", "run", "--config",
                 str(self.config), "--listener-port", str(self.listener), "--admin-port",
                 str(self.admin)], stdout=log, stderr=subprocess.STDOUT, env=self.env)
        return self

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener}"

    def wait_ready(self, timeout: float = 180) -> "RunProcess":
        def ready() -> bool:
            assert self.proc is not None and self.proc.poll() is None, self.log.read_text()
            try:
                return chat(self.base_url, {"model": "gpt-5-chat", "messages": [
                    {"role": "user", "content": "hi"}]}).status == 200
            except OSError:
                return False
        _wait(ready, timeout, "mmrouter run to serve", step=0.5)
        return self

    def requests_active(self) -> int:
        text = http("GET", f"http://127.0.0.1:{self.admin}/stats?filter="
                           "^http.mmrouter.downstream_rq_active$").body.decode()
        return int(text.partition(": ")[2] or 0)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.mark.e2e
def test_sigkill_of_mmrouter_run_takes_envoy_with_it(tmp_path):
    run = RunProcess(tmp_path).start().wait_ready()
    try:
        envoys = [pid for pid in _children(run.proc.pid)
                  if "envoy" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]
        assert len(envoys) == 1
        run.proc.kill()  # SIGKILL: no handler, no finally
        run.proc.wait(10)
        _wait(lambda: _gone(envoys[0]), 15, "Envoy to die with its launcher")
        _wait(lambda: port_is_free(run.listener, "0.0.0.0"), 15, "the listener port to be free")
    finally:
        run.stop()


@pytest.mark.e2e
def test_sigterm_of_mmrouter_run_lets_requests_in_flight_finish(tmp_path):
    run = RunProcess(tmp_path, env=SLOW).start().wait_ready()
    try:
        results = _sigterm_with_requests_in_flight(run.base_url, run.requests_active,
                                                   run.proc.pid)
        assert run.proc.wait(60) == 0, run.log.read_text()[-2000:]
        _assert_all_routed(results)
    finally:
        run.stop()


def test_a_busy_port_is_named_with_its_holder(tmp_path):
    run = RunProcess(tmp_path)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", run.listener))
        holder.listen()
        run.start()
        try:
            assert run.proc.wait(60) == 1
        finally:
            run.stop()
    output = run.log.read_text()
    assert f"port {run.listener} (Envoy listener, --listener-port) is already in use by " \
           f"pid {os.getpid()}" in output, output
    assert "Traceback" not in output


def test_port_holders_reads_proc():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not port_is_free(port)
        assert [h.pid for h in port_holders(port)] == [os.getpid()]
        with pytest.raises(PortBusy, match=f"port {port} \\(demo\\) is already in use by pid"):
            check_ports_free([(port, "demo")])
    assert port_is_free(port) and port_holders(port) == []


@pytest.mark.e2e
def test_envoy_failure_names_a_log_that_exists(tmp_path):
    envoy = EnvoyProcess("static_resources: {listeners: [{name: 5}]}\n", tmp_path / "envoy")
    with pytest.raises(RuntimeError, match="envoy exited with") as err:
        envoy.start(timeout=60)
    message = str(err.value)
    path = Path(message.split("; see ", 1)[1].split(":\n", 1)[0])
    assert path.exists() and path.read_text().strip()
    assert path.read_text().strip()[-200:] in message  # the log's end is in the message
