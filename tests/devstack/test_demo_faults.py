"""The demo backends' failure modes, over real HTTP on loopback (aiohttp server and client)."""

from __future__ import annotations

import asyncio

import aiohttp

from mmrouter.config.schema import load_config
from mmrouter.devstack.demo_backends import DemoBackends

CHAT = {"model": "gpt-5-chat", "messages": [{"role": "user", "content": "hi"}]}


async def _scenario() -> None:
    backends = DemoBackends(load_config(), ephemeral=True)
    await backends.start()
    gpt = f"http://127.0.0.1:{backends.ports['gpt5_chat']}"
    nano = f"http://127.0.0.1:{backends.ports['nemotron_nano_9b']}"
    try:
        async with aiohttp.ClientSession() as http:
            async def status(url: str, method: str = "POST", json=CHAT) -> int:
                async with http.request(method, url, json=json) as resp:
                    await resp.read()
                    return resp.status

            assert await status(gpt + "/__demo/fault", json={"status": 429, "count": 2}) == 200
            async with http.post(gpt + "/v1/chat/completions", json=CHAT) as resp:
                body = await resp.json()
                assert resp.status == 429 and resp.headers["retry-after"] == "1"
                assert body["error"]["type"] == "rate_limit_error"
            assert await status(gpt + "/health", "GET", None) == 429  # health uses no count
            assert await status(gpt + "/v1/chat/completions") == 429  # the second of two
            assert await status(gpt + "/health", "GET", None) == 200
            assert await status(gpt + "/v1/chat/completions") == 200
            assert await status(gpt + "/__demo/fault", json={"status": 503}) == 200
            for _ in range(3):
                assert await status(gpt + "/v1/chat/completions") == 503
            assert await status(gpt + "/__demo/fault", "DELETE", None) == 200
            assert await status(gpt + "/v1/chat/completions") == 200
            assert await status(gpt + "/__demo/fault", json={"status": 200}) == 400

            assert await status(nano + "/__demo/backends/gpt5_chat/stop", json=None) == 200
            try:
                await status(gpt + "/v1/chat/completions")
                raise AssertionError("a stopped backend answered")
            except aiohttp.ClientConnectionError:
                pass
            assert await status(nano + "/__demo/backends/gpt5_chat/start", json=None) == 200
            assert await status(gpt + "/v1/chat/completions") == 200
            assert await status(nano + "/__demo/backends/nope/stop", json=None) == 404
    finally:
        await backends.stop()


def test_faults_counts_stop_and_start():
    asyncio.run(asyncio.wait_for(_scenario(), 60))
