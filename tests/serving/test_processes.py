"""server.processes > 1: the supervisor, its processes' ports, and Envoy spreading requests.

End to end with real processes (two routers, each with the real MiniLM), a real Envoy and the
demo backends; CLIP is off to keep two model loads within the 2-core test machine's budget.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from mmrouter.config.schema import ConfigError, ServerConfig, load_config
from mmrouter.envoy.bootstrap import EnvoyLimits, EnvoyPorts, envoy_bootstrap, render_envoy_config
from mmrouter.envoy.process import validate_envoy_config
from mmrouter.devstack.stack import LocalStack, default_config_data
from mmrouter.serving.supervisor import process_argv, process_specs

from conftest import chat, http


def test_process_specs_split_ports_and_cpu_threads():
    specs = process_specs(ServerConfig(grpc_port=50051, http_port=8080, processes=3), 0, 16)
    # HTTP: the supervisor keeps 8080 (merged metrics, readiness, API); processes follow it.
    assert [(s.grpc_port, s.http_port) for s in specs] == [(50051, 8081), (50052, 8082),
                                                           (50053, 8083)]
    assert {(s.torch_threads, s.decode_workers) for s in specs} == {(5, 5)}
    ephemeral = process_specs(ServerConfig(grpc_port=0, http_port=0, processes=2,
                                           torch_threads=3), 7, 2)
    assert [(s.grpc_port, s.http_port, s.torch_threads, s.decode_workers) for s in ephemeral] \
        == [(0, 0, 3, 7), (0, 0, 3, 7)]  # 0 stays ephemeral; explicit settings are kept
    argv = process_argv(specs[1], "/etc/mmrouter.yaml", "info", Path("/tmp/p1.json"))
    assert argv[argv.index("--process-index") + 1] == "1"
    assert argv[argv.index("--grpc-port") + 1] == "50052"
    assert argv[argv.index("--config") + 1] == "/etc/mmrouter.yaml"


def test_processes_are_validated(default_config):
    import dataclasses

    from mmrouter.config.checks import validate

    for bad in (0, 65):  # the schema's range: .replace validates, as loading does
        with pytest.raises(ConfigError, match="server.processes: must be"):
            default_config.server.replace(processes=bad)
    with pytest.raises(ConfigError, match="past 65535"):
        validate(default_config.replace(server=dataclasses.replace(
            default_config.server, grpc_port=65535, processes=2)))
    with pytest.raises(ConfigError, match="server.http_port: 2 processes need ports 65534..65536"):
        validate(default_config.replace(server=dataclasses.replace(
            default_config.server, http_port=65534, processes=2)))


@pytest.mark.e2e
def test_envoy_lists_every_process_and_validates(tmp_path):
    config = load_config()
    bootstrap = envoy_bootstrap(config, EnvoyPorts(ext_proc_port=50051, ext_proc_processes=3),
                                EnvoyLimits())
    cluster = next(c for c in bootstrap["static_resources"]["clusters"]
                   if c["name"] == "mmrouter_ext_proc")
    endpoints = cluster["load_assignment"]["endpoints"][0]["lb_endpoints"]
    assert [e["endpoint"]["address"]["socket_address"]["port_value"] for e in endpoints] == \
        [50051, 50052, 50053]
    path = tmp_path / "envoy.yaml"
    path.write_text(render_envoy_config(config, EnvoyPorts(ext_proc_ports=(40001, 40007))))
    result = validate_envoy_config(path)
    assert result.returncode == 0, result.stdout + result.stderr


def _two_process_data() -> dict:
    data = default_config_data()
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    # No file polling: a reload here comes from SIGHUP only.
    data["server"] = {**data.get("server", {}), "processes": 2, "config_poll_s": 0}
    return data


def _sighup_reloads_every_process(stack: LocalStack) -> None:
    """SIGHUP to the supervisor: each process reloads the changed file; the supervisor's /ready
    shows every process's config hash."""
    import time

    import yaml

    from mmrouter.serving.reload import file_hash

    def hashes() -> list[str | None]:
        processes = json.loads(http("GET", stack.api_url + "/ready").body)["processes"]
        return [(p["config"] or {}).get("hash") for p in processes]

    assert hashes() == [file_hash(stack.config_path.read_bytes())] * 2
    data = yaml.safe_load(stack.config_path.read_text())
    data["routing"]["aliases"] = ["MoM", "auto", "router"]
    stack.config_path.write_text(yaml.safe_dump(data, sort_keys=False))
    new = file_hash(stack.config_path.read_bytes())
    time.sleep(0.5)
    assert new not in hashes()  # nothing reloads by itself with config_poll_s: 0
    os.kill(stack.router_pid, signal.SIGHUP)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and hashes() != [new, new]:
        time.sleep(0.1)
    assert hashes() == [new, new]
    assert chat(stack.base_url, {"model": "router", "messages": [
        {"role": "user", "content": "hi"}]}).status == 200


def _samples(api_url: str, name: str) -> list[tuple[dict, float]]:
    from prometheus_client.parser import text_string_to_metric_families

    text = http("GET", api_url + "/metrics").body.decode()
    return [(s.labels, s.value) for family in text_string_to_metric_families(text)
            for s in family.samples if s.name == name]


def _requests_served(api_url: str) -> float:
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    for family in text_string_to_metric_families(http("GET", api_url + "/metrics").body.decode()):
        if family.name == "mmrouter_requests":
            total += sum(s.value for s in family.samples if s.name.endswith("_total"))
    return total


@pytest.mark.e2e
def test_two_processes_share_the_requests_and_stop_together():
    stack = LocalStack(_two_process_data()).start(timeout=240)
    try:
        pids, urls = stack.router_pids, stack.api_urls
        assert len(pids) == 2 and len(set(urls)) == 2 and stack.router_pid not in pids
        assert stack.api_url not in urls  # the supervisor's own HTTP port
        for url in (*urls, stack.api_url):
            ready = http("GET", url + "/ready")
            assert ready.status == 200, ready.body
        assert [p["status"] for p in json.loads(http("GET", stack.api_url + "/ready").body)[
            "processes"]] == [200, 200]
        for i in range(12):
            text = "Generate an image of a cat" if i % 2 else "hello there, how are you?"
            r = chat(stack.base_url, {"model": "MoM",
                                      "messages": [{"role": "user", "content": text}]})
            assert r.status == 200, r.body
            assert r.headers["x-mmrouter-route"] in ("image_generation", "chit_chat")
        served = [_requests_served(url) for url in urls]
        assert sum(served) == 12 and min(served) >= 3, served  # round robin, per request
        assert stack.envoy.counter("http.mmrouter.ext_proc.streams_failed") == 0
        # The supervisor's port: every process's samples, labelled, in one valid exposition.
        merged = _samples(stack.api_url, "mmrouter_requests_total")
        assert {labels["process"] for labels, _ in merged} == {"0", "1"}
        assert sum(value for _, value in merged) == 12
        assert sorted(v for _, v in _samples(stack.api_url, "mmrouter_process_up")) == [1, 1]
        # …and the classification API, passed on to a process.
        answer = http("POST", stack.api_url + "/api/v1/classify",
                      json.dumps({"text": "Generate an image of a cat"}).encode(),
                      {"content-type": "application/json"})
        assert answer.status == 200, answer.body
        assert json.loads(answer.body)["classification"]["category"] == "image_generation"
        bad = http("POST", stack.api_url + "/api/v1/classify", b"{",
                   {"content-type": "application/json"})
        assert bad.status == 400 and json.loads(bad.body)["error"]["type"]
        # GET /v1/models through Envoy, answered via the supervisor's port.
        models = http("GET", stack.base_url + "/v1/models")
        assert models.status == 200 and models.json()["data"][0]["id"] == "MoM"
        _sighup_reloads_every_process(stack)
        supervisor = stack._procs[1]
    finally:
        stack.stop()
    assert supervisor.returncode == 0  # SIGTERM: a requested, graceful stop
    for pid in pids:
        assert _gone(pid), f"router process {pid} outlived its supervisor"


@pytest.mark.e2e
def test_each_process_stores_the_misses_it_routed():
    """The store token names the process that holds the miss's plan; Envoy's observer goes
    there, so every miss is stored whichever process routed it (none is left unclaimed)."""
    data = _two_process_data()
    data["cache"] = {"enabled": True}
    stack = LocalStack(data).start(timeout=240)
    try:
        texts = [f"Tell me a fun fact about animal number {i}" for i in range(8)]
        for text in texts:
            r = chat(stack.base_url, {"model": "MoM",
                                      "messages": [{"role": "user", "content": text}]})
            assert r.status == 200 and r.headers["x-mmrouter-cache"] == "miss", r.body
        deadline = time.monotonic() + 30
        while True:
            results = {labels["result"] for labels, _ in
                       _samples(stack.api_url, "mmrouter_cache_stores_total")}
            per_process = [sum(v for labels, v in _samples(url, "mmrouter_cache_stores_total")
                               if labels["result"] == "stored") for url in stack.api_urls]
            if sum(per_process) >= 8 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert per_process == [4, 4], (per_process, results)  # round robin, each its own
        assert results == {"stored"}, results  # nothing unclaimed, too large or failed
        assert stack.envoy.counter("http.mmrouter.ext_proc.cache_store.streams_started") == 8
        assert stack.envoy.counter("http.mmrouter.ext_proc.cache_store.streams_failed") == 0
    finally:
        stack.stop()


@pytest.mark.e2e
def test_a_process_that_dies_stops_the_supervisor_and_the_others():
    stack = LocalStack(_two_process_data()).start(timeout=240)
    try:
        supervisor = stack._procs[1]
        first, second = stack.router_pids
        os.kill(first, signal.SIGKILL)
        assert supervisor.wait(60) == 1
        assert _gone(second)
    finally:
        stack.stop()


def _gone(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True  # exited; only its parent's wait is missing
        except FileNotFoundError:
            return True
        time.sleep(0.1)
    return False


def test_ports_file_lists_every_process(tmp_path):
    """The supervisor's ports file: the first process's gRPC port and the supervisor's HTTP
    port (what single-process callers read), and every process's."""
    from mmrouter.serving.supervisor import Supervisor

    class Proc:
        def __init__(self, pid: int) -> None:
            self.pid = pid

    supervisor = Supervisor([], None, "info", tmp_path / "ports.json", ServerConfig())
    supervisor.procs = [Proc(11), Proc(12)]  # type: ignore[list-item]
    supervisor._write_ports([{"grpc_port": 5, "http_port": 6}, {"grpc_port": 7, "http_port": 8}],
                            http_port=4)
    data = json.loads((tmp_path / "ports.json").read_text())
    assert data["grpc_port"] == 5 and data["http_port"] == 4  # the supervisor's HTTP
    assert data["grpc_ports"] == [5, 7] and data["http_ports"] == [6, 8]
    assert data["pids"] == [11, 12]


def test_merged_metrics_keep_families_whole_and_label_each_process():
    """Two real registries merged: one valid exposition, samples labelled by process, sums
    right, and a process that did not answer shows as down."""
    from prometheus_client.parser import text_string_to_metric_families

    from mmrouter.core.metrics import Metrics
    from mmrouter.serving.supervisor_http import merge_expositions

    first, second = Metrics(), Metrics()
    first.requests.labels("chit_chat", "m", "classified").inc(3)
    second.requests.labels("chit_chat", "m", "classified").inc(4)
    second.observe_batch("text", 8, 0.001)
    merged = merge_expositions([first.exposition().decode(), second.exposition().decode(), None])
    families = {f.name: f for f in text_string_to_metric_families(merged)}  # parses: valid
    totals = {(s.labels["process"], s.labels["route"]): s.value
              for s in families["mmrouter_requests"].samples if s.name.endswith("_total")}
    assert totals == {("0", "chit_chat"): 3.0, ("1", "chit_chat"): 4.0}
    counts = [s for s in families["mmrouter_batch_size"].samples
              if s.name == "mmrouter_batch_size_count"]
    assert [(s.labels, s.value) for s in counts] == [({"process": "1", "encoder": "text"}, 1.0)]
    assert {s.labels["process"]: s.value for s in families["mmrouter_process_up"].samples} == \
        {"0": 1.0, "1": 1.0, "2": 0.0}
    assert merged.count("# TYPE mmrouter_requests_total counter") == 1
    ready = [s for s in families["mmrouter_ready"].samples]
    assert sorted(s.labels["process"] for s in ready) == ["0", "1"]


def test_supervisor_http_before_and_after_the_processes_are_ready():
    """Before the processes are ready /health answers and /ready and the API say 503 (a probe
    must not kill a loading service); then it reads and passes on to the processes (here FAKE
    processes: tiny aiohttp apps standing in for loaded routers)."""
    import asyncio

    from aiohttp import web
    from aiohttp.test_utils import TestClient, TestServer

    from mmrouter.serving.supervisor_http import create_supervisor_app

    def fake_process(index: int) -> web.Application:
        async def ready(_):
            return web.json_response({"ready": True})

        async def metrics(_):
            return web.Response(text=f"# HELP x_total X\n# TYPE x_total counter\n"
                                     f"x_total {index + 1}.0\n")

        async def classify(request):
            return web.json_response({"process": index, "got": await request.json()})

        app = web.Application()
        app.router.add_get("/ready", ready)
        app.router.add_get("/metrics", metrics)
        app.router.add_post("/api/v1/classify", classify)
        return app

    async def main():
        urls: list[str] = []
        processes = [TestServer(fake_process(i)) for i in range(2)]
        async with TestClient(TestServer(create_supervisor_app(urls))) as client:
            early = [(await client.get(path)).status for path in ("/health", "/ready")]
            refused = await client.post("/api/v1/classify", json={"text": "hi"})
            early.append(refused.status)
            assert (await refused.json())["error"]["code"] == "not_ready"
            for server in processes:
                await server.start_server()
                urls.append(str(server.make_url("")).rstrip("/"))
            ready = (await client.get("/ready")).status
            metrics = await (await client.get("/metrics")).text()
            answered = [(await (await client.post("/api/v1/classify", json={"text": str(i)})
                                ).json())["process"] for i in range(4)]
            for server in processes:
                await server.close()
            gone = (await client.get("/ready")).status
        return early, ready, metrics, answered, gone

    early, ready, metrics, answered, gone = asyncio.run(main())
    assert early == [200, 503, 503]
    assert ready == 200 and gone == 503
    assert 'x_total{process="0"} 1.0' in metrics and 'x_total{process="1"} 2.0' in metrics
    assert sorted(answered) == [0, 0, 1, 1]  # the API goes to each process in turn


def test_supervisor_api_has_no_pool_cap_and_the_processes_body_limit():
    """Through the supervisor, 120 classification calls are in flight at once (aiohttp's
    default pool would hold them at 100), and a 70 MiB body passes as it would to a process
    (limit server.grpc_max_message_bytes, 80 MiB). FAKE process: a tiny aiohttp app."""
    import asyncio

    from aiohttp import web
    from aiohttp.test_utils import TestClient, TestServer

    from mmrouter.serving.supervisor_http import create_supervisor_app

    async def main():
        in_flight, all_in = [0], asyncio.Event()

        async def classify(request):
            body = await request.read()
            in_flight[0] += 1
            if in_flight[0] >= 120:
                all_in.set()
            try:
                await asyncio.wait_for(all_in.wait(), 10)
            except asyncio.TimeoutError:
                return web.json_response({"in_flight": in_flight[0]}, status=504)
            return web.json_response({"bytes": len(body)})

        app = web.Application(client_max_size=100 * 1024 * 1024)
        app.router.add_post("/api/v1/classify", classify)
        process = TestServer(app)
        await process.start_server()
        urls = [str(process.make_url("")).rstrip("/")]
        async with TestClient(TestServer(create_supervisor_app(urls)),
                              connector=_unlimited()) as client:
            calls = [client.post("/api/v1/classify", json={"text": str(i)}) for i in range(120)]
            statuses = [r.status for r in await asyncio.gather(*calls)]
            all_in.set()
            big = await client.post("/api/v1/classify", data=b"x" * (70 * 1024 * 1024),
                                    headers={"content-type": "application/json"})
            big_answer = (big.status, (await big.json()).get("bytes"))
        await process.close()
        return statuses, big_answer

    statuses, big_answer = asyncio.run(main())
    assert statuses == [200] * 120
    assert big_answer == (200, 70 * 1024 * 1024)


def _unlimited():
    import aiohttp

    return aiohttp.TCPConnector(limit=0)


def test_a_process_near_the_top_port_accepts_its_own_arguments(tmp_path):
    """The supervisor checks the whole port range; each process is one process and must not
    re-check the range from its own port (grpc_port 65534, 2 processes: process 1 on 65535)."""
    import yaml

    from mmrouter.cli import _serve_config, build_parser

    data = default_config_data()
    data["server"] = {**data.get("server", {}), "grpc_port": 65534, "http_port": 9000,
                      "processes": 2}
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data))
    args = build_parser().parse_args(["serve", "--config", str(path), "--process-index", "1",
                                      "--grpc-port", "65535", "--http-port", "9002"])
    config = _serve_config(args)
    assert (config.server.processes, config.server.grpc_port) == (1, 65535)
