"""`mmrouter run`: demo backends + mmrouter + a real Envoy, in the foreground until Ctrl-C.

Start-up checks every port first and names a busy one with what holds it. Envoy dies with
this process even when it is killed (PDEATHSIG), and its files (config, log) stay in the
work folder named in any error. SIGTERM/SIGINT stop in phases: /ready turns 503, Envoy stops
accepting connections, requests in flight finish (up to ``server.shutdown_grace_s``), then
Envoy, mmrouter (draining its own streams) and the backends stop.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import shutil
import signal
import tempfile
import time
from pathlib import Path

from mmrouter.config.schema import Config
from mmrouter.devstack.arch_router_stand_in import StandInSettings
from mmrouter.devstack.demo_backends import DemoBackends
from mmrouter.envoy.bootstrap import EnvoyPorts, render_envoy_config
from mmrouter.envoy.process import EnvoyProcess
from mmrouter.processes import check_ports_free
from mmrouter.serving.server import Server

logger = logging.getLogger(__name__)

DRAIN_POLL_S = 0.1


def stack_ports(config: Config, listener_port: int, admin_port: int) -> list[tuple[int, str]]:
    """Every fixed port ``mmrouter run`` binds, with what it is for (0: ephemeral, skipped)."""
    ports = [(listener_port, "Envoy listener, --listener-port"),
             (admin_port, "Envoy admin, --admin-port"),
             (config.server.grpc_port, "mmrouter ext_proc gRPC, server.grpc_port"),
             (config.server.http_port, "mmrouter HTTP API, server.http_port")]
    for model in config.models:
        if model.endpoint:
            port = int(model.endpoint.rpartition(":")[2])
            ports.append((port, f"demo backend {model.cluster}, models[].endpoint"))
    return ports


async def run_stack(config: Config, listener_port: int = 8801, admin_port: int = 9901,
                    stand_in: "StandInSettings | None" = None) -> None:
    if config.server.processes > 1:
        logger.warning("mmrouter run starts one router process; server.processes (%d) applies "
                       "to mmrouter serve", config.server.processes)
        config = config.replace(server=dataclasses.replace(config.server, processes=1))
    check_ports_free(stack_ports(config, listener_port, admin_port), host="0.0.0.0")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    backends = DemoBackends(config, stand_in=stand_in)
    server = Server(config)
    envoy: EnvoyProcess | None = None
    workdir = Path(tempfile.mkdtemp(prefix="mmrouter-envoy-"))
    clean = False
    try:
        await backends.start()
        await server.start()
        ports = EnvoyPorts(listener_port=listener_port, admin_port=admin_port,
                           ext_proc_host=config.server.grpc_host,
                           ext_proc_port=server.grpc_port or config.server.grpc_port)
        envoy = EnvoyProcess(render_envoy_config(config, ports), workdir, stdout=None)
        envoy.spawn()  # on this (main) thread: Envoy's death signal follows the spawning thread
        await asyncio.to_thread(envoy.wait_ready)
        logger.info("Envoy listening on :%d (admin %s, log %s); API on :%d. Try:\n  curl -s "
                    "localhost:%d/v1/chat/completions -H 'content-type: application/json' "
                    "-d '{\"model\":\"MoM\",\"messages\":[{\"role\":\"user\",\"content\":"
                    "\"Generate an image of a cat\"}]}'", envoy.listener_port,
                    envoy.admin_url, envoy.log_path, server.http_port, envoy.listener_port)
        if config.llm_router.mode != "off":
            logger.info("llm_router mode %s against the Arch-Router STAND-IN (keyword rules, "
                        "not a model). See the cascade:\n  curl -s localhost:%d/api/v1/"
                        "classify -d '{\"text\":\"Could you look into this for me?\"}'",
                        config.llm_router.mode, server.http_port)
        await stop.wait()
        clean = True
    finally:
        logger.info("shutting down")
        server.stop_accepting_ready()
        if envoy is not None:
            await asyncio.to_thread(drain_envoy, envoy, config.server.shutdown_grace_s)
            await asyncio.to_thread(envoy.stop)
        await server.shutdown()
        await backends.stop()
        if clean:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            logger.info("Envoy's config and log kept in %s", workdir)


def drain_envoy(envoy: EnvoyProcess, grace_s: float) -> int:
    """Stop Envoy taking connections and wait (up to ``grace_s``) for its requests in flight;
    the number still in flight at the end."""
    if envoy.proc is None or envoy.proc.poll() is not None or not envoy.admin_url:
        return 0
    try:
        envoy.drain_listeners()
        deadline = time.monotonic() + grace_s
        active = envoy.requests_active()
        while active > 0 and time.monotonic() < deadline:
            time.sleep(DRAIN_POLL_S)
            active = envoy.requests_active()
    except OSError as exc:
        logger.warning("could not drain Envoy (%s); stopping it", exc)
        return 0
    if active:
        logger.warning("%d requests still in flight after %.1f s; stopping Envoy", active, grace_s)
    return active
