"""Helpers for LLM-router tests: the Arch-Router STAND-IN (keyword rules, not a model) on an
ephemeral loopback port, and configs that point at it. No LLM weights can be had here."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any, AsyncIterator

from aiohttp import web

from mmrouter.config.schema import Config, parse_config
from mmrouter.devstack.arch_router_stand_in import StandInSettings, create_stand_in_app
from mmrouter.devstack.stack import default_config_data


@contextlib.asynccontextmanager
async def stand_in_server(settings: StandInSettings) -> AsyncIterator[str]:
    """Serve the stand-in in this event loop; yields its OpenAI base URL (…/v1)."""
    runner = web.AppRunner(create_stand_in_app(settings), access_log=None, shutdown_timeout=0.2)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    finally:
        await runner.cleanup()


def llm_config(endpoint: str, head: bool = False, routing: dict[str, Any] | None = None,
               **llm: Any) -> Config:
    """The default config (anchors unless ``head``) with llm_router pointing at ``endpoint``."""
    data = copy.deepcopy(default_config_data())
    if not head:
        data["routing"]["head"] = None
    # best-anchor scores: a verbatim utterance scores 1.0, so these tests know which requests
    # the embedding path is sure of
    data["routing"]["anchor_scoring"] = "max"
    data["routing"].update(routing or {})
    data["image_encoder"] = {**data.get("image_encoder", {}), "enabled": False}
    data["server"] = {**data.get("server", {}), "grpc_port": 0, "http_port": 0}
    data["llm_router"] = {"endpoint": endpoint, **llm}
    return parse_config(data)


def write_oracle(path: Path, answers: dict[str, str]) -> str:
    path.write_text(json.dumps(answers))
    return str(path)
