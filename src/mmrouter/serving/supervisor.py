"""`mmrouter serve` with ``server.processes`` > 1: N router processes, one port pair each.

One Python process spends its event-loop thread (gRPC streams, JSON, mutations) on every
request, under one GIL: ~1-3 ms per image request, so a single process tops out at a few hundred
image requests per second whatever the GPU could take. Process ``i`` is an ordinary
single-process ``mmrouter serve`` on gRPC ``grpc_port + i`` and HTTP ``http_port + 1 + i``
(ephemeral when those are 0), with its share of the CPU threads; Envoy's ext_proc cluster lists
every process and picks one per request (``mmrouter envoy-config`` renders it). Each process has
its own models (on a GPU: its own CUDA context, ~0.5 GB) and micro-batches. The supervisor
serves ``http_port`` itself: merged metrics, readiness of all, and the classification API passed
on (:mod:`mmrouter.serving.supervisor_http`), so nothing outside changes with the number of processes.

The supervisor opens its HTTP port (/health answers, /ready says 503), starts the processes
(spawned, never forked: CUDA cannot survive a fork), waits until every one is ready, writes the
ports file, and then watches them:
SIGTERM/SIGINT stop them in phases — the supervisor's /ready fails, every process gets SIGTERM
and drains its own streams (``shutdown_grace_s``), then the supervisor's HTTP closes — and a process
that exits on its own stops the rest and the supervisor with it (exit 1), so systemd or
Kubernetes restarts a whole, known state instead of serving with a silent gap.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from aiohttp import web

from mmrouter.config.schema import ServerConfig
from mmrouter.processes import die_with_parent_hook

logger = logging.getLogger(__name__)

POLL_S = 0.2
KILL_AFTER_S = 5.0  # past the drain grace, a process that has not exited is killed


@dataclass(frozen=True)
class ProcessSpec:
    index: int
    grpc_port: int
    http_port: int
    torch_threads: int
    decode_workers: int


def process_specs(server: ServerConfig, decode_workers: int, cpus: int) -> list[ProcessSpec]:
    """Process i: consecutive ports (0 stays 0: ephemeral), and 1/N of the CPU threads where
    the config leaves them to the default (N processes each taking every core oversubscribe
    it N times)."""
    n = server.processes
    share = max(1, cpus // n)
    return [ProcessSpec(index=i,
                        grpc_port=server.grpc_port + i if server.grpc_port else 0,
                        http_port=server.http_port + 1 + i if server.http_port else 0,
                        torch_threads=server.torch_threads or share,
                        decode_workers=decode_workers or share)
            for i in range(n)]


def process_argv(spec: ProcessSpec, config_path: str | None, log_level: str,
                 ports_file: Path) -> list[str]:
    argv = [sys.executable, "-m", "mmrouter", "--log-level", log_level, "serve",
            "--process-index", str(spec.index), "--grpc-port", str(spec.grpc_port),
            "--http-port", str(spec.http_port), "--torch-threads", str(spec.torch_threads),
            "--decode-workers", str(spec.decode_workers), "--ports-file", str(ports_file)]
    if config_path:
        argv += ["--config", config_path]
    return argv


class Supervisor:
    def __init__(self, specs: Sequence[ProcessSpec], config_path: str | None, log_level: str,
                 ports_file: str | Path | None, server: ServerConfig) -> None:
        self.specs = list(specs)
        self.config_path = config_path
        self.log_level = log_level
        self.ports_file = Path(ports_file) if ports_file else None
        self.server = server
        self.procs: list[subprocess.Popen] = []
        self._stop = asyncio.Event()
        self.draining = False

    def request_stop(self) -> None:
        self._stop.set()

    def forward_reload(self) -> None:
        """SIGHUP: each process reloads the config itself (they also watch the file)."""
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGHUP)

    def run(self) -> int:
        """Start, wait for readiness, serve, watch; the exit code (0 after a requested stop)."""
        return asyncio.run(self._main())

    async def _main(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_stop)
        loop.add_signal_handler(signal.SIGHUP, self.forward_reload)
        http: web.AppRunner | None = None
        with tempfile.TemporaryDirectory(prefix="mmrouter-supervisor-") as workdir:
            try:
                urls: list[str] = []  # filled in once every process is ready
                http, http_port = await self._serve_http(urls)
                ports = await self._start_all(Path(workdir))
                if ports is None:
                    return 0 if self._stop.is_set() else 1
                host = _connectable(self.server.http_host)
                urls.extend(f"http://{host}:{p['http_port']}" for p in ports)
                self._write_ports(ports, http_port)
                logger.info("mmrouter: %d processes ready, ext_proc gRPC on %s; HTTP on %d "
                            "(processes on %s)", len(self.procs),
                            [p["grpc_port"] for p in ports], http_port,
                            [p["http_port"] for p in ports])
                return await self._watch()
            finally:
                # Phases: /ready fails, each process drains its streams (SIGTERM), then the
                # supervisor's own HTTP closes (API calls in flight finish) and it exits.
                self.draining = True
                await asyncio.to_thread(self._stop_all)
                if http is not None:
                    await http.cleanup()

    async def _start_all(self, workdir: Path) -> list[dict[str, int]] | None:
        files = [workdir / f"process-{spec.index}.ports.json" for spec in self.specs]
        die_with_us = _die_with_parent_hook()
        for spec, path in zip(self.specs, files):
            self.procs.append(subprocess.Popen(
                process_argv(spec, self.config_path, self.log_level, path),
                preexec_fn=die_with_us))
        while not all(path.exists() for path in files):
            exited = self._exited()
            if exited is not None:
                logger.error("mmrouter process %d exited with %s while starting; stopping the "
                             "others", *exited)
                return None
            if self._stop.is_set():
                return None
            await asyncio.sleep(POLL_S)
        return [json.loads(path.read_text()) for path in files]

    async def _serve_http(self, urls: list[str]) -> tuple[web.AppRunner, int]:
        """The supervisor's HTTP API, up before the processes load (/health answers; /ready
        says 503 until ``urls`` is filled in)."""
        from mmrouter.serving.supervisor_http import create_supervisor_app

        runner = web.AppRunner(create_supervisor_app(
            urls, client_max_size=self.server.grpc_max_message_bytes,
            draining=lambda: self.draining), access_log=None,
            shutdown_timeout=self.server.shutdown_grace_s)
        await runner.setup()
        await web.TCPSite(runner, self.server.http_host, self.server.http_port).start()
        return runner, runner.addresses[0][1]

    async def _watch(self) -> int:
        while not self._stop.is_set():
            exited = self._exited()
            if exited is not None:
                index, code = exited
                logger.error("mmrouter process %d exited with %s; stopping the others", index,
                             code)
                return 1
            try:
                await asyncio.wait_for(self._stop.wait(), POLL_S)
            except asyncio.TimeoutError:
                pass
        return 0

    def _exited(self) -> tuple[int, int] | None:
        for index, proc in enumerate(self.procs):
            code = proc.poll()
            if code is not None:
                return index, code
        return None

    def _stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.server.shutdown_grace_s + KILL_AFTER_S
        for proc in self.procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                logger.warning("mmrouter process %d did not stop in time; killing it", proc.pid)
                proc.kill()
                proc.wait()

    def _write_ports(self, ports: list[dict[str, int]], http_port: int) -> None:
        if self.ports_file is None:
            return
        data = {"grpc_port": ports[0]["grpc_port"], "http_port": http_port,
                "grpc_ports": [p["grpc_port"] for p in ports],
                "http_ports": [p["http_port"] for p in ports],
                "pids": [proc.pid for proc in self.procs], "supervisor_pid": os.getpid()}
        tmp = self.ports_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data))
        tmp.replace(self.ports_file)


def _connectable(host: str) -> str:
    """Where to reach a process bound to ``host`` (a wildcard address means loopback)."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def _die_with_parent_hook() -> Callable[[], None] | None:
    """Processes get SIGTERM when the supervisor dies, even by SIGKILL (see mmrouter.processes)."""
    return die_with_parent_hook(signal.SIGTERM)
