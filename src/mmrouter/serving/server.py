"""The mmrouter process: HTTP API + ext_proc gRPC around one RouterCore, with phased lifecycle.

Start-up: HTTP first (so /health answers and /ready says 503 while loading), then models load
off the event loop, then gRPC starts and /ready turns 200. Shutdown (SIGTERM) in phases, all
within ``server.shutdown_grace_s``:

1. /ready turns 503 (probes and load balancers stop sending);
2. the ext_proc streams in flight finish. Streams keep being served until none is left: Envoy
   opened them before it could see the 503, and gRPC's own stop cancels the calls it has
   accepted but not yet handed to the service (measured: 12 of 16 in flight went out
   unrouted through ``failure_mode_allow``). A sidecar's Envoy sends new streams until it
   stops itself; refusing them would send those requests on unrouted;
3. gRPC stops taking new streams (those still running get what is left of the grace), the
   HTTP API closes the same way (its calls in flight finish);
4. the encoder workers stop and the process exits.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
import time
from typing import Any, Callable

import grpc
from aiohttp import web

from mmrouter.config.schema import Config
from mmrouter.core.router import RouterCore
from mmrouter.serving.http_api import ServiceStatus, create_app
from mmrouter.core.metrics import Metrics

logger = logging.getLogger(__name__)

DRAIN_POLL_S = 0.05
DRAIN_QUIET_POLLS = 2
CoreFactory = Callable[..., RouterCore]  # (config, metrics, status_sink) -> RouterCore
ConfigOverrides = Callable[[Config], Config]  # the command line's overrides, re-applied on reload


def default_core_factory(config: Config, metrics: Metrics, sink: Callable[..., None]) -> RouterCore:
    from mmrouter.images.scorer import build_image_scorer
    from mmrouter.core.runtime import build_core

    return build_core(config, metrics, image_scorer_factory=build_image_scorer, status=sink)


def default_image_scorer_factory(*args: Any, **kwargs: Any) -> Any:
    from mmrouter.images.scorer import build_image_scorer

    return build_image_scorer(*args, **kwargs)


class Server:
    def __init__(self, config: Config, metrics: Metrics | None = None, *,
                 core_factory: CoreFactory = default_core_factory,
                 ports_file: str | Path | None = None, reload_from: str | Path | None = None,
                 overrides: ConfigOverrides | None = None) -> None:
        self.config = config
        self.metrics = metrics or Metrics()
        self.status = ServiceStatus()
        self.core: RouterCore | None = None
        self.grpc_port: int | None = None
        self.http_port: int | None = None
        self._core_factory = core_factory
        self._ports_file = Path(ports_file) if ports_file else None
        self._grpc: grpc.aio.Server | None = None
        self._http: web.AppRunner | None = None
        self._stop = asyncio.Event()
        self.image_scorer_factory: Callable[..., Any] = default_image_scorer_factory
        self.extproc: Any = None  # the servicer (mmrouter.serving.reload.ExtProcDispatcher)
        self._reload_from, self._overrides = reload_from, overrides  # hot reload (serving.reload)
        self._watcher: Any = None
        self._tracing: Any = None  # the OpenTelemetry provider while tracing is on

    def request_stop(self) -> None:
        self._stop.set()

    async def serve(self) -> None:
        try:
            await self.start()
            await self._stop.wait()
        finally:
            await self.shutdown()

    async def start(self) -> None:
        from mmrouter.tracing.setup import start_tracing

        self._tracing = start_tracing(self.config.tracing)
        await self._start_http()
        self.status.set("text_encoder", "loading", model=self.config.text_encoder.model)
        self.core = await asyncio.to_thread(self._core_factory, self.config, self.metrics,
                                            self.status.set)
        await self._start_grpc()
        self.status.ready = True
        self.metrics.ready.set(1)
        self._write_ports()
        self._start_reload()
        logger.info("mmrouter ready: ext_proc gRPC on %s:%d, HTTP on %s:%d",
                    self.config.server.grpc_host, self.grpc_port,
                    self.config.server.http_host, self.http_port)

    async def _start_http(self) -> None:
        app = create_app(lambda: self.core, self.status, self.metrics.exposition,
                         client_max_size=self.config.server.grpc_max_message_bytes)
        self._http = web.AppRunner(app, access_log=None,
                                   shutdown_timeout=self.config.server.shutdown_grace_s)
        await self._http.setup()
        site = web.TCPSite(self._http, self.config.server.http_host, self.config.server.http_port)
        await site.start()
        self.http_port = self._http.addresses[0][1]

    async def _start_grpc(self) -> None:
        from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
        from mmrouter.serving.extproc import ExtProcService

        limit = self.config.server.grpc_max_message_bytes
        self._grpc = grpc.aio.server(options=[
            ("grpc.max_receive_message_length", limit),
            ("grpc.max_send_message_length", limit),
            ("grpc.so_reuseport", 0),
        ])
        assert self.core is not None  # gRPC starts once the models are loaded
        from mmrouter.serving.reload import ExtProcDispatcher

        self.extproc = ExtProcDispatcher(ExtProcService(self.core), self.core)
        pb_grpc.add_ExternalProcessorServicer_to_server(self.extproc, self._grpc)
        address = f"{self.config.server.grpc_host}:{self.config.server.grpc_port}"
        self.grpc_port = self._grpc.add_insecure_port(address)
        if not self.grpc_port:
            raise OSError(f"cannot bind the ext_proc gRPC port {address}")
        # Envoy's cache observer finds this process by its port (envoy/cache_store.py).
        self.extproc.current.service.store_tag = str(self.grpc_port)
        await self._grpc.start()

    def build_core(self, config: Config) -> RouterCore:
        """A core from nothing, as at start-up (blocking)."""
        return self._core_factory(config, self.metrics, self.status.set)

    def _start_reload(self) -> None:
        """Watch the config file (every ``server.config_poll_s``) and SIGHUP."""
        if self._reload_from is None:
            return
        from mmrouter.serving.reload import ConfigWatcher, Reloader

        reloader = Reloader(self, self._reload_from, self._overrides)
        self._watcher = ConfigWatcher(reloader, self.config.server.config_poll_s)
        self._watcher.start()

    async def reload(self, trigger: str = "request") -> str:
        """Reload the config file now (as SIGHUP does); the outcome."""
        if self._watcher is None:
            raise RuntimeError("hot reload is off: the server was started without a config file")
        return await self._watcher.reloader.reload(trigger)

    def _write_ports(self) -> None:
        if self._ports_file is not None:
            tmp = self._ports_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"grpc_port": self.grpc_port, "http_port": self.http_port}))
            tmp.replace(self._ports_file)

    async def _drain_streams(self, deadline: float) -> None:
        """Shutdown phase 2: serve until no ext_proc stream is left (seen twice in a row, so
        a call gRPC is just handing over is not missed), or until ``deadline``."""
        logger.info("draining: %d ext_proc streams in flight, up to %.1f s",
                    self.extproc.active, max(0.0, deadline - time.monotonic()))
        quiet = 0
        while quiet < DRAIN_QUIET_POLLS and time.monotonic() < deadline:
            quiet = quiet + 1 if self.extproc.active == 0 else 0
            await asyncio.sleep(DRAIN_POLL_S)
        if self.extproc.active:
            logger.warning("%d ext_proc streams still in flight at the end of the grace",
                           self.extproc.active)

    def stop_accepting_ready(self) -> None:
        """Shutdown phase 1: /ready says 503 (load balancers and probes stop sending)."""
        self.status.ready = False
        self.metrics.ready.set(0)

    async def shutdown(self) -> None:
        self.stop_accepting_ready()
        if self._watcher is not None:
            await self._watcher.stop()
        if self._grpc is not None:
            deadline = time.monotonic() + self.config.server.shutdown_grace_s
            await self._drain_streams(deadline)
            # No new streams; any still running get what is left of the grace.
            await self._grpc.stop(max(0.0, deadline - time.monotonic()))
            self._grpc = None
        if self._watcher is not None:  # old configs' parts, once their streams are done
            await self._watcher.reloader.close()
            self._watcher = None
        if self._http is not None:
            await self._http.cleanup()
            self._http = None
        if self.core is not None:
            await self.core.aclose()
            await asyncio.to_thread(self.core.close)
        if self._tracing is not None:  # exports what is still queued
            from mmrouter.tracing.setup import stop_tracing

            await asyncio.to_thread(stop_tracing, self._tracing)
            self._tracing = None
        logger.info("mmrouter stopped")
