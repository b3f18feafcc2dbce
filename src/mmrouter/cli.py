"""The `mmrouter` command line; the only place logging is configured."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from typing import Callable, Sequence

from mmrouter import __version__
from mmrouter.config.schema import Config, ConfigError, load_config

logger = logging.getLogger("mmrouter")

DESCRIPTION = ("mmrouter: a multimodal LLM router. An Envoy external-processing service that "
               "classifies each OpenAI-style request (text and images) and picks its backend model.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    process = getattr(args, "process_index", None)
    logging.basicConfig(level=getattr(logging, args.log_level.upper()),
                        format="%(asctime)s %(levelname)s " + (f"[process {process}] " if
                                                              process is not None else "")
                        + "%(name)s: %(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights come from packages or local paths only
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Before torch loads libgomp: OpenMP threads spin ~10k rounds, not libgomp's default 300k,
    # after each parallel region; on few cores the long spin holds a core the decoders, the
    # event loop and the other forwards need (measured in process: one-image routing p50
    # 39-40 ms against 41-44).
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")
    try:
        return args.func(args) or 0
    except ConfigError as exc:
        for line in str(exc).splitlines():  # one problem a line
            print(f"mmrouter: config error: {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mmrouter", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"mmrouter {__version__}")
    parser.add_argument("--log-level", default=os.environ.get("MMROUTER_LOG_LEVEL", "info"))
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--config", help="YAML config (default: the embedded default config)")
        p.set_defaults(func=func)
        return p

    p = command("serve", _serve, "Run the ext_proc gRPC service and the HTTP API.")
    p.add_argument("--grpc-port", type=int)
    p.add_argument("--http-port", type=int)
    p.add_argument("--ports-file", help="write the bound ports here as JSON once ready")
    p.add_argument("--torch-threads", type=int, help="override server.torch_threads")
    p.add_argument("--decode-workers", type=int, help="override images.decode_workers")
    p.add_argument("--process-index", type=int,
                   help="(set by the supervisor) serve as process N of server.processes")
    p = command("run", _run, "Run Envoy + mmrouter + demo backends in the foreground.")
    p.add_argument("--listener-port", type=int, default=8801)
    p.add_argument("--admin-port", type=int, default=9901)
    p.add_argument("--llm", nargs="?", const="cascade", choices=("cascade", "always"),
                   help="llm_router on (default: cascade) against the Arch-Router stand-in")
    _stand_in_arguments(p, default_latency="50")
    p = command("demo-backends", _demo_backends, "Run OpenAI-compatible stand-in backends.")
    p.add_argument("--ephemeral", action="store_true", help="bind ephemeral ports")
    p.add_argument("--ports-file", help="write {cluster: port} here as JSON once listening")
    p.add_argument("--llm-stand-in", action="store_true", help="serve the Arch-Router stand-in")
    _stand_in_arguments(p, default_latency="0")
    p = command("envoy-config", _envoy_config, "Print the Envoy bootstrap for the config.")
    p.add_argument("--listener-port", type=int, default=8801)
    p.add_argument("--admin-port", type=int, default=9901)
    p.add_argument("--ext-proc-port", type=int)
    command("check-config", _check_config, "Validate a config and print a summary.")
    schema_help = "Print the JSON Schema of config files (for editors)."
    sub.add_parser("config-schema", help=schema_help, description=schema_help).set_defaults(
        func=_config_schema)
    reference_help = ("Print the configuration reference (Markdown) generated from the JSON Schema "
                      "(docs/configuration.md: `make docs`).")
    sub.add_parser("config-reference", help=reference_help,
                   description=reference_help).set_defaults(func=_config_reference)
    from mmrouter.tools import register_tools

    register_tools(command)
    return parser


def _stand_in_arguments(p: argparse.ArgumentParser, default_latency: str) -> None:
    env = os.environ.get
    p.add_argument("--stand-in-latency-ms", type=float,
                   default=float(env("MMROUTER_STAND_IN_LATENCY_MS", default_latency)),
                   help="Arch-Router stand-in: added latency per answer")
    p.add_argument("--stand-in-mode", default=env("MMROUTER_STAND_IN_MODE", "ok"),
                   choices=("ok", "fail", "garbage", "hang"), help="Arch-Router stand-in: mode")
    p.add_argument("--stand-in-oracle", default=env("MMROUTER_STAND_IN_ORACLE"),
                   help="Arch-Router stand-in: JSON {latest user text: route} answers")


def _stand_in_settings(args: argparse.Namespace):
    from mmrouter.devstack.arch_router_stand_in import StandInSettings

    return StandInSettings(latency_ms=args.stand_in_latency_ms, mode=args.stand_in_mode,
                           oracle=args.stand_in_oracle)


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def _serve(args: argparse.Namespace) -> int:
    from mmrouter.serving.server import Server

    # SIGHUP means "reload the config": never the default (exit), even while models load.
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    config = _serve_config(args)
    if config.server.processes > 1:
        return _supervise(args, config)
    server = Server(config, ports_file=args.ports_file, reload_from=args.config,
                    overrides=lambda c: _with_overrides(c, args))
    asyncio.run(_until_signal(server.serve(), server.request_stop))
    return 0


def _serve_config(args: argparse.Namespace) -> Config:
    """The config with the command line's overrides."""
    from mmrouter.config.checks import validate

    config = _with_overrides(_config(args), args)
    validate(config)  # the overrides obey the file's rules
    return config


def _with_overrides(config: Config, args: argparse.Namespace) -> Config:
    """``config`` with the command line's overrides (also re-applied on a hot reload)."""
    server = config.server
    for name in ("grpc_port", "http_port", "torch_threads"):
        if getattr(args, name) is not None:
            server = server.replace(**{name: getattr(args, name)})
    if args.process_index is not None:  # one of a supervisor's processes: it is one process
        server = server.replace(processes=1)
    images = config.images
    if args.decode_workers is not None:
        images = images.replace(decode_workers=args.decode_workers)
    return config.replace(server=server, images=images)


def _supervise(args: argparse.Namespace, config: Config) -> int:
    from mmrouter.core.inference import cpu_count
    from mmrouter.serving.supervisor import Supervisor, process_specs

    specs = process_specs(config.server, config.images.decode_workers, cpu_count())
    return Supervisor(specs, args.config, args.log_level, args.ports_file, config.server).run()


def _run(args: argparse.Namespace) -> int:
    from mmrouter.devstack.launcher import run_stack
    from mmrouter.processes import PortBusy

    config = _config(args)
    if args.llm:
        config = config.replace(llm_router=config.llm_router.replace(mode=args.llm))
    stand_in = _stand_in_settings(args) if config.llm_router.mode != "off" else None
    try:
        asyncio.run(run_stack(config, listener_port=args.listener_port,
                              admin_port=args.admin_port, stand_in=stand_in))
    except (PortBusy, RuntimeError, TimeoutError) as exc:  # a busy port, Envoy failing to start
        print(f"mmrouter run: {exc}", file=sys.stderr)
        return 1
    return 0


def _demo_backends(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from mmrouter.devstack.demo_backends import DemoBackends

    config = _config(args)
    serve_stand_in = args.llm_stand_in or config.llm_router.mode != "off"
    backends = DemoBackends(config, ephemeral=args.ephemeral,
                            stand_in=_stand_in_settings(args) if serve_stand_in else None)
    stop = asyncio.Event()

    async def main() -> None:
        await backends.start()
        if args.ports_file:
            Path(args.ports_file).write_text(json.dumps(backends.ports))
        try:
            await stop.wait()
        finally:
            await backends.stop()

    asyncio.run(_until_signal(main(), stop.set))
    return 0


def _envoy_config(args: argparse.Namespace) -> int:
    from mmrouter.envoy.bootstrap import EnvoyPorts, render_envoy_config

    config = _config(args)
    ports = EnvoyPorts(listener_port=args.listener_port, admin_port=args.admin_port,
                       ext_proc_host=config.server.grpc_host,
                       ext_proc_port=args.ext_proc_port or config.server.grpc_port,
                       ext_proc_processes=config.server.processes)
    sys.stdout.write(render_envoy_config(config, ports))
    return 0


def _check_config(args: argparse.Namespace) -> int:
    config = _config(args)
    print(f"config OK: {len(config.models)} models, {len(config.routes)} routes "
          f"({', '.join(config.route_names)}); aliases {list(config.routing.aliases)}")
    return 0


def _config_reference(args: argparse.Namespace) -> int:
    from mmrouter.config.reference import config_reference

    sys.stdout.write(config_reference())
    return 0


def _config_schema(args: argparse.Namespace) -> int:
    import json

    from mmrouter.config.schema import config_json_schema

    sys.stdout.write(json.dumps(config_json_schema(), indent=2) + "\n")
    return 0


async def _until_signal(coro, on_signal: Callable[[], None]) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal)
    await coro
