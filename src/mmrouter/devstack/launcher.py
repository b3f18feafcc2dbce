"""`mmrouter run`: demo backends + mmrouter + a real Envoy, in the foreground until Ctrl-C."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import signal
import tempfile

from mmrouter.config.schema import Config
from mmrouter.devstack.arch_router_stand_in import StandInSettings
from mmrouter.devstack.demo_backends import DemoBackends
from mmrouter.envoy.bootstrap import EnvoyPorts, render_envoy_config
from mmrouter.envoy.process import EnvoyProcess
from mmrouter.serving.server import Server

logger = logging.getLogger(__name__)


async def run_stack(config: Config, listener_port: int = 8801, admin_port: int = 9901,
                    stand_in: "StandInSettings | None" = None) -> None:
    if config.server.processes > 1:
        logger.warning("mmrouter run starts one router process; server.processes (%d) applies "
                       "to mmrouter serve", config.server.processes)
        config = config.replace(server=dataclasses.replace(config.server, processes=1))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    backends = DemoBackends(config, stand_in=stand_in)
    server = Server(config)
    envoy: EnvoyProcess | None = None
    with tempfile.TemporaryDirectory(prefix="mmrouter-envoy-") as workdir:
        try:
            await backends.start()
            await server.start()
            ports = EnvoyPorts(listener_port=listener_port, admin_port=admin_port,
                               ext_proc_host=config.server.grpc_host,
                               ext_proc_port=server.grpc_port or config.server.grpc_port)
            envoy = EnvoyProcess(render_envoy_config(config, ports), workdir, stdout=None)
            await asyncio.to_thread(envoy.start)
            logger.info("Envoy listening on :%d (admin %s); API on :%d. Try:\n  curl -s "
                        "localhost:%d/v1/chat/completions -H 'content-type: application/json' "
                        "-d '{\"model\":\"MoM\",\"messages\":[{\"role\":\"user\",\"content\":"
                        "\"Generate an image of a cat\"}]}'", envoy.listener_port,
                        envoy.admin_url, server.http_port, envoy.listener_port)
            if config.llm_router.mode != "off":
                logger.info("llm_router mode %s against the Arch-Router STAND-IN (keyword rules, "
                            "not a model). See the cascade:\n  curl -s localhost:%d/api/v1/"
                            "classify -d '{\"text\":\"Could you look into this for me?\"}'",
                            config.llm_router.mode, server.http_port)
            await stop.wait()
        finally:
            logger.info("shutting down")
            if envoy is not None:
                await asyncio.to_thread(envoy.stop)
            await server.shutdown()
            await backends.stop()
