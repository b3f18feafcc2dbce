"""The mmrouter process: HTTP API + ext_proc gRPC around one RouterCore, with phased lifecycle.

Start-up: HTTP first (so /health answers and /ready says 503 while loading), then models load
off the event loop, then gRPC starts and /ready turns 200. Shutdown: /ready turns 503, gRPC
stops accepting and drains in-flight streams for ``shutdown_grace_s``, then HTTP closes and
the encoder workers stop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Callable

import grpc
from aiohttp import web

from mmrouter.config.schema import Config
from mmrouter.core.router import RouterCore
from mmrouter.serving.http_api import ServiceStatus, create_app
from mmrouter.core.metrics import Metrics

logger = logging.getLogger(__name__)

CoreFactory = Callable[..., RouterCore]  # (config, metrics, status_sink) -> RouterCore


def default_core_factory(config: Config, metrics: Metrics, sink: Callable[..., None]) -> RouterCore:
    from mmrouter.images.scorer import build_image_scorer
    from mmrouter.core.runtime import build_core

    return build_core(config, metrics, image_scorer_factory=build_image_scorer, status=sink)


class Server:
    def __init__(self, config: Config, metrics: Metrics | None = None, *,
                 core_factory: CoreFactory = default_core_factory,
                 ports_file: str | Path | None = None) -> None:
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

    def request_stop(self) -> None:
        self._stop.set()

    async def serve(self) -> None:
        try:
            await self.start()
            await self._stop.wait()
        finally:
            await self.shutdown()

    async def start(self) -> None:
        await self._start_http()
        self.status.set("text_encoder", "loading", model=self.config.text_encoder.model)
        self.core = await asyncio.to_thread(self._core_factory, self.config, self.metrics,
                                            self.status.set)
        await self._start_grpc()
        self.status.ready = True
        self.metrics.ready.set(1)
        self._write_ports()
        logger.info("mmrouter ready: ext_proc gRPC on %s:%d, HTTP on %s:%d",
                    self.config.server.grpc_host, self.grpc_port,
                    self.config.server.http_host, self.http_port)

    async def _start_http(self) -> None:
        app = create_app(lambda: self.core, self.status, self.metrics.exposition,
                         client_max_size=self.config.server.grpc_max_message_bytes)
        self._http = web.AppRunner(app, access_log=None)
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
        pb_grpc.add_ExternalProcessorServicer_to_server(ExtProcService(self.core), self._grpc)
        address = f"{self.config.server.grpc_host}:{self.config.server.grpc_port}"
        self.grpc_port = self._grpc.add_insecure_port(address)
        if not self.grpc_port:
            raise OSError(f"cannot bind the ext_proc gRPC port {address}")
        await self._grpc.start()

    def _write_ports(self) -> None:
        if self._ports_file is not None:
            tmp = self._ports_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"grpc_port": self.grpc_port, "http_port": self.http_port}))
            tmp.replace(self._ports_file)

    async def shutdown(self) -> None:
        self.status.ready = False
        self.metrics.ready.set(0)
        if self._grpc is not None:
            await self._grpc.stop(self.config.server.shutdown_grace_s)
            self._grpc = None
        if self._http is not None:
            await self._http.cleanup()
            self._http = None
        if self.core is not None:
            await self.core.aclose()
            await asyncio.to_thread(self.core.close)
        logger.info("mmrouter stopped")
