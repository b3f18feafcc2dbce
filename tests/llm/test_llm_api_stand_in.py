"""The classification API in cascade mode, against the Arch-Router STAND-IN (real HTTP on
loopback; FAKE hashing text encoder, anchors)."""

from __future__ import annotations

import asyncio

import aiohttp

from mmrouter.core.metrics import Metrics
from mmrouter.core.runtime import build_core
from mmrouter.devstack.arch_router_stand_in import StandInSettings
from mmrouter.serving.server import Server

from conftest import FakeHashingTextEncoder
from llm_support import llm_config, stand_in_server, write_oracle

TRY_AGAIN = [{"role": "user", "content": "What is 15 * 7?"},
             {"role": "assistant", "content": "15 * 7 = 95"},
             {"role": "user", "content": "Are you sure about that?"}]


def classify(settings, requests, **llm):
    async def main():
        async with stand_in_server(settings) as endpoint:
            config = llm_config(endpoint, **llm)
            factory = lambda cfg, metrics, sink: build_core(  # noqa: E731
                cfg, metrics, text_encoder=FakeHashingTextEncoder(), status=sink)
            server = Server(config, Metrics(), core_factory=factory)
            await server.start()
            try:
                async with aiohttp.ClientSession() as session:
                    out = []
                    for path, body in requests:
                        url = f"http://127.0.0.1:{server.http_port}{path}"
                        async with session.post(url, json=body) as resp:
                            out.append((resp.status, await resp.json()))
                    async with session.get(f"http://127.0.0.1:{server.http_port}/ready") as resp:
                        ready = await resp.json()
                return out, ready
            finally:
                await server.shutdown()
    return asyncio.run(main())


def test_cascade_reports_both_decisions_and_the_escalation_stand_in(tmp_path):
    settings = StandInSettings(oracle=write_oracle(tmp_path / "o.json",
                                                   {"Are you sure about that?": "try_again"}))
    (escalated, kept), ready = classify(settings, [
        ("/api/v1/classify", {"messages": TRY_AGAIN}),
        ("/api/v1/classify", {"text": "Generate an image of a cat"}),
    ], mode="cascade", escalate_below=0.99)
    status, body = escalated
    assert status == 200 and body["method"] == "llm" and body["escalated"] is True
    assert body["classification"]["category"] == "try_again"
    assert body["recommended_model"] == "gpt-5-chat"
    assert body["embedding"]["method"] == "anchors"
    assert body["llm"]["route"] == "try_again" and body["llm"]["outcome"] == "ok"
    assert body["llm"]["reason"] == "low_confidence"
    assert settings.calls[0]["turns"] == 3  # the whole dialogue, not only the last message
    status, body = kept
    assert body["method"] == "anchors" and body["escalated"] is False
    assert body["llm"]["outcome"] is None
    assert body["embedding"]["category"] == body["classification"]["category"]
    assert ready["components"]["llm_router"]["mode"] == "cascade"


def test_mode_off_body_has_no_llm_fields_stand_in():
    ((status, body),), _ = classify(StandInSettings(), [("/api/v1/classify", {"text": "hi"})])
    assert status == 200 and body["method"] == "anchors"
    assert not {"llm", "embedding", "escalated"} & set(body)
