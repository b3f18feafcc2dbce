"""A whole local stack on ephemeral loopback ports: demo backends, mmrouter, Envoy.

Each part is its own process (as deployed); used by the end-to-end tests and `mmrouter bench`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mmrouter.config.schema import load_config
from mmrouter.envoy.bootstrap import EnvoyLimits, EnvoyPorts, render_envoy_config
from mmrouter.envoy.process import EnvoyProcess


def _wait_file(path: Path, proc: subprocess.Popen, timeout: float, what: str) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        if path.exists():
            try:
                return json.loads(path.read_text())
            except ValueError:  # caught mid-write (demo-backends writes it in place)
                pass
        time.sleep(0.05)
    raise TimeoutError(f"{what} did not start within {timeout}s")


@dataclass
class LocalStack:
    """Start with ``start()``, stop with ``stop()``; config overrides are merged into the YAML."""

    config_data: dict[str, Any]
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="mmrouter-stack-")))
    with_router: bool = True
    ext_proc: bool = True
    processor: str = "mmrouter"  # what serves ext_proc: "mmrouter", or "noop" (bench baseline)
    env: dict[str, str] = field(default_factory=dict)
    envoy_limits: EnvoyLimits | None = None  # None: the defaults (ext_proc as above)
    backend_ports: dict[str, int] = field(default_factory=dict)
    router_ports: dict[str, Any] = field(default_factory=dict)
    envoy: EnvoyProcess | None = None
    _procs: list[subprocess.Popen] = field(default_factory=list)
    _stopped: set[str] = field(default_factory=set)

    @property
    def config_path(self) -> Path:
        return self.workdir / "mmrouter.yaml"

    @property
    def base_url(self) -> str:
        assert self.envoy is not None
        return f"http://127.0.0.1:{self.envoy.listener_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.router_ports['http_port']}"

    @property
    def router_pid(self) -> int | None:
        """pid of the ext_proc process (mmrouter or the no-op processor; with
        server.processes > 1, their supervisor), if one runs."""
        if not self.with_router or len(self._procs) < 2:
            return None
        return self._procs[1].pid

    @property
    def router_pids(self) -> list[int]:
        """The processes that serve ext_proc (the supervisor's processes, when it has some)."""
        pid = self.router_pid
        return list(self.router_ports.get("pids") or ([pid] if pid is not None else []))

    @property
    def api_urls(self) -> list[str]:
        ports = self.router_ports.get("http_ports") or [self.router_ports["http_port"]]
        return [f"http://127.0.0.1:{port}" for port in ports]

    @property
    def stand_in_url(self) -> str:
        """The Arch-Router stand-in (served when llm_router.mode is not off)."""
        return f"http://127.0.0.1:{self.backend_ports['llm_router_stand_in']}"

    def backend_url(self, cluster: str) -> str:
        return f"http://127.0.0.1:{self.backend_ports[cluster]}"

    def start(self, timeout: float = 120.0) -> "LocalStack":
        self.workdir.mkdir(parents=True, exist_ok=True)
        data = dict(self.config_data)
        data["server"] = {**data.get("server", {}), "grpc_port": 0, "http_port": 0}
        self.config_path.write_text(yaml.safe_dump(data, sort_keys=False))
        config = load_config(self.config_path)
        self.backend_ports = self._spawn("demo-backends", ["--ephemeral"], timeout)
        stand_in = self.backend_ports.get("llm_router_stand_in")
        if stand_in:  # llm_router on: mmrouter calls the Arch-Router stand-in on its port
            data["llm_router"] = {**(data.get("llm_router") or {}),
                                  "endpoint": f"http://127.0.0.1:{stand_in}/v1"}
            self.config_path.write_text(yaml.safe_dump(data, sort_keys=False))
        if self.with_router and self.processor == "noop":
            self.router_ports = self._spawn("noop-ext-proc", [], timeout,
                                            argv=["-m", "mmrouter.bench.noop"])
        elif self.with_router:
            self.router_ports = self._spawn("serve", [], timeout)
        grpc_port = self.router_ports.get("grpc_port") or _unused_port()
        ports = EnvoyPorts(listener_host="127.0.0.1", listener_port=0, admin_port=0,
                           ext_proc_port=grpc_port,
                           api_port=self.router_ports.get("http_port") or _unused_port(),
                           ext_proc_ports=tuple(self.router_ports.get("grpc_ports", ())),
                           endpoints={
                               c: f"127.0.0.1:{p}" for c, p in self.backend_ports.items()})
        limits = self.envoy_limits or EnvoyLimits(ext_proc_enabled=self.ext_proc,
                                                  processor_down_lua=self.processor == "mmrouter")
        envoy_yaml = render_envoy_config(config, ports, limits)
        self.envoy = EnvoyProcess(envoy_yaml, self.workdir / "envoy").start()
        return self

    def _spawn(self, command: str, extra: list[str], timeout: float,
               argv: list[str] | None = None) -> dict[str, Any]:
        ports_file = self.workdir / f"{command}.ports.json"
        ports_file.unlink(missing_ok=True)
        log = open(self.workdir / f"{command}.log", "ab")
        argv = argv or ["-m", "mmrouter", "--log-level", "warning", command, "--config",
                        str(self.config_path)]
        proc = subprocess.Popen(
            [sys.executable, *argv, "--ports-file", str(ports_file), *extra],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.env})
        self._procs.append(proc)
        return _wait_file(ports_file, proc, timeout, f"mmrouter {command}")

    def stop_router(self) -> None:
        """Stop the mmrouter process only (to exercise failure_mode_allow)."""
        if self.with_router and len(self._procs) > 1:
            _terminate(self._procs.pop(1))

    def stop(self) -> None:
        if self.envoy is not None:
            self.envoy.stop()
        for proc in reversed(self._procs):
            _terminate(proc)
        self._procs.clear()

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def received(self, cluster: str) -> list[dict[str, Any]]:
        with urllib.request.urlopen(self.backend_url(cluster) + "/__demo/received", timeout=10) as r:
            return json.loads(r.read())

    def fault(self, cluster: str, status: int | None, count: int | None = None) -> None:
        """Make a demo backend answer ``status`` (None: behave again); see demo_faults."""
        body = None if status is None else json.dumps({"status": status, "count": count}).encode()
        self._demo(self.backend_url(cluster) + "/__demo/fault",
                   "DELETE" if status is None else "POST", body)

    def stop_backend(self, cluster: str) -> None:
        self._control(cluster, "stop")
        self._stopped.add(cluster)

    def start_backend(self, cluster: str) -> None:
        self._control(cluster, "start")
        self._stopped.discard(cluster)

    def _control(self, cluster: str, action: str) -> None:
        up = next(c for c in self.backend_ports if c != cluster and c not in self._stopped)
        self._demo(f"{self.backend_url(up)}/__demo/backends/{cluster}/{action}", "POST", b"")

    @staticmethod
    def _demo(url: str, method: str, body: bytes | None) -> None:
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            resp.read()


def default_config_data() -> dict[str, Any]:
    from importlib import resources

    defaults = resources.files("mmrouter") / "defaults"
    data = yaml.safe_load((defaults / "config.yaml").read_text())
    head = (data.get("routing") or {}).get("head")
    if head and not Path(head).is_absolute():  # keep it pointing into the package
        data["routing"]["head"] = str(defaults / head)
    return data


def _terminate(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _unused_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
