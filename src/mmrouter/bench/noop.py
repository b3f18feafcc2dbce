"""A no-op ext_proc processor: the floor cost of an ext_proc hop, for `mmrouter bench`.

Answers every message of the stream (headers, BUFFERED body, response headers) with an empty
response of the matching kind: no header or body mutation, so Envoy routes the request as if
no processor were there. Runs as its own process (``python -m mmrouter.bench.noop``), like
mmrouter does, with the same gRPC message-size limits.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
from pathlib import Path
from typing import AsyncIterator, Sequence

import grpc

from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2 as pb
from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc

logger = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def noop_response(request: pb.ProcessingRequest) -> pb.ProcessingResponse:
    """The empty response matching the request's kind (continue, change nothing)."""
    kind = request.WhichOneof("request")
    if kind == "request_headers":
        return pb.ProcessingResponse(request_headers=pb.HeadersResponse())
    if kind == "request_body":
        return pb.ProcessingResponse(request_body=pb.BodyResponse())
    if kind == "response_headers":
        return pb.ProcessingResponse(response_headers=pb.HeadersResponse())
    if kind == "response_body":
        return pb.ProcessingResponse(response_body=pb.BodyResponse())
    if kind == "request_trailers":
        return pb.ProcessingResponse(request_trailers=pb.TrailersResponse())
    return pb.ProcessingResponse(response_trailers=pb.TrailersResponse())


class NoopProcessor(pb_grpc.ExternalProcessorServicer):
    def __init__(self) -> None:
        self.streams = 0

    async def Process(self, request_iterator: AsyncIterator[pb.ProcessingRequest],
                      context: grpc.aio.ServicerContext) -> AsyncIterator[pb.ProcessingResponse]:
        self.streams += 1
        async for request in request_iterator:
            yield noop_response(request)


async def start_noop_server(host: str = "127.0.0.1", port: int = 0) -> tuple[grpc.aio.Server, int]:
    server = grpc.aio.server(options=[
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ("grpc.so_reuseport", 0),
    ])
    pb_grpc.add_ExternalProcessorServicer_to_server(NoopProcessor(), server)
    bound = server.add_insecure_port(f"{host}:{port}")
    if not bound:
        raise OSError(f"cannot bind the no-op ext_proc port {host}:{port}")
    await server.start()
    return server, bound


async def _serve(ports_file: Path | None, host: str, port: int) -> None:
    server, bound = await start_noop_server(host, port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if ports_file is not None:
        tmp = ports_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"grpc_port": bound}))
        tmp.replace(ports_file)
    logger.info("no-op ext_proc processor on %s:%d", host, bound)
    await stop.wait()
    await server.stop(1.0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mmrouter.bench.noop", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ports-file", help="write {\"grpc_port\": N} here once serving")
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    logging.basicConfig(level=getattr(logging, args.log_level.upper()))
    asyncio.run(_serve(Path(args.ports_file) if args.ports_file else None, args.host, args.port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
